/** Erasure on request: who may, and what is deleted, anonymised and kept, on the memory store. */
import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../../../bot/app/handle-command.js';
import { erasePerson } from '../../../../bot/data-care/erase-person.js';
import { actorKey } from '../../../../dialogs/session.js';
import { assessment, makeDeps, PEOPLE } from './data-care-world.js';

const LYNNE = { platform: 'teams', userId: PEOPLE.lynne.userId } as const;

async function seed() {
  const deps = makeDeps();
  const { store } = deps;
  await store.saveAssessment(
    assessment({
      decision: {
        value: 'proceed_with_measures',
        comment: 'Involve the DPO',
        by: PEOPLE.alex,
        at: '2026-03-05T12:00:00.000Z',
      },
    }),
    0,
  );
  // Lynne decided someone else's assessment.
  await store.saveAssessment(
    assessment({
      id: 'a-2',
      submitter: PEOPLE.alex,
      title: 'Alex’s project',
      answers: { ...assessment().answers, title: 'Alex’s project' },
      decision: { value: 'proceed', comment: 'OK', by: PEOPLE.lynne, at: '2026-03-06T12:00:00.000Z' },
    }),
    0,
  );
  await store.saveSession(
    {
      id: 's-1',
      owner: PEOPLE.lynne,
      questionnaireId: 'riskcheck_default',
      questionnaireVersion: '1',
      status: 'in_progress',
      stepId: 'context.1',
      answers: { title: 'Secret plan' },
      returnToReview: false,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      version: 0,
    },
    0,
  );
  await store.saveLink({
    key: `user:teams:${LYNNE.userId}`,
    platform: 'teams',
    conversationId: 'a:lynne',
    linkedAt: 'x',
  });
  await store.saveLink({
    key: 'dept:gph:teams',
    platform: 'teams',
    conversationId: '19:gph',
    reference: { user: { id: 'user-id-5', name: 'Lynne Robbins', aadObjectId: LYNNE.userId } },
    linkedBy: actorKey(LYNNE),
    linkedAt: 'x',
  });
  await store.saveDiscussion({
    id: 'd-1',
    departmentId: 'gph',
    heldOn: '2026-09-01',
    note: 'Discussed',
    recordedBy: PEOPLE.lynne,
    recordedAt: '2026-09-01T10:00:00.000Z',
  });
  await store.appendAudit({
    id: 'e1',
    at: 'x',
    actor: actorKey(LYNNE),
    action: 'assessment.submitted',
    subject: 'a-1',
  });
  await store.appendAudit({
    id: 'e2',
    at: 'x',
    actor: actorKey(PEOPLE.alex),
    action: 'decision.made',
    subject: 'a-1',
  });
  return deps;
}

