/**
 * The behaviour every RiskcheckStore implementation must have. Each implementation's test file
 * calls runStoreContract with a factory; a new backend (PostgreSQL) passes this before it ships.
 * Reminders and discussions are in store-contract-reminders.ts, run from here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AssessmentSummary, bySubmitted } from '../../../dialogs/assessment-summary.js';
import { actorKey } from '../../../dialogs/session.js';
import { SUMMARY_PAGE } from '../../../storage/core/store-engine.js';
import type { RiskcheckStore } from '../../../storage/store.js';
import { ids, refused, saved } from './contract-helpers.js';
import { buildActor, buildAssessment, buildAudit, buildLink, buildSession } from './records.js';
import { describeDataCareContract } from './store-contract-data-care.js';
import { describeReminderContract } from './store-contract-reminders.js';

export type MakeStore = () => Promise<{ store: RiskcheckStore; cleanup: () => Promise<void> }>;

const bob = buildActor({ platform: 'slack', userId: 'U0BOB', displayName: 'Bob' });

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`RiskcheckStore contract: ${name}`, () => {
    let store: RiskcheckStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    describeReminderContract(() => store);
    describeDataCareContract(() => store);

    it('reports itself able to save while nothing has failed', () => {
      expect(store.health()).toEqual({ ok: true });
    });

    describe('sessions', () => {
      it('creates with expectedVersion 0, reads back at version 1', async () => {
        const stored = saved(await store.saveSession(buildSession(), 0));
        expect(stored.version).toBe(1);
        expect(await store.getSession('session-1')).toEqual({ ...buildSession(), version: 1 });
        expect(await store.getSession('missing')).toBeUndefined();
      });

      it('updates with the current version and increments it', async () => {
        const v1 = saved(await store.saveSession(buildSession(), 0));
        const v2 = saved(await store.saveSession({ ...v1, stepId: 'partner' }, v1.version));
        expect(v2.version).toBe(2);
        expect((await store.getSession(v1.id))?.stepId).toBe('partner');
      });

      it('conflicts on a stale expectedVersion and on creating an existing id', async () => {
        const v1 = saved(await store.saveSession(buildSession(), 0));
        saved(await store.saveSession({ ...v1, stepId: 'partner' }, 1));
        const stale = await store.saveSession({ ...v1, stepId: 'design' }, 1);
        expect(stale).toEqual({ kind: 'conflict', current: expect.objectContaining({ version: 2 }) });
        const again = await store.saveSession(buildSession(), 0);
        expect(again.kind).toBe('conflict');
        expect((await store.getSession(v1.id))?.stepId).toBe('partner');
      });

      it('conflicts with current undefined when updating a record that does not exist', async () => {
        expect(await store.saveSession(buildSession(), 3)).toEqual({ kind: 'conflict', current: undefined });
      });

      it('deletes, and deleting a missing session is a no-op', async () => {
        saved(await store.saveSession(buildSession(), 0));
        await store.deleteSession('session-1');
        await store.deleteSession('session-1');
        expect(await store.getSession('session-1')).toBeUndefined();
        expect(await store.listSessionsByOwner(actorKey(buildActor()))).toEqual([]);
        // A deleted id can be created again from scratch.
        expect(saved(await store.saveSession(buildSession(), 0)).version).toBe(1);
      });

      it('lists by owner, oldest first', async () => {
        saved(await store.saveSession(buildSession({ id: 's-b', createdAt: '2025-03-02T00:00:00Z' }), 0));
        saved(await store.saveSession(buildSession({ id: 's-a', createdAt: '2025-03-01T00:00:00Z' }), 0));
        saved(await store.saveSession(buildSession({ id: 's-bob', owner: bob }), 0));
        expect(ids(await store.listSessionsByOwner('teams:aad-alice'))).toEqual(['s-a', 's-b']);
        expect(ids(await store.listSessionsByOwner('slack:U0BOB'))).toEqual(['s-bob']);
        expect(await store.listSessionsByOwner('slack:nobody')).toEqual([]);
      });

      it('keeps the owner index right when a session changes owner', async () => {
        const v1 = saved(await store.saveSession(buildSession(), 0));
        saved(await store.saveSession({ ...v1, owner: bob }, 1));
        expect(await store.listSessionsByOwner('teams:aad-alice')).toEqual([]);
        expect(ids(await store.listSessionsByOwner('slack:U0BOB'))).toEqual(['session-1']);
      });

      it('lets exactly one of several concurrent saves with the same expectedVersion win', async () => {
        const v1 = saved(await store.saveSession(buildSession(), 0));
        const results = await Promise.all(
          ['a', 'b', 'c', 'd', 'e'].map((step) => store.saveSession({ ...v1, stepId: step }, 1)),
        );
        expect(results.filter((r) => r.kind === 'saved')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(4);
        const winner = results.find((r) => r.kind === 'saved');
        expect(await store.getSession(v1.id)).toEqual(winner?.record);
      });

      it('lets exactly one concurrent create win', async () => {
        const results = await Promise.all([1, 2, 3].map(() => store.saveSession(buildSession(), 0)));
        expect(results.filter((r) => r.kind === 'saved')).toHaveLength(1);
      });
    });

    describe('assessments', () => {
      it('creates, reads, updates with version checks', async () => {
        const v1 = saved(await store.saveAssessment(buildAssessment(), 0));
        expect(v1.version).toBe(1);
        expect(await store.getAssessment('assessment-1')).toEqual({ ...buildAssessment(), version: 1 });
        expect(await store.getAssessment('missing')).toBeUndefined();
        const decision = { value: 'proceed' as const, comment: 'ok', by: bob, at: '2025-03-03T00:00:00Z' };
        const v2 = saved(await store.saveAssessment({ ...v1, decision }, 1));
        expect(v2.version).toBe(2);
        const stale = await store.saveAssessment({ ...v1, title: 'stale' }, 1);
        expect(stale).toEqual({ kind: 'conflict', current: expect.objectContaining({ decision }) });
        expect((await store.saveAssessment(buildAssessment(), 0)).kind).toBe('conflict');
      });

      it('lists by submitter and by department, oldest first', async () => {
        saved(
          await store.saveAssessment(buildAssessment({ id: 'a2', submittedAt: '2025-03-05T00:00:00Z' }), 0),
        );
        saved(
          await store.saveAssessment(buildAssessment({ id: 'a1', submittedAt: '2025-03-04T00:00:00Z' }), 0),
        );
        saved(
          await store.saveAssessment(buildAssessment({ id: 'a3', submitter: bob, departmentId: 'law' }), 0),
        );
        expect(ids(await store.listAssessmentsBySubmitter('teams:aad-alice'))).toEqual(['a1', 'a2']);
        expect(ids(await store.listAssessmentsBySubmitter('slack:U0BOB'))).toEqual(['a3']);
        expect(ids(await store.listAssessmentsByDepartment('gph'))).toEqual(['a1', 'a2']);
        expect(ids(await store.listAssessmentsByDepartment('law'))).toEqual(['a3']);
        expect(await store.listAssessmentsByDepartment('none')).toEqual([]);
      });

      it('keeps the indexes right after an update moves an assessment', async () => {
        const v1 = saved(await store.saveAssessment(buildAssessment(), 0));
        saved(await store.saveAssessment({ ...v1, departmentId: 'law', submitter: bob }, 1));
        expect(await store.listAssessmentsByDepartment('gph')).toEqual([]);
        expect(await store.listAssessmentsBySubmitter('teams:aad-alice')).toEqual([]);
        const [moved] = await store.listAssessmentsByDepartment('law');
        expect(moved).toMatchObject({ id: 'assessment-1', version: 2, departmentId: 'law' });
        expect(ids(await store.listAssessmentsBySubmitter('slack:U0BOB'))).toEqual(['assessment-1']);
      });

      it('lists summaries from the saved records, filtered and oldest first', async () => {
        saved(
          await store.saveAssessment(
            buildAssessment({
              id: 'a2',
              submittedAt: '2025-03-05T00:00:00Z',
              answers: { stage: 'ongoing', end_date: '2027-01-31' },
              previousAssessmentId: 'a1',
            }),
            0,
          ),
        );
        const a1 = saved(
          await store.saveAssessment(buildAssessment({ id: 'a1', submittedAt: '2025-03-04T00:00:00Z' }), 0),
        );
        saved(
          await store.saveAssessment(
            buildAssessment({
              id: 'a3',
              submitter: bob,
              departmentId: 'law',
              submittedAt: '2025-03-07T00:00:00Z',
            }),
            0,
          ),
        );
        const decision = {
          value: 'pause_review' as const,
          comment: 'c',
          by: bob,
          at: '2025-03-06T00:00:00Z',
        };
        saved(await store.saveAssessment({ ...a1, decision }, 1));

        const all = await store.listAssessmentSummaries();
        expect(all.map((s) => s.id)).toEqual(['a1', 'a2', 'a3']);
        expect(all[0]).toMatchObject({
          version: 2,
          submitterKey: 'teams:aad-alice',
          decision: {
            value: 'pause_review',
            at: '2025-03-06T00:00:00Z',
            byKey: 'slack:U0BOB',
            hasComment: true,
          },
        });
        expect(all[1]).toMatchObject({ stage: 'ongoing', endDate: '2027-01-31', previousAssessmentId: 'a1' });
        expect(all[1]?.decision).toBeUndefined();
        expect(ids(await store.listAssessmentSummaries({ departmentId: 'gph' }))).toEqual(['a1', 'a2']);
        expect(ids(await store.listAssessmentSummaries({ submitterKey: 'slack:U0BOB' }))).toEqual(['a3']);
        expect(
          await store.listAssessmentSummaries({ departmentId: 'law', submitterKey: 'teams:aad-alice' }),
        ).toEqual([]);
        // Visiting hands over the same summaries as listing, for every query (in any order).
        for (const query of [
          {},
          { departmentId: 'gph' },
          { submitterKey: 'slack:U0BOB' },
          { departmentId: 'none' },
        ]) {
          const visited: AssessmentSummary[] = [];
          await store.visitAssessmentSummaries(query, (summary) => visited.push(summary));
          expect(visited.sort(bySubmitted)).toEqual(await store.listAssessmentSummaries(query));
        }
        await store.deleteAssessment('a2');
        expect(ids(await store.listAssessmentSummaries())).toEqual(['a1', 'a3']);
        const visited: string[] = [];
        await store.visitAssessmentSummaries({}, (summary) => visited.push(summary.id));
        expect(visited.sort()).toEqual(['a1', 'a3']);
        // Handed out as they are, frozen: changing one throws and leaves the store as it was.
        const [first] = await store.listAssessmentSummaries();
        refused(() => {
          first!.title = 'changed';
        });
        refused(() => {
          first!.decision!.value = 'proceed';
        });
        expect((await store.listAssessmentSummaries())[0]).toMatchObject({
          title: a1.title,
          decision: { value: 'pause_review' },
        });
      });

      it('visits a large history in pages, letting other work run between them', async () => {
        const count = SUMMARY_PAGE + 500;
        await Promise.all(
          Array.from({ length: count }, (_, n) =>
            store.saveAssessment(buildAssessment({ id: `p${n}`, title: `Pass ${n}` }), 0),
          ),
        );
        const visited: string[] = [];
        let otherWorkAfter: number | undefined;
        // Scheduled like a request arriving while the pass runs: it deletes one not visited yet.
        setImmediate(() => {
          otherWorkAfter = visited.length;
          const notYet = Array.from({ length: count }, (_, n) => `p${n}`).find((id) => !visited.includes(id));
          void store.deleteAssessment(notYet!);
        });
        await store.visitAssessmentSummaries({ departmentId: 'gph' }, (summary) => visited.push(summary.id));
        expect(otherWorkAfter).toBe(SUMMARY_PAGE);
        // The deleted one was not handed over; every other one was, once.
        expect(new Set(visited).size).toBe(count - 1);
        expect(visited.sort()).toEqual(ids(await store.listAssessmentSummaries()).sort());
      });

      it('lets exactly one of several concurrent decisions win', async () => {
        const v1 = saved(await store.saveAssessment(buildAssessment(), 0));
        const results = await Promise.all(
          ['x', 'y', 'z'].map((title) => store.saveAssessment({ ...v1, title }, 1)),
        );
        expect(results.filter((r) => r.kind === 'saved')).toHaveLength(1);
      });
    });

    describe('links', () => {
      it('saves, reads and overwrites by key', async () => {
        expect(await store.getLink('dept:gph:teams')).toBeUndefined();
        await store.saveLink(buildLink());
        expect(await store.getLink('dept:gph:teams')).toEqual(buildLink());
        await store.saveLink(buildLink({ conversationId: 'other' }));
        expect((await store.getLink('dept:gph:teams'))?.conversationId).toBe('other');
      });
    });

    describe('audit', () => {
      it('appends in order and filters by subject, action and since (inclusive)', async () => {
        await store.appendAudit(buildAudit({ id: 'e1', at: '2025-03-01T00:00:00.000Z' }));
        await store.appendAudit(
          buildAudit({ id: 'e2', at: '2025-03-02T00:00:00.000Z', action: 'decision.made' }),
        );
        await store.appendAudit(buildAudit({ id: 'e3', at: '2025-03-03T00:00:00.000Z', subject: 'other' }));
        expect(ids(await store.listAudit())).toEqual(['e1', 'e2', 'e3']);
        expect(await store.listAudit({})).toHaveLength(3);
        expect(ids(await store.listAudit({ subject: 'assessment-1' }))).toEqual(['e1', 'e2']);
        expect(ids(await store.listAudit({ action: 'decision.made' }))).toEqual(['e2']);
        expect(ids(await store.listAudit({ since: '2025-03-02T00:00:00.000Z' }))).toEqual(['e2', 'e3']);
        expect(
          ids(await store.listAudit({ subject: 'assessment-1', since: '2025-03-02T00:00:00Z' })),
        ).toEqual(['e2']);
        expect((await store.listAudit({ subject: 'e1' })).length).toBe(0);
      });

      it('lists an event appended like a session with the others, in order', async () => {
        await store.appendAudit(buildAudit({ id: 'e1', action: 'session.started' }), 'like-sessions');
        await store.appendAudit(buildAudit({ id: 'e2' }), 'on-disk');
        await store.appendAudit(buildAudit({ id: 'e3', action: 'session.cancelled' }), 'like-sessions');
        expect(ids(await store.listAudit())).toEqual(['e1', 'e2', 'e3']);
      });
    });

    describe('processed keys', () => {
      it('returns true the first time and false for every repeat, also when concurrent', async () => {
        expect(await store.markProcessed('activity-1', '2025-03-01T00:00:00Z')).toBe(true);
        expect(await store.markProcessed('activity-1', '2025-03-01T00:00:01Z')).toBe(false);
        const results = await Promise.all(
          [1, 2, 3, 4].map(() => store.markProcessed('activity-2', '2025-03-01T00:00:02Z')),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('forgets keys older than the retention window (an hour: every platform retry is sooner)', async () => {
        expect(await store.markProcessed('old', '2025-03-09T00:00:00Z')).toBe(true);
        expect(await store.markProcessed('new', '2025-03-09T00:59:00Z')).toBe(true);
        expect(await store.markProcessed('old', '2025-03-09T00:30:00Z')).toBe(false);
        expect(await store.markProcessed('other', '2025-03-09T01:00:01Z')).toBe(true);
        expect(await store.markProcessed('old', '2025-03-09T01:00:02Z')).toBe(true);
        expect(await store.markProcessed('new', '2025-03-09T01:00:03Z')).toBe(false);
      });
    });

    it('treats ids like __proto__ and constructor as ordinary keys', async () => {
      for (const id of ['__proto__', 'constructor', 'hasOwnProperty']) {
        expect(await store.getSession(id)).toBeUndefined();
        expect(saved(await store.saveSession(buildSession({ id }), 0)).id).toBe(id);
        expect((await store.getSession(id))?.id).toBe(id);
      }
      expect(await store.getLink('__proto__')).toBeUndefined();
      await store.saveLink(buildLink({ key: '__proto__' }));
      expect((await store.getLink('__proto__'))?.key).toBe('__proto__');
      expect(await store.markProcessed('__proto__', '2025-03-01T00:00:00Z')).toBe(true);
      expect(await store.markProcessed('__proto__', '2025-03-01T00:00:00Z')).toBe(false);
    });

    describe('copies', () => {
      it('stores copies and hands out frozen records: callers cannot change stored state', async () => {
        const session = buildSession();
        const stored = saved(await store.saveSession(session, 0));
        session.answers.title = 'mutated input';
        refused(() => {
          stored.answers.title = 'mutated result';
        });
        const read = await store.getSession('session-1');
        refused(() => {
          read!.owner.displayName = 'mutated read';
        });
        const listed = (await store.listSessionsByOwner('teams:aad-alice'))[0]!;
        refused(() => {
          listed.stepId = 'mutated list';
        });
        expect(await store.getSession('session-1')).toEqual({ ...buildSession(), version: 1 });
        // A new version built from a stored one (as the dialog does) saves as usual.
        saved(await store.saveSession({ ...read!, stepId: 'partner' }, 1));
        expect((await store.getSession('session-1'))?.stepId).toBe('partner');

        const assessment = saved(await store.saveAssessment(buildAssessment(), 0));
        refused(() => assessment.triage.flags.push({} as never));
        // Read from the history: fresh objects, whatever the caller does with them.
        (await store.listAssessmentsByDepartment('gph'))[0]!.posts.push({} as never);
        (await store.listAssessmentsBySubmitter('teams:aad-alice'))[0]!.title = 'x';
        expect(await store.getAssessment('assessment-1')).toEqual({ ...buildAssessment(), version: 1 });

        const link = buildLink();
        await store.saveLink(link);
        link.reference!.channelId = 'mutated';
        const readLink = (await store.getLink(link.key))!;
        refused(() => {
          readLink.conversationId = 'mutated';
        });
        expect(await store.getLink(link.key)).toEqual(buildLink());

        const event = buildAudit();
        await store.appendAudit(event);
        event.details!.level = 'mutated';
        (await store.listAudit())[0]!.subject = 'mutated';
        expect(await store.listAudit()).toEqual([buildAudit()]);
      });

      it('conflict results carry the stored record, frozen too', async () => {
        saved(await store.saveSession(buildSession(), 0));
        const conflict = await store.saveSession(buildSession(), 0);
        if (conflict.kind !== 'conflict') throw new Error('expected conflict');
        refused(() => {
          conflict.current!.stepId = 'mutated';
        });
        expect((await store.getSession('session-1'))?.stepId).toBe('context');
      });
    });
  });
}
