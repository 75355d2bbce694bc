/**
 * The embedded default store: lowdb files in one data directory, owned by one process. Hot state
 * (sessions, reminders) and cold history (assessments, discussions, audit) live in separate
 * files, so saving an answer rewrites only sessions.json; see data-files.ts for the layout and durable-json-file.ts for how
 * each write reaches the disk.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { createDict } from '../core/record-table.js';
import { createStoreEngine, type Persistence } from '../core/store-engine.js';
import type { RiskcheckStore } from '../store.js';
import { AuditLog } from './audit-log.js';
import { DEFAULT_LOCK_STALE_MS, lockDataDir } from './data-dir-lock.js';
import {
  type AssessmentsFile,
  type DiscussionsFile,
  dataFile,
  decodeAssessments,
  decodeDiscussions,
  decodeLinks,
  decodeProcessed,
  decodeReminders,
  decodeSessions,
  type LinksFile,
  type ProcessedFile,
  type RemindersFile,
  SCHEMA_VERSION,
  type SessionsFile,
} from './data-files.js';
import { type Decode, DurableJsonFile } from './durable-json-file.js';
import { type Migration, SchemaMigrator } from './migrations.js';

export interface LowdbStoreOptions {
  dataDir: string;
  /** How old a lock must be before it counts as left by a crashed process (ms, min 2000). */
  lockStaleMs?: number;
  /** Schema migrations for older files; defaults to the registered ones (tests inject their own). */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the data directory. Throws StoreError STORE_LOCKED when another
 * process owns it, STORE_CORRUPT / STORE_SCHEMA_UNKNOWN when a file cannot be read; it never
 * rewrites a file it could not read. An older file is migrated (see migrations.ts) after a backup,
 * or refused with STORE_MIGRATION_FAILED, unchanged, when its migration fails.
 */
export async function createLowdbStore(options: LowdbStoreOptions): Promise<RiskcheckStore> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(
    dataDir,
    dataFile(dataDir, 'lock'),
    options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS,
  );

  const migrator = new SchemaMigrator(options.migrations);
  // Every file is read through the migrator, which only records what it upgraded in memory.
  const openLow = <T>(file: string, decode: Decode<T>, defaults: T) =>
    openLowFile(file, migrator.decoder(decode), defaults);

  try {
    // `new Low(adapter, defaults)` explicitly: JSONFilePreset turns into memory under NODE_ENV=test.
    const sessions = await openLow<SessionsFile>(dataFile(dataDir, 'sessions'), decodeSessions, {
      schemaVersion: SCHEMA_VERSION,
      sessions: createDict(),
    });
    const assessments = await openLow<AssessmentsFile>(dataFile(dataDir, 'assessments'), decodeAssessments, {
      schemaVersion: SCHEMA_VERSION,
      assessments: createDict(),
    });
    // A directory from before reminders existed has neither file: read as empty, created on first save.
    const reminders = await openLow<RemindersFile>(dataFile(dataDir, 'reminders'), decodeReminders, {
      schemaVersion: SCHEMA_VERSION,
      reminders: createDict(),
    });
    const discussions = await openLow<DiscussionsFile>(dataFile(dataDir, 'discussions'), decodeDiscussions, {
      schemaVersion: SCHEMA_VERSION,
      discussions: createDict(),
    });
    const links = await openLow<LinksFile>(dataFile(dataDir, 'links'), decodeLinks, {
      schemaVersion: SCHEMA_VERSION,
      links: createDict(),
    });
    const processed = await openLow<ProcessedFile>(dataFile(dataDir, 'processed'), decodeProcessed, {
      schemaVersion: SCHEMA_VERSION,
      keys: createDict(),
    });
    // Last: it is the only file opening creates, and only once every other file read cleanly.
    const audit = await AuditLog.open(dataFile(dataDir, 'audit'), dataDir);
    // Only now that every file read cleanly are migrated files backed up and written back.
    try {
      await migrator.commit(
        [sessions, assessments, reminders, discussions, links, processed].map((f) => ({
          file: f.adapter.file,
          write: () => f.db.write(),
        })),
      );
    } catch (error) {
      await audit.log.close();
      throw error;
    }

    const owned = async (write: () => Promise<void>) => {
      if (lock.lost) throw lock.lost;
      await write();
    };
    const persistence: Persistence = {
      sessionsChanged: () => owned(() => sessions.db.write()),
      assessmentsChanged: () => owned(() => assessments.db.write()),
      remindersChanged: () => owned(() => reminders.db.write()),
      discussionsChanged: () => owned(() => discussions.db.write()),
      linksChanged: () => owned(() => links.db.write()),
      processedChanged: () => owned(() => processed.db.write()),
      auditAppended: (event) => owned(() => audit.log.append(event)),
      auditRewritten: (events) => owned(() => audit.log.rewrite(events)),
      async close() {
        try {
          await Promise.all(
            [sessions, assessments, reminders, discussions, links, processed].map((f) => f.adapter.flush()),
          );
          await audit.log.close();
        } finally {
          await lock.release();
        }
      },
    };

    return createStoreEngine(
      {
        sessions: sessions.db.data.sessions,
        assessments: assessments.db.data.assessments,
        reminders: reminders.db.data.reminders,
        discussions: discussions.db.data.discussions,
        links: links.db.data.links,
        processed: processed.db.data.keys,
        audit: audit.events,
      },
      persistence,
    );
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLowFile<T>(file: string, decode: Decode<T>, defaults: T) {
  const adapter = new DurableJsonFile(file, decode);
  const db = new Low<T>(adapter, defaults);
  await db.read();
  return { db, adapter };
}
