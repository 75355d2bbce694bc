/**
 * One platform's load comparison: the real riskcheck server and its echo baseline, each in its
 * own child process, driven with the same journeys at each concurrency. CPU per turn is the
 * child's process.cpuUsage() delta over the measured run divided by the requests it answered.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeConnector } from '../../test/helpers/fake-connector.js';
import type { FakeSlackApi } from '../../test/helpers/fake-slack-api.js';
import { SIGNING_SECRET } from '../../test/helpers/slack-requests.js';
import type { ServerScripts } from './compile-servers.js';
import { type Journey, NOT_REQUESTS, Recorder, runClosedLoop } from './driver.js';
import { prefillStore } from './fixtures.js';
import { type ChildServer, type LoopDelay, type ServerStats, spawnServer } from './ipc.js';
import {
  linkSlackChannel,
  type SlackRecording,
  slackJourney,
  slackReplay,
  watchSlackCalls,
} from './slack-load.js';
import type { Summary } from './stats.js';
import { linkTeamsChannel, type Recording, teamsJourney, teamsReplay } from './teams-load.js';

export type Platform = 'teams' | 'slack';

export interface RunFigures {
  server: 'riskcheck' | 'echo';
  concurrency: number;
  requests: number;
  journeys: number;
  requestsPerSecond: number;
  latency: Summary;
  /** Per request kind (invoke, slash, view_submission...). */
  byKind: Record<string, Summary>;
  cpuMsPerTurn: number;
  errors: number;
  /** The first few errors, as the driver described them. */
  errorSamples: string[];
  wrongAnswers: number;
  rssMb: number;
  /** The server's event-loop delay over the run (a stall, not queueing). */
  loopDelay: LoopDelay;
}

export interface PhaseOptions {
  platform: Platform;
  concurrencies: number[];
  durationMs: number;
  /** Alternating slices the duration is measured in, per server and concurrency. */
  rounds: number;
  warmupMs: number;
  /**
   * Each slice lets its users in over the first half of this time and measures only after it
   * (CPU, requests, latency, loop delay): the figures are of a steady stream of journeys, not of
   * every user's first request at the same instant (finding 19).
   */
  arrivalMs: number;
  storeSize: number;
  connector: FakeConnector;
  slack: FakeSlackApi;
  servers: ServerScripts;
  /** Where to write CPU profiles of both servers (`--cpu-prof`), named after each. */
  profileDir?: string;
}

export interface PhaseResult {
  platform: Platform;
  runs: RunFigures[];
  /** processed.jsonl (dedup keys) after the run: one line per request, compacted as keys expire. */
  processedBytes: number;
  /** What riskcheck itself logged at warn level or above during the phase, warm-up included. */
  serverWarnings: { count: number; samples: string[] };
}

/** One server's share of one round: what is pooled across rounds into its RunFigures. */
interface RoundPart {
  recorder: Recorder;
  elapsedMs: number;
  cpuUs: number;
  rss: number;
  loopDelay: LoopDelay;
}

async function measureRound(
  server: ChildServer,
  concurrency: number,
  durationMs: number,
  journey: Journey,
  firstUser: number,
  arrivalMs: number,
): Promise<RoundPart> {
  let before: ServerStats | undefined;
  const load = await runClosedLoop(concurrency, durationMs, journey, firstUser, {
    ms: arrivalMs,
    onMeasuring: async () => {
      before = await server.stats();
      await server.call('loopDelay');
    },
  });
  if (!before) throw new Error('the run ended before measuring started');
  // Let work done after the responses (Slack handlers after ack, channel posts) be counted too.
  await new Promise((r) => setTimeout(r, 300));
  const after = await server.stats();
  const loopDelay = await server.call<LoopDelay>('loopDelay');
  const cpuUs = after.cpu.user - before.cpu.user + (after.cpu.system - before.cpu.system);
  return { recorder: load.recorder, elapsedMs: load.elapsedMs, cpuUs, rss: after.rss, loopDelay };
}

/** Pools a server's rounds: every request's latency, all CPU over all requests, the worst loop delay. */
function pooled(name: RunFigures['server'], concurrency: number, parts: readonly RoundPart[]): RunFigures {
  const recorder = new Recorder();
  let elapsedMs = 0;
  let cpuUs = 0;
  for (const part of parts) {
    for (const [kind, list] of part.recorder.byKind) for (const ms of list) recorder.add(kind, ms);
    recorder.errors += part.recorder.errors;
    recorder.errorSamples.push(...part.recorder.errorSamples);
    recorder.wrongAnswers += part.recorder.wrongAnswers;
    recorder.journeys += part.recorder.journeys;
    elapsedMs += part.elapsedMs;
    cpuUs += part.cpuUs;
  }
  const requests = recorder.requests(NOT_REQUESTS).length;
  const byKind: Record<string, Summary> = {};
  for (const kind of recorder.byKind.keys()) byKind[kind] = recorder.summary([kind]);
  return {
    server: name,
    concurrency,
    requests,
    journeys: recorder.journeys,
    requestsPerSecond: (requests / Math.max(1, elapsedMs)) * 1000,
    latency: recorder.summary(),
    byKind,
    cpuMsPerTurn: cpuUs / 1000 / Math.max(1, requests),
    errors: recorder.errors,
    errorSamples: recorder.errorSamples,
    wrongAnswers: recorder.wrongAnswers,
    rssMb: Math.max(...parts.map((part) => part.rss)) / 2 ** 20,
    loopDelay: {
      p50: Math.max(...parts.map((part) => part.loopDelay.p50)),
      p99: Math.max(...parts.map((part) => part.loopDelay.p99)),
      max: Math.max(...parts.map((part) => part.loopDelay.max)),
    },
  };
}

