/** Retention: only closed assessments past the period, anonymised or deleted, audited, idempotent. */
import { describe, expect, it, vi } from 'vitest';
import { anonymiseDecider, anonymiseSubmission, isFreeText } from '../../../../bot/data-care/anonymise.js';
import { applyRetention } from '../../../../bot/data-care/retention.js';
import { organisationSchema } from '../../../../dialogs/organisation/schema.js';
import { actorKey } from '../../../../dialogs/session.js';
import { assessment, loaded, makeDeps, PEOPLE } from './data-care-world.js';

const decision = {
  value: 'proceed',
  comment: 'Fine',
  by: PEOPLE.alex,
  at: '2020-01-10T10:00:00.000Z',
} as const;

function withRetention(dataCare: Record<string, unknown>) {
  return makeDeps(organisationSchema.parse({ ...loaded.organisation, dataCare }));
}

async function seed(deps: ReturnType<typeof makeDeps>) {
  // The clock is 2026-11-20: with 60 months, anything submitted before 2021-11-20 is due.
  await deps.store.saveAssessment(
    assessment({ id: 'old', submittedAt: '2020-01-02T10:00:00.000Z', decision }),
    0,
  );
  await deps.store.saveAssessment(
    assessment({ id: 'recent', submittedAt: '2026-01-02T10:00:00.000Z', decision }),
    0,
  );
  await deps.store.saveAssessment(
    assessment({ id: 'undecided', submittedAt: '2020-01-02T10:00:00.000Z' }),
    0,
  );
  await deps.store.saveAssessment(
    assessment({ id: 'ongoing', submittedAt: '2020-01-02T10:00:00.000Z', decision }),
    0,
  );
  await deps.store.saveReminder(
    {
      id: 'reassessment:ongoing',
      kind: 'reassessment',
      departmentId: 'gph',
      assessmentId: 'ongoing',
      dueAt: '2027-01-01T00:00:00.000Z',
      status: 'pending',
      attempts: 0,
      posts: [],
      createdAt: '2020-01-02T10:00:00.000Z',
      version: 0,
    },
    0,
  );
  await deps.store.appendAudit({
    id: 'e1',
    at: 'x',
    actor: actorKey(PEOPLE.lynne),
    action: 'assessment.submitted',
    subject: 'old',
  });
  await deps.store.appendAudit({
    id: 'e2',
    at: 'x',
    actor: actorKey(PEOPLE.lynne),
    action: 'assessment.submitted',
    subject: 'recent',
  });
}

describe('applyRetention', () => {
  it('does nothing without a retention period (the default)', async () => {
    const deps = makeDeps();
    expect(deps.organisation.dataCare).toEqual({ afterRetention: 'anonymise' });
    await seed(deps);
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 0 });
    expect((await deps.store.getAssessment('old'))?.submitter).toEqual(PEOPLE.lynne);
  });

  it('anonymises old decided assessments, keeps recent, undecided and still-reminded ones', async () => {
    const deps = withRetention({ retentionMonths: 60 });
    await seed(deps);
    expect(await applyRetention(deps)).toEqual({ anonymised: 1, deleted: 0 });

    const old = await deps.store.getAssessment('old');
    expect(old?.submitter.displayName).toBe('Erased user');
    expect(old?.submitter.userId).toMatch(/^erased-[0-9a-f]{16}$/);
    expect(old?.decision).toMatchObject({ value: 'proceed', at: decision.at, comment: '[erased]' });
    expect(old?.decision?.by.displayName).toBe('Erased user');
    expect(old?.title).toBe('[erased]');
    expect(old?.level).toBe('elevated');
    for (const id of ['recent', 'undecided', 'ongoing'])
      expect((await deps.store.getAssessment(id))?.submitter).toEqual(PEOPLE.lynne);

    const audit = await deps.store.listAudit();
    expect(audit.find((e) => e.id === 'e1')?.actor).toBe(actorKey(old!.submitter));
    expect(audit.find((e) => e.id === 'e2')?.actor).toBe(actorKey(PEOPLE.lynne));
    expect(audit.filter((e) => e.action === 'retention.anonymised').map((e) => e.subject)).toEqual(['old']);

    // A second run finds nothing new to do.
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 0 });
  });

  it('deletes instead when configured, pseudonymising the audit trail about it', async () => {
    const deps = withRetention({ retentionMonths: 60, afterRetention: 'delete' });
    await seed(deps);
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 1 });
    expect(await deps.store.getAssessment('old')).toBeUndefined();
    expect(await deps.store.getAssessment('recent')).toBeDefined();
    const audit = await deps.store.listAudit();
    expect(audit.find((e) => e.id === 'e1')?.actor).toMatch(/^teams:erased-/);
    expect(audit.find((e) => e.action === 'retention.deleted')).toMatchObject({
      actor: 'system',
      subject: 'old',
    });
  });

  it('measures the period by the injected clock', async () => {
    const deps = withRetention({ retentionMonths: 60 });
    await seed(deps);
    deps.clock.set('2024-01-01T00:00:00.000Z');
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 0 });
    deps.clock.set('2025-01-03T00:00:00.000Z');
    expect(await applyRetention(deps)).toEqual({ anonymised: 1, deleted: 0 });
  });
});

