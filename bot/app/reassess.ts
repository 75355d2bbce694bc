/**
 * "Reassess now" from a reassessment reminder: the submitter starts a new risk check pre-filled
 * with the earlier answers (they confirm or change each step), linked to the earlier assessment
 * so the history of one collaboration can be followed.
 */
import { transition } from '../../dialogs/dialog/transition.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { type AppDeps, auditDialog, dialogContext } from './app-deps.js';
import { type Reply, refused, viewReply } from './reply.js';

export async function reassess(deps: AppDeps, actor: Actor, assessmentId: unknown): Promise<Reply> {
  if (typeof assessmentId !== 'string' || assessmentId.length > 100) {
    return refused(400, 'malformed', 'This reminder card is not valid.');
  }
  const previous = await deps.store.getAssessment(assessmentId);
  if (!previous) return refused(404, 'not_found', 'That assessment was not found.');
  if (actorKey(previous.submitter) !== actorKey(actor)) {
    return refused(
      403,
      'not_owner',
      'Only the person who submitted this assessment can reassess it from here.',
    );
  }
  const result = transition(dialogContext(deps), undefined, {
    kind: 'start',
    sessionId: deps.newId(),
    owner: actor,
    prefill: previous.answers,
    previousAssessmentId: previous.id,
  });
  if (result.kind === 'rejected') return refused(400, result.code, result.message);
  const saved = await deps.store.saveSession(result.session, 0);
  if (saved.kind === 'conflict') return refused(409, 'conflict', 'Please try again.');
  await auditDialog(deps, actorKey(actor), 'session.started', saved.record.id, { reassesses: previous.id });
  const shown = result.effects.find((e) => e.kind === 'show');
  return shown && shown.kind === 'show'
    ? viewReply(shown.view)
    : refused(409, 'conflict', 'Please try again.');
}
