/**
 * What a decision changes outside its record: every posted outcome card is updated to show the
 * decision, and the submitter is told in their personal chat. Either can fail (a platform's 429
 * or outage); what failed is retried by the reminder machinery (a `decisionFollowUp` row, as
 * `outcomeDelivery` does for outcomes), and what succeeded is recorded on that row, so a retry
 * neither tells the submitter twice nor updates a card that already shows the decision.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { DECISION_LABELS } from '../../dialogs/assessment.js';
import type { Reminder } from '../../dialogs/reminders/reminder.js';
import type { AppDeps } from './app-deps.js';
import { type DeliveryFailure, errorSummary, scheduleRetry, withFailure } from './deliver-outcome.js';
import { linkForPost, userLinkKey } from './department-channels.js';
import { approvalResolvedFor, outcomeFor } from './outcome-presenter.js';

type Done = Reminder['posts'];

export interface FollowUpResult {
  /** Cards updated and the submitter's notice, including those done before this attempt. */
  done: Done;
  failure?: DeliveryFailure;
}

const same = (a: Done[number], b: Done[number]) =>
  a.platform === b.platform && a.conversationId === b.conversationId && a.messageId === b.messageId;

export async function followUpDecision(
  deps: AppDeps,
  assessment: Assessment,
  doneBefore: Done,
): Promise<FollowUpResult> {
  const decision = assessment.decision;
  if (!decision) return { done: doneBefore };
  const done = [...doneBefore];
  let failure: DeliveryFailure | undefined;
  const failed = (error: unknown, what: string) => {
    deps.logger.warn({ err: errorSummary(error), assessment: assessment.id }, what);
    failure = withFailure(failure, error);
  };

  const resolved = approvalResolvedFor(deps, assessment)!;
  for (const post of assessment.posts) {
    const card = { platform: post.platform, conversationId: post.conversationId, messageId: post.messageId };
    if (done.some((d) => same(d, card))) continue;
    const gateway = deps.gateways[post.platform];
    if (!gateway) continue;
    const link = await linkForPost(deps.store, deps.organisation, assessment.departmentId, post);
    try {
      await gateway.update(link, post.messageId, resolved);
      done.push(card);
    } catch (error) {
      failed(error, 'could not update the posted outcome; retrying');
    }
  }

  const submitter = assessment.submitter;
  const gateway = deps.gateways[submitter.platform];
  const userLink = await deps.store.getLink(userLinkKey(submitter.platform, submitter.userId));
  // Without a personal chat to post in (never talked to the bot, or erased) there is no one to tell.
  if (!gateway || !userLink) return { done, ...(failure ? { failure } : {}) };
  const isCard = (d: Done[number]) => assessment.posts.some((post) => same(d, post));
  const told = done.some(
    (d) => d.platform === userLink.platform && d.conversationId === userLink.conversationId && !isCard(d),
  );
  if (!told) {
    const note = `${decision.by.displayName} decided: ${DECISION_LABELS[decision.value]}.`;
    try {
      const { messageId } = await gateway.post(userLink, outcomeFor(deps, assessment, note));
      done.push({ platform: userLink.platform, conversationId: userLink.conversationId, messageId });
    } catch (error) {
      failed(error, 'could not tell the submitter about the decision; retrying');
    }
  }
  return { done, ...(failure ? { failure } : {}) };
}

/** Hands what failed after a decision to the reminder sweeper, which retries it with backoff. */
export function scheduleDecisionFollowUpRetry(
  deps: AppDeps,
  assessment: Assessment,
  done: Done,
): Promise<void> {
  return scheduleRetry(deps, assessment, 'decisionFollowUp', `decided:${assessment.id}`, done);
}
