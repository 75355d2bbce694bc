/**
 * Buttons (`block_actions`) with `riskcheck.*` action ids. ack() first, then the use case; the
 * result replaces the modal the button was in (views.update) or opens one. A decision button
 * checks the clicker first and opens the comment dialog only for a decision maker.
 */
import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decisionCommentModal } from '../../../cards/block-kit/decision-comment-modal.js';
import { discussionModal } from '../../../cards/block-kit/discussion-modal.js';
import { baseActionId } from '../../../cards/block-kit/render-slack.js';
import { ACTIONS, isActionId } from '../../../dialogs/actions.js';
import { DECISION_LABELS, DECISIONS, type DecisionValue } from '../../../dialogs/assessment.js';
import type { AppDeps } from '../../app/app-deps.js';
import { decisionPrecheck } from '../../app/decision-precheck.js';
import { handleAction } from '../../app/handle-action.js';
import { rememberSlackUser, slackActor } from './slack-actor.js';
import { modalFor } from './slack-surfaces.js';
import { answersFromState, parseJsonObject } from './slack-values.js';
import type { SlackWebApi } from './slack-web-api.js';

/** What the handler reads of Bolt's arguments for a button click. */
export type ButtonArgs = Pick<
  SlackActionMiddlewareArgs<BlockAction<ButtonAction>>,
  'ack' | 'body' | 'action'
>;

export function blockActionHandler(deps: AppDeps, client: SlackWebApi) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = slackActor(body.user?.id, body.user?.name ?? body.user?.username);
    const verb = baseActionId(action.action_id);
    if (!actor || !isActionId(verb)) return;
    await rememberSlackUser(deps, actor);
    const value = parseJsonObject(action.value);

    if (verb === ACTIONS.decide) {
      const decision = value.decision;
      const check = await decisionPrecheck(deps, actor, value.assessmentId);
      if (check.kind === 'refused' || !isDecision(decision)) {
        const text = check.kind === 'refused' ? check.message : 'This decision button is not valid.';
        if (body.channel?.id)
          await client.chat.postEphemeral({ channel: body.channel.id, user: actor.userId, text });
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: decisionCommentModal({
          assessmentId: String(value.assessmentId),
          decision,
          decisionLabel: DECISION_LABELS[decision],
          title: check.title,
        }),
      });
      return;
    }

    if (verb === ACTIONS.discussed) {
      // Ask for the optional date and note first; the dialog's submission records it.
      const reminder =
        typeof value.reminderId === 'string' ? await deps.store.getReminder(value.reminderId) : undefined;
      const department = deps.organisation.departments.find((d) => d.id === reminder?.departmentId);
      if (!reminder || !department) {
        if (body.channel?.id) {
          await client.chat.postEphemeral({
            channel: body.channel.id,
            user: actor.userId,
            text: 'That reminder was not found.',
          });
        }
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: discussionModal({ reminderId: reminder.id, departmentName: department.name }),
      });
      return;
    }

    const metadata = parseJsonObject(body.view?.private_metadata);
    const answers = body.view ? answersFromState(body.view.state) : {};
    const reply = await handleAction(deps, actor, verb, { ...metadata, ...value, ...answers });
    if (body.view?.id) await client.views.update({ view_id: body.view.id, view: modalFor(reply) });
    else await client.views.open({ trigger_id: body.trigger_id, view: modalFor(reply) });
  };
}

function isDecision(value: unknown): value is DecisionValue {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}
