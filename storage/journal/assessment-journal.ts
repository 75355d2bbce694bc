/**
 * The assessment history on disk: `assessments.jsonl`, a cold journal (cold-journal.ts) with each
 * assessment's summary in memory (what the scheduler, retention and counts use) and the records
 * on disk, read one line at a time. Its index snapshot is `assessments.index.json`.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import {
  type AssessmentSummary,
  bySubmitted,
  summariseAssessment,
} from '../../dialogs/assessment-summary.js';
import type { AssessmentHistory } from '../core/assessment-history.js';
import type { SummaryQuery } from '../store.js';
import { AssessmentSummaryColumns } from './assessment-summary-columns.js';
import { ColdJournal, type ColdJournalFiles, type ColdJournalSpec } from './cold-journal.js';

export const ASSESSMENTS_KIND = 'riskcheck-assessments';
export const ASSESSMENTS_SCHEMA_VERSION = 1;

const spec: ColdJournalSpec<Assessment, AssessmentSummary> = {
  kind: ASSESSMENTS_KIND,
  schemaVersion: ASSESSMENTS_SCHEMA_VERSION,
  summarise: summariseAssessment,
  what: 'assessment',
};

export class AssessmentJournal implements AssessmentHistory {
  readonly #journal: ColdJournal<Assessment, AssessmentSummary>;
  readonly #columns: AssessmentSummaryColumns;

  private constructor(
    journal: ColdJournal<Assessment, AssessmentSummary>,
    columns: AssessmentSummaryColumns,
  ) {
    this.#journal = journal;
    this.#columns = columns;
  }

  /** Reads the history without creating anything; `finish` opens or creates it (see RecordJournal.load). */
  static async load(
    files: ColdJournalFiles,
  ): Promise<{ finish(seed?: Iterable<Assessment>): Promise<AssessmentJournal> }> {
    const columns = new AssessmentSummaryColumns();
    const loaded = await ColdJournal.load(files, spec, columns);
    return { finish: async (seed) => new AssessmentJournal(await loaded.finish(seed), columns) };
  }

  versionOf(id: string): number | undefined {
    return this.#journal.versionOf(id);
  }

  get(id: string): Promise<Assessment | undefined> {
    return this.#journal.get(id);
  }

  put(record: Assessment): Promise<void> {
    return this.#journal.put(record);
  }

  delete(id: string): Promise<boolean> {
    return this.#journal.delete(id);
  }

  summaries(query: SummaryQuery = {}): AssessmentSummary[] {
    return this.#journal.summaries(this.#columns.matcher(query)).sort(bySubmitted);
  }

  summaryIds(query: SummaryQuery): string[] {
    return this.#journal.idsWhere(this.#columns.matcher(query));
  }

  summaryOf(id: string): AssessmentSummary | undefined {
    return this.#journal.summaryOf(id);
  }

  purge(): Promise<void> {
    return this.#journal.purge();
  }

  /** See AppendLog.failure. */
  get failure(): string | undefined {
    return this.#journal.failure;
  }

  close(): Promise<void> {
    return this.#journal.close();
  }
}
