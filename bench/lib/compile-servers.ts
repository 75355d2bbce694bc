/**
 * The benchmark measures what production runs: each server bundled by esbuild with the options
 * of `npm run build` (scripts/bundle.ts) and started with plain `node` (as `npm run start:prod`),
 * not the `tsx` loader `npm start` uses for development, which adds tens of MB of RSS and its own
 * start-up time. The echo baselines are bundled the same way, so both sides of a ratio load and
 * run code built alike.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/bundle.js';
import { productionNodeFlags } from './production-flags.js';

export interface ServerScripts {
  riskcheck: string;
  /** The node flags of `npm run start:prod`, for every riskcheck process the benchmark starts. */
  riskcheckFlags: string[];
  agentsEcho: string;
  boltEcho: string;
}

/** Bundles each server under bench/servers (and the code it imports) into its own folder of `outDir`. */
export async function compileServers(outDir: string): Promise<ServerScripts> {
  const bundle = async (name: string) => {
    // One build per server, as production builds the bot alone: no chunk shared between them.
    const dir = join(outDir, name);
    await build(bundleOptions({ [name]: `bench/servers/${name}.ts` }, dir));
    return join(dir, `${name}.js`);
  };
  return {
    riskcheck: await bundle('riskcheck'),
    riskcheckFlags: await productionNodeFlags(),
    agentsEcho: await bundle('agents-echo'),
    boltEcho: await bundle('bolt-echo'),
  };
}
