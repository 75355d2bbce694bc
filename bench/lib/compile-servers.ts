/**
 * The benchmark measures what production runs: the TypeScript compiled by `tsc` and started with
 * plain `node` (as `npm run start:prod`), not the `tsx` loader `npm start` uses for development.
 * The loader alone adds tens of MB of RSS and its own start-up time to every server measured.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { productionNodeFlags } from './production-flags.js';

export interface ServerScripts {
  riskcheck: string;
  /** The node flags of `npm run start:prod`, for every riskcheck process the benchmark starts. */
  riskcheckFlags: string[];
  agentsEcho: string;
  boltEcho: string;
}

const run = promisify(execFile);

/** Compiles the servers under bench/servers (and the code they import) into `outDir`. */
export async function compileServers(outDir: string): Promise<ServerScripts> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.bench.json', '--outDir', outDir]);
  const server = (name: string) => join(outDir, 'bench', 'servers', `${name}.js`);
  return {
    riskcheck: server('riskcheck'),
    riskcheckFlags: await productionNodeFlags(),
    agentsEcho: server('agents-echo'),
    boltEcho: server('bolt-echo'),
  };
}
