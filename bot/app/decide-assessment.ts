/**
 * A decision from the department channel: authorised against the configured decision makers
 * using the platform user id of the authenticated request (never card data), saved with an
 * optimistic version so exactly one of several concurrent decisions wins, audited, mirrored to
 * every channel the outcome was posted in, and reported to the submitter (decision-follow-up.ts,
 * retried when a platform fails).
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { decide } from '../../dialogs/decisions/decide.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { type AppDeps, audit } from './app-deps.js';
import { followUpDecision, scheduleDecisionFollowUpRetry } from './decision-follow-up.js';
import { approvalRequestFor, approvalResolvedFor, decidersFor } from './outcome-presenter.js';
import { type Reply, refused, viewReply } from './reply.js';

export interface DecisionInput {
  assessmentId: unknown;
  decision: unknown;
  comment: unknown;
}

export async function decideAssessment(deps: AppDeps, actor: Actor, input: DecisionInput): Promise<Reply> {
  if (typeof input.assessmentId !== 'string' || input.assessmentId.length > 100) {
    return refused(400, 'malformed', 'This decision card is not valid. Please use the buttons on the card.');
  }
  let assessment = await deps.store.getAssessment(input.assessmentId);
  if (!assessment) return refused(404, 'not_found', 'That assessment was not found.');
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = decide({
      assessment,
      actor,
      value: input.decision,
      comment: input.comment ?? '',
      // Posting records where the card went, which bumps the version after the card was drawn, so
      // the card's own version cannot be compared; the store's optimistic save below is what makes
      // exactly one of several concurrent decisions win.
      expectedVersion: assessment.version,
      deciders: decidersFor(deps, assessment),
      now: deps.clock.now().toISOString(),
    });
    switch (result.kind) {
      case 'invalid':
        return refused(400, 'invalid_decision', result.message);
      case 'notAnApprover': {
        await audit(deps, actorKey(actor), 'decision.refused', assessment.id, { reason: 'not_an_approver' });
        const names = decidersFor(deps, assessment)
          .map((p) => p.name)
          .join(', ');
        return viewReply(
          approvalRequestFor(
            deps,
            assessment,
            `Only the configured decision makers (${names}) can decide on this assessment. Nothing was changed.`,
          ),
        );
      }
      case 'alreadyDecided':
        await audit(deps, actorKey(actor), 'decision.refused', assessment.id, { reason: 'already_decided' });
        return viewReply(approvalResolvedFor(deps, assessment)!);
      case 'staleVersion':
        return refused(
          409,
          'stale',
          'This card was out of date. Please look at the updated card and try again.',
        );
      case 'decided': {
        const saved = await deps.store.saveAssessment(result.assessment, assessment.version);
        if (saved.kind === 'conflict') {
          if (!saved.current) return refused(404, 'not_found', 'That assessment was not found.');
          // Someone else saved first (often a concurrent decision): decide again against it.
          assessment = saved.current;
          continue;
        }
        await afterDecision(deps, actor, saved.record);
        return viewReply(approvalResolvedFor(deps, saved.record)!);
      }
    }
  }
  return refused(409, 'conflict', 'The assessment changed while you decided. Please try again.');
}

async function afterDecision(deps: AppDeps, actor: Actor, assessment: Assessment): Promise<void> {
  const decision = assessment.decision!;
  await audit(deps, actorKey(actor), 'decision.made', assessment.id, {
    decision: decision.value,
    commentLength: decision.comment.length,
  });
  const { done, failure } = await followUpDecision(deps, assessment, []);
  if (failure) await scheduleDecisionFollowUpRetry(deps, assessment, done);
}
