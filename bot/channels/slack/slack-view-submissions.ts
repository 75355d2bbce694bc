/**
 * Modal submissions. A question step's submit is Next, the review's submit is Submit, the
 * decision dialog's submit records the decision. The answer to Slack must come inside three
 * seconds, so the use case gets a time budget: in time, its result goes into the acknowledgement
 * (next view, or inline errors); late, the modal shows "working on it" and is updated after.
 */
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  DISCUSSION_DATE_ACTION_ID,
  DISCUSSION_DATE_BLOCK_ID,
  DISCUSSION_NOTE_ACTION_ID,
  DISCUSSION_NOTE_BLOCK_ID,
} from '../../../cards/block-kit/discussion-modal.js';
import { ACTIONS } from '../../../dialogs/actions.js';
import type { Actor } from '../../../dialogs/session.js';
import { messageView } from '../../../dialogs/views/simple-views.js';
import type { AppDeps } from '../../app/app-deps.js';
import { decideAssessment } from '../../app/decide-assessment.js';
import { errorSummary } from '../../app/deliver-outcome.js';
import { userLinkKey } from '../../app/department-channels.js';
import { handleAction } from '../../app/handle-action.js';
import type { Reply } from '../../app/reply.js';
import { rememberSlackUser, slackActor } from './slack-actor.js';
import { modalFor, replyView, stepErrors, withinBudget } from './slack-surfaces.js';
import { answersFromState, parseJsonObject } from './slack-values.js';
import type { SlackWebApi } from './slack-web-api.js';

/** Leaves room inside Slack's 3 s for the acknowledgement to travel back. */
export const ACK_BUDGET_MS = 2000;

export type ViewSubmitHandler = (args: SlackViewMiddlewareArgs<ViewSubmitAction>) => Promise<void>;

/** Next on a question step, Submit on the review. */
export function stepSubmissionHandler(deps: AppDeps, client: SlackWebApi): ViewSubmitHandler {
  return async ({ ack, body, view }) => {
    const actor = slackActor(body.user?.id, body.user?.name);
    const metadata = parseJsonObject(view.private_metadata);
    const verb =
      metadata.view === 'questionStep'
        ? ACTIONS.next
        : metadata.view === 'review'
          ? ACTIONS.submit
          : undefined;
    if (!actor || !verb) {
      await ack({ response_action: 'clear' });
      return;
    }
    await rememberSlackUser(deps, actor);
    const work = handleAction(deps, actor, verb, { ...metadata, ...answersFromState(view.state) });
    const result = await withinBudget(work, ACK_BUDGET_MS);
    if (!result.done) {
      await ack({ response_action: 'update', view: modalFor({ kind: 'view', view: workingOnIt() }) });
      const late = await work;
      await client.views.update({ view_id: view.id, view: modalFor(late) });
      await afterSubmit(deps, actor, late);
      return;
    }
    const reply = result.value;
    const errors = reply.kind === 'view' ? stepErrors(reply.view) : undefined;
    if (errors) await ack({ response_action: 'errors', errors });
    else await ack({ response_action: 'update', view: modalFor(reply) });
    await afterSubmit(deps, actor, reply);
  };
}

/** The decision dialog: record the decision and close, or say why not. */
export function decisionSubmissionHandler(deps: AppDeps): ViewSubmitHandler {
  return async ({ ack, body, view }) => {
    const actor = slackActor(body.user?.id, body.user?.name);
    const metadata = parseJsonObject(view.private_metadata);
    // Signed but not necessarily well formed: a state without values must not throw before ack().
    const comment = view.state.values?.comment?.comment?.value ?? '';
    if (!actor) {
      await ack({ response_action: 'clear' });
      return;
    }
    const reply = await decideAssessment(deps, actor, {
      assessmentId: metadata.assessmentId,
      decision: metadata.decision,
      comment,
    });
    const shown = replyView(reply);
    const stored =
      typeof metadata.assessmentId === 'string'
        ? await deps.store.getAssessment(metadata.assessmentId)
        : undefined;
    if (shown.kind === 'approvalResolved' && stored?.decision?.by.userId === actor.userId) {
      await ack({ response_action: 'clear' });
      return;
    }
    // Refused, or someone else decided first: say so in the dialog instead of closing it.
    const message =
      shown.kind === 'approvalResolved'
        ? `Already decided by ${shown.decision.byName}: ${shown.decision.label}.`
        : reply.kind === 'refused'
          ? reply.message
          : (shown.kind === 'approvalRequest' && shown.notice) || 'Your decision could not be recorded.';
    await ack({ response_action: 'errors', errors: { comment: message } });
  };
}

/** The "We discussed this" dialog: record it, close the dialog, or show why not. */
export function discussionSubmissionHandler(deps: AppDeps): ViewSubmitHandler {
  return async ({ ack, body, view }) => {
    const actor = slackActor(body.user?.id, body.user?.name);
    if (!actor) {
      await ack({ response_action: 'clear' });
      return;
    }
    const values = view.state.values ?? {};
    const reply = await handleAction(deps, actor, ACTIONS.discussed, {
      ...parseJsonObject(view.private_metadata),
      discussion_date: values[DISCUSSION_DATE_BLOCK_ID]?.[DISCUSSION_DATE_ACTION_ID]?.selected_date ?? '',
      discussion_note: values[DISCUSSION_NOTE_BLOCK_ID]?.[DISCUSSION_NOTE_ACTION_ID]?.value ?? '',
    });
    const shown = replyView(reply);
    if (shown.kind === 'discussionReminder' && shown.recorded) await ack({ response_action: 'clear' });
    else {
      const message = shown.kind === 'message' ? shown.text : 'The discussion could not be recorded.';
      await ack({ response_action: 'errors', errors: { [DISCUSSION_NOTE_BLOCK_ID]: message } });
    }
  };
}

/** The outcome of a submitted risk check also goes to the submitter's DM, where it stays. */
async function afterSubmit(deps: AppDeps, actor: Actor, reply: Reply): Promise<void> {
  if (reply.kind !== 'view' || reply.view.kind !== 'outcome') return;
  const gateway = deps.gateways.slack;
  const link = await deps.store.getLink(userLinkKey('slack', actor.userId));
  if (!gateway || !link) return;
  try {
    await gateway.post(link, reply.view);
  } catch (error) {
    deps.logger.warn({ err: errorSummary(error) }, 'could not send the outcome to the submitter by DM');
  }
}

function workingOnIt() {
  return messageView(
    'info',
    'Working on it',
    'Saving your answers. This takes a moment longer than usual.',
    false,
  );
}
