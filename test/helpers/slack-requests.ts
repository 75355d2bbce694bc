/**
 * Builders for real Slack requests (slash commands, block_actions, view_submission) and their
 * v0 signature, plus a way to "fill in" a modal the bot opened, the way the Slack client would.
 */
import { randomUUID } from 'node:crypto';
import { signSlackBody } from '../../bot/channels/slack/verify-signature.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token';

export interface SlackUser {
  id: string;
  name: string;
}

/** The example organisation's people (config/example/organisation.yaml). */
export const SLACK_USERS = {
  alex: { id: 'U0ALEX001', name: 'alex.wilber' },
  megan: { id: 'U0MEGAN01', name: 'megan.bowen' },
  adele: { id: 'U0ADELE01', name: 'adele.vance' },
  patti: { id: 'U0PATTI01', name: 'patti.fernandez' },
  lynne: { id: 'U0LYNNE01', name: 'lynne.robbins' },
} satisfies Record<string, SlackUser>;

export const GPH_SLACK_CHANNEL = 'C0GPHDEC1';

export interface SlackRequest {
  body: string;
  contentType: string;
}

export function signedHeaders(
  request: SlackRequest,
  nowMs: number,
  secret = SIGNING_SECRET,
): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'content-type': request.contentType,
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signSlackBody(secret, timestamp, request.body),
  };
}

const FORM = 'application/x-www-form-urlencoded';

export function slashCommand(input: {
  user: SlackUser;
  text?: string;
  channelId?: string;
  responseUrl: string;
  command?: string;
}): SlackRequest {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0EXAMPLE',
    team_domain: 'example-university',
    channel_id: input.channelId ?? `D0${input.user.id.slice(2)}`,
    channel_name: input.channelId ? 'riskcheck-decisions' : 'directmessage',
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command ?? '/riskcheck',
    text: input.text ?? '',
    api_app_id: 'A0RISKCHECK',
    response_url: input.responseUrl,
    trigger_id: `trigger-${randomUUID()}`,
  });
  return { body: form.toString(), contentType: FORM };
}

function interaction(payload: Record<string, unknown>): SlackRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}

export function blockAction(input: {
  user: SlackUser;
  actionId: string;
  value?: string;
  view?: { id: string; private_metadata?: string; state?: unknown };
  channelId?: string;
  messageTs?: string;
}): SlackRequest {
  return interaction({
    type: 'block_actions',
    user: { id: input.user.id, username: input.user.name, name: input.user.name, team_id: 'T0EXAMPLE' },
    api_app_id: 'A0RISKCHECK',
    team: { id: 'T0EXAMPLE', domain: 'example-university' },
    trigger_id: `trigger-${randomUUID()}`,
    container: input.view
      ? { type: 'view', view_id: input.view.id }
      : { type: 'message', channel_id: input.channelId, message_ts: input.messageTs },
    ...(input.view
      ? {
          view: {
            type: 'modal',
            callback_id: 'riskcheck.modal',
            hash: 'h',
            state: { values: {} },
            ...input.view,
          },
        }
      : {}),
    ...(input.channelId ? { channel: { id: input.channelId, name: 'riskcheck-decisions' } } : {}),
    ...(input.messageTs ? { message: { ts: input.messageTs, type: 'message' } } : {}),
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'b',
        value: input.value ?? '',
        action_ts: String(Date.now() / 1000),
      },
    ],
  });
}

export function viewSubmission(input: {
  user: SlackUser;
  view: { id: string; callback_id: string; private_metadata?: string; state: { values: unknown } };
}): SlackRequest {
  return interaction({
    type: 'view_submission',
    user: { id: input.user.id, username: input.user.name, name: input.user.name, team_id: 'T0EXAMPLE' },
    api_app_id: 'A0RISKCHECK',
    team: { id: 'T0EXAMPLE', domain: 'example-university' },
    trigger_id: `trigger-${randomUUID()}`,
    view: { type: 'modal', hash: 'h', ...input.view },
  });
}

type Block = Record<string, any>;

/** Slack's `view.state.values` for a modal's inputs, answered from a plan or a plausible default. */
export function fillModal(view: { blocks?: Block[] }, plan: Record<string, string>): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks ?? []) {
    if (block.type !== 'input' || typeof block.block_id !== 'string') continue;
    const element = block.element as Block;
    const questionId = block.block_id.startsWith('q:') ? block.block_id.slice(2) : block.block_id;
    const options: { value: string }[] =
      element.options ?? (element.option_groups ?? []).flatMap((g: Block) => g.options);
    const planned = plan[questionId];
    const choose = (value: string | undefined) => options.find((o) => o.value === value) ?? null;
    const fallback =
      options.find((o) => o.value === 'no') ??
      options.find((o) => o.value === 'NO') ??
      options.find((o) => o.value === 'gph') ??
      options.find((o) => o.value === 'none') ??
      options[0] ??
      null;
    let state: Record<string, unknown>;
    switch (element.type) {
      case 'static_select':
      case 'radio_buttons':
        state = { type: element.type, selected_option: planned !== undefined ? choose(planned) : fallback };
        break;
      case 'multi_static_select':
      case 'checkboxes': {
        const wanted = planned !== undefined ? planned.split(',') : [fallback?.value ?? ''];
        state = { type: element.type, selected_options: options.filter((o) => wanted.includes(o.value)) };
        break;
      }
      case 'datepicker':
        state = { type: element.type, selected_date: planned ?? '2027-12-31' };
        break;
      default:
        state = { type: element.type, value: planned ?? 'Example text' };
    }
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}
