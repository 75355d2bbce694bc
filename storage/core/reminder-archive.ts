/**
 * Where reminders go once they are done (sent or cancelled): nine in ten reminder rows after a few
 * years, needed again only one at a time (a discussion reminder's posts, "was this planned
 * already?"). Pending reminders stay in the store engine's table. The memory store keeps done
 * records in memory here; the embedded store keeps them on disk with only their ids in memory
 * (storage/journal/reminder-archive-journal.ts).
 */
import type { Reminder } from '../../dialogs/reminders/reminder.js';

export interface ReminderArchive {
  versionOf(id: string): number | undefined;
  get(id: string): Promise<Reminder | undefined>;
  /** Replaces (or adds) the record in memory at once; resolves when it is durable. */
  put(record: Reminder): Promise<void>;
  /** Removes the record in memory at once (false if missing); resolves when durable. */
  delete(id: string): Promise<boolean>;
  /** The ids of a department's done reminders. */
  idsOf(departmentId: string): string[];
  /** Physically drops superseded versions (erasure, retention). */
  purge(): Promise<void>;
  close(): Promise<void>;
}

/** Whole (frozen) records in memory: the memory store, and tests. */
export function memoryReminderArchive(): ReminderArchive {
  const records = new Map<string, Reminder>();
  return {
    versionOf: (id) => records.get(id)?.version,
    get: async (id) => records.get(id),
    async put(record) {
      records.set(record.id, record);
    },
    delete: async (id) => records.delete(id),
    idsOf: (departmentId) =>
      [...records.values()].filter((r) => r.departmentId === departmentId).map((r) => r.id),
    purge: async () => {},
    close: async () => {},
  };
}
