/**
 * "We discussed this" on a discussion reminder: recorded by a head of that department, a dean or
 * an administrator (checked by platform user id), audited, and every posted copy of the reminder
 * (and its follow-up) turns into the recorded state so nobody is asked again.
 */
import type { Person } from '../../dialogs/organisation/schema.js';
import { isDecisionMaker } from '../../dialogs/routing/responsibility.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { discussionReminderView } from '../../dialogs/views/reminder-views.js';
import { messageView } from '../../dialogs/views/simple-views.js';
import { type AppDeps, audit } from './app-deps.js';
import { errorSummary } from './deliver-outcome.js';
import { linkForPost } from './department-channels.js';
import { type Reply, refused, viewReply } from './reply.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_NOTE = 1000;

export async function recordDiscussion(
  deps: AppDeps,
  actor: Actor,
  input: { reminderId: unknown; heldOn: unknown; note: unknown },
): Promise<Reply> {
  if (typeof input.reminderId !== 'string' || input.reminderId.length > 200) {
    return refused(400, 'malformed', 'This reminder card is not valid.');
  }
  const heldOn = typeof input.heldOn === 'string' && input.heldOn !== '' ? input.heldOn : undefined;
  if (heldOn !== undefined && !DAY.test(heldOn))
    return refused(400, 'invalid_value', 'Give the date as YYYY-MM-DD.');
  if (input.note !== undefined && typeof input.note !== 'string')
    return refused(400, 'invalid_value', 'The note must be text.');
  const note = (input.note ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (note.length > MAX_NOTE) return refused(400, 'too_long', `Keep the note under ${MAX_NOTE} characters.`);

  const reminder = await deps.store.getReminder(input.reminderId);
  const department = deps.organisation.departments.find((d) => d.id === reminder?.departmentId);
  if (reminder?.kind !== 'discussion' || !department)
    return refused(404, 'not_found', 'That reminder was not found.');

  const allowed: Person[] = [...department.heads, ...deps.organisation.deans, ...deps.organisation.admins];
  if (!isDecisionMaker(allowed, actor.platform, actor.userId)) {
    await audit(deps, actorKey(actor), 'discussion.refused', department.id);
    return viewReply(
      messageView(
        'error',
        'Not allowed',
        `Only the head of ${department.name}, a dean or an administrator can record the discussion.`,
        false,
      ),
    );
  }
  const now = deps.clock.now().toISOString();
  const discussions = await deps.store.listDiscussions(department.id);
  const already = discussions.find((d) => d.reminderId === reminder.id);
  const discussion = already ?? {
    id: deps.newId(),
    departmentId: department.id,
    reminderId: reminder.id,
    heldOn: heldOn ?? now.slice(0, 10),
    note,
    recordedBy: { platform: actor.platform, userId: actor.userId, displayName: actor.displayName },
    recordedAt: now,
  };
  if (!already) {
    await deps.store.saveDiscussion(discussion);
    await audit(deps, actorKey(actor), 'discussion.recorded', department.id, {
      reminder: reminder.id,
      heldOn: discussion.heldOn,
    });
  }
  const view = discussionReminderView({
    organisation: deps.organisation,
    department,
    reminder,
    followUp: false,
    assessments: await deps.store.listAssessmentSummaries({ departmentId: department.id }),
    discussions: discussions.filter((d) => d.id !== discussion.id),
    recorded: discussion,
  });
  const followUp = await deps.store.getReminder(`followup:${reminder.id}`);
  for (const post of [...reminder.posts, ...(followUp?.posts ?? [])]) {
    const gateway = deps.gateways[post.platform];
    const link = await linkForPost(deps.store, deps.organisation, department.id, post);
    if (!gateway) continue;
    await gateway.update(link, post.messageId, view).catch((error: unknown) => {
      deps.logger.warn({ err: errorSummary(error) }, 'could not update a posted discussion reminder');
    });
  }
  return viewReply(view);
}