describe('applyRetention reads only what it changes', () => {
  it('picks candidates from summaries: records are read for the one it anonymises, then for none', async () => {
    const deps = withRetention({ retentionMonths: 60 });
    await seed(deps);
    const reads = vi.spyOn(deps.store, 'getAssessment');
    expect(await applyRetention(deps)).toEqual({ anonymised: 1, deleted: 0 });
    expect(new Set(reads.mock.calls.map(([id]) => id))).toEqual(new Set(['old']));
    reads.mockClear();
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 0 });
    expect(reads).not.toHaveBeenCalled();
  });

  it('still anonymises one whose submitter alone was erased on request (the decider was not)', async () => {
    const deps = withRetention({ retentionMonths: 60 });
    const erased = anonymiseSubmission(
      assessment({ id: 'old', submittedAt: '2020-01-02T10:00:00.000Z', decision }),
      'erased-0123456789abcdef',
      isFreeText(deps.questionnaire),
    );
    await deps.store.saveAssessment(erased, 0);
    expect(await applyRetention(deps)).toEqual({ anonymised: 1, deleted: 0 });
    const old = await deps.store.getAssessment('old');
    expect(old?.submitter.userId).toBe('erased-0123456789abcdef');
    expect(old?.decision?.by.userId).toMatch(/^erased-[0-9a-f]{16}$/);
    expect(old?.decision?.comment).toBe('[erased]');
  });

  it("erases the decision's comment of one whose submitter and decider were both erased on request", async () => {
    const deps = withRetention({ retentionMonths: 60 });
    // Erasure on request pseudonymises both people and the free text, but keeps the comment.
    const erasedTwice = anonymiseDecider(
      anonymiseSubmission(
        assessment({ id: 'old', submittedAt: '2020-01-02T10:00:00.000Z', decision }),
        'erased-0123456789abcdef',
        isFreeText(deps.questionnaire),
      ),
      'erased-fedcba9876543210',
    );
    expect(erasedTwice.decision?.comment).toBe('Fine');
    await deps.store.saveAssessment(erasedTwice, 0);
    expect(await applyRetention(deps)).toEqual({ anonymised: 1, deleted: 0 });
    const old = await deps.store.getAssessment('old');
    expect(old?.decision?.comment).toBe('[erased]');
    expect([old?.submitter.userId, old?.decision?.by.userId]).toEqual([
      'erased-0123456789abcdef',
      'erased-fedcba9876543210',
    ]);
    // Done: the next run finds nothing left to do.
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 0 });
  });

  it('keeps an assessment a pending reminder needs, even in a department no longer configured', async () => {
    const deps = withRetention({ retentionMonths: 60 });
    await deps.store.saveAssessment(
      assessment({ id: 'old', departmentId: 'closed', submittedAt: '2020-01-02T10:00:00.000Z', decision }),
      0,
    );
    await deps.store.saveReminder(
      {
        id: 'reassessment:old:7',
        kind: 'reassessment',
        departmentId: 'closed',
        assessmentId: 'old',
        dueAt: '2027-01-02T10:00:00.000Z',
        status: 'pending',
        attempts: 0,
        posts: [],
        createdAt: '2026-01-02T10:00:00.000Z',
        version: 0,
      },
      0,
    );
    expect(await applyRetention(deps)).toEqual({ anonymised: 0, deleted: 0 });
  });

  it('deletes already anonymised assessments too when configured to delete', async () => {
    const anonymising = withRetention({ retentionMonths: 60 });
    await seed(anonymising);
    await applyRetention(anonymising);
    const deleting = withRetention({ retentionMonths: 60, afterRetention: 'delete' });
    await deleting.store.saveAssessment(
      { ...(await anonymising.store.getAssessment('old'))!, version: 0 },
      0,
    );
    expect(await applyRetention(deleting)).toEqual({ anonymised: 0, deleted: 1 });
    expect(await deleting.store.getAssessment('old')).toBeUndefined();
  });
});

describe('dataCare configuration', () => {
  it('refuses an unknown afterRetention and a retention below one month', () => {
    const parse = (dataCare: unknown) =>
      organisationSchema.safeParse({ ...loaded.organisation, dataCare }).success;
    expect(parse({ retentionMonths: 0 })).toBe(false);
    expect(parse({ afterRetention: 'archive' })).toBe(false);
    expect(parse({ retentionMonths: 60, afterRetention: 'delete' })).toBe(true);
  });
});
