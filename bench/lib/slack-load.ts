/**
 * A Slack user's whole risk check against the real server: `/riskcheck`, Start in the welcome
 * modal, every step submitted with answers filled in, and Submit on the review. Modals opened
 * after ack() are read from the fake Web API, matched by trigger id and view id, because many
 * users run at once. The signed requests are kept so the Bolt echo baseline gets the same ones.
 */
import type { FakeSlackApi, SlackCall } from '../../test/helpers/fake-slack-api.js';
import {
  blockAction,
  fillModal,
  GPH_SLACK_CHANNEL,
  SLACK_USERS,
  type SlackRequest,
  type SlackUser,
  signedHeaders,
  slashCommand,
  viewSubmission,
} from '../../test/helpers/slack-requests.js';
import { AlreadyCounted, type Journey, type Recorder, timedPost } from './driver.js';
import { createContext, randomAnswers, seededRandom } from './fixtures.js';

/** Recorded journeys: each is the list of requests one user sent, with their kind. */
export type SlackRecording = { kind: string; request: SlackRequest }[][];
type Modal = { id: string; blocks?: any[]; private_metadata?: string; callback_id?: string };

const metadataOf = (view: { private_metadata?: string }) =>
  view.private_metadata ? JSON.parse(view.private_metadata) : {};

function buttonAction(blocks: any[] | undefined, prefix: string): string {
  for (const block of blocks ?? [])
    for (const el of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
      if (el.type === 'button' && String(el.action_id).split(':')[0] === prefix) return el.action_id;
  throw new Error(`no ${prefix} button in the modal`);
}

/** Waits for Web API calls the bot makes after ack(); consumed calls are dropped to bound memory. */
export function watchSlackCalls(slack: FakeSlackApi) {
  const waiters = new Map<string, (call: SlackCall) => void>();
  const timer = setInterval(() => {
    const calls = slack.calls.splice(0, slack.calls.length);
    for (const call of calls) {
      const key =
        call.method === 'views.open' ? `open:${call.args.trigger_id}` : `${call.method}:${call.args.view_id}`;
      const waiter = waiters.get(key);
      if (waiter) {
        waiters.delete(key);
        waiter(call);
      }
    }
  }, 1);
  return {
    /** Register before sending the request, so a fast answer cannot be missed. */
    waitFor(key: string, timeoutMs = 10_000): Promise<SlackCall> {
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => {
          waiters.delete(key);
          reject(new Error(`no ${key} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(key, (call) => {
          clearTimeout(timeout);
          resolve(call);
        });
      });
    },
    stop: () => clearInterval(timer),
  };
}

export function benchSlackUser(n: number): SlackUser {
  return { id: `U0B${String(n).padStart(7, '0')}`, name: `bench.user.${n}` };
}

function post(recorder: Recorder | undefined, kind: string, url: string, request: SlackRequest) {
  return timedPost(recorder, kind, `${url}/slack/events`, request.body, signedHeaders(request, Date.now()));
}

/** `/riskcheck link gph` in the department channel, by its head, so outcomes are posted there. */
export async function linkSlackChannel(botUrl: string, slack: FakeSlackApi): Promise<void> {
  const request = slashCommand({
    user: SLACK_USERS.alex,
    text: 'link gph',
    channelId: GPH_SLACK_CHANNEL,
    responseUrl: slack.responseUrl('link'),
  });
  const result = await post(undefined, 'link', botUrl, request);
  if (result.status !== 200) throw new Error(`linking the Slack channel failed: ${result.status}`);
}

export function slackJourney(
  botUrl: string,
  slack: FakeSlackApi,
  watcher: ReturnType<typeof watchSlackCalls>,
  recording?: SlackRecording,
  keep = 200,
): Journey {
  const ctx = createContext();
  return async (n: number, recorder: Recorder) => {
    const user = benchSlackUser(n);
    const sent: SlackRecording[number] = [];
    const plan = Object.fromEntries(
      Object.entries(randomAnswers(seededRandom(n * 7919 + recorder.journeys), ctx)).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join(',') : v,
      ]),
    );
    const send = async (kind: string, request: SlackRequest) => {
      sent.push({ kind, request });
      const result = await post(recorder, kind, botUrl, request);
      if (result.status !== 200) throw new AlreadyCounted(`${kind} answered ${result.status}`);
      return result;
    };
    const modalFrom = (call: SlackCall): Modal => ({
      ...call.args.view,
      id: call.result?.view?.id ?? call.args.view_id,
    });

    const command = slashCommand({ user, responseUrl: slack.responseUrl(user.id) });
    const trigger = new URLSearchParams(command.body).get('trigger_id');
    const opened = watcher.waitFor(`open:${trigger}`);
    const sentAt = performance.now();
    await send('slash', command);
    let modal = modalFrom(await opened);
    recorder.add('slack.modal_opened', performance.now() - sentAt);

    const updated = watcher.waitFor(`views.update:${modal.id}`);
    const start = {
      id: modal.id,
      private_metadata: modal.private_metadata ?? '',
      state: { values: fillModal(modal, {}) },
    };
    await send(
      'block_actions',
      blockAction({
        user,
        actionId: buttonAction(modal.blocks, 'riskcheck.start'),
        value: '{}',
        view: start,
      }),
    );
    modal = modalFrom(await updated);

    for (let guard = 0; guard < 40 && ['questionStep', 'review'].includes(metadataOf(modal).view); guard++) {
      const review = metadataOf(modal).view === 'review';
      const view = {
        id: modal.id,
        callback_id: modal.callback_id ?? 'riskcheck.modal',
        private_metadata: modal.private_metadata ?? '',
        state: { values: fillModal(modal, review ? {} : plan) },
      };
      const result = await send('view_submission', viewSubmission({ user, view }));
      if (result.body?.response_action !== 'update') {
        recorder.wrongAnswers++;
        throw new Error(
          `a step was not answered with the next modal: ${JSON.stringify(result.body).slice(0, 300)}`,
        );
      }
      modal = { ...result.body.view, id: modal.id };
      if (review) break;
    }
    if (recording && recording.length < keep) recording.push(sent);
  };
}

/** The Bolt echo's journey: the same requests, re-signed now, one recorded journey per user. */
export function slackReplay(echoUrl: string, recording: SlackRecording): Journey {
  return async (n: number, recorder: Recorder) => {
    const journey = recording[(n + recorder.journeys) % recording.length] ?? [];
    for (const { kind, request } of journey) {
      const result = await post(recorder, kind, echoUrl, request);
      if (result.status !== 200) throw new AlreadyCounted(`echo ${kind} answered ${result.status}`);
    }
  };
}
