/**
 * Drives the pure dialog state machine for one user action: loads the session, checks it is the
 * actor's own, applies the transition, saves with an optimistic version and carries out the
 * effects. Nothing is stored when the transition rejects the input.
 */
import { transition } from '../../dialogs/dialog/transition.js';
import type { DialogEffect, DialogEvent } from '../../dialogs/dialog/types.js';
import { type Actor, actorKey, type DialogSession } from '../../dialogs/session.js';
import { messageView } from '../../dialogs/views/simple-views.js';
import { type AppDeps, auditDialog, dialogContext } from './app-deps.js';
import { type Reply, refused, viewReply } from './reply.js';
import { submitAssessment } from './submit-assessment.js';

const NOT_FOUND = 'That risk check was not found. It may have been submitted or cancelled already.';

export async function startDialog(deps: AppDeps, actor: Actor): Promise<Reply> {
  const event: DialogEvent = { kind: 'start', sessionId: deps.newId(), owner: actor };
  const result = transition(dialogContext(deps), undefined, event);
  if (result.kind === 'rejected') return refused(400, result.code, result.message);
  // The audit line is written alongside the session, not after it: each write the user waits for
  // one after the other costs a turn of a busy event loop (finding 20). A fresh id cannot
  // conflict, so the line never records a start that did not happen; only a failed disk write
  // could leave it without its session, and then the user is told the save failed.
  const [saved] = await Promise.all([
    deps.store.saveSession(result.session, 0),
    auditDialog(deps, actorKey(actor), 'session.started', result.session.id),
  ]);
  if (saved.kind === 'conflict') return refused(409, 'conflict', 'Please try again.');
  return carryOut(deps, actor, saved.record, result.effects);
}

/** Finds the session a card refers to, or the actor's most recent draft when none is named. */
export async function findOwnSession(
  deps: AppDeps,
  actor: Actor,
  sessionId: string | undefined,
): Promise<DialogSession | Reply> {
  if (sessionId === undefined) {
    const drafts = await deps.store.listSessionsByOwner(actorKey(actor));
    const latest = drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return (
      latest ??
      viewReply(messageView('info', 'Nothing to resume', 'You have no risk check in progress.', true))
    );
  }
  const session = await deps.store.getSession(sessionId);
  if (!session) return refused(404, 'not_found', NOT_FOUND);
  if (actorKey(session.owner) !== actorKey(actor)) {
    return refused(403, 'not_owner', 'This risk check belongs to someone else, so you cannot change it.');
  }
  return session;
}

export async function runDialogEvent(
  deps: AppDeps,
  actor: Actor,
  sessionId: string | undefined,
  event: Exclude<DialogEvent, { kind: 'start' }>,
): Promise<Reply> {
  const found = await findOwnSession(deps, actor, sessionId);
  if (!('id' in found)) return found;
  let session = found;
  // One retry on a version conflict: the other device's save is re-read and the event re-applied,
  // so concurrent answers from two devices never silently drop one.
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = transition(dialogContext(deps), session, event);
    if (result.kind === 'rejected') {
      deps.logger.info({ code: result.code, event: event.kind }, 'dialog input rejected');
      return refused(400, result.code, result.message);
    }
    if (!result.changed) return carryOut(deps, actor, session, result.effects);
    const saved = await deps.store.saveSession(result.session, session.version);
    if (saved.kind === 'saved') return carryOut(deps, actor, saved.record, result.effects);
    if (!saved.current) return refused(404, 'not_found', NOT_FOUND);
    session = saved.current;
  }
  return refused(
    409,
    'conflict',
    'This risk check was changed at the same time on another device. Please try again.',
  );
}

async function carryOut(
  deps: AppDeps,
  actor: Actor,
  session: DialogSession,
  effects: DialogEffect[],
): Promise<Reply> {
  let reply: Reply | undefined;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'show':
        reply = viewReply(effect.view);
        break;
      case 'cancelled':
        await deps.store.deleteSession(session.id);
        await auditDialog(deps, actorKey(actor), 'session.cancelled', session.id);
        break;
      case 'submitted':
        reply = await submitAssessment(deps, effect.assessment);
        break;
    }
  }
  return reply ?? viewReply(messageView('info', 'Done', 'Nothing more to do here.', true));
}
