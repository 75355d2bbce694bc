/**
 * Data directories from before the journals kept sessions, dedup keys, reminders and assessments
 * in lowdb files (`sessions.json`, `processed.json`, `reminders.json`, `assessments.json`). Each is read (and migrated) like
 * any lowdb file, imported into its new journal, then backed up and removed, once, at start-up.
 * A legacy file whose journal already exists was imported by an earlier start that stopped before
 * removing it: it is only backed up and removed.
 */
import { access, unlink } from 'node:fs/promises';
import type { Low } from 'lowdb';
import type { Assessment } from '../../dialogs/assessment.js';
import type { Reminder } from '../../dialogs/reminders/reminder.js';
import type { DialogSession } from '../../dialogs/session.js';
import { createDict, type Dict } from '../core/record-table.js';
import {
  type AssessmentsFile,
  dataFile,
  decodeAssessments,
  decodeProcessed,
  decodeReminders,
  decodeSessions,
  type FILE_NAMES,
  type ProcessedFile,
  type RemindersFile,
  SCHEMA_VERSION,
  type SessionsFile,
} from './data-files.js';
import { type Decode, type DurableJsonFile, syncDirectory } from './durable-json-file.js';
import { backUp } from './migrations.js';

type OpenLow = <T>(
  file: string,
  decode: Decode<T>,
  defaults: T,
) => Promise<{ db: Low<T>; adapter: DurableJsonFile<T> }>;

export interface LegacyFiles {
  /** The lowdb files read, for the migrator's commit. */
  opened: { db: Low<unknown>; adapter: DurableJsonFile<unknown> }[];
  sessions?: Dict<DialogSession>;
  processed?: Dict<string>;
  reminders?: Dict<Reminder>;
  assessments?: Dict<Assessment>;
  /** Backs up and removes every legacy file, once its journal holds its records. */
  retire(): Promise<void>;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function openLegacyFiles(dataDir: string, openLow: OpenLow): Promise<LegacyFiles> {
  const found: LegacyFiles = { opened: [], retire: async () => {} };
  const retiring: string[] = [];

  async function legacy<F>(
    name: keyof typeof FILE_NAMES,
    journal: keyof typeof FILE_NAMES,
    decode: Decode<F>,
    defaults: F,
  ): Promise<F | undefined> {
    const file = dataFile(dataDir, name);
    if (!(await exists(file))) return undefined;
    retiring.push(file);
    if (await exists(dataFile(dataDir, journal))) return undefined;
    const opened = await openLow(file, decode, defaults);
    found.opened.push(opened as unknown as LegacyFiles['opened'][number]);
    return opened.db.data;
  }

  found.sessions = (
    await legacy<SessionsFile>('sessions', 'sessionsJournal', decodeSessions, {
      schemaVersion: SCHEMA_VERSION,
      sessions: createDict(),
    })
  )?.sessions;
  found.processed = (
    await legacy<ProcessedFile>('processed', 'processedJournal', decodeProcessed, {
      schemaVersion: SCHEMA_VERSION,
      keys: createDict(),
    })
  )?.keys;
  found.reminders = (
    await legacy<RemindersFile>('reminders', 'remindersJournal', decodeReminders, {
      schemaVersion: SCHEMA_VERSION,
      reminders: createDict(),
    })
  )?.reminders;
  found.assessments = (
    await legacy<AssessmentsFile>('assessments', 'assessmentsJournal', decodeAssessments, {
      schemaVersion: SCHEMA_VERSION,
      assessments: createDict(),
    })
  )?.assessments;

  found.retire = async () => {
    if (retiring.length === 0) return;
    for (const file of retiring) {
      await backUp(file, SCHEMA_VERSION, new Date());
      await unlink(file);
    }
    await syncDirectory(dataDir);
  };
  return found;
}
