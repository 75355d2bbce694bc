/**
 * Where submitted assessments live, behind one small interface: the memory store keeps whole
 * records in memory, the embedded store keeps only summaries in memory and the records on disk
 * (storage/journal/assessment-journal.ts). Versions and summaries are answered synchronously, so
 * the engine's optimistic version check and the write it guards cannot interleave with another.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import {
  type AssessmentSummary,
  bySubmitted,
  summariseAssessment,
} from '../../dialogs/assessment-summary.js';
import { freezeInPlace } from '../../dialogs/freeze.js';
import type { SummaryQuery } from '../store.js';
import { createDict } from './record-table.js';

export interface AssessmentHistory {
  versionOf(id: string): number | undefined;
  /** A private copy of the record. */
  get(id: string): Promise<Assessment | undefined>;
  /** Replaces (or adds) the record in memory at once; resolves when it is durable. */
  put(record: Assessment): Promise<void>;
  /** Removes the record in memory at once (false if missing); resolves when durable. */
  delete(id: string): Promise<boolean>;
  /** Matching summaries, oldest submitted first; frozen, handed out as they are (no copies). */
  summaries(query?: SummaryQuery): AssessmentSummary[];
  /** The ids of the matching records, in no particular order, without building their summaries. */
  summaryIds(query: SummaryQuery): string[];
  /** The record's summary as it is now (undefined once deleted); frozen, made afresh or shared. */
  summaryOf(id: string): AssessmentSummary | undefined;
  /** Physically drops superseded versions and removed records (erasure, retention). */
  purge(): Promise<void>;
  close(): Promise<void>;
}

export function matches(summary: AssessmentSummary, query: SummaryQuery): boolean {
  return (
    (query.departmentId === undefined || summary.departmentId === query.departmentId) &&
    (query.submitterKey === undefined || summary.submitterKey === query.submitterKey)
  );
}

/** Whole records in memory: the memory store, and tests. */
export function memoryHistory(): AssessmentHistory {
  const records = createDict<{ record: Assessment; summary: AssessmentSummary }>();
  return {
    versionOf: (id) => records[id]?.record.version,
    async get(id) {
      const found = records[id];
      return found && structuredClone(found.record);
    },
    async put(record) {
      const copy = structuredClone(record);
      records[record.id] = { record: copy, summary: freezeInPlace(summariseAssessment(copy)) };
    },
    async delete(id) {
      if (records[id] === undefined) return false;
      delete records[id];
      return true;
    },
    summaries: (query = {}) =>
      Object.values(records)
        .map((r) => r.summary)
        .filter((s) => matches(s, query))
        .sort(bySubmitted),
    summaryIds: (query) =>
      Object.values(records)
        .filter(({ summary }) => matches(summary, query))
        .map(({ summary }) => summary.id),
    summaryOf: (id) => records[id]?.summary,
    purge: async () => {},
    close: async () => {},
  };
}
