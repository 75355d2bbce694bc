/**
 * Completes a submission: stores the assessment (id = session id, so a double submit cannot
 * create two), then removes the draft while posting the approval request to the department, and
 * answers the submitter with the outcome.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { actorKey } from '../../dialogs/session.js';
import { type AppDeps, audit } from './app-deps.js';
import { deliverOutcome, scheduleOutcomeRetry } from './deliver-outcome.js';
import { outcomeFor } from './outcome-presenter.js';
import { type Reply, viewReply } from './reply.js';

export async function submitAssessment(deps: AppDeps, assessment: Assessment): Promise<Reply> {
  const saved = await deps.store.saveAssessment(assessment, 0);
  // A conflict means this session was submitted already (double click, retry): show that outcome.
  const stored = saved.kind === 'saved' ? saved.record : saved.current;
  // Nothing stored: the draft stays, so Submit can simply be pressed again.
  if (!stored)
    return viewReply(outcomeFor(deps, assessment, 'Your risk check could not be saved. Please try again.'));
  // The draft is no longer needed once the assessment is stored. Removing it runs alongside the
  // audit line and the post (each waits for the disk or the network): every step a submission
  // waits for one after the other costs its user a turn of a busy event loop.
  const removingDraft = deps.store.deleteSession(assessment.id);
  if (saved.kind === 'conflict') {
    await removingDraft;
    return viewReply(outcomeFor(deps, stored, deliveryNote(stored, stored.posts.length, 0, 1)));
  }

  // The audit line is queued first (so it precedes any delivery.failed line in the trail), and its
  // fsync runs while the outcome is posted instead of before: one disk wait less per submission.
  // The post does not depend on it: the assessment itself is already stored.
  const [, , report] = await Promise.all([
    removingDraft,
    audit(deps, actorKey(stored.submitter), 'assessment.submitted', stored.id, {
      level: stored.level,
      department: stored.departmentId,
    }),
    deliverOutcome(deps, stored),
  ]);
  if (report.failed > 0) await scheduleOutcomeRetry(deps, report.assessment);
  return viewReply(
    outcomeFor(
      deps,
      report.assessment,
      deliveryNote(stored, report.delivered.length, report.failed, report.linkedChannels),
    ),
  );
}

function deliveryNote(assessment: Assessment, delivered: number, failed: number, linked: number): string {
  if (delivered > 0)
    return 'Your outcome was sent to the decision makers in your department’s channel. You will get a message when they decide.';
  if (failed > 0)
    return 'Your outcome is saved, but it could not be posted to your department’s channel just now. The bot will post it when the channel is available again; you can also tell your head of department.';
  if (linked === 0)
    return `Your outcome is saved. Your department’s channel is not linked to riskcheck yet: ask your head of department to type “riskcheck link ${assessment.departmentId}” in it, and the outcome will be posted there.`;
  return 'Your outcome is saved.';
}