describe('erasePerson', () => {
  it('deletes drafts and personal links, pseudonymises everywhere else and keeps decisions', async () => {
    const deps = await seed();
    const result = await erasePerson(deps, LYNNE);
    expect(result).toMatchObject({
      sessions: 1,
      assessments: 1,
      decisions: 1,
      discussions: 1,
      links: 1,
      auditEvents: 1,
    });
    expect(result.pseudonymKey).toMatch(/^teams:erased-[0-9a-f]{16}$/);
    const pseudonym = result.pseudonymKey.slice('teams:'.length);

    const mine = await deps.store.getAssessment('a-1');
    expect(mine?.submitter).toEqual({ platform: 'teams', userId: pseudonym, displayName: 'Erased user' });
    expect(mine?.title).toBe('[erased]');
    expect(mine?.answers).toMatchObject({
      title: '[erased]',
      partner_name: '[erased]',
      partner_country: 'CN',
    });
    expect(mine?.triage.flags[0]?.because.map((c) => c.answer)).toEqual(['[erased]', 'China']);
    // Kept: the decision (by someone else), level and questionnaire version.
    expect(mine?.decision).toMatchObject({
      value: 'proceed_with_measures',
      comment: 'Involve the DPO',
      by: PEOPLE.alex,
    });
    expect(mine?.level).toBe('elevated');

    const theirs = await deps.store.getAssessment('a-2');
    expect(theirs?.decision).toEqual({
      value: 'proceed',
      comment: 'OK',
      by: { platform: 'teams', userId: pseudonym, displayName: 'Erased user' },
      at: '2026-03-06T12:00:00.000Z',
    });
    expect(theirs?.title).toBe('Alex’s project');

    expect(await deps.store.getSession('s-1')).toBeUndefined();
    expect(await deps.store.getLink(`user:teams:${LYNNE.userId}`)).toBeUndefined();
    const channel = await deps.store.getLink('dept:gph:teams');
    expect(channel?.linkedBy).toBe(result.pseudonymKey);
    expect(JSON.stringify(channel)).not.toMatch(/Lynne|user-id-5|0000000000025/);
    expect((await deps.store.listDiscussions('gph'))[0]?.recordedBy.displayName).toBe('Erased user');
    const audit = await deps.store.listAudit();
    expect(audit.map((e) => e.actor)).toEqual([result.pseudonymKey, actorKey(PEOPLE.alex)]);

    const everything = JSON.stringify([
      await deps.store.listAssessments(),
      await deps.store.listLinks(),
      await deps.store.listDiscussions('gph'),
      audit,
    ]);
    expect(everything).not.toMatch(/Lynne|0000000000025/);
  });

  it('finds nothing the second time', async () => {
    const deps = await seed();
    await erasePerson(deps, LYNNE);
    expect(await erasePerson(deps, LYNNE)).toMatchObject({
      sessions: 0,
      assessments: 0,
      decisions: 0,
      discussions: 0,
      links: 0,
      auditEvents: 0,
    });
  });
});

describe('riskcheck erase', () => {
  it('lets an admin erase, auditing erasure.done with counts and no name', async () => {
    const deps = await seed();
    const reply = await handleCommand(deps, PEOPLE.patti, `erase teams:${LYNNE.userId}`, {});
    expect(reply).toMatchObject({ kind: 'view', view: { title: 'Personal data erased' } });
    const [done] = await deps.store.listAudit({ action: 'erasure.done' });
    expect(done).toMatchObject({
      actor: actorKey(PEOPLE.patti),
      subject: expect.stringMatching(/^teams:erased-/),
    });
    expect(done?.details).toMatchObject({ assessments: 1, decisions: 1, sessions: 1 });
  });

  it.each([
    ['a head of department', PEOPLE.alex],
    ['someone with no role', PEOPLE.lynne],
    [
      'the admin’s name on another platform id',
      { ...PEOPLE.patti, platform: 'slack', userId: 'U0FAKE001' } as const,
    ],
  ])('refuses %s, changes nothing and audits the refusal', async (_label, actor) => {
    const deps = await seed();
    const before = await deps.store.listAssessments();
    const reply = await handleCommand(deps, actor, `erase teams:${LYNNE.userId}`, {});
    expect(reply).toMatchObject({ kind: 'view', view: { tone: 'error', title: 'Not allowed' } });
    expect(await deps.store.listAssessments()).toEqual(before);
    expect(await deps.store.getSession('s-1')).toBeDefined();
    const refusals = await deps.store.listAudit({ action: 'erasure.refused' });
    expect(refusals).toEqual([
      expect.objectContaining({
        actor: actorKey(actor),
        subject: actorKey(LYNNE),
        details: { reason: 'not_admin' },
      }),
    ]);
  });

  it('answers a malformed erase with its usage and erases nothing', async () => {
    const deps = await seed();
    const reply = await handleCommand(deps, PEOPLE.patti, 'erase lynne', {});
    expect(reply).toMatchObject({ kind: 'view', view: { tone: 'info' } });
    expect(JSON.stringify(reply)).toContain('riskcheck erase teams:');
    expect(await deps.store.getSession('s-1')).toBeDefined();
  });
});
