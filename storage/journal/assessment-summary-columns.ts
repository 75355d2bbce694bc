/**
 * Assessment summaries kept by column (columns.ts) rather than one object each: about a third of
 * the memory at 50,000 assessments, and a department's or a person's assessments are found by
 * comparing one number per assessment instead of two strings.
 */
import type { DecisionValue } from '../../dialogs/assessment.js';
import type { AssessmentSummary } from '../../dialogs/assessment-summary.js';
import type { Level } from '../../dialogs/questionnaire/schema.js';
import type { SummaryQuery } from '../store.js';
import type { SummaryColumns } from './cold-journal.js';
import {
  DictColumn,
  FlagColumn,
  type Restore,
  type SnapshotColumn,
  TextColumn,
  TimeColumn,
} from './columns.js';

export class AssessmentSummaryColumns implements SummaryColumns<AssessmentSummary> {
  readonly #department = new DictColumn();
  readonly #submitter = new DictColumn();
  readonly #submittedAt = new TimeColumn();
  readonly #title = new TextColumn();
  readonly #level = new DictColumn();
  readonly #decisionValue = new DictColumn();
  readonly #decisionAt = new TimeColumn();
  readonly #decisionBy = new DictColumn();
  readonly #decisionHasComment = new FlagColumn();
  readonly #stage = new DictColumn();
  readonly #endDate = new DictColumn();
  readonly #previous = new TextColumn();
  /**
   * Each column by the summary field it holds (its name in an index snapshot), and whether every
   * summary has that field (a snapshot missing one is refused).
   */
  readonly #named: readonly [name: string, column: SnapshotColumn, required: boolean][] = [
    ['departmentId', this.#department, true],
    ['submitterKey', this.#submitter, true],
    ['submittedAt', this.#submittedAt, true],
    ['title', this.#title, true],
    ['level', this.#level, true],
    ['decision.value', this.#decisionValue, false],
    ['decision.at', this.#decisionAt, false],
    ['decision.byKey', this.#decisionBy, false],
    ['decision.hasComment', this.#decisionHasComment, false],
    ['stage', this.#stage, false],
    ['endDate', this.#endDate, false],
    ['previousAssessmentId', this.#previous, false],
  ];

  write(slot: number, summary: AssessmentSummary): void {
    this.#department.set(slot, summary.departmentId);
    this.#submitter.set(slot, summary.submitterKey);
    this.#submittedAt.set(slot, summary.submittedAt);
    this.#title.set(slot, summary.title);
    this.#level.set(slot, summary.level);
    this.#decisionValue.set(slot, summary.decision?.value);
    this.#decisionAt.set(slot, summary.decision?.at);
    this.#decisionBy.set(slot, summary.decision?.byKey);
    this.#decisionHasComment.set(slot, summary.decision?.hasComment ?? false);
    this.#stage.set(slot, summary.stage);
    this.#endDate.set(slot, summary.endDate);
    this.#previous.set(slot, summary.previousAssessmentId);
  }

  clear(slot: number): void {
    for (const column of [
      this.#department,
      this.#submitter,
      this.#submittedAt,
      this.#title,
      this.#level,
      this.#decisionValue,
      this.#decisionAt,
      this.#decisionBy,
      this.#stage,
      this.#endDate,
      this.#previous,
    ])
      column.set(slot, undefined);
    this.#decisionHasComment.set(slot, false);
  }

  read(slot: number, id: string, version: number): AssessmentSummary {
    // Written from an AssessmentSummary, so the required columns are set and the casts hold.
    const summary: AssessmentSummary = {
      id,
      version,
      departmentId: this.#department.get(slot) as string,
      submitterKey: this.#submitter.get(slot) as string,
      submittedAt: this.#submittedAt.get(slot) as string,
      title: this.#title.get(slot) as string,
      level: this.#level.get(slot) as Level,
    };
    const value = this.#decisionValue.get(slot) as DecisionValue | undefined;
    if (value !== undefined)
      summary.decision = Object.freeze({
        value,
        at: this.#decisionAt.get(slot) as string,
        byKey: this.#decisionBy.get(slot) as string,
        hasComment: this.#decisionHasComment.get(slot),
      });
    const stage = this.#stage.get(slot);
    if (stage !== undefined) summary.stage = stage;
    const endDate = this.#endDate.get(slot);
    if (endDate !== undefined) summary.endDate = endDate;
    const previous = this.#previous.get(slot);
    if (previous !== undefined) summary.previousAssessmentId = previous;
    return Object.freeze(summary);
  }

  dump(slots: readonly number[]): Record<string, unknown> {
    return Object.fromEntries(this.#named.map(([name, column]) => [name, column.dump(slots)]));
  }

  restorer(columns: Record<string, unknown>, count: number): Restore | undefined {
    const restorers = this.#named.map(([name, column, required]) =>
      column.restorer(columns[name], count, required),
    );
    if (!restorers.every((restore) => restore !== undefined)) return undefined;
    return () => {
      for (const restore of restorers) restore();
    };
  }

  /** A test for slots matching `query`, comparing codes (a value no slot holds matches nothing). */
  matcher(query: SummaryQuery): (slot: number) => boolean {
    const department =
      query.departmentId === undefined ? undefined : this.#department.codeOf(query.departmentId);
    const submitter =
      query.submitterKey === undefined ? undefined : this.#submitter.codeOf(query.submitterKey);
    if (department === 0 || submitter === 0) return () => false;
    return (slot) =>
      (department === undefined || this.#department.codeAt(slot) === department) &&
      (submitter === undefined || this.#submitter.codeAt(slot) === submitter);
  }
}
