/**
 * `/riskcheck [help | resume | list | cancel | link <department>]`. ack() comes first; the dialog
 * views open in a modal right away (the trigger id lives three seconds), everything else answers
 * with an ephemeral message through the command's response_url.
 */
import type { SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { parseCommand } from '../../app/commands.js';
import { handleCommand } from '../../app/handle-command.js';
import type { LinkTarget } from '../../app/link-channel.js';
import { rememberSlackUser, slackActor } from './slack-actor.js';
import { messageFor, modalFor } from './slack-surfaces.js';
import type { SlackWebApi } from './slack-web-api.js';

const MODAL_COMMANDS = new Set(['welcome', 'help', 'resume', 'list']);

export const MODAL_NOT_OPENED =
  'Slack did not open the riskcheck window just now. Nothing was lost: please type /riskcheck again.';

export function slashCommandHandler(deps: AppDeps, client: SlackWebApi) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    const actor = slackActor(command.user_id, command.user_name);
    if (!actor) return;
    await rememberSlackUser(deps, actor);
    const kind = parseCommand(command.text ?? '').kind;
    const reply = await handleCommand(deps, actor, command.text ?? '', { channel: channelTarget(command) });
    if (MODAL_COMMANDS.has(kind) && reply.kind === 'view') {
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: modalFor(reply) });
      } catch (error) {
        // Slack shows nothing when the modal does not open: say so where the command was typed.
        await respond({ response_type: 'ephemeral', text: MODAL_NOT_OPENED }).catch(() => undefined);
        throw error;
      }
      return;
    }
    await respond({ response_type: 'ephemeral', ...messageFor(reply) });
  };
}

/** Only public and private channels can be a department's decision channel, not DMs. */
function channelTarget(command: SlashCommand): LinkTarget | undefined {
  return /^[CG][A-Z0-9]{2,20}$/.test(command.channel_id)
    ? { platform: 'slack', conversationId: command.channel_id }
    : undefined;
}
