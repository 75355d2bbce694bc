/**
 * Before Slack opens the comment dialog for a decision, check the clicker may decide and that
 * nobody has decided yet, so an outsider is refused at the click (and audited) instead of after
 * typing a comment. The decision itself is authorised again when it is saved.
 */
import { DECISION_LABELS } from '../../dialogs/assessment.js';
import { isDecisionMaker } from '../../dialogs/routing/responsibility.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { type AppDeps, audit } from './app-deps.js';
import { decidersFor } from './outcome-presenter.js';

export type DecisionPrecheck = { kind: 'allowed'; title: string } | { kind: 'refused'; message: string };

export async function decisionPrecheck(
  deps: AppDeps,
  actor: Actor,
  assessmentId: unknown,
): Promise<DecisionPrecheck> {
  if (typeof assessmentId !== 'string' || assessmentId.length > 100) {
    return { kind: 'refused', message: 'This decision button is not valid.' };
  }
  const assessment = await deps.store.getAssessment(assessmentId);
  if (!assessment) return { kind: 'refused', message: 'That assessment was not found.' };
  const deciders = decidersFor(deps, assessment);
  if (!isDecisionMaker(deciders, actor.platform, actor.userId)) {
    await audit(deps, actorKey(actor), 'decision.refused', assessment.id, { reason: 'not_an_approver' });
    const names = deciders.map((p) => p.name).join(', ');
    return {
      kind: 'refused',
      message: `Only the configured decision makers (${names}) can decide on this assessment. Nothing was changed.`,
    };
  }
  if (assessment.decision) {
    const { by, value } = assessment.decision;
    return {
      kind: 'refused',
      message: `This assessment was already decided by ${by.displayName}: ${DECISION_LABELS[value]}.`,
    };
  }
  return { kind: 'allowed', title: assessment.title };
}
