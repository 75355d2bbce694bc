/**
 * The store contract for reminders and discussions. Called from runStoreContract, so every
 * implementation runs it; `current` returns the store the surrounding beforeEach opened.
 */
import { describe, expect, it } from 'vitest';
import type { RiskcheckStore } from '../../../storage/store.js';
import { ids, refused, saved } from './contract-helpers.js';
import { buildDiscussion, buildReminder } from './records.js';

const R1 = 'discussion:gph:2025-03-03T08:00:00.000Z';

export function describeReminderContract(current: () => RiskcheckStore): void {
  describe('reminders', () => {
    it('creates with expectedVersion 0, reads back at version 1', async () => {
      const store = current();
      expect(saved(await store.saveReminder(buildReminder(), 0)).version).toBe(1);
      expect(await store.getReminder(R1)).toEqual({ ...buildReminder(), version: 1 });
      expect(await store.getReminder('missing')).toBeUndefined();
    });

    it('increments the version on each update and conflicts on a stale or wrong version', async () => {
      const store = current();
      const v1 = saved(await store.saveReminder(buildReminder(), 0));
      const v2 = saved(await store.saveReminder({ ...v1, attempts: 1, lastError: 'timeout' }, 1));
      expect(v2.version).toBe(2);
      const v3 = saved(
        await store.saveReminder({ ...v2, status: 'sent', sentAt: '2025-03-03T08:01:00Z' }, 2),
      );
      expect(v3.version).toBe(3);
      const stale = await store.saveReminder({ ...v1, attempts: 9 }, 1);
      expect(stale).toEqual({ kind: 'conflict', current: { ...v3 } });
      expect((await store.saveReminder(buildReminder(), 0)).kind).toBe('conflict');
      expect(await store.saveReminder({ ...v3, attempts: 9 }, 7)).toMatchObject({ kind: 'conflict' });
      expect(await store.getReminder(R1)).toEqual(v3);
      expect(await store.saveReminder(buildReminder({ id: 'other' }), 2)).toEqual({
        kind: 'conflict',
        current: undefined,
      });
    });

    it('lists due reminders: pending only, due at or before now, by dueAt then id', async () => {
      const store = current();
      const due = [
        buildReminder({ id: 'b-late', dueAt: '2025-03-03T09:00:00.000Z' }),
        buildReminder({ id: 'b-early', dueAt: '2025-03-01T08:00:00.000Z', departmentId: 'law' }),
        buildReminder({ id: 'a-early', dueAt: '2025-03-01T08:00:00.000Z', kind: 'reassessment' }),
        // Backoff is the scheduler's business: a future nextAttemptAt is still listed.
        buildReminder({
          id: 'retrying',
          dueAt: '2025-03-02T00:00:00.000Z',
          nextAttemptAt: '2099-01-01T00:00:00Z',
        }),
      ];
      const notDue = [
        buildReminder({ id: 'future', dueAt: '2025-03-03T09:00:00.001Z' }),
        buildReminder({ id: 'sent', dueAt: '2025-03-01T00:00:00.000Z', status: 'sent' }),
        buildReminder({ id: 'cancelled', dueAt: '2025-03-01T00:00:00.000Z', status: 'cancelled' }),
      ];
      for (const reminder of [...due, ...notDue]) saved(await store.saveReminder(reminder, 0));

      // Inclusive, and compared as instants: `…09:00:00Z` is the same time as `…09:00:00.000Z`.
      const listed = await store.listDueReminders('2025-03-03T09:00:00Z');
      expect(ids(listed)).toEqual(['a-early', 'b-early', 'retrying', 'b-late']);
      expect(listed[0]).toEqual({ ...due[2], version: 1 });
      expect(await store.listDueReminders('2025-02-01T00:00:00.000Z')).toEqual([]);
      // Retention relies on this: the last representable instant lists every pending reminder.
      expect(ids(await store.listDueReminders('9999-12-31T23:59:59.999Z'))).toEqual([
        'a-early',
        'b-early',
        'retrying',
        'b-late',
        'future',
      ]);
    });

    it('follows status and due-time changes in the due listing', async () => {
      const store = current();
      const v1 = saved(await store.saveReminder(buildReminder(), 0));
      expect(ids(await store.listDueReminders('2025-03-04T00:00:00.000Z'))).toEqual([R1]);
      const v2 = saved(
        await store.saveReminder({ ...v1, status: 'sent', sentAt: '2025-03-03T08:00:05Z' }, 1),
      );
      expect(await store.listDueReminders('2025-03-04T00:00:00.000Z')).toEqual([]);
      saved(await store.saveReminder({ ...v2, status: 'pending', dueAt: '2025-03-05T00:00:00.000Z' }, 2));
      expect(await store.listDueReminders('2025-03-04T00:00:00.000Z')).toEqual([]);
      expect(ids(await store.listDueReminders('2025-03-05T00:00:00.000Z'))).toEqual([R1]);
    });

    it('rejects a now that is not a time', async () => {
      await expect(current().listDueReminders('soon')).rejects.toThrow(RangeError);
    });

    it('lists a department’s pending reminders by dueAt then id, its ids in every status, and follows a move', async () => {
      const store = current();
      saved(await store.saveReminder(buildReminder({ id: 'r3', dueAt: '2025-04-01T00:00:00.000Z' }), 0));
      saved(await store.saveReminder(buildReminder({ id: 'r2', dueAt: '2025-03-01T00:00:00.000Z' }), 0));
      saved(
        await store.saveReminder(
          buildReminder({ id: 'r1', dueAt: '2025-03-01T00:00:00.000Z', status: 'sent' }),
          0,
        ),
      );
      const moving = saved(await store.saveReminder(buildReminder({ id: 'r0', status: 'cancelled' }), 0));
      saved(await store.saveReminder(buildReminder({ id: 'law-1', departmentId: 'law' }), 0));
      expect(ids(await store.listPendingReminders('gph'))).toEqual(['r2', 'r3']);
      expect(ids(await store.listPendingReminders('law'))).toEqual(['law-1']);
      expect(await store.listPendingReminders('none')).toEqual([]);
      expect([...(await store.listReminderIds('gph'))].sort()).toEqual(['r0', 'r1', 'r2', 'r3']);
      expect(await store.listReminderIds('none')).toEqual(new Set());

      const moved = saved(await store.saveReminder({ ...moving, departmentId: 'law' }, 1));
      expect([...(await store.listReminderIds('gph'))].sort()).toEqual(['r1', 'r2', 'r3']);
      expect([...(await store.listReminderIds('law'))].sort()).toEqual(['law-1', 'r0']);
      // Reopened: listed as pending again, in its new department.
      saved(await store.saveReminder({ ...moved, status: 'pending' }, 2));
      expect(ids(await store.listPendingReminders('law'))).toEqual(['law-1', 'r0']);
      expect([...(await store.listReminderIds('law'))].sort()).toEqual(['law-1', 'r0']);
      expect(await store.getReminder('r0')).toMatchObject({ status: 'pending', version: 3 });
    });

    it('lets exactly one of several concurrent saves with the same expectedVersion win', async () => {
      const store = current();
      const v1 = saved(await store.saveReminder(buildReminder(), 0));
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((attempts) => store.saveReminder({ ...v1, attempts }, 1)),
      );
      expect(results.filter((r) => r.kind === 'saved')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(4);
      const winner = results.find((r) => r.kind === 'saved');
      expect(await store.getReminder(R1)).toEqual(winner?.record);

      const creates = await Promise.all(
        [1, 2, 3].map(() => store.saveReminder(buildReminder({ id: 'new' }), 0)),
      );
      expect(creates.filter((r) => r.kind === 'saved')).toHaveLength(1);
    });

    it('stores copies and hands out frozen records, conflict results included', async () => {
      const store = current();
      const post = () => ({ platform: 'teams' as const, conversationId: 'c', messageId: 'm' });
      const input = buildReminder({ posts: [post()] });
      const stored = saved(await store.saveReminder(input, 0));
      input.posts[0]!.messageId = 'mutated input';
      refused(() => stored.posts.push(post()));
      const read = (await store.getReminder(R1))!;
      refused(() => {
        read.posts[0]!.conversationId = 'mutated read';
      });
      const due = (await store.listDueReminders('2025-03-04T00:00:00.000Z'))[0]!;
      refused(() => {
        due.attempts = 99;
      });
      const listed = (await store.listPendingReminders('gph'))[0]!;
      refused(() => {
        listed.status = 'sent';
      });
      const conflict = await store.saveReminder(buildReminder(), 0);
      if (conflict.kind !== 'conflict') throw new Error('expected conflict');
      refused(() => {
        conflict.current!.posts.length = 0;
      });
      expect(await store.getReminder(R1)).toEqual({ ...buildReminder({ posts: [post()] }), version: 1 });
      // Done, it may be read back from disk: frozen all the same.
      saved(await store.saveReminder({ ...stored, status: 'sent' }, 1));
      const done = (await store.getReminder(R1))!;
      refused(() => {
        done.posts[0]!.messageId = 'mutated done';
      });
    });

    it('treats ids like __proto__ as ordinary keys', async () => {
      const store = current();
      for (const id of ['__proto__', 'constructor']) {
        expect(await store.getReminder(id)).toBeUndefined();
        saved(await store.saveReminder(buildReminder({ id }), 0));
        expect((await store.getReminder(id))?.id).toBe(id);
      }
    });
  });

  describe('discussions', () => {
    it('lists by department, by recordedAt then id', async () => {
      const store = current();
      expect(await store.listDiscussions('gph')).toEqual([]);
      await store.saveDiscussion(buildDiscussion({ id: 'd3', recordedAt: '2025-05-01T00:00:00.000Z' }));
      await store.saveDiscussion(buildDiscussion({ id: 'd2', recordedAt: '2025-04-01T00:00:00.000Z' }));
      await store.saveDiscussion(buildDiscussion({ id: 'd1', recordedAt: '2025-04-01T00:00:00Z' }));
      await store.saveDiscussion(buildDiscussion({ id: 'law-1', departmentId: 'law' }));
      const listed = await store.listDiscussions('gph');
      expect(ids(listed)).toEqual(['d1', 'd2', 'd3']);
      expect(listed[2]).toEqual(buildDiscussion({ id: 'd3', recordedAt: '2025-05-01T00:00:00.000Z' }));
      expect(ids(await store.listDiscussions('law'))).toEqual(['law-1']);
      expect(await store.listDiscussions('none')).toEqual([]);
    });

    it('replaces a discussion saved again under the same id, also when it moves department', async () => {
      const store = current();
      await store.saveDiscussion(buildDiscussion());
      await store.saveDiscussion(buildDiscussion({ note: 'Corrected note' }));
      expect(await store.listDiscussions('gph')).toEqual([buildDiscussion({ note: 'Corrected note' })]);
      await store.saveDiscussion(buildDiscussion({ departmentId: 'law' }));
      expect(await store.listDiscussions('gph')).toEqual([]);
      expect(await store.listDiscussions('law')).toEqual([buildDiscussion({ departmentId: 'law' })]);
    });

    it('stores copies and hands out frozen records', async () => {
      const store = current();
      const input = buildDiscussion();
      await store.saveDiscussion(input);
      input.recordedBy.displayName = 'mutated input';
      const listed = (await store.listDiscussions('gph'))[0]!;
      refused(() => {
        listed.note = 'mutated read';
      });
      expect(await store.listDiscussions('gph')).toEqual([buildDiscussion()]);
    });

    it('treats ids like __proto__ as ordinary keys', async () => {
      const store = current();
      await store.saveDiscussion(buildDiscussion({ id: '__proto__' }));
      await store.saveDiscussion(buildDiscussion({ id: 'constructor' }));
      expect(ids(await store.listDiscussions('gph')).sort()).toEqual(['__proto__', 'constructor']);
    });
  });
}
