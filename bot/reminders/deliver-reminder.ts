/**
 * Delivers one due reminder: decides whether it is still relevant (a decision taken, a
 * discussion recorded, a collaboration reassessed or stopped, reminders paused), builds its card
 * and posts it to each target through the channel gateways. Targets already reached in an
 * earlier, partly failed attempt are not posted to again. Only the one assessment a reminder is
 * about is read in full; counts and checks over the others use the store's summaries.
 */
import type { Reminder } from '../../dialogs/reminders/reminder.js';
import { actorKey } from '../../dialogs/session.js';
import {
  discussionReminderView,
  pendingDecisionReminderView,
  reassessmentReminderView,
} from '../../dialogs/views/reminder-views.js';
import type { ViewModel } from '../../dialogs/views/view-model.js';
import type { ConversationLink } from '../../storage/store.js';
import type { AppDeps } from '../app/app-deps.js';
import { followUpDecision } from '../app/decision-follow-up.js';
import { type DeliveryFailure, deliverOutcome, withFailure } from '../app/deliver-outcome.js';
import { departmentChannels, userLinkKey } from '../app/department-channels.js';
import { decidersFor } from '../app/outcome-presenter.js';
import { workingDaysBetween } from './calendar.js';
import { collaborationEndingDue, isPaused } from './plan-reminders.js';
import { peopleOrChannels } from './reminder-targets.js';

export type DeliveryResult =
  | { kind: 'sent'; posts: Reminder['posts'] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; error: string; retryAfterMs?: number; posts: Reminder['posts'] };

interface Plan {
  targets: ConversationLink[];
  view: ViewModel;
}

export async function deliverReminder(deps: AppDeps, reminder: Reminder): Promise<DeliveryResult> {
  if (reminder.kind === 'outcomeDelivery') return retryOutcome(deps, reminder);
  if (reminder.kind === 'decisionFollowUp') return retryDecisionFollowUp(deps, reminder);
  const plan = await planDelivery(deps, reminder);
  if ('skip' in plan) return { kind: 'skipped', reason: plan.skip };
  const posts = [...reminder.posts];
  const pending = plan.targets.filter(
    (t) => !posts.some((p) => p.platform === t.platform && p.conversationId === t.conversationId),
  );
  if (plan.targets.length === 0)
    return { kind: 'failed', error: 'no channel or person to send it to is linked yet', posts };
  let failure: DeliveryFailure | undefined;
  for (const target of pending) {
    const gateway = deps.gateways[target.platform];
    if (!gateway) continue;
    try {
      const { messageId } = await gateway.post(target, plan.view);
      posts.push({ platform: target.platform, conversationId: target.conversationId, messageId });
    } catch (error) {
      failure = withFailure(failure, error);
    }
  }
  return failure ? { kind: 'failed', ...failure, posts } : { kind: 'sent', posts };
}

