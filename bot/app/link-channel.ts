/**
 * `riskcheck link <department>` typed in a channel: an authorised person (the department's head
 * or an organisation admin, by platform user id) makes this channel the department's decision
 * channel. Outcomes that were waiting for a channel are posted right away.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { canLinkChannel } from '../../dialogs/routing/responsibility.js';
import { type Actor, actorKey, type Platform } from '../../dialogs/session.js';
import { messageView } from '../../dialogs/views/simple-views.js';
import type { ConversationLink } from '../../storage/store.js';
import { type AppDeps, audit } from './app-deps.js';
import { deliverOutcome } from './deliver-outcome.js';
import { departmentLinkKey } from './department-channels.js';
import { type Reply, viewReply } from './reply.js';

export type LinkTarget = Omit<ConversationLink, 'key' | 'linkedAt' | 'linkedBy'>;

export async function linkChannel(
  deps: AppDeps,
  actor: Actor,
  departmentId: string,
  target: LinkTarget | undefined,
): Promise<Reply> {
  const departments = deps.organisation.departments;
  if (!target) {
    return viewReply(
      messageView(
        'warning',
        'Link from the channel',
        'Type “riskcheck link <department>” in the channel that should receive the department’s outcomes, not in a personal chat.',
        false,
      ),
    );
  }
  const department = departments.find((d) => d.id === departmentId);
  if (!department) {
    const known = departments.map((d) => `${d.id} (${d.name})`).join(', ');
    return viewReply(messageView('warning', 'Unknown department', `Use one of: ${known}.`, false));
  }
  if (!canLinkChannel(deps.organisation, department.id, actor.platform, actor.userId)) {
    await audit(deps, actorKey(actor), 'link.refused', department.id);
    return viewReply(
      messageView(
        'error',
        'Not allowed',
        `Only the head of ${department.name} or an administrator can link its channel.`,
        false,
      ),
    );
  }
  const now = deps.clock.now().toISOString();
  await deps.store.saveLink({
    ...target,
    key: departmentLinkKey(department.id, actor.platform),
    linkedBy: actorKey(actor),
    linkedAt: now,
  });
  await audit(deps, actorKey(actor), 'link.created', department.id, { platform: actor.platform });

  const waiting = await undecidedNotPostedOn(deps, department.id, actor.platform);
  for (const assessment of waiting) await deliverOutcome(deps, assessment);
  const posted =
    waiting.length > 0 ? ` ${waiting.length} outcome(s) waiting for a decision were posted here.` : '';
  return viewReply(
    messageView(
      'success',
      'Channel linked',
      `Risk check outcomes for ${department.name} will be posted in this channel.${posted}`,
      false,
    ),
  );
}

/**
 * Undecided assessments of the department not yet posted on this platform. Found from the
 * summaries; only the undecided ones (few) are read in full, for their posts and to repost them.
 */
async function undecidedNotPostedOn(
  deps: AppDeps,
  departmentId: string,
  platform: Platform,
): Promise<Assessment[]> {
  const waiting: Assessment[] = [];
  for (const summary of await deps.store.listAssessmentSummaries({ departmentId })) {
    if (summary.decision) continue;
    const assessment = await deps.store.getAssessment(summary.id);
    if (assessment && !assessment.decision && !assessment.posts.some((p) => p.platform === platform))
      waiting.push(assessment);
  }
  return waiting;
}
