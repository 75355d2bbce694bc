/**
 * The embedded default store, in one data directory owned by one process. What grows with use is
 * appended, never rewritten per save: dialog sessions, dedup keys, pending and done reminders and
 * the assessment history are journals (storage/journal/), the audit trail a JSON Lines log. The small, slowly
 * changing collections (discussions, channel links) are lowdb documents. See data-files.ts for
 * the layout.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { createDict } from '../core/record-table.js';
import { createStoreEngine, type Persistence } from '../core/store-engine.js';
import { AssessmentJournal } from '../journal/assessment-journal.js';
import { RecordJournal } from '../journal/record-journal.js';
import { ReminderArchiveJournal, settleReminders } from '../journal/reminder-archive-journal.js';
import type { RiskcheckStore } from '../store.js';
import { AuditLog } from './audit-log.js';
import { DEFAULT_LOCK_STALE_MS, lockDataDir } from './data-dir-lock.js';
import {
  type DiscussionsFile,
  dataFile,
  decodeDiscussions,
  decodeLinks,
  decodeProcessedAt,
  decodeReminderRecord,
  decodeSessionRecord,
  JOURNAL_KINDS,
  type LinksFile,
  SCHEMA_VERSION,
} from './data-files.js';
import { type Decode, DurableJsonFile } from './durable-json-file.js';
import { openLegacyFiles } from './legacy-files.js';
import { type Migration, SchemaMigrator } from './migrations.js';

export interface LowdbStoreOptions {
  dataDir: string;
  /** How old a lock must be before it counts as left by a crashed process (ms, min 2000). */
  lockStaleMs?: number;
  /** Schema migrations for older files; defaults to the registered ones (tests inject their own). */
  migrations?: readonly Migration[];
  /**
   * Dialog sessions and dedup keys: 0 (the default here) fsyncs each save before it resolves; a
   * positive interval resolves once written and fsyncs within that many ms (AppendLogOptions).
   * Audit events about a dialog in progress may ask for the same (AuditDurability). Assessments,
   * decisions, reminders and every other audit event are always fsynced before they resolve.
   */
  hotSyncIntervalMs?: number;
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
    const legacy = await openLegacyFiles(dataDir, openLow);
    // `new Low(adapter, defaults)` explicitly: JSONFilePreset turns into memory under NODE_ENV=test.
    // A directory from before discussions existed has no file: read as empty, created on first save.
    const discussions = await openLow<DiscussionsFile>(dataFile(dataDir, 'discussions'), decodeDiscussions, {
      schemaVersion: SCHEMA_VERSION,
      discussions: createDict(),
    });
    const links = await openLow<LinksFile>(dataFile(dataDir, 'links'), decodeLinks, {
      schemaVersion: SCHEMA_VERSION,
      links: createDict(),
    });
    // Every journal is read before any is created, so a damaged one leaves nothing new behind.
    const hot = { syncIntervalMs: options.hotSyncIntervalMs ?? 0 };
    const sessionsFile = await RecordJournal.load(
      dataFile(dataDir, 'sessionsJournal'),
      { kind: JOURNAL_KINDS.sessions, decode: decodeSessionRecord },
      hot,
    );
    const remindersFile = await RecordJournal.load(dataFile(dataDir, 'remindersJournal'), {
      kind: JOURNAL_KINDS.reminders,
      decode: decodeReminderRecord,
    });
    const processedFile = await RecordJournal.load(
      dataFile(dataDir, 'processedJournal'),
      { kind: JOURNAL_KINDS.processed, decode: decodeProcessedAt },
      hot,
    );
    const assessmentsFile = await AssessmentJournal.load({
      file: dataFile(dataDir, 'assessmentsJournal'),
      indexFile: dataFile(dataDir, 'assessmentsIndex'),
    });
    const remindersDoneFile = await ReminderArchiveJournal.load({
      file: dataFile(dataDir, 'remindersDone'),
      indexFile: dataFile(dataDir, 'remindersDoneIndex'),
    });

    const lowFiles = [...legacy.opened, discussions, links];
    // Only now that every lowdb file and journal read cleanly are migrated files backed up and written back.
    await migrator.commit(lowFiles.map((f) => ({ file: f.adapter.file, write: () => f.db.write() })));

    const opened: { close(): Promise<void> }[] = [];
    try {
      const sessions = await sessionsFile.finish(legacy.sessions);
      opened.push(sessions);
      const processed = await processedFile.finish(legacy.processed);
      opened.push(processed);
      const reminders = await remindersFile.finish(legacy.reminders);
      opened.push(reminders);
      const assessments = await assessmentsFile.finish(
        legacy.assessments && Object.values(legacy.assessments),
      );
      opened.push(assessments);
      const remindersDone = await remindersDoneFile.finish();
      opened.push(remindersDone);
      await settleReminders(reminders, remindersDone);
      // Last: it is the only file opening creates, and only once every other file read cleanly.
      const audit = await AuditLog.open(dataFile(dataDir, 'audit'), dataDir, hot.syncIntervalMs);
      opened.push(audit.log);
      // The journals now hold what the legacy files held (and a backup of each was kept).
      await legacy.retire();

      const owned = async <T>(write: () => Promise<T>): Promise<T> => {
        if (lock.lost) throw lock.lost;
        return write();
      };
      const persistence: Persistence = {
        sessionsChanged: (id) => owned(() => sessions.changed(id)),
        remindersChanged: (id) => owned(() => reminders.changed(id)),
        discussionsChanged: () => owned(() => discussions.db.write()),
        linksChanged: () => owned(() => links.db.write()),
        processedChanged: (key, expired) =>
          owned(() => {
            for (const old of expired) processed.forget(old);
            return processed.changed(key);
          }),
        owned,
        // No paths: /healthz is unauthenticated (the lock's full story was logged when it was lost).
        problem: () =>
          (lock.lost && 'lost its lock on the data directory (another process may write there)') ??
          [sessions, processed, reminders, assessments, remindersDone]
            .map((journal) => journal.failure)
            .find((failure) => failure !== undefined),
        purge: () =>
          owned(
            async () =>
              void (await Promise.all([sessions.compact(), processed.compact(), reminders.compact()])),
          ),
        async close() {
          try {
            await Promise.all([discussions, links].map((f) => f.adapter.flush()));
            await Promise.all([sessions.close(), processed.close(), reminders.close(), audit.log.close()]);
          } finally {
            await lock.release();
          }
        },
      };

      return createStoreEngine(
        {
          sessions: sessions.records,
          assessments,
          reminders: reminders.records,
          reminderArchive: remindersDone,
          discussions: discussions.db.data.discussions,
          links: links.db.data.links,
          processed: processed.records,
          audit: audit.log,
        },
        persistence,
      );
    } catch (error) {
      await Promise.all(opened.map((o) => o.close().catch(() => undefined)));
      throw error;
    }
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
