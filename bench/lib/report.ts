/** Renders the benchmark's figures as a console table and as docs/benchmarks.md, with each goal met or missed. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { GrowthFigures } from './growth.js';
import type { PhaseResult, RunFigures } from './load-phase.js';

export interface Settings {
  smoke: boolean;
  concurrencies: number[];
  durationMs: number;
  /** Alternating slices each server's duration is measured in (echo, riskcheck, riskcheck, echo...). */
  rounds: number;
  warmupMs: number;
  /** Each slice's users arrive over the first half of this time; measured after it (finding 19). */
  arrivalMs: number;
  loadStoreSize: number;
  growthSizes: number[];
  saves: number;
  /** A reminder sweep still running after this long is given up on (and reported as such). */
  sweepLimitMs: number;
  /** Idle time after the measured sweep before the saves are timed. */
  settleMs: number;
  /** How long the server idles after the saves before RSS is read "at rest". */
  restMs: number;
  /** When, within that rest, RSS is read once more early (V8 may not have shrunk the heap yet). */
  earlyRestMs: number;
  /** The node flags riskcheck runs with (those of `npm run start:prod`). */
  riskcheckFlags: string[];
  /** Set when only one part was run (`--only`). */
  only?: string;
}

export interface Machine {
  cpus: string;
  node: string;
  platform: string;
  memoryGb: number;
  loadAverage: number[];
}

