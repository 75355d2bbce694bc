/**
 * The real riskcheck server for the benchmark: `startRiskcheck` (the production composition) in
 * development auth mode on loopback, with the Slack Web API pointed at the benchmark's fake. It
 * reports its own start-up time, and on request measures store operations from inside.
 * `BENCH_PLATFORMS` (`both` by default, `teams` or `slack`) chooses the platforms enabled.
 */
import { startRiskcheck } from '../../bot/start.js';
import type { DialogSession } from '../../dialogs/session.js';
import { createLowdbStore } from '../../storage/index.js';
import { localRuntime } from '../../test/helpers/local-runtime.js';
import { createContext, randomAnswers, seededRandom } from '../lib/fixtures.js';
import { serveCommands, stats } from '../lib/ipc.js';
import { summarise } from '../lib/stats.js';

const env = process.env;
const dataDir = env.BENCH_DATA_DIR ?? 'data';

if (env.BENCH_OPEN_ONLY === '1') {
  // Opening the store alone, in a fresh process: what start-up pays to read the files.
  const started = performance.now();
  const store = await createLowdbStore({ dataDir });
  const openMs = performance.now() - started;
  const after = stats();
  await store.close();
  serveCommands({ openMs, rss: after.rss }, { close: () => setImmediate(() => process.exit(0)) });
} else {
  const platforms = env.BENCH_PLATFORMS ?? 'both';
  const runtime = localRuntime(dataDir, {
    logLevel: 'info',
    teams: { enabled: platforms !== 'slack' },
    slack:
      platforms === 'teams'
        ? { enabled: false }
        : {
            enabled: true,
            signingSecret: env.BENCH_SIGNING_SECRET ?? '',
            botToken: 'xoxb-bench',
            apiUrl: env.BENCH_SLACK_API_URL ?? '',
          },
    reminderSweepCron: env.BENCH_SWEEP && env.BENCH_SWEEP !== 'off' ? env.BENCH_SWEEP : null,
  });
  const bot = await startRiskcheck({ runtime });
  // From the process's start (performance's time origin) until it answers a request, as an
  // operator or the first user sees it: loading the code, opening the store, listening, and the
  // start-up reminder sweep's first turn, which runs before a request that arrives meanwhile.
  await fetch(`${bot.url}/healthz`);
  const startMs = performance.now();
  const afterStart = stats();

  serveCommands(
    { port: bot.port, startMs, rss: afterStart.rss },
    {
      /** One reminder sweep (plans and delivers), timed; waits for one already running. */
      async sweep() {
        const t = performance.now();
        const report = await bot.reminders.sweep();
        return { ms: performance.now() - t, planned: report.planned, sent: report.sent.length };
      },
      /** The store cost of saving one answer: `saveSession` of a half-answered dialog, sequentially. */
      async saveSessions(args) {
        const count = Number(args.count ?? 200);
        const ctx = createContext();
        const now = new Date().toISOString();
        let session: DialogSession = {
          id: `bench-session-${process.pid}`,
          owner: { platform: 'teams', userId: 'bench-aad-saver', displayName: 'Bench Saver' },
          questionnaireId: ctx.questionnaire.id,
          questionnaireVersion: ctx.questionnaire.version,
          status: 'in_progress',
          stepId: 'partner',
          answers: randomAnswers(seededRandom(7), ctx, 20),
          returnToReview: false,
          createdAt: now,
          updatedAt: now,
          version: 0,
        };
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          const t = performance.now();
          const result = await bot.deps.store.saveSession(
            { ...session, updatedAt: new Date().toISOString() },
            session.version,
          );
          times.push(performance.now() - t);
          if (result.kind !== 'saved') throw new Error('saveSession conflict in benchmark');
          session = result.record;
        }
        await bot.deps.store.deleteSession(session.id);
        return summarise(times);
      },
      /** The cost of recording a decision: `saveAssessment` of one stored assessment, sequentially. */
      async saveAssessments(args) {
        const count = Number(args.count ?? 10);
        const [department] = bot.deps.organisation.departments;
        // Picked from the summaries, as the bot does: listing the department's full records
        // would read thousands of them from disk and inflate the RSS measured after the saves.
        const newest = (
          await bot.deps.store.listAssessmentSummaries({ departmentId: department?.id ?? '' })
        ).at(-1);
        let assessment = newest && (await bot.deps.store.getAssessment(newest.id));
        if (!assessment) return summarise([]);
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          const t = performance.now();
          const result = await bot.deps.store.saveAssessment(
            { ...assessment, title: `${assessment.title} ` },
            assessment.version,
          );
          times.push(performance.now() - t);
          if (result.kind !== 'saved') throw new Error('saveAssessment conflict in benchmark');
          assessment = result.record;
        }
        return summarise(times);
      },
      async close() {
        await bot.close();
        setImmediate(() => process.exit(0));
      },
    },
  );
}
