/**
 * Which audit events wait for the disk: events about a dialog in progress are stored like the
 * dialog itself ('like-sessions'); decisions and everything else are on disk before the reply.
 */
import { describe, expect, it } from 'vitest';
import { handleAction } from '../../../../bot/app/handle-action.js';
import { ACTIONS } from '../../../../dialogs/actions.js';
import type { AuditDurability } from '../../../../storage/store.js';
import { assessment, makeDeps, PEOPLE } from '../data-care/data-care-world.js';

function recordingDeps() {
  const deps = makeDeps();
  const appended: { action: string; durability: AuditDurability | undefined }[] = [];
  const append = deps.store.appendAudit.bind(deps.store);
  deps.store.appendAudit = (event, durability) => {
    appended.push({ action: event.action, durability });
    return append(event, durability);
  };
  return { deps, appended };
}

describe('audit durability by event', () => {
  it('starting, reassessing and cancelling a dialog do not wait for the disk; a decision does', async () => {
    const { deps, appended } = recordingDeps();
    const started = await handleAction(deps, PEOPLE.lynne, ACTIONS.start, {});
    expect(started.kind).toBe('view');
    const [draft] = await deps.store.listSessionsByOwner(`teams:${PEOPLE.lynne.userId}`);
    await handleAction(deps, PEOPLE.lynne, ACTIONS.cancel, { sessionId: draft!.id });

    await deps.store.saveAssessment(assessment({ id: 'earlier', submitter: PEOPLE.lynne }), 0);
    await handleAction(deps, PEOPLE.lynne, ACTIONS.reassess, { assessmentId: 'earlier' });
    await deps.store.saveAssessment(assessment({ id: 'open' }), 0);
    await handleAction(deps, PEOPLE.alex, ACTIONS.decide, { assessmentId: 'open', decision: 'proceed' });

    expect(appended).toEqual([
      { action: 'session.started', durability: 'like-sessions' },
      { action: 'session.cancelled', durability: 'like-sessions' },
      { action: 'session.started', durability: 'like-sessions' },
      { action: 'decision.made', durability: undefined },
    ]);
  });
});

describe('starting a dialog', () => {
  it('writes its audit line while the session is being written, not after', async () => {
    const { deps, appended } = recordingDeps();
    const save = deps.store.saveSession.bind(deps.store);
    let releaseSave: () => void = () => undefined;
    deps.store.saveSession = async (session, expected) => {
      await new Promise<void>((resolve) => {
        releaseSave = resolve;
      });
      return save(session, expected);
    };
    const starting = handleAction(deps, PEOPLE.lynne, ACTIONS.start, {});
    await expect.poll(() => appended.map((a) => a.action)).toEqual(['session.started']);
    releaseSave();
    expect((await starting).kind).toBe('view');
    expect(await deps.store.listSessionsByOwner(`teams:${PEOPLE.lynne.userId}`)).toHaveLength(1);
  });
});
