/**
 * The reminder rows years of use leave behind, made by the bot's own planner: a sweep every
 * quarter from the first submission to `until` plans what it would have planned then (seeing
 * each assessment as it stood, undecided until its decision), and every row that fell due was
 * delivered on time, or cancelled when its assessment had been decided first. Without them a
 * generated history starts with every reminder of five years overdue, which no real store has.
 */
import { addMonths } from '../../bot/reminders/calendar.js';
import { planReminders } from '../../bot/reminders/plan-reminders.js';
import type { Assessment } from '../../dialogs/assessment.js';
import { type AssessmentSummary, summariseAssessment } from '../../dialogs/assessment-summary.js';
import type { Organisation } from '../../dialogs/organisation/schema.js';
import type { Reminder } from '../../dialogs/reminders/reminder.js';

const SWEEP_EVERY_MONTHS = 3;

interface Dated {
  summary: AssessmentSummary;
  submittedMs: number;
  decidedMs: number;
}

export function remindersOfYears(
  organisation: Organisation,
  assessments: readonly Assessment[],
  until: Date,
): Reminder[] {
  const dated: Dated[] = assessments
    .map((a) => ({
      summary: summariseAssessment(a),
      submittedMs: Date.parse(a.submittedAt),
      decidedMs: a.decision ? Date.parse(a.decision.at) : Number.POSITIVE_INFINITY,
    }))
    .sort((a, b) => a.submittedMs - b.submittedMs);
  const first = dated[0];
  if (!first) return [];
  const rows = new Map<string, Reminder>();
  const decidedAt = new Map(dated.map((d) => [d.summary.id, d.decidedMs]));
  for (let step = 1; ; step++) {
    const sweep = addMonths(new Date(first.submittedMs), step * SWEEP_EVERY_MONTHS);
    const now = sweep < until ? sweep : until;
    const nowMs = now.getTime();
    const existing = new Set(rows.keys());
    for (const department of organisation.departments) {
      const visible = dated
        .filter((d) => d.summary.departmentId === department.id && d.submittedMs <= nowMs)
        .map((d) => (d.decidedMs <= nowMs ? d.summary : withoutDecision(d.summary)));
      for (const row of planReminders({ organisation, department, assessments: visible, existing, now }))
        rows.set(row.id, { ...row, version: 1 });
    }
    for (const [id, row] of rows) {
      if (row.status !== 'pending' || Date.parse(row.dueAt) > nowMs) continue;
      rows.set(id, delivered(row, decidedAt.get(row.assessmentId ?? '')));
    }
    if (now === until) return [...rows.values()];
  }
}

function withoutDecision(summary: AssessmentSummary): AssessmentSummary {
  const { decision: _, ...undecided } = summary;
  return undecided;
}

/** As the sweeper records a delivery: sent at its due time, or cancelled once decided. */
function delivered(row: Reminder, decidedMs: number | undefined): Reminder {
  const pending = row.kind === 'pendingNudge' || row.kind === 'pendingEscalation';
  if (pending && decidedMs !== undefined && decidedMs <= Date.parse(row.dueAt))
    return { ...row, status: 'cancelled', lastError: 'The assessment was decided.', version: 2 };
  return {
    ...row,
    status: 'sent',
    sentAt: row.dueAt,
    posts: [{ platform: 'teams', conversationId: 'bench-channel', messageId: `reminder-${row.id}` }],
    version: 2,
  };
}
