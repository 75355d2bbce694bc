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

/** What planning one department needs besides its assessments. */
export interface PlanContext {
  organisation: Organisation;
  department: Department;
  existing: ReadonlySet<string>;
  now: Date;
}

export interface PlanInput extends PlanContext {
  assessments: readonly AssessmentSummary[];
}

export function isPaused(department: Department, now: Date): string | undefined {
  if (!department.reminders.enabled)
    return 'Reminders are switched off for this department in the configuration.';
  const until = department.reminders.snoozedUntil;
  if (until && now.toISOString().slice(0, 10) < until) return `Reminders are snoozed until ${until}.`;
  return undefined;
}

/** Plans one department's rows from its assessments, handed over one at a time and not kept. */
export interface ReminderPlanner {
  add(assessment: AssessmentSummary): void;
  /** The rows that should exist and do not yet. */
  rows(): Reminder[];
}

/** The rows a reassessment carries on: an assessment that was reassessed gets none of them. */
const ENDED_BY_REASSESSMENT: ReadonlySet<ReminderKind> = new Set(['reassessment', 'endingSoon']);

/**
 * One pass, so the summaries can be made and dropped one by one: holding a department's 17,000
 * summaries (at 50,000 assessments) for a second pass got them promoted to V8's old generation,
 * which kept the memory long after the pass (docs/benchmarks.md, finding 17).
 */
export function reminderPlanner(input: PlanContext): ReminderPlanner {
  const paused = isPaused(input.department, input.now) !== undefined;
  // Ids of assessments that a later one reassessed: their rows are dropped at the end, as the
  // reassessment may come before or after them in the pass.
  const superseded = new Set<string>();
  // Assessments share end dates (a few hundred distinct at 50,000 assessments), and each date's
  // time-zone offset is an Intl lookup that was most of the planning pass: once per date.
  const endingDues = new Map<string | undefined, Date | undefined>();
  const endingDueOf: EndingDueOf = (endDate) => {
    if (!endingDues.has(endDate))
      endingDues.set(endDate, collaborationEndingDue(input.organisation, endDate));
    return endingDues.get(endDate);
  };
  const rows = newRows(input);
  if (!paused) discussionRows(input, rows.add);
  return {
    add(assessment) {
      if (paused) return;
      if (assessment.previousAssessmentId !== undefined) superseded.add(assessment.previousAssessmentId);
      assessmentRows(input, assessment, endingDueOf, rows.add);
    },
    rows: () =>
      rows.list.filter(
        (row) =>
          !(
            row.assessmentId !== undefined &&
            superseded.has(row.assessmentId) &&
            ENDED_BY_REASSESSMENT.has(row.kind)
          ),
      ),
  };
}

export function planReminders(input: PlanInput): Reminder[] {
  const planner = reminderPlanner(input);
  for (const assessment of input.assessments) planner.add(assessment);
  return planner.rows();
}

type EndingDueOf = (endDate: string | undefined) => Date | undefined;

/** Adds a row unless one with its id exists; its due date is computed only for a new row. */
type AddRow = (kind: ReminderKind, id: string, dueAt: () => Date, extra?: Partial<Reminder>) => void;

/**
 * Almost every row a planning pass finds exists already (it runs every hour over the whole
 * history), so the id is checked before anything else is built: building every row and then
 * filtering made tens of megabytes of short-lived objects per pass at 50,000 assessments.
 */
function newRows({ department, existing, now }: PlanContext): { list: Reminder[]; add: AddRow } {
  const list: Reminder[] = [];
  const seen = new Set<string>();
  const add: AddRow = (kind, id, dueAt, extra = {}) => {
    if (existing.has(id) || seen.has(id)) return;
    seen.add(id);
    list.push({
      id,
      kind,
      departmentId: department.id,
      dueAt: dueAt().toISOString(),
      status: 'pending',
      attempts: 0,
      posts: [],
      createdAt: now.toISOString(),
      version: 0,
      ...extra,
    });
  };
  return { list, add };
}

function discussionRows({ organisation, department, now }: PlanContext, add: AddRow): void {
  const { cron, graceDays } = organisation.reminders.discussion;
  const { previous, next } = occurrencesAround(cron, organisation.timezone, now);
  for (const at of [previous, next]) {
    if (!at) continue;
    // A semester start long past (first installation, a very long outage) is not worth a reminder.
    if (at < now && now.getTime() - at.getTime() > graceDays * DAY_MS) continue;
    const id = `discussion:${department.id}:${at.toISOString()}`;
    add('discussion', id, () => at);
    add('discussionFollowUp', `followup:${id}`, () => new Date(at.getTime() + graceDays * DAY_MS), {
      followsUp: id,
    });
  }
}

function assessmentRows(
  { organisation, now }: PlanContext,
  assessment: AssessmentSummary,
  endingDueOf: EndingDueOf,
  add: AddRow,
): void {
  const { timezone } = organisation;
  const submitted = new Date(assessment.submittedAt);
  const stage = assessment.stage;
  const stopped = assessment.decision?.value === 'do_not_proceed';
  const extra = { assessmentId: assessment.id };

  if (!assessment.decision) {
    const { nudgeAfterWorkingDays, escalateAfterWorkingDays } = organisation.reminders.pendingDecision;
    add(
      'pendingNudge',
      `pendingNudge:${assessment.id}`,
      () => addWorkingDays(submitted, nudgeAfterWorkingDays, timezone),
      extra,
    );
    add(
      'pendingEscalation',
      `pendingEscalation:${assessment.id}`,
      () => addWorkingDays(submitted, escalateAfterWorkingDays, timezone),
      extra,
    );
  }
  if (stopped || (stage !== 'planned' && stage !== 'ongoing')) return;

  const { intervalMonths } = organisation.reminders.reassessment;
  const endingDue = endingDueOf(assessment.endDate);
  // The latest interval already reached (if any) and the next one.
  let k = 1;
  while (addMonths(submitted, (k + 1) * intervalMonths) <= now) k++;
  for (const n of addMonths(submitted, k * intervalMonths) <= now ? [k, k + 1] : [k]) {
    const due = addMonths(submitted, n * intervalMonths);
    // From the end-date reminder on, that one asks for the reassessment: none after it.
    if (endingDue && due >= endingDue) continue;
    add('reassessment', `reassessment:${assessment.id}:${n}`, () => due, extra);
  }
  if (endingDue && endingDue > submitted)
    add('endingSoon', `endingSoon:${assessment.id}`, () => endingDue, extra);
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
