/**
 * The on-disk layout: one file per collection in the data directory, so saving a dialog answer
 * rewrites only the (small) sessions file and never the growing assessment history. Every file
 * carries `schemaVersion`; a file this version of riskcheck cannot read stops startup.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Assessment } from '../../dialogs/assessment.js';
import type { Discussion, Reminder } from '../../dialogs/reminders/reminder.js';
import type { DialogSession } from '../../dialogs/session.js';
import { createDict, type Dict } from '../core/record-table.js';
import { RESTORE_ADVICE, StoreError } from '../errors.js';
import type { ConversationLink } from '../store.js';
import type { Decode } from './durable-json-file.js';

export const SCHEMA_VERSION = 1;

export const FILE_NAMES = {
  /** Journals (storage/journal/): appended record by record, never rewritten per save. */
  sessionsJournal: 'sessions.jsonl',
  processedJournal: 'processed.jsonl',
  /** Pending reminders; done ones move to remindersDone. */
  remindersJournal: 'reminders.jsonl',
  remindersDone: 'reminders-done.jsonl',
  /** Derived from reminders-done.jsonl; rebuilt when missing. */
  remindersDoneIndex: 'reminders-done.index.json',
  assessmentsJournal: 'assessments.jsonl',
  /** Derived from assessments.jsonl; rebuilt when missing. */
  assessmentsIndex: 'assessments.index.json',
  /** Before the journals: imported once into them, then removed. */
  sessions: 'sessions.json',
  assessments: 'assessments.json',
  /** Added after the first release: a data directory without them simply has none yet. */
  reminders: 'reminders.json',
  discussions: 'discussions.json',
  links: 'links.json',
  processed: 'processed.json',
  audit: 'audit.jsonl',
  lock: '.riskcheck.lock',
} as const;

/** The header `kind` of each record journal: a journal of another kind is refused. */
export const JOURNAL_KINDS = {
  sessions: 'riskcheck-sessions',
  reminders: 'riskcheck-reminders',
  processed: 'riskcheck-processed',
} as const;

export function dataFile(dataDir: string, name: keyof typeof FILE_NAMES): string {
  return path.join(dataDir, FILE_NAMES[name]);
}

export interface SessionsFile {
  schemaVersion: typeof SCHEMA_VERSION;
  sessions: Dict<DialogSession>;
}
export interface AssessmentsFile {
  schemaVersion: typeof SCHEMA_VERSION;
  assessments: Dict<Assessment>;
}
export interface RemindersFile {
  schemaVersion: typeof SCHEMA_VERSION;
  reminders: Dict<Reminder>;
}
export interface DiscussionsFile {
  schemaVersion: typeof SCHEMA_VERSION;
  discussions: Dict<Discussion>;
}
export interface LinksFile {
  schemaVersion: typeof SCHEMA_VERSION;
  links: Dict<ConversationLink>;
}
export interface ProcessedFile {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Dedup key → when it was first processed. */
  keys: Dict<string>;
}

/**
 * Only the envelope and the fields the store itself relies on (ids, versions, index keys) are
 * checked: the record shapes belong to dialogs/ and are validated where they are built.
 */
const versioned = z.looseObject({ id: z.string(), version: z.number().int().positive() });
const actor = z.looseObject({ platform: z.string(), userId: z.string() });
const sessionShape = versioned.extend({ owner: actor, createdAt: z.string() });
const assessmentShape = versioned.extend({
  submitter: actor,
  departmentId: z.string(),
  submittedAt: z.string(),
});
const reminderShape = versioned.extend({
  departmentId: z.string(),
  dueAt: z.string(),
  status: z.enum(['pending', 'sent', 'cancelled']),
});
const discussionShape = z.looseObject({ id: z.string(), departmentId: z.string(), recordedAt: z.string() });
const linkShape = z.looseObject({ key: z.string() });

