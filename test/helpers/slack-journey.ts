/**
 * Drives a risk check through Slack as a user would: `/riskcheck`, Start, fill each modal and
 * submit it, until the outcome. Modals are read from what the bot sent to the fake Web API.
 */
import { expect } from 'vitest';
import type { Harness } from './bot-harness.js';
import { blockAction, fillModal, type SlackUser, slashCommand, viewSubmission } from './slack-requests.js';

export interface Modal {
  id: string;
  blocks?: any[];
  private_metadata?: string;
  callback_id?: string;
  [key: string]: any;
}

/** The modal the last views.open/update/push put on screen, with the id Slack gave it. */
export function lastModal(h: Harness): Modal {
  const call = [...h.slack.calls].reverse().find((c) => c.method.startsWith('views.'));
  if (!call) throw new Error('no modal was opened');
  return { ...call.args.view, id: call.result?.view?.id ?? call.args.view_id };
}

export function metadataOf(view: { private_metadata?: string }): Record<string, any> {
  return view.private_metadata ? JSON.parse(view.private_metadata) : {};
}

/** Buttons anywhere in a modal or message, with their (base) action ids and parsed values. */
export function buttonsOf(blocks: any[] | undefined): { actionId: string; value: string; text: string }[] {
  const found: { actionId: string; value: string; text: string }[] = [];
  for (const block of blocks ?? []) {
    const elements = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])];
    for (const el of elements) {
      if (el.type === 'button')
        found.push({ actionId: el.action_id, value: el.value ?? '', text: el.text?.text ?? '' });
    }
  }
  return found;
}

export function button(
  blocks: any[] | undefined,
  prefix: string,
  match: (value: any) => boolean = () => true,
) {
  const found = buttonsOf(blocks).find(
    (b) => b.actionId.split(':')[0] === prefix && match(b.value ? JSON.parse(b.value) : {}),
  );
  if (!found)
    throw new Error(`no ${prefix} button in ${JSON.stringify(buttonsOf(blocks).map((b) => b.actionId))}`);
  return found;
}

export async function slash(h: Harness, user: SlackUser, text = '', channelId?: string) {
  return h.postSlack(
    slashCommand({
      user,
      text,
      responseUrl: h.slack.responseUrl(`${user.id}-${h.slack.responses.length}`),
      ...(channelId ? { channelId } : {}),
    }),
  );
}

export async function pressInModal(
  h: Harness,
  user: SlackUser,
  modal: Modal,
  actionId: string,
  value: string,
  plan = {},
) {
  return h.postSlack(
    blockAction({
      user,
      actionId,
      value,
      view: {
        id: modal.id,
        private_metadata: modal.private_metadata,
        state: { values: fillModal(modal, plan) },
      },
    }),
  );
}

export async function submitModal(
  h: Harness,
  user: SlackUser,
  modal: Modal,
  plan: Record<string, string> = {},
) {
  return h.postSlack(
    viewSubmission({
      user,
      view: {
        id: modal.id,
        callback_id: modal.callback_id ?? 'riskcheck.modal',
        private_metadata: modal.private_metadata,
        state: { values: fillModal(modal, plan) },
      },
    }),
  );
}

/** Runs `/riskcheck`, Start, and every step; returns the outcome modal and the session id. */
export async function completeSlackRiskcheck(h: Harness, user: SlackUser, plan: Record<string, string>) {
  await slash(h, user);
  const welcome = lastModal(h);
  await pressInModal(h, user, welcome, button(welcome.blocks, 'riskcheck.start').actionId, '{}');
  let modal = lastModal(h);
  const sessionId = metadataOf(modal).sessionId as string;
  for (let guard = 0; guard < 30 && metadataOf(modal).view === 'questionStep'; guard++) {
    const response = await submitModal(h, user, modal, plan);
    expect(response.status).toBe(200);
    expect(response.body?.response_action, JSON.stringify(response.body)).toBe('update');
    modal = { ...response.body.view, id: modal.id };
  }
  expect(metadataOf(modal).view).toBe('review');
  const submitted = await submitModal(h, user, modal);
  expect(submitted.body?.response_action).toBe('update');
  return { sessionId, outcomeModal: { ...submitted.body.view, id: modal.id } as Modal };
}

export function textOfBlocks(blocks: any[] | undefined): string {
  return JSON.stringify(blocks ?? []);
}
