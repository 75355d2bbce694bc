/**
 * Store growth: the same data directory with N assessments, as years of use leave it. Each size
 * is started once first (its first reminder sweep plans the reminders years of use would have
 * created), then measured in fresh processes: opening the store alone, the full start-up, RSS,
 * a steady-state reminder sweep, saving one answer (`saveSession`) many times, and RSS again once
 * the server has been idle for a while; then RSS at rest of a server with one platform enabled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSlackApi } from '../../test/helpers/fake-slack-api.js';
import { SIGNING_SECRET } from '../../test/helpers/slack-requests.js';
import type { ServerScripts } from './compile-servers.js';
import { prefillStore } from './fixtures.js';
import { spawnServer } from './ipc.js';
import type { Settings } from './report.js';
import type { Summary } from './stats.js';

export interface GrowthFigures {
  assessments: number;
  assessmentsFileMb: number;
  openMs: number;
  startMs: number;
  rssAfterStartMb: number;
  rssAfterSavesMb: number;
  /** After the saves and `earlyRestMs` of no requests (the per-minute sweep still runs). */
  rssEarlyRestMb: number;
  /** After the saves and `restMs` of no requests. */
  rssAtRestMb: number;
  /** At rest as well, in a server with only that platform enabled (no saves, only its sweeps). */
  rssAtRestOnlyMb: { teams: number; slack: number };
  sweepMs: number;
  save: Summary;
  /** Recording a decision rewrites the assessment history file. */
  saveAssessment: Summary;
  firstSweepMs: number;
}

const MB = 2 ** 20;

/** Resolves to undefined if `promise` has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function measureGrowth(
  size: number,
  {
    saves,
    sweepLimitMs,
    settleMs,
    restMs,
    earlyRestMs,
  }: Pick<Settings, 'saves' | 'sweepLimitMs' | 'settleMs' | 'restMs' | 'earlyRestMs'>,
  slack: FakeSlackApi,
  servers: ServerScripts,
): Promise<GrowthFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), `riskcheck-bench-growth-${size}-`));
  const env = {
    BENCH_DATA_DIR: dataDir,
    BENCH_SIGNING_SECRET: SIGNING_SECRET,
    BENCH_SLACK_API_URL: slack.apiUrl,
    // Production default: the sweep runs at start-up and every minute.
    BENCH_SWEEP: '* * * * *',
  };
  try {
    const { bytes } = await prefillStore(dataDir, size);
    const first = await spawnServer(servers.riskcheck, env, servers.riskcheckFlags);
    const firstSweep = await within(first.call<{ ms: number }>('sweep'), sweepLimitMs);
    // A sweep that does not finish would hold close() forever: end that process instead.
    await (firstSweep ? first.stop() : first.kill());
    // A killed process leaves its lock; the store treats a lock older than 10 s as stale.
    if (!firstSweep) await new Promise((resolve) => setTimeout(resolve, 11_000));

    const opened = await spawnServer(
      servers.riskcheck,
      { ...env, BENCH_OPEN_ONLY: '1' },
      servers.riskcheckFlags,
    );
    const openMs = Number(opened.ready.openMs);
    await opened.stop();

    // Without a finished first sweep the next one would keep planning during the measurements.
    const bot = await spawnServer(
      servers.riskcheck,
      firstSweep ? env : { ...env, BENCH_SWEEP: 'off' },
      servers.riskcheckFlags,
    );
    try {
      // The start-up sweep is still running in the background: wait for it, then time a fresh one.
      const sweep =
        firstSweep && (await within(bot.call('sweep'), sweepLimitMs))
          ? await within(bot.call<{ ms: number }>('sweep'), sweepLimitMs)
          : undefined;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const save = await bot.call<Summary>('saveSessions', { count: saves });
      const saveAssessment = await bot.call<Summary>('saveAssessments', {
        count: Math.max(5, Math.round(saves / 20)),
      });
      const after = await bot.stats();
      // What the server holds once it is idle. V8 returns memory in its memory reducer's
      // collections, which start only once it sees the process idle for several seconds after a
      // full collection and may take a few rounds: read early and at the end of the rest.
      await new Promise((resolve) => setTimeout(resolve, earlyRestMs));
      const earlyRest = await bot.stats();
      await new Promise((resolve) => setTimeout(resolve, restMs - earlyRestMs));
      const atRest = await bot.stats();
      if (!sweep) await bot.kill();
      else await bot.stop();
      // A killed server leaves its lock for 10 s; and without a finished sweep there is no rest.
      const rssAtRestOnlyMb = sweep
        ? {
            teams: await rssAtRestWith('teams', env, servers, settleMs + restMs),
            slack: await rssAtRestWith('slack', env, servers, settleMs + restMs),
          }
        : { teams: Number.NaN, slack: Number.NaN };
      return {
        assessments: size,
        assessmentsFileMb: bytes / MB,
        openMs,
        startMs: Number(bot.ready.startMs),
        rssAfterStartMb: Number(bot.ready.rss) / MB,
        rssAfterSavesMb: after.rss / MB,
        rssEarlyRestMb: earlyRest.rss / MB,
        rssAtRestMb: atRest.rss / MB,
        rssAtRestOnlyMb,
        sweepMs: sweep?.ms ?? Number.NaN,
        save,
        saveAssessment,
        firstSweepMs: firstSweep?.ms ?? Number.POSITIVE_INFINITY,
      };
    } finally {
      await bot.stop().catch(() => undefined);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** RSS of a server with only `platform` enabled, once it has idled `idleMs` after start-up. */
async function rssAtRestWith(
  platform: 'teams' | 'slack',
  env: Record<string, string>,
  servers: ServerScripts,
  idleMs: number,
): Promise<number> {
  const bot = await spawnServer(
    servers.riskcheck,
    { ...env, BENCH_PLATFORMS: platform },
    servers.riskcheckFlags,
  );
  try {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    return (await bot.stats()).rss / MB;
  } finally {
    await bot.stop().catch(() => undefined);
  }
}