/** Checks one journal record with the same shape as its legacy file's entries. */
export function recordDecoder<T>(shape: z.ZodType, what: string): (value: unknown, id: string) => T {
  return (value, id) => {
    const parsed = shape.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${what} ${id}: ${[...(issue?.path ?? [])].join('.')} ${issue?.message ?? 'invalid'}`);
    }
    if ((value as { id?: unknown }).id !== id) throw new Error(`${what} ${id} is stored under the wrong id`);
    return value as T;
  };
}

export const decodeSessionRecord = recordDecoder<DialogSession>(sessionShape, 'session');
/**
 * Checked by hand: a large history plans tens of thousands of reminder rows, and a schema
 * library's per-record cost at that count was a noticeable part of start-up. Same fields as
 * `reminderShape`.
 */
export const decodeReminderRecord = (value: unknown, id: string): Reminder => {
  const r = value as Partial<Reminder> | null;
  const problem =
    typeof r !== 'object' || r === null || Array.isArray(r)
      ? 'is not an object'
      : r.id !== id
        ? 'is stored under the wrong id'
        : !Number.isInteger(r.version) || (r.version as number) < 1
          ? 'has no valid version'
          : typeof r.departmentId !== 'string' || typeof r.dueAt !== 'string'
            ? 'has no department or due time'
            : !REMINDER_STATUSES.has(r.status as string)
              ? 'has an unknown status'
              : undefined;
  if (problem) throw new Error(`reminder ${id} ${problem}`);
  return r as Reminder;
};
const REMINDER_STATUSES = new Set(['pending', 'sent', 'cancelled']);
export const decodeProcessedAt = (value: unknown, key: string): string => {
  if (typeof value !== 'string') throw new Error(`dedup key ${key} has no timestamp`);
  return value;
};

/** Throws STORE_SCHEMA_UNKNOWN unless `raw` is an object with the schemaVersion this code writes. */
export function checkEnvelope(raw: unknown, file: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw corrupt(file, 'it does not hold a JSON object');
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new StoreError(
      'STORE_SCHEMA_UNKNOWN',
      file,
      `riskcheck data file ${file} has schemaVersion ${JSON.stringify(version)}, but this version of ` +
        `riskcheck reads only schemaVersion ${SCHEMA_VERSION}: run the riskcheck release that wrote it, ` +
        `or ${RESTORE_ADVICE}.`,
    );
  }
  return raw as Record<string, unknown>;
}

export function corrupt(file: string, why: string, cause?: unknown): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    file,
    `riskcheck data file ${file} is damaged (${why}): ${RESTORE_ADVICE}.`,
    cause === undefined ? undefined : { cause },
  );
}

/** A decoder for `{ schemaVersion, [field]: { id: record } }` files, rebuilt as prototype-free dicts. */
function dictFile<F, T>(field: string, record: z.ZodType, keyOf: (r: T) => string): Decode<F> {
  const body = z.record(z.string(), record);
  return (raw, file) => {
    const envelope = checkEnvelope(raw, file);
    const parsed = body.safeParse(envelope[field]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw corrupt(file, `${[field, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'invalid'}`);
    }
    // Keep the raw objects, not zod's output: that is a second copy on an ordinary prototype.
    const dict = createDict(envelope[field] as Record<string, T>);
    for (const [key, value] of Object.entries(dict)) {
      if (keyOf(value) !== key) throw corrupt(file, `${field}.${key} is stored under the wrong key`);
    }
    return { schemaVersion: SCHEMA_VERSION, [field]: dict } as F;
  };
}

export const decodeSessions = dictFile<SessionsFile, DialogSession>('sessions', sessionShape, (s) => s.id);
export const decodeAssessments = dictFile<AssessmentsFile, Assessment>(
  'assessments',
  assessmentShape,
  (a) => a.id,
);
export const decodeReminders = dictFile<RemindersFile, Reminder>('reminders', reminderShape, (r) => r.id);
export const decodeDiscussions = dictFile<DiscussionsFile, Discussion>(
  'discussions',
  discussionShape,
  (d) => d.id,
);
export const decodeLinks = dictFile<LinksFile, ConversationLink>('links', linkShape, (l) => l.key);
export const decodeProcessed: Decode<ProcessedFile> = (raw, file) => {
  const envelope = checkEnvelope(raw, file);
  const parsed = z.record(z.string(), z.string()).safeParse(envelope.keys);
  if (!parsed.success) throw corrupt(file, 'keys must map each key to a timestamp');
  return { schemaVersion: SCHEMA_VERSION, keys: createDict(envelope.keys as Record<string, string>) };
};
