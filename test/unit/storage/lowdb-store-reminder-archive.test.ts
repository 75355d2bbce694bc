/**
 * Done reminders live in reminders-done.jsonl (on disk, ids in memory), pending ones in
 * reminders.jsonl. A data directory from before the split is moved over once, and a reminder a
 * crash left in both files (between writing its new home and removing it from the old one) is
 * settled by version.
 */
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../dialogs/reminders/reminder.js';
import { AppendLog } from '../../../storage/journal/append-log.js';
import { REMINDERS_DONE_KIND } from '../../../storage/journal/reminder-archive-journal.js';
import { JOURNAL_KINDS } from '../../../storage/lowdb/data-files.js';
import { readSnapshotFile } from '../../helpers/index-snapshot-file.js';
import { readJournal } from '../../helpers/read-journal.js';
import { ids } from './contract-helpers.js';
import { useStoreDir } from './lowdb-helpers.js';
import { buildReminder } from './records.js';

describe('lowdb store: done reminders on disk', () => {
  const { file, openStore } = useStoreDir();
  async function writeJournal(name: string, kind: string, records: Reminder[]): Promise<void> {
    const lines = records.map((record) => JSON.stringify({ put: record }));
    const { log } = await AppendLog.create(file(name), kind, 1, lines);
    await log.close();
  }

  // 3: each moved row is removed by an appended line; 150: the pending journal is rewritten once.
  for (const doneCount of [3, 150]) {
    it(`moves ${doneCount} done reminders out of a reminders.jsonl written before the split, once`, async () => {
      const done = Array.from({ length: doneCount }, (_, i) =>
        buildReminder({ id: `done-${i}`, status: i % 2 ? 'sent' : 'cancelled', version: 2 }),
      );
      const pending = [
        buildReminder({ id: 'soon', dueAt: '2025-03-01T00:00:00.000Z', version: 1 }),
        buildReminder({ id: 'later', dueAt: '2025-04-01T00:00:00.000Z', version: 1 }),
      ];
      await writeJournal('reminders.jsonl', JOURNAL_KINDS.reminders, [...done, ...pending]);

      const first = await openStore();
      expect(ids(await first.listPendingReminders('gph'))).toEqual(['soon', 'later']);
      expect((await first.listReminderIds('gph')).size).toBe(doneCount + 2);
      expect(await first.getReminder('done-1')).toEqual(done[1]);
      expect(ids(await first.listDueReminders('2099-01-01T00:00:00.000Z'))).toEqual(['soon', 'later']);
      await first.close();

      expect([...((await readJournal(file('reminders.jsonl')))?.records.keys() ?? [])].sort()).toEqual([
        'later',
        'soon',
      ]);
      const archived = await readJournal(file('reminders-done.jsonl'));
      expect(archived?.header.kind).toBe(REMINDERS_DONE_KIND);
      expect(archived?.records.size).toBe(doneCount);
      expect(archived?.lines).toBe(doneCount);

      // The next start moves nothing: the archive keeps its lines, the reminders read the same.
      const second = await openStore();
      expect(await second.getReminder('done-0')).toEqual(done[0]);
      expect((await second.listReminderIds('gph')).size).toBe(doneCount + 2);
      await second.close();
      expect((await readJournal(file('reminders-done.jsonl')))?.lines).toBe(doneCount);
    });
  }

  it('settles a reminder left in both files by a crash: the newer version wins', async () => {
    // Sent (v2) was archived, the crash came before its removal from the pending journal.
    const sentPending = buildReminder({ id: 'sent', version: 1 });
    const sentDone = buildReminder({
      id: 'sent',
      version: 2,
      status: 'sent',
      sentAt: '2025-03-03T08:00:00Z',
    });
    // Reopened (v3) was written pending, the crash came before its removal from the archive.
    const reopenedDone = buildReminder({ id: 'reopened', version: 2, status: 'cancelled' });
    const reopenedPending = buildReminder({ id: 'reopened', version: 3, dueAt: '2025-05-01T00:00:00.000Z' });
    await writeJournal('reminders.jsonl', JOURNAL_KINDS.reminders, [sentPending, reopenedPending]);
    await writeJournal('reminders-done.jsonl', REMINDERS_DONE_KIND, [sentDone, reopenedDone]);

    const store = await openStore();
    expect(await store.getReminder('sent')).toEqual(sentDone);
    expect(await store.getReminder('reopened')).toEqual(reopenedPending);
    expect(ids(await store.listPendingReminders('gph'))).toEqual(['reopened']);
    expect((await store.saveReminder({ ...sentDone, attempts: 1 }, 2)).kind).toBe('saved');
    await store.close();

    expect([...((await readJournal(file('reminders.jsonl')))?.records.keys() ?? [])]).toEqual(['reopened']);
    expect([...((await readJournal(file('reminders-done.jsonl')))?.records.keys() ?? [])]).toEqual(['sent']);
  });

  it('reads done reminders back through the index snapshot after a restart', async () => {
    const first = await openStore();
    for (let i = 0; i < 5; i++) {
      const created = await first.saveReminder(
        buildReminder({ id: `r-${i}`, departmentId: i < 2 ? 'law' : 'gph' }),
        0,
      );
      if (created.kind !== 'saved') throw new Error('not saved');
      await first.saveReminder({ ...created.record, status: 'sent' }, 1);
    }
    await first.close();
    const snapshot = await readSnapshotFile(file('reminders-done.index.json'));
    expect([...snapshot.columns.id].sort()).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
    const second = await openStore();
    expect([...(await second.listReminderIds('law'))].sort()).toEqual(['r-0', 'r-1']);
    expect(await second.getReminder('r-4')).toMatchObject({
      status: 'sent',
      version: 2,
      departmentId: 'gph',
    });
    expect(await second.listPendingReminders('gph')).toEqual([]);
  });
});