/**
 * Both servers at one concurrency, in `rounds` alternating slices of the duration (echo first,
 * then riskcheck first, ...), pooled: on a shared 2-core machine a slow or fast spell lasts
 * seconds to minutes, and one long run each let it fall on one server only (the same code
 * measured 1.16–1.52 ms per turn from one run to the next).
 */
async function measurePair(
  servers: Record<RunFigures['server'], ChildServer>,
  journeys: Record<RunFigures['server'], Journey>,
  concurrency: number,
  durationMs: number,
  rounds: number,
  firstUser: number,
  arrivalMs: number,
): Promise<RunFigures[]> {
  const parts: Record<RunFigures['server'], RoundPart[]> = { echo: [], riskcheck: [] };
  for (let round = 0; round < rounds; round++) {
    const order: RunFigures['server'][] = round % 2 === 0 ? ['echo', 'riskcheck'] : ['riskcheck', 'echo'];
    for (const name of order) {
      parts[name].push(
        await measureRound(
          servers[name],
          concurrency,
          durationMs / rounds,
          journeys[name],
          firstUser,
          arrivalMs,
        ),
      );
    }
  }
  return [pooled('echo', concurrency, parts.echo), pooled('riskcheck', concurrency, parts.riskcheck)];
}

function profileFlags(dir: string | undefined, name: string): string[] {
  return dir
    ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : [];
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { platform, connector, slack } = options;
  const dataDir = await mkdtemp(join(tmpdir(), `riskcheck-bench-${platform}-`));
  await prefillStore(dataDir, options.storeSize);
  const bot = await spawnServer(
    options.servers.riskcheck,
    {
      BENCH_DATA_DIR: dataDir,
      BENCH_SIGNING_SECRET: SIGNING_SECRET,
      BENCH_SLACK_API_URL: slack.apiUrl,
      BENCH_SWEEP: 'off',
    },
    [...options.servers.riskcheckFlags, ...profileFlags(options.profileDir, `riskcheck-${platform}`)],
    // Kept, so a failed journey can be told apart from a failure of the benchmark's own fakes.
    `${dataDir}.log`,
  );
  const echo = await spawnServer(
    platform === 'teams' ? options.servers.agentsEcho : options.servers.boltEcho,
    { BENCH_SIGNING_SECRET: SIGNING_SECRET },
    profileFlags(options.profileDir, `echo-${platform}`),
  );
  const watcher = watchSlackCalls(slack);
  const runs: RunFigures[] = [];
  try {
    const teams: Recording = [];
    const slackRecording: SlackRecording = [];
    let real: Journey;
    if (platform === 'teams') {
      await linkTeamsChannel(bot.url, connector.url);
      real = teamsJourney(bot.url, connector.url, teams);
    } else {
      await linkSlackChannel(bot.url, slack);
      real = slackJourney(bot.url, slack, watcher, slackRecording);
    }
    // Warm-up: JIT, connection pools, and the recording the echo baseline replays.
    await runClosedLoop(Math.max(...options.concurrencies), options.warmupMs, real, 100_000);
    const replay =
      platform === 'teams' ? teamsReplay(echo.url, teams) : slackReplay(echo.url, slackRecording);
    await runClosedLoop(Math.max(...options.concurrencies), options.warmupMs, replay);
    let firstUser = 0;
    for (const concurrency of options.concurrencies) {
      runs.push(
        ...(await measurePair(
          { echo, riskcheck: bot },
          { echo: replay, riskcheck: real },
          concurrency,
          options.durationMs,
          options.rounds,
          firstUser,
          options.arrivalMs,
        )),
      );
      connector.reset();
      firstUser += concurrency;
    }
  } finally {
    watcher.stop();
    await bot.stop();
    await echo.stop();
  }
  const processedBytes = (await stat(join(dataDir, 'processed.jsonl')).catch(() => undefined))?.size ?? 0;
  await rm(dataDir, { recursive: true, force: true });
  const serverWarnings = await warningsIn(`${dataDir}.log`);
  await rm(`${dataDir}.log`, { force: true });
  return { platform, runs, processedBytes, serverWarnings };
}

const WARN = 40;
const MAX_WARNING_SAMPLES = 5;

/** pino's JSON lines at warn level or above: how many, and the first few as `message: error`. */
async function warningsIn(file: string): Promise<PhaseResult['serverWarnings']> {
  const samples: string[] = [];
  let count = 0;
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (!line.includes('"level":')) continue;
    let entry: { level?: number; msg?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < WARN) continue;
    count++;
    if (samples.length < MAX_WARNING_SAMPLES)
      samples.push(`${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 300));
  }
  return { count, samples };
}