export interface Report {
  settings: Settings;
  startedAt: Date;
  before: Machine;
  after: Machine;
  phases: PhaseResult[];
  growth: GrowthFigures[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGb: os.totalmem() / 2 ** 30,
    loadAverage: os.loadavg(),
  };
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

interface Goal {
  goal: string;
  measured: string;
  met: boolean | undefined;
}

function pair(phase: PhaseResult, concurrency: number) {
  const at = (server: RunFigures['server']) =>
    phase.runs.find((r) => r.server === server && r.concurrency === concurrency);
  return { bot: at('riskcheck'), echo: at('echo') };
}

export function goals(report: Report): Goal[] {
  const list: Goal[] = [];
  const top = Math.max(...report.settings.concurrencies);
  for (const phase of report.phases) {
    const { bot, echo } = pair(phase, top);
    if (!bot || !echo) continue;
    const name = phase.platform === 'teams' ? 'Teams' : 'Slack';
    const cpuRatio = bot.cpuMsPerTurn / echo.cpuMsPerTurn;
    list.push({
      goal: `${name}: CPU per turn ≤ 1.5× echo`,
      measured: `${f(bot.cpuMsPerTurn, 2)} ms vs ${f(echo.cpuMsPerTurn, 2)} ms = ${f(cpuRatio, 2)}×`,
      met: cpuRatio <= 1.5,
    });
    const p99Ratio = bot.latency.p99 / echo.latency.p99;
    list.push({
      goal: `${name}: p99 at ${top} concurrent ≤ 1.5× echo p99 and ≤ 300 ms`,
      measured: `${f(bot.latency.p99)} ms vs ${f(echo.latency.p99)} ms = ${f(p99Ratio, 2)}×`,
      met: p99Ratio <= 1.5 && bot.latency.p99 <= 300,
    });
    const all = phase.runs.filter((r) => r.server === 'riskcheck');
    if (phase.platform === 'slack') {
      const worst = Math.max(...all.map((r) => r.latency.max));
      list.push({
        goal: 'Slack: every ack well inside 3 s (max < 1 s)',
        measured: `max ${f(worst)} ms, ${all.reduce((s, r) => s + r.errors, 0)} errors`,
        met: worst < 1000 && all.every((r) => r.errors === 0),
      });
    } else {
      const invokes = all.reduce(
        (sum, run) =>
          sum +
          Object.entries(run.byKind)
            .filter(([kind]) => kind === 'invoke' || kind.startsWith('invoke:'))
            .reduce((n, [, summary]) => n + summary.count, 0),
        0,
      );
      // Every failed or wrong answer is counted once in `errors` (wrongAnswers says which were 200 without a card).
      const wrong = all.reduce((s, r) => s + r.errors, 0);
      list.push({
        goal: 'Teams: every invoke answered with the next card',
        measured: `${invokes} invokes, ${wrong} without a card or failed`,
        met: wrong === 0,
      });
    }
  }
  // Smoke runs measure 100 assessments only; `--only teams|slack` skips growth altogether.
  const notMeasured = report.settings.smoke ? 'not measured (smoke)' : 'not measured in this run';
  const small = report.growth.find((g) => g.assessments === 1000);
  const large = report.growth.find((g) => g.assessments === 50_000);
  const saveRatio = small && large ? large.save.p50 / small.save.p50 : Number.NaN;
  list.push({
    goal: 'Save one answer at 50k ≤ 1.3× at 1k',
    measured:
      small && large
        ? `${f(large.save.p50, 2)} ms vs ${f(small.save.p50, 2)} ms = ${f(saveRatio, 2)}×`
        : notMeasured,
    met: large ? saveRatio <= 1.3 : undefined,
  });
  list.push({
    goal: 'Start-up with 50k < 2 s',
    measured: large ? `${f(large.startMs, 0)} ms` : notMeasured,
    met: large ? large.startMs < 2000 : undefined,
  });
  // At rest: what the server holds while serving; the peak right after start-up is shown beside it.
  list.push({
    goal: 'RSS < 150 MB (with 50k, at rest)',
    measured: large
      ? `${f(large.rssAtRestMb, 0)} MB at rest, ${report.settings.restMs / 1000} s after the last request (${f(large.rssEarlyRestMb, 0)} MB ${report.settings.earlyRestMs / 1000} s after it, right after start ${f(large.rssAfterStartMb, 0)} MB, after the sweep and saves ${f(large.rssAfterSavesMb, 0)} MB); with one platform enabled ${f(large.rssAtRestOnlyMb.teams, 0)} MB (Teams) and ${f(large.rssAtRestOnlyMb.slack, 0)} MB (Slack)`
      : notMeasured,
    met: large ? large.rssAtRestMb < 150 : undefined,
  });
  return list;
}

const mark = (met: boolean | undefined) => (met === undefined ? '–' : met ? '**met**' : '**missed**');

function loadRows(report: Report): string[] {
  const rows = [
    '| platform | server | conc. | req/s | p50 ms | p95 ms | p99 ms | max ms | CPU ms/turn | ratio CPU | ratio p99 | RSS MB | loop delay p99 / max ms | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const phase of report.phases) {
    for (const run of phase.runs) {
      const { echo } = pair(phase, run.concurrency);
      const ratio = (a: number, b: number | undefined) =>
        run.server === 'echo' || !b ? '' : `${f(a / b, 2)}×`;
      const name =
        run.server === 'echo' ? (phase.platform === 'teams' ? 'Agents SDK echo' : 'Bolt echo') : 'riskcheck';
      rows.push(
        `| ${phase.platform} | ${name} | ${run.concurrency} | ${f(run.requestsPerSecond, 0)} | ${f(run.latency.p50)} | ${f(run.latency.p95)} | ${f(run.latency.p99)} | ${f(run.latency.max)} | ${f(run.cpuMsPerTurn, 2)} | ${ratio(run.cpuMsPerTurn, echo?.cpuMsPerTurn)} | ${ratio(run.latency.p99, echo?.latency.p99)} | ${f(run.rssMb, 0)} | ${f(run.loopDelay.p99)} / ${f(run.loopDelay.max)} | ${run.errors} |`,
      );
    }
  }
  return rows;
}

/** Why a run had errors, from the first few the driver kept; nothing when there were none. */
function errorLines(report: Report): string {
  const lines = report.phases.flatMap((phase) =>
    phase.runs
      .filter((run) => run.errorSamples.length > 0)
      .map(
        (run) =>
          `- ${phase.platform}, ${run.server}, ${run.concurrency} users: ${run.errorSamples.map((e) => `\`${e.replaceAll('`', "'").replaceAll('\n', ' ')}\``).join('; ')}`,
      ),
  );
  // riskcheck's own log says whether a failed journey failed in the bot or in the benchmark's fakes.
  for (const phase of report.phases)
    if (phase.serverWarnings.count > 0)
      lines.push(
        `- ${phase.platform}, riskcheck's log (warn and above, warm-up included): ${phase.serverWarnings.count}, the first: ${phase.serverWarnings.samples.map((e) => `\`${e.replaceAll('`', "'").replaceAll('\n', ' ')}\``).join('; ')}`,
      );
  return lines.length === 0 ? '' : `\nErrors (the first few of each run):\n\n${lines.join('\n')}\n`;
}

function kindRows(report: Report): string[] {
  const rows = [
    '| platform | conc. | request | count | p50 ms | p99 ms | max ms |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const phase of report.phases)
    for (const run of phase.runs.filter((r) => r.server === 'riskcheck'))
      for (const [kind, s] of Object.entries(run.byKind))
        rows.push(
          `| ${phase.platform} | ${run.concurrency} | ${kind} | ${s.count} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.max)} |`,
        );
  return rows;
}

function growthRows(report: Report): string[] {
  const rows = [
    `| assessments | assessments.jsonl MB | open store ms | start-up ms (process start to first answer) | RSS after start MB | RSS after saves MB | RSS ${report.settings.earlyRestMs / 1000} s later MB | RSS at rest (${report.settings.restMs / 1000} s) MB | at rest, Teams only MB | at rest, Slack only MB | first sweep ms | reminder sweep ms | save answer p50 ms | p95 ms | p99 ms | save assessment p50 ms | max ms |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const g of report.growth)
    rows.push(
      `| ${g.assessments} | ${f(g.assessmentsFileMb)} | ${f(g.openMs, 0)} | ${f(g.startMs, 0)} | ${f(g.rssAfterStartMb, 0)} | ${f(g.rssAfterSavesMb, 0)} | ${f(g.rssEarlyRestMb, 0)} | ${f(g.rssAtRestMb, 0)} | ${f(g.rssAtRestOnlyMb.teams, 0)} | ${f(g.rssAtRestOnlyMb.slack, 0)} | ${Number.isFinite(g.firstSweepMs) ? f(g.firstSweepMs, 0) : `> ${report.settings.sweepLimitMs} (gave up)`} | ${f(g.sweepMs, 0)} | ${f(g.save.p50, 2)} | ${f(g.save.p95, 2)} | ${f(g.save.p99, 2)} | ${f(g.saveAssessment.p50, 1)} | ${f(g.saveAssessment.max, 1)} |`,
    );
  return rows;
}

function goalRows(report: Report): string[] {
  return [
    '| goal | measured | |',
    '| --- | --- | --- |',
    ...goals(report).map((g) => `| ${g.goal} | ${g.measured} | ${mark(g.met)} |`),
  ];
}

export function renderTable(report: Report): string {
  const strip = (rows: string[]) =>
    rows
      .filter((r) => !r.startsWith('| ---'))
      .map((r) => r.replaceAll('**', ''))
      .join('\n');
  return [strip(loadRows(report)), '', strip(growthRows(report)), '', strip(goalRows(report))].join('\n');
}

function findings(): string {
  try {
    return readFileSync(new URL('../findings.md', import.meta.url), 'utf8').trim();
  } catch {
    return '_No findings written yet._';
  }
}

export function renderMarkdown(report: Report): string {
  const { settings: s, before, after } = report;
  const load = (m: Machine) => m.loadAverage.map((l) => l.toFixed(2)).join(' / ');
  return `# Benchmarks

Generated by \`npm run bench\`${s.smoke ? ' **in smoke mode (tiny load: these figures mean nothing)**' : ''} on ${report.startedAt.toISOString()}. Figures are never asserted in \`npm test\`.

## Machine

- CPU: ${before.cpus}
- Node ${before.node}, ${before.platform}, ${before.memoryGb.toFixed(1)} GB RAM
- Load average (1/5/15 min) before: ${load(before)}; after: ${load(after)}. The load generator runs on the same machine, so it competes with the servers for the same cores.

## How it was measured

- Each server runs in its own child process, bundled by esbuild with the options of \`npm run build\` (scripts/bundle.ts; the echo baselines too) and run with plain \`node\` (riskcheck with the node flags of \`npm run start:prod\`: ${s.riskcheckFlags.length ? s.riskcheckFlags.join(' ') : 'none, node defaults'}; \`tsx\`, which \`npm start\` uses, adds about 30 MB of RSS and its own CPU); CPU per turn is its \`process.cpuUsage()\` delta over a measured run divided by the requests it answered (including work done after the response, e.g. Slack handlers after \`ack()\`).
- riskcheck is started with \`startRiskcheck\` (the production composition) in development auth mode on 127.0.0.1, logging at \`info\` to a file beside its data (what it logs at warn level or above is listed with the errors), with a lowdb store pre-filled with ${s.loadStoreSize} assessments; the reminder sweep is off during the load runs and measured on its own below. A fake Bot Framework connector and a fake Slack Web API run on 127.0.0.1 in the driver process.
- Load: closed loop, each simulated user runs whole journeys back to back (${s.durationMs / 1000} s per server and concurrency after ${s.warmupMs / 1000} s warm-up, concurrencies ${s.concurrencies.join(', ')}; ${s.rounds > 1 ? `measured in ${s.rounds} alternating slices, echo first then riskcheck first, and pooled, so a slow or fast spell of the shared machine falls on both servers` : 'one slice each'}; ${s.arrivalMs > 0 ? `in each slice the users start their first journeys one by one over ${s.arrivalMs / 2000} s, and only what is sent after ${s.arrivalMs / 1000} s is measured (CPU and requests included): until the tenth session all users started a journey at the same instant and were timed from there, so each slice opened with a burst of every user's first message and Start (finding 19)` : 'all users start at once and are timed from the start'}). Teams: \`riskcheck\` message, Start, every step's Next with inputs filled, Submit (outcome posted to the linked department channel). Slack: \`/riskcheck\`, Start, every modal step submitted, Submit. Answers vary per user (seeded), so conditional questions and flags vary.
- Baselines receive the very same requests, recorded from riskcheck's warm-up and replayed: an echo bot on the same Agents SDK stack (express + \`authorizeJWT\` anonymous + \`CloudAdapter\`; messages echoed through the connector, invokes answered inline) and a Bolt echo app (\`ExpressReceiver\` with signature verification; the slash command acks with text, buttons and submissions are acked).
- Store growth: data directories with ${s.growthSizes.join(' and ')} generated assessments submitted evenly over the five years before the start of the current month (seeded PRNG, real triage, 80% decided, with their audit trail and the reminders the bot's own planner, run every quarter over those years, would have left: due ones sent, or cancelled once decided), written in the on-disk format. Each is started once (its first sweep plans and sends what fell due since), then measured in fresh processes: \`createLowdbStore\` alone ("open store"), then the full server, whose start-up is timed from the process's start until it has answered a first request (\`GET /healthz\`, sent once \`startRiskcheck\` returns: loading the code, opening the store, listening, and the start-up reminder sweep's first turn, which runs before that request; until the seventh session only \`startRiskcheck\` was timed, and in the seventh until it listened), RSS, one steady-state reminder sweep, then after ${s.settleMs / 1000} s without requests (right after the start-up sweep's planning pass V8 is still collecting its garbage, which made a save at 50,000 about twice as slow for those seconds: finding 15) ${s.saves} sequential \`store.saveSession\` calls (one answer saved and written; its fsync follows within 100 ms, see below), and a few \`store.saveAssessment\` calls (what recording a decision or a submission costs), then ${s.restMs / 1000} s without requests (the per-minute sweep still runs) before RSS is read "at rest", and once more ${s.earlyRestMs / 1000} s into that rest: V8 returns the garbage of start-up, the sweep and the saves only in its memory reducer's collections, which begin once the process has looked idle for several seconds after a full collection, so whether they have run ${s.earlyRestMs / 1000} s after the last request is chance (from the sixth to the eighth session RSS was read only then, and swung between about 140 and 205 MB from run to run; finding 18). The server has both platforms enabled; "Teams only" and "Slack only" are RSS at rest (after the same ${(s.settleMs + s.restMs) / 1000} s, without the saves) of a server started on the same data with one platform enabled, which then loads only that platform's SDK. "First sweep" is the first start's reminder sweep: it replays the history without an index snapshot, plans over every assessment and delivers what fell due since the generated history ends. Riskcheck runs with its default \`RISKCHECK_ANSWER_SYNC_MS=100\`: an answer is written before the reply and fsynced within 100 ms (assessments, decisions, reminders and the audit trail are fsynced before they are acknowledged, except the audit events of a dialog started or cancelled, which are kept like answers).

## Turn latency and throughput

${report.phases.length === 0 ? `_Not run in this report (\`--only ${s.only}\`)._\n\n` : ''}${loadRows(report).join('\n')}
${errorLines(report)}
Per request kind (riskcheck; \`slack.modal_opened\` is the time from sending \`/riskcheck\` until the bot called \`views.open\`, not a request):

${kindRows(report).join('\n')}

processed.jsonl (dedup keys) after the load runs: ${report.phases.map((p) => `${p.platform} ${(p.processedBytes / 1024).toFixed(0)} KB`).join(', ')}.

## Store growth

${report.growth.length === 0 ? `_Not run in this report (\`--only ${s.only}\`)._\n\n` : ''}${growthRows(report).join('\n')}

## Goals (2 cores)

${goalRows(report).join('\n')}

## Findings

${findings()}

## Reproduce

\`\`\`sh
npm run bench                 # full run (about 10 minutes; the first run of a month also generates the 50k store, cached in the temp dir)
npm run bench -- --smoke      # tiny load, 100 assessments: checks that the benchmark works
npm run bench -- --only teams # or slack, or growth
npm run bench -- --cpu-prof   # also writes .cpuprofile files of riskcheck and the echo servers to $TMPDIR/riskcheck-bench-profiles
npx tsx bench/micro/render-cards.ts  # Teams card rendering, CPU µs per card
npx tsx bench/micro/teams-turns.ts   # riskcheck's own CPU per Teams turn by kind, without HTTP and the SDK
\`\`\`

Run on an otherwise idle machine: other processes on the same cores change every figure (a type check or a test run during a measurement halved the echo baselines' throughput in one run here).
`;
}
