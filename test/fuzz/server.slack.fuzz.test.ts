/**
 * Fuzzes `/slack/events` on the real server: signed `block_actions`, `view_submission` and slash
 * commands with hostile fields, and unsigned or garbage bodies. Every request is answered below
 * 500, the work after ack() settles without an unhandled rejection, and a user without a risk
 * check changes no dialog or outcome file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION_MODAL_CALLBACK_ID } from '../../cards/block-kit/decision-comment-modal.js';
import { DISCUSSION_MODAL_CALLBACK_ID } from '../../cards/block-kit/discussion-modal.js';
import { ACTION_IDS, ACTIONS } from '../../dialogs/actions.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { type SlackRequest, type SlackUser, slashCommand } from '../helpers/slack-requests.js';
import { FUZZ_SEED, hostileJson, hostileObject, hostileString } from './arbitraries.js';
import {
  capturedLogger,
  expectHealthy,
  storeFiles,
  trackUnhandledRejections,
} from './server-fuzz-helpers.js';

const STRANGER: SlackUser = { id: 'U0FUZZ001', name: 'fuzz.stranger' };
const FORM = 'application/x-www-form-urlencoded';
const run = (numRuns: number) => ({ numRuns, seed: FUZZ_SEED });

let h: Harness;
let before: string;
const rejections = trackUnhandledRejections();
const log = capturedLogger();

beforeAll(async () => {
  h = await startHarness({ logger: log.logger });
  before = await storeFiles(h);
});
afterAll(async () => {
  rejections.stop();
  await h?.close();
  expect(rejections.seen).toEqual([]);
  expect(log.failures()).toEqual([]);
});

function interaction(payload: Record<string, unknown>): SlackRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}

/** Sends a signed request and checks status, settled work, rejections and the store. */
async function sendSigned(request: SlackRequest): Promise<void> {
  const started = Date.now();
  const logged = log.lines.length;
  const response = await h.postSlack(request);
  // Bolt reports a listener's error a few microtasks after the tracked work settles.
  await new Promise((resolve) => setTimeout(resolve, 1));
  expect(response.status, JSON.stringify(response.body)?.slice(0, 300)).toBeLessThan(500);
  // Bolt answers a request nobody acknowledged with 404 after 3 s; Slack has given up by then.
  expect(Date.now() - started, 'acknowledged within Slack’s 3 s').toBeLessThan(3_000);
  expect(rejections.seen).toEqual([]);
  expect(log.failures(logged)).toEqual([]);
  expect(await storeFiles(h)).toBe(before);
}

const metadata = fc.oneof(
  hostileString(4_000),
  hostileObject({ extra: ['questionStep', 'review', 'context.1', 'sessionId'] }).map((o) =>
    JSON.stringify(o),
  ),
  fc
    .record({
      view: fc.constantFrom('questionStep', 'review', 'outcome'),
      sessionId: hostileString(120),
      stepId: fc.constantFrom('context.1', 'national.1', 'nope'),
      assessmentId: hostileString(120),
      decision: fc.constantFrom('proceed', 'nope'),
      reminderId: hostileString(120),
    })
    .map((o) => JSON.stringify(o)),
);

/** `state.values`: Slack's block → action → input nesting, or anything else at any level. */
/** Mostly the first choice, sometimes the second. */
const mostly = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: rare });

const stateValues = mostly(
  fc
    .array(
      fc.tuple(
        mostly(fc.constantFrom('q:title', 'q:scope', 'q:partner_country', 'comment'), hostileString(40)),
        fc.record({
          type: fc.constantFrom(
            'plain_text_input',
            'static_select',
            'checkboxes',
            'datepicker',
            'multi_static_select',
          ),
          value: hostileJson({ depth: 1 }),
          selected_option: hostileJson({ depth: 2, extra: ['value'] }),
          selected_options: mostly(fc.array(hostileJson({ depth: 2, extra: ['value'] })), hostileJson()),
          selected_date: hostileJson({ depth: 1 }),
        }),
      ),
      { maxLength: 5 },
    )
    .map((entries) => Object.fromEntries(entries.map(([block, input]) => [block, { a: input }]))),
  hostileJson({ depth: 4, extra: ['q:title', 'comment', 'static_select', 'checkboxes'] }),
);

