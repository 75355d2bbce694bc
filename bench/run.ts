/**
 * `npm run bench`: turn latency, throughput and CPU of riskcheck against the echo baselines on
 * both platforms, then store growth, printed as a table and written to docs/benchmarks.md.
 * `--smoke` (or BENCH_SMOKE=1) runs a tiny version for the test suite; `--out <file>` (or
 * BENCH_OUT) writes the report elsewhere; `--cpu-prof` profiles the riskcheck server;
 * `--only teams|slack|growth` runs one part.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeConnector } from '../test/helpers/fake-connector.js';
import { startFakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { compileServers } from './lib/compile-servers.js';
import { type GrowthFigures, measureGrowth } from './lib/growth.js';
import { type PhaseResult, runPhase } from './lib/load-phase.js';
import { machine, renderMarkdown, renderTable, type Settings } from './lib/report.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: process.env.BENCH_SMOKE === '1' },
    out: { type: 'string', default: process.env.BENCH_OUT ?? 'docs/benchmarks.md' },
    'cpu-prof': { type: 'boolean', default: false },
    only: { type: 'string' },
    /** Seconds per measured run, to override the mode's default (e.g. longer for profiling). */
    duration: { type: 'string' },
  },
});

const settings: Settings = values.smoke
  ? {
      smoke: true,
      concurrencies: [4],
      durationMs: 1500,
      rounds: 2,
      warmupMs: 500,
      arrivalMs: 200,
      loadStoreSize: 100,
      growthSizes: [100],
      saves: 20,
      sweepLimitMs: 60_000,
      settleMs: 200,
      restMs: 1000,
      earlyRestMs: 500,
      riskcheckFlags: [],
    }
  : {
      smoke: false,
      concurrencies: [10, 100],
      durationMs: 20_000,
      rounds: 2,
      warmupMs: 5000,
      arrivalMs: 2000,
      loadStoreSize: 1000,
      growthSizes: [1000, 50_000],
      saves: 1000,
      sweepLimitMs: 120_000,
      settleMs: 5000,
      restMs: 90_000,
      earlyRestMs: 30_000,
      riskcheckFlags: [],
    };

if (values.only) settings.only = values.only;
if (values.duration) settings.durationMs = Number(values.duration) * 1000;
const PROFILE_DIR = join(tmpdir(), 'riskcheck-bench-profiles');
const startedAt = new Date();
const before = machine();
console.error('bench: compiling the servers…');
// Inside the project (build/ is ignored by git), so the compiled servers resolve node_modules.
await mkdir('build', { recursive: true });
const buildDir = await mkdtemp(join('build', 'bench-'));
const phases: PhaseResult[] = [];
const growth: GrowthFigures[] = [];
// Undone in reverse order whatever step fails, the compilation included.
const cleanups: (() => Promise<unknown>)[] = [() => rm(buildDir, { recursive: true, force: true })];
try {
  const servers = await compileServers(buildDir);
  settings.riskcheckFlags = servers.riskcheckFlags;
  const connector = await startFakeConnector({ record: false });
  cleanups.push(() => connector.close());
  const slack = await startFakeSlackApi();
  cleanups.push(() => slack.close());
  for (const platform of ['teams', 'slack'] as const) {
    if (values.only && values.only !== platform) continue;
    console.error(`bench: ${platform} load…`);
    phases.push(
      await runPhase({
        platform,
        concurrencies: settings.concurrencies,
        durationMs: settings.durationMs,
        rounds: settings.rounds,
        warmupMs: settings.warmupMs,
        arrivalMs: settings.arrivalMs,
        storeSize: settings.loadStoreSize,
        connector,
        slack,
        servers,
        ...(values['cpu-prof'] ? { profileDir: PROFILE_DIR } : {}),
      }),
    );
  }
  for (const size of settings.growthSizes) {
    if (values.only && values.only !== 'growth') continue;
    console.error(`bench: store growth with ${size} assessments…`);
    growth.push(await measureGrowth(size, settings, slack, servers));
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

const report = { settings, startedAt, before, after: machine(), phases, growth };
console.log(renderTable(report));
await writeFile(values.out, renderMarkdown(report));
console.error(`bench: wrote ${values.out}`);
if (values['cpu-prof'])
  console.error(`bench: CPU profiles of the servers (riskcheck and echo) in ${PROFILE_DIR}`);
