/** Store contract for data care (exports, erasure, retention): listing and deleting, audit rewrites. */
import { describe, expect, it } from 'vitest';
import type { RiskcheckStore } from '../../../storage/store.js';
import { ids, saved } from './contract-helpers.js';
import { buildAssessment, buildAudit, buildLink } from './records.js';

export function describeDataCareContract(current: () => RiskcheckStore): void {
  describe('data care', () => {
    it('lists every assessment oldest submitted first, as copies', async () => {
      const store = current();
      saved(await store.saveAssessment(buildAssessment({ id: 'b', submittedAt: '2025-03-05T00:00:00Z' }), 0));
      saved(
        await store.saveAssessment(
          buildAssessment({ id: 'a', departmentId: 'meb', submittedAt: '2025-03-01T00:00:00Z' }),
          0,
        ),
      );
      const all = await store.listAssessments();
      expect(ids(all)).toEqual(['a', 'b']);
      all[0]!.title = 'changed';
      expect((await store.getAssessment('a'))?.title).not.toBe('changed');
    });

    it('deletes an assessment from reads and indexes; deleting a missing one is a no-op', async () => {
      const store = current();
      saved(await store.saveAssessment(buildAssessment(), 0));
      await store.deleteAssessment('assessment-1');
      await store.deleteAssessment('missing');
      expect(await store.getAssessment('assessment-1')).toBeUndefined();
      expect(await store.listAssessments()).toEqual([]);
      expect(await store.listAssessmentsByDepartment('gph')).toEqual([]);
      expect(await store.listAssessmentsBySubmitter('teams:aad-alice')).toEqual([]);
      // Gone means gone: it can be created again from version 0.
      expect(saved(await store.saveAssessment(buildAssessment(), 0)).version).toBe(1);
    });

    it('lists links by key and deletes one; deleting a missing link is a no-op', async () => {
      const store = current();
      await store.saveLink(buildLink({ key: 'user:teams:aad-alice' }));
      await store.saveLink(buildLink({ key: 'dept:gph:teams' }));
      expect((await store.listLinks()).map((l) => l.key)).toEqual(['dept:gph:teams', 'user:teams:aad-alice']);
      await store.deleteLink('user:teams:aad-alice');
      await store.deleteLink('missing');
      expect(await store.getLink('user:teams:aad-alice')).toBeUndefined();
      expect((await store.listLinks()).map((l) => l.key)).toEqual(['dept:gph:teams']);
    });

    it('rewrites a person in the audit trail as actor and as subject, keeping order and the rest', async () => {
      const store = current();
      await store.appendAudit(buildAudit({ id: 'e1' }));
      await store.appendAudit(buildAudit({ id: 'e2', actor: 'slack:U0BOB' }));
      await store.appendAudit(
        buildAudit({
          id: 'e3',
          actor: 'teams:aad-admin',
          action: 'erasure.refused',
          subject: 'teams:aad-alice',
        }),
      );
      const changed = await store.rewriteAuditActors([{ from: 'teams:aad-alice', to: 'erased-1' }]);
      expect(changed).toBe(2);
      const events = await store.listAudit();
      expect(events.map((e) => [e.id, e.actor, e.subject])).toEqual([
        ['e1', 'erased-1', 'assessment-1'],
        ['e2', 'slack:U0BOB', 'assessment-1'],
        ['e3', 'teams:aad-admin', 'erased-1'],
      ]);
      expect(events[0]?.details).toEqual({ level: 'low' });
      expect(await store.rewriteAuditActors([{ from: 'teams:aad-alice', to: 'erased-1' }])).toBe(0);
    });

    it('limits a rewrite to one subject when asked', async () => {
      const store = current();
      await store.appendAudit(buildAudit({ id: 'e1', subject: 'assessment-1' }));
      await store.appendAudit(buildAudit({ id: 'e2', subject: 'assessment-2' }));
      const changed = await store.rewriteAuditActors([
        { from: 'teams:aad-alice', to: 'erased-1', subject: 'assessment-1' },
      ]);
      expect(changed).toBe(1);
      expect((await store.listAudit()).map((e) => e.actor)).toEqual(['erased-1', 'teams:aad-alice']);
    });
  });
}
