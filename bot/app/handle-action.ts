/**
 * Answers a button press (Teams Action.Execute verb or Slack action id) with its card data.
 * Metadata is validated with zod; answers are the `q:`-prefixed fields and are handed to the
 * core, which rejects anything that was not asked.
 */
import { z } from 'zod';
import { ACTIONS, type ActionId, ANSWER_INPUT_PREFIX } from '../../dialogs/actions.js';
import type { SubmittedValues } from '../../dialogs/dialog/types.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { assessmentListView, helpView } from '../../dialogs/views/simple-views.js';
import type { AppDeps } from './app-deps.js';
import { decideAssessment } from './decide-assessment.js';
import { reassess } from './reassess.js';
import { recordDiscussion } from './record-discussion.js';
import { type Reply, refused, viewReply } from './reply.js';
import { runDialogEvent, startDialog } from './run-dialog.js';

const id = z.string().min(1).max(100);
const metadataSchema = z.object({
  sessionId: id.optional(),
  stepId: id.optional(),
  assessmentId: id.optional(),
  decision: z.string().max(50).optional(),
  comment: z.string().max(5000).optional(),
  reminderId: z.string().min(1).max(200).optional(),
  discussion_date: z.string().max(20).optional(),
  discussion_note: z.string().max(5000).optional(),
});

/** Fields any card may carry; anything else that is not an answer is ignored, not trusted. */
const MAX_FIELDS = 200;

export async function handleAction(
  deps: AppDeps,
  actor: Actor,
  verb: ActionId,
  data: Record<string, unknown>,
): Promise<Reply> {
  if (Object.keys(data).length > MAX_FIELDS) return malformed();
  const parsed = metadataSchema.safeParse(pickMetadata(data));
  if (!parsed.success) return malformed();
  const meta = parsed.data;
  const values = answerValues(data);

  switch (verb) {
    case ACTIONS.start:
      return startDialog(deps, actor);
    case ACTIONS.resume:
      return runDialogEvent(deps, actor, meta.sessionId, { kind: 'show' });
    case ACTIONS.next:
    case ACTIONS.back: {
      const { sessionId, stepId } = meta;
      if (!sessionId || !stepId) return malformed();
      return runDialogEvent(deps, actor, sessionId, {
        kind: verb === ACTIONS.next ? 'next' : 'back',
        stepId,
        values,
      });
    }
    case ACTIONS.save:
      if (!meta.sessionId) return malformed();
      // The review card's Save names no step: everything on it is stored already.
      return runDialogEvent(deps, actor, meta.sessionId, { kind: 'save', stepId: meta.stepId ?? '', values });
    case ACTIONS.edit: {
      const { sessionId, stepId } = meta;
      if (!sessionId || !stepId) return malformed();
      return runDialogEvent(deps, actor, sessionId, { kind: 'edit', stepId });
    }
    case ACTIONS.submit:
      if (!meta.sessionId) return malformed();
      return runDialogEvent(deps, actor, meta.sessionId, { kind: 'submit' });
    case ACTIONS.cancel:
      if (!meta.sessionId) return malformed();
      return runDialogEvent(deps, actor, meta.sessionId, { kind: 'cancel' });
    case ACTIONS.list: {
      const drafts = await deps.store.listSessionsByOwner(actorKey(actor));
      const submitted = await deps.store.listAssessmentSummaries({ submitterKey: actorKey(actor) });
      return viewReply(assessmentListView(drafts, submitted));
    }
    case ACTIONS.help:
      return viewReply(helpView(deps.organisation));
    case ACTIONS.decide:
      return decideAssessment(deps, actor, {
        assessmentId: meta.assessmentId,
        decision: meta.decision,
        comment: meta.comment ?? '',
      });
    case ACTIONS.discussed:
      return recordDiscussion(deps, actor, {
        reminderId: meta.reminderId,
        heldOn: meta.discussion_date,
        note: meta.discussion_note,
      });
    case ACTIONS.reassess:
      return reassess(deps, actor, meta.assessmentId);
  }
}

function pickMetadata(data: Record<string, unknown>): Record<string, unknown> {
  const { sessionId, stepId, assessmentId, decision, comment, reminderId, discussion_date, discussion_note } =
    data;
  return { sessionId, stepId, assessmentId, decision, comment, reminderId, discussion_date, discussion_note };
}

function answerValues(data: Record<string, unknown>): SubmittedValues {
  const values: SubmittedValues = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith(ANSWER_INPUT_PREFIX)) values[key.slice(ANSWER_INPUT_PREFIX.length)] = value;
  }
  return values;
}

function malformed(): Reply {
  return refused(
    400,
    'malformed',
    'This card sent something I cannot read. Please use the buttons on the latest card, or type “riskcheck” to start again.',
  );
}