async function planDelivery(deps: AppDeps, reminder: Reminder): Promise<Plan | { skip: string }> {
  const { store, organisation } = deps;
  const department = organisation.departments.find((d) => d.id === reminder.departmentId);
  if (!department) return { skip: 'the department is no longer configured' };
  const paused = isPaused(department, deps.clock.now());
  if (paused) return { skip: paused };
  if (reminder.kind === 'discussion' || reminder.kind === 'discussionFollowUp') {
    const assessments = await store.listAssessmentSummaries({ departmentId: department.id });
    const discussions = await store.listDiscussions(department.id);
    const originalId = reminder.followsUp ?? reminder.id;
    const original = reminder.followsUp ? await store.getReminder(reminder.followsUp) : reminder;
    const view = discussionReminderView({
      organisation,
      department,
      reminder: { ...reminder, id: originalId },
      followUp: reminder.kind === 'discussionFollowUp',
      assessments,
      discussions,
    });
    if (reminder.kind === 'discussion') {
      return { targets: await departmentChannels(store, organisation, department.id), view };
    }
    if (original?.status !== 'sent') return { skip: 'the discussion reminder it follows up was never sent' };
    if (discussions.some((d) => d.recordedAt >= original.dueAt))
      return { skip: 'the discussion was recorded' };
    const people = [
      ...department.heads,
      ...(organisation.reminders.discussion.followUpDeans ? organisation.deans : []),
    ];
    return { targets: await peopleOrChannels(store, organisation, department, people), view };
  }

  const assessment = await assessmentOf(deps, reminder);
  if (!assessment) return { skip: 'the assessment no longer exists' };

  if (reminder.kind === 'pendingNudge' || reminder.kind === 'pendingEscalation') {
    if (assessment.decision) return { skip: 'a decision was taken' };
    const deciders = decidersFor(deps, assessment);
    const escalation = reminder.kind === 'pendingEscalation';
    const view = pendingDecisionReminderView({
      assessment,
      department,
      escalation,
      workingDaysWaiting: workingDaysBetween(
        new Date(assessment.submittedAt),
        deps.clock.now(),
        organisation.timezone,
      ),
      deciders: deciders.map((p) => p.name),
    });
    if (!escalation) return { targets: await departmentChannels(store, organisation, department.id), view };
    const { escalateTo } = organisation.reminders.pendingDecision;
    const people = [
      ...(escalateTo.includes('deans') ? organisation.deans : []),
      ...(escalateTo.includes('admins') ? organisation.admins : []),
    ];
    return { targets: await peopleOrChannels(store, organisation, department, people), view };
  }

  // reassessment / endingSoon: only while the collaboration goes on and was not reassessed since
  // (only the submitter can reassess, so their summaries are enough to look in).
  const reassessed = (
    await store.listAssessmentSummaries({ submitterKey: actorKey(assessment.submitter) })
  ).some((a) => a.previousAssessmentId === assessment.id);
  if (reassessed) return { skip: 'it was reassessed' };
  if (assessment.decision?.value === 'do_not_proceed') return { skip: 'the decision was not to proceed' };
  // Planned by an earlier version, or before the end date was known: the end-date reminder covers it.
  const endDate = assessment.answers.end_date;
  const endingDue = collaborationEndingDue(organisation, typeof endDate === 'string' ? endDate : undefined);
  if (reminder.kind === 'reassessment' && endingDue && Date.parse(reminder.dueAt) >= endingDue.getTime())
    return { skip: 'the collaboration ends before it was due' };
  const submitter = assessment.submitter;
  const link = await store.getLink(userLinkKey(submitter.platform, submitter.userId));
  const view = reassessmentReminderView(
    assessment,
    department,
    reminder.kind === 'endingSoon' ? 'endingSoon' : 'interval',
  );
  return { targets: link ? [link] : [], view };
}

/** Posts an outcome to the department channels that did not get it yet (deliverOutcome skips the others). */
async function retryOutcome(deps: AppDeps, reminder: Reminder): Promise<DeliveryResult> {
  const assessment = await assessmentOf(deps, reminder);
  if (!assessment) return { kind: 'skipped', reason: 'the assessment no longer exists' };
  if (assessment.decision) return { kind: 'skipped', reason: 'a decision was taken meanwhile' };
  const report = await deliverOutcome(deps, assessment);
  if (report.failed === 0) return { kind: 'sent', posts: [] };
  return {
    kind: 'failed',
    error: report.lastError ?? 'posting failed',
    ...(report.retryAfterMs ? { retryAfterMs: report.retryAfterMs } : {}),
    posts: [],
  };
}

/** Updates the cards and tells the submitter what an earlier attempt could not (see decision-follow-up.ts). */
async function retryDecisionFollowUp(deps: AppDeps, reminder: Reminder): Promise<DeliveryResult> {
  const assessment = await assessmentOf(deps, reminder);
  if (!assessment?.decision)
    return { kind: 'skipped', reason: 'the assessment or its decision no longer exists' };
  const { done, failure } = await followUpDecision(deps, assessment, reminder.posts);
  return failure ? { kind: 'failed', ...failure, posts: done } : { kind: 'sent', posts: done };
}

/** The one assessment a reminder is about, read in full; undefined if it has none or it is gone. */
function assessmentOf(deps: AppDeps, reminder: Reminder) {
  return reminder.assessmentId ? deps.store.getAssessment(reminder.assessmentId) : Promise.resolve(undefined);
}