const slackUser = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ id: STRANGER.id, name: STRANGER.name } as unknown) },
  { weight: 1, arbitrary: hostileJson({ depth: 2, extra: ['U0FUZZ002'] }) },
);

describe('Slack fuzz', () => {
  it('block_actions with hostile values, metadata and state', async () => {
    const payload = fc.record({
      user: slackUser,
      actionId: mostly(fc.constantFrom(...ACTION_IDS.filter((a) => a !== ACTIONS.start)), hostileString(300)),
      value: fc.oneof(metadata, hostileJson({ depth: 1 })),
      inView: mostly(fc.constant(true), fc.constant(false)),
      privateMetadata: fc.oneof(metadata, hostileJson({ depth: 1 })),
      state: mostly(
        stateValues.map((values) => ({ values })),
        hostileJson({ depth: 2 }),
      ),
      extra: hostileObject({ depth: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const view = { id: 'V0FUZZ', type: 'modal', private_metadata: p.privateMetadata, state: p.state };
        await sendSigned(
          interaction({
            ...p.extra,
            type: 'block_actions',
            user: p.user,
            trigger_id: `trigger-${Math.random()}`,
            container: p.inView ? { type: 'view', view_id: 'V0FUZZ' } : { type: 'message' },
            ...(p.inView ? { view } : { channel: { id: 'C0FUZZ001' } }),
            actions: [{ type: 'button', action_id: p.actionId, block_id: 'b', value: p.value }],
          }),
        );
      }),
      run(200),
    );
  });

  it('view_submission with hostile callback ids, metadata and state', async () => {
    const payload = fc.record({
      user: slackUser,
      callbackId: fc.oneof(
        fc.constantFrom('riskcheck.modal', DECISION_MODAL_CALLBACK_ID, DISCUSSION_MODAL_CALLBACK_ID),
        hostileString(300),
      ),
      privateMetadata: fc.oneof(metadata, hostileJson({ depth: 1 })),
      state: fc.oneof(
        stateValues.map((values) => ({ values })),
        hostileObject({ depth: 3, extra: ['values'] }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        await sendSigned(
          interaction({
            type: 'view_submission',
            user: p.user,
            trigger_id: `trigger-${Math.random()}`,
            view: {
              id: 'V0FUZZ',
              type: 'modal',
              callback_id: p.callbackId,
              private_metadata: p.privateMetadata,
              state: p.state,
            },
          }),
        );
      }),
      run(200),
    );
  });

  it('slash commands with hostile text', async () => {
    const text = hostileString(6_000, [
      '<!channel>',
      '<!here> link gph',
      'reminders gph',
      'help',
      'cancel',
      'list',
    ]);
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom('D0FUZZ001', 'C0FUZZ001', '<!channel>'),
        async (t, channelId) => {
          await sendSigned(
            slashCommand({ user: STRANGER, text: t, channelId, responseUrl: h.slack.responseUrl('fuzz') }),
          );
        },
      ),
      run(150),
    );
  });

  it('refuses unsigned and garbage bodies', async () => {
    const headers = fc.dictionary(
      fc.constantFrom('content-type', 'x-slack-signature', 'x-slack-request-timestamp', 'x-slack-retry-num'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
    );
    const body = fc.oneof(
      hostileString(300_000),
      hostileJson({ depth: 3 }).map((v) => JSON.stringify(v) ?? ''),
    );
    await fc.assert(
      fc.asyncProperty(body, headers, async (b, hs) => {
        const response = await h.postRaw('/slack/events', b, hs);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(await storeFiles(h)).toBe(before);
      }),
      run(100),
    );
    await h.bot.deps.work.settled();
    await expectHealthy(h);
  });
});
