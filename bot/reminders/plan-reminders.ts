/**
 * Which reminder rows should exist, computed from the configuration, the assessment summaries
 * (never full records: the store keeps summaries in memory, the history on disk) and the
 * clock. Ids are deterministic, so planning again finds the same rows and nothing is created
 * twice. Only the latest missed occurrence of a rule is created (catch-up once, not once per
 * missed tick), plus the next one so "upcoming reminders" can show it.
 */
import type { AssessmentSummary } from '../../dialogs/assessment-summary.js';
import type { Department, Organisation } from '../../dialogs/organisation/schema.js';
import type { Reminder, ReminderKind } from '../../dialogs/reminders/reminder.js';
import { addMonths, addWorkingDays, morningBefore, occurrencesAround } from './calendar.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanInput {
  organisation: Organisation;
  department: Department;
  assessments: readonly AssessmentSummary[];
  existing: ReadonlySet<string>;
  now: Date;
}

export function isPaused(department: Department, now: Date): string | undefined {
  if (!department.reminders.enabled)
    return 'Reminders are switched off for this department in the configuration.';
  const until = department.reminders.snoozedUntil;
  if (until && now.toISOString().slice(0, 10) < until) return `Reminders are snoozed until ${until}.`;
  return undefined;
}

export function planReminders(input: PlanInput): Reminder[] {
  const { department, now } = input;
  if (isPaused(department, now)) return [];
  // Ids of assessments that a later one reassessed, found once (not by a scan per assessment:
  // that was quadratic in the department's history).
  const superseded = new Set<string>();
  for (const a of input.assessments)
    if (a.previousAssessmentId !== undefined) superseded.add(a.previousAssessmentId);
  const planned = [
    ...discussionRows(input),
    ...input.assessments.flatMap((a) => assessmentRows(input, a, superseded.has(a.id))),
  ];
  const seen = new Set<string>();
  return planned.filter((r) => !input.existing.has(r.id) && !seen.has(r.id) && seen.add(r.id));
}

function row(
  kind: ReminderKind,
  id: string,
  departmentId: string,
  dueAt: Date,
  now: Date,
  extra: Partial<Reminder> = {},
): Reminder {
  return {
    id,
    kind,
    departmentId,
    dueAt: dueAt.toISOString(),
    status: 'pending',
    attempts: 0,
    posts: [],
    createdAt: now.toISOString(),
    version: 0,
    ...extra,
  };
}

function discussionRows({ organisation, department, now }: PlanInput): Reminder[] {
  const { cron, graceDays } = organisation.reminders.discussion;
  const { previous, next } = occurrencesAround(cron, organisation.timezone, now);
  const rows: Reminder[] = [];
  for (const at of [previous, next]) {
    if (!at) continue;
    // A semester start long past (first installation, a very long outage) is not worth a reminder.
    if (at < now && now.getTime() - at.getTime() > graceDays * DAY_MS) continue;
    const id = `discussion:${department.id}:${at.toISOString()}`;
    rows.push(row('discussion', id, department.id, at, now));
    rows.push(
      row(
        'discussionFollowUp',
        `followup:${id}`,
        department.id,
        new Date(at.getTime() + graceDays * DAY_MS),
        now,
        {
          followsUp: id,
        },
      ),
    );
  }
  return rows;
}

function assessmentRows(
  { organisation, department, now }: PlanInput,
  assessment: AssessmentSummary,
  superseded: boolean,
): Reminder[] {
  const rows: Reminder[] = [];
  const { timezone } = organisation;
  const submitted = new Date(assessment.submittedAt);
  const stage = assessment.stage;
  const stopped = assessment.decision?.value === 'do_not_proceed';

  if (!assessment.decision) {
    const { nudgeAfterWorkingDays, escalateAfterWorkingDays } = organisation.reminders.pendingDecision;
    const extra = { assessmentId: assessment.id };
    rows.push(
      row(
        'pendingNudge',
        `pendingNudge:${assessment.id}`,
        department.id,
        addWorkingDays(submitted, nudgeAfterWorkingDays, timezone),
        now,
        extra,
      ),
    );
    rows.push(
      row(
        'pendingEscalation',
        `pendingEscalation:${assessment.id}`,
        department.id,
        addWorkingDays(submitted, escalateAfterWorkingDays, timezone),
        now,
        extra,
      ),
    );
  }
  if (superseded || stopped || (stage !== 'planned' && stage !== 'ongoing')) return rows;

  const { intervalMonths } = organisation.reminders.reassessment;
  const endingDue = collaborationEndingDue(organisation, assessment.endDate);
  // The latest interval already reached (if any) and the next one.
  let k = 1;
  while (addMonths(submitted, (k + 1) * intervalMonths) <= now) k++;
  for (const n of addMonths(submitted, k * intervalMonths) <= now ? [k, k + 1] : [k]) {
    const due = addMonths(submitted, n * intervalMonths);
    // From the end-date reminder on, that one asks for the reassessment: none after it.
    if (endingDue && due >= endingDue) continue;
    rows.push(
      row('reassessment', `reassessment:${assessment.id}:${n}`, department.id, due, now, {
        assessmentId: assessment.id,
      }),
    );
  }
  if (endingDue && endingDue > submitted) {
    rows.push(
      row('endingSoon', `endingSoon:${assessment.id}`, department.id, endingDue, now, {
        assessmentId: assessment.id,
      }),
    );
  }
  return rows;
}

/**
 * When the end-of-collaboration reminder falls due (the configured days before the end date the
 * submitter gave), or undefined without a valid end date. Periodic reassessments stop there.
 */
export function collaborationEndingDue(
  organisation: Organisation,
  endDate: string | undefined,
): Date | undefined {
  if (endDate === undefined) return undefined;
  return morningBefore(endDate, organisation.reminders.reassessment.daysBeforeEnd, organisation.timezone);
}
