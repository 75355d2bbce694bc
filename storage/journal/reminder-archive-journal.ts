/**
 * Done reminders on disk: `reminders-done.jsonl`, a cold journal (cold-journal.ts) keeping only
 * each reminder's id, version and department in memory, with its index snapshot in
 * `reminders-done.index.json`. Pending reminders stay in `reminders.jsonl`, whole in memory.
 */
import { freezeInPlace } from '../../dialogs/freeze.js';
import type { Reminder } from '../../dialogs/reminders/reminder.js';
import type { ReminderArchive } from '../core/reminder-archive.js';
import {
  ColdJournal,
  type ColdJournalFiles,
  type ColdJournalSpec,
  type SummaryColumns,
} from './cold-journal.js';
import { DictColumn, type Restore } from './columns.js';
import type { RecordJournal } from './record-journal.js';

export const REMINDERS_DONE_KIND = 'riskcheck-reminders-done';
export const REMINDERS_DONE_SCHEMA_VERSION = 1;

interface DoneSummary {
  id: string;
  version: number;
  departmentId: string;
}

const spec: ColdJournalSpec<Reminder, DoneSummary> = {
  kind: REMINDERS_DONE_KIND,
  schemaVersion: REMINDERS_DONE_SCHEMA_VERSION,
  summarise: ({ id, version, departmentId }) => ({ id, version, departmentId }),
  what: 'reminder',
};

/** Beyond id and version (kept by the journal's index), only the department: one code a reminder. */
class DoneColumns implements SummaryColumns<DoneSummary> {
  readonly department = new DictColumn();

  write(slot: number, summary: DoneSummary): void {
    this.department.set(slot, summary.departmentId);
  }

  clear(slot: number): void {
    this.department.set(slot, undefined);
  }

  read(slot: number, id: string, version: number): DoneSummary {
    return Object.freeze({ id, version, departmentId: this.department.get(slot) as string });
  }

  dump(slots: readonly number[]): Record<string, unknown> {
    return { departmentId: this.department.dump(slots) };
  }

  restorer(columns: Record<string, unknown>, count: number): Restore | undefined {
    return this.department.restorer(columns.departmentId, count, true);
  }
}

export class ReminderArchiveJournal implements ReminderArchive {
  readonly #journal: ColdJournal<Reminder, DoneSummary>;
  readonly #columns: DoneColumns;

  private constructor(journal: ColdJournal<Reminder, DoneSummary>, columns: DoneColumns) {
    this.#journal = journal;
    this.#columns = columns;
  }

  /** Reads the archive without creating anything; `finish` opens or creates it (see RecordJournal.load). */
  static async load(files: ColdJournalFiles): Promise<{ finish(): Promise<ReminderArchiveJournal> }> {
    const columns = new DoneColumns();
    const loaded = await ColdJournal.load(files, spec, columns);
    return { finish: async () => new ReminderArchiveJournal(await loaded.finish(), columns) };
  }

  versionOf(id: string): number | undefined {
    return this.#journal.versionOf(id);
  }

  /** Frozen, like every record the store hands out. */
  async get(id: string): Promise<Reminder | undefined> {
    const record = await this.#journal.get(id);
    return record && freezeInPlace(record);
  }

  put(record: Reminder): Promise<void> {
    return this.#journal.put(record);
  }

  delete(id: string): Promise<boolean> {
    return this.#journal.delete(id);
  }

  idsOf(departmentId: string): string[] {
    const code = this.#columns.department.codeOf(departmentId);
    if (code === 0) return [];
    return this.#journal.idsWhere((slot) => this.#columns.department.codeAt(slot) === code);
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

/** Above this many moves the pending journal is rewritten once instead of appending a removal each. */
const COMPACT_AFTER_MOVES = 100;

/**
 * Puts every reminder where it belongs before the store serves anything: done ones in the archive,
 * pending ones in the pending journal. Moves done rows out of a journal written before the archive
 * existed (once), and settles a reminder a crash left in both files (saving one writes the new
 * home first, then removes it from the old one): the higher version wins.
 */
export async function settleReminders(
  pending: RecordJournal<Reminder>,
  archive: ReminderArchive,
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  const leftPending: string[] = [];
  for (const [id, reminder] of Object.entries(pending.records)) {
    const archived = archive.versionOf(id);
    if (archived !== undefined && archived >= reminder.version) {
      delete pending.records[id];
      leftPending.push(id);
    } else if (reminder.status !== 'pending') {
      writes.push(archive.put(reminder));
      delete pending.records[id];
      leftPending.push(id);
    } else if (archived !== undefined) {
      // Reopened after it was done (a newer pending version): the archived copy is stale.
      writes.push(archive.delete(id));
    }
  }
  // The archive is durable before the pending journal forgets anything.
  await Promise.all(writes);
  if (leftPending.length > COMPACT_AFTER_MOVES) await pending.compact();
  else for (const id of leftPending) await pending.changed(id);
}
