/**
 * The reminder loop: plan the rows that should exist, then deliver those that are due, marking
 * each sent only after delivery succeeded, then apply the data retention period. It runs at
 * start-up (catch-up after downtime) and then on a croner schedule, one sweep at a time. Time
 * always comes from the injected clock, so tests call sweep() after moving a fake clock.
 */
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { Cron } from 'croner';
import type { Reminder } from '../../dialogs/reminders/reminder.js';
import { type AppDeps, audit } from '../app/app-deps.js';
import { applyRetention } from '../data-care/retention.js';
import { deliverReminder } from './deliver-reminder.js';
import { reminderPlanner } from './plan-reminders.js';
import { MAX_ATTEMPTS, nextAttemptDelayMs } from './retry-policy.js';

export interface SweepReport {
  planned: number;
  sent: string[];
  skipped: string[];
  failed: string[];
  /** Closed assessments past the retention period, handled in the same sweep. */
  retention: { anonymised: number; deleted: number };
}

export interface ReminderSweeper {
  sweep(): Promise<SweepReport>;
  /** Runs sweep() now and then on the cron rule (real time), until stop(). */
  start(cron: string): void;
  stop(): Promise<void>;
}

/**
 * Planning and retention look at every assessment's summary (from memory, never the records on
 * disk), and planning at the id of every reminder row there is: at 50,000 assessments that is
 * calendar arithmetic per assessment and tens of megabytes of short-lived summaries and id sets.
 * Delivering due rows costs none of that. So the sweep that runs every minute only delivers, and
 * planning (discussion rows included) and retention run this often: rows are planned days ahead
 * of their due date (the next semester's discussion as soon as the previous one is planned) and
 * retention periods are counted in months, so an hour of delay changes nothing. The first sweep
 * after start-up always does both.
 */
export const FULL_PLAN_INTERVAL_MS = 60 * 60 * 1000;

export function createReminderSweeper(deps: AppDeps): ReminderSweeper {
  let running: Promise<SweepReport> | undefined;
  let job: Cron | undefined;
  const state = { lastFullPlanAt: Number.NEGATIVE_INFINITY };

  const sweep = (): Promise<SweepReport> => {
    running ??= sweepOnce(deps, state).finally(() => {
      running = undefined;
    });
    return running;
  };
  const safeSweep = () => {
    sweep().catch((error: unknown) => deps.logger.error({ err: String(error) }, 'reminder sweep failed'));
  };

  return {
    sweep,
    start(cron) {
      safeSweep();
      job = new Cron(cron, { protect: true }, safeSweep);
    },
    async stop() {
      job?.stop();
      await running?.catch(() => undefined);
    },
  };
}

async function sweepOnce(deps: AppDeps, state: { lastFullPlanAt: number }): Promise<SweepReport> {
  const now = deps.clock.now();
  const report: SweepReport = {
    planned: 0,
    sent: [],
    skipped: [],
    failed: [],
    retention: { anonymised: 0, deleted: 0 },
  };
  const fullPlan = now.getTime() - state.lastFullPlanAt >= FULL_PLAN_INTERVAL_MS;
  if (fullPlan) state.lastFullPlanAt = now.getTime();
  for (const department of fullPlan ? deps.organisation.departments : []) {
    // The store answers from memory, so without these the whole planning pass (about half a
    // second of CPU at 50,000 assessments) would hold the event loop in one piece: requests
    // arriving meanwhile, the first ones after start-up included, would wait for all of it.
    // These part departments and their steps; the store's visit parts a department into pages
    // (findings 17 and 18). The summaries are handed over one by one and dropped at once.
    await yieldToIo();
    const existing = await deps.store.listReminderIds(department.id);
    await yieldToIo();
    const planner = reminderPlanner({ organisation: deps.organisation, department, existing, now });
    await deps.store.visitAssessmentSummaries({ departmentId: department.id }, planner.add);
    const rows = planner.rows();
    // Saved together, so the store writes its file once for the batch instead of once per row.
    const saved = await Promise.all(rows.map((reminder) => deps.store.saveReminder(reminder, 0)));
    report.planned += saved.filter((r) => r.kind === 'saved').length;
  }
  const nowIso = now.toISOString();
  const due = (await deps.store.listDueReminders(nowIso)).filter(
    (r) => !r.nextAttemptAt || r.nextAttemptAt <= nowIso,
  );
  for (const reminder of due) {
    const result = await deliverReminder(deps, reminder);
    const updated = applyResult(reminder, result, now);
    const saved = await deps.store.saveReminder(updated, reminder.version);
    if (saved.kind === 'conflict')
      deps.logger.warn({ reminder: reminder.id }, 'reminder changed during delivery');
    const bucket =
      result.kind === 'sent' ? report.sent : result.kind === 'skipped' ? report.skipped : report.failed;
    bucket.push(reminder.id);
    await audit(
      deps,
      'system',
      `reminder.${updated.status === 'pending' ? 'retry' : result.kind}`,
      reminder.id,
      {
        kind: reminder.kind,
        attempts: updated.attempts,
      },
    );
    if (result.kind === 'failed') {
      deps.logger.warn(
        { reminder: reminder.id, attempts: updated.attempts, err: result.error },
        'reminder delivery failed',
      );
    }
  }
  // The scheduler that keeps the rhythm also keeps the retention promise (after reminders, so a
  // reminder still due is never about an assessment that was just anonymised).
  if (fullPlan) report.retention = await applyRetention(deps);
  return report;
}

function applyResult(
  reminder: Reminder,
  result: Awaited<ReturnType<typeof deliverReminder>>,
  now: Date,
): Reminder {
  switch (result.kind) {
    case 'sent':
      return {
        ...reminder,
        status: 'sent',
        sentAt: now.toISOString(),
        posts: result.posts,
        nextAttemptAt: undefined,
      };
    case 'skipped':
      return { ...reminder, status: 'cancelled', lastError: result.reason };
    case 'failed': {
      const attempts = reminder.attempts + 1;
      if (attempts >= MAX_ATTEMPTS)
        return { ...reminder, status: 'cancelled', attempts, lastError: result.error, posts: result.posts };
      const delay = nextAttemptDelayMs(reminder.id, attempts, result.retryAfterMs);
      return {
        ...reminder,
        attempts,
        lastError: result.error,
        posts: result.posts,
        nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
      };
    }
  }
}
