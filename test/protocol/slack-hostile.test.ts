/**
 * Forged, stale, replayed and retried Slack requests against the real server: each is refused or
 * deduplicated, the store is unchanged and nothing is posted twice.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { button, lastModal, metadataOf, pressInModal, slash, submitModal } from '../helpers/slack-journey.js';
import {
  blockAction,
  SLACK_USERS,
  signedHeaders,
  slashCommand,
  viewSubmission,
} from '../helpers/slack-requests.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Dialogs and outcomes; links may legitimately change (a user's DM is remembered). */
async function storeFiles(): Promise<string> {
  // Both journals exist from the store's first open: a missing one fails the test.
  const names = ['sessions.jsonl', 'assessments.jsonl'];
  return (await Promise.all(names.map((n) => readFile(join(h.dataDir, n), 'utf8')))).join('\n');
}

const command = () => slashCommand({ user: SLACK_USERS.alex, responseUrl: h.slack.responseUrl('x') });

describe('Slack request verification', () => {
  const nowMs = () => h.clock.now().getTime();
  const forgeries: [string, () => Record<string, string>][] = [
    ['no signature headers', () => ({ 'content-type': 'application/x-www-form-urlencoded' })],
    ['a signature made with another secret', () => signedHeaders(command(), nowMs(), 'not-the-secret')],
    ['a timestamp six minutes old', () => signedHeaders(command(), nowMs() - 6 * 60_000)],
    ['a timestamp six minutes in the future', () => signedHeaders(command(), nowMs() + 6 * 60_000)],
    [
      'a timestamp that is not a number',
      () => ({ ...signedHeaders(command(), nowMs()), 'x-slack-request-timestamp': 'soon' }),
    ],
    [
      'a truncated signature',
      () => {
        const headers = signedHeaders(command(), nowMs());
        return { ...headers, 'x-slack-signature': headers['x-slack-signature']!.slice(0, 20) };
      },
    ],
    [
      'a signature without its timestamp',
      () => without(signedHeaders(command(), nowMs()), 'x-slack-request-timestamp'),
    ],
    [
      'a timestamp without a signature',
      () => without(signedHeaders(command(), nowMs()), 'x-slack-signature'),
    ],
    ['an empty signature', () => ({ ...signedHeaders(command(), nowMs()), 'x-slack-signature': '' })],
    ['a timestamp 301 s old', () => signedHeaders(command(), nowMs() - 301_000)],
    ['a timestamp 301 s in the future', () => signedHeaders(command(), nowMs() + 301_000)],
    [
      'a signature for another timestamp',
      () => ({ ...signedHeaders(command(), nowMs() - 1000), 'x-slack-request-timestamp': stamp(nowMs()) }),
    ],
    [
      'the signature of another request',
      () => ({
        ...signedHeaders(command(), nowMs()),
        'x-slack-signature': signedHeaders(command(), nowMs())['x-slack-signature']!,
      }),
    ],
    ['the signature with the v1 prefix', () => swapSignature((sig) => sig.replace('v0=', 'v1='))],
    ['the signature in upper-case hex', () => swapSignature((sig) => `v0=${sig.slice(3).toUpperCase()}`)],
    [
      'one hex digit changed',
      () => swapSignature((sig) => `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`),
    ],
    ['an all-zero signature', () => swapSignature(() => `v0=${'0'.repeat(64)}`)],
    ['the signature twice', () => swapSignature((sig) => `${sig}, ${sig}`)],
    ['a signature made with an empty secret', () => signedHeaders(command(), nowMs(), '')],
    [
      'a negative timestamp',
      () => ({ ...signedHeaders(command(), nowMs()), 'x-slack-request-timestamp': '-1' }),
    ],
    [
      'a timestamp in milliseconds',
      () => ({ ...signedHeaders(command(), nowMs()), 'x-slack-request-timestamp': String(nowMs()) }),
    ],
  ];
  const stamp = (ms: number) => String(Math.floor(ms / 1000));
  const without = (headers: Record<string, string>, name: string) => {
    const { [name]: _, ...rest } = headers;
    return rest;
  };
  /** Signs the body that will be sent, then changes the signature. */
  let current: ReturnType<typeof command> | undefined;
  const swapSignature = (change: (signature: string) => string) => {
    const headers = signedHeaders(current!, nowMs());
    return { ...headers, 'x-slack-signature': change(headers['x-slack-signature']!) };
  };

  it.each(forgeries)('refuses %s with 401 and does nothing', async (_name, headersFor) => {
    const before = await storeFiles();
    const request = command();
    current = request;
    const response = await h.postRaw('/slack/events', request.body, headersFor());
    expect(response.status).toBe(401);
    expect(h.slack.calls).toHaveLength(0);
    expect(await storeFiles()).toBe(before);
  });

  it('refuses a signed request replayed after the five-minute window', async () => {
    const request = command();
    const headers = signedHeaders(request, h.clock.now().getTime());
    h.clock.advance(5 * 60_000 + 1_000);
    const before = await storeFiles();
    expect((await h.postRaw('/slack/events', request.body, headers)).status).toBe(401);
    expect(h.slack.calls).toHaveLength(0);
    expect(await storeFiles()).toBe(before);
  });

  it('refuses a body changed after signing', async () => {
    const request = command();
    const headers = signedHeaders(request, h.clock.now().getTime());
    const tampered = request.body.replace(SLACK_USERS.alex.id, SLACK_USERS.adele.id);
    expect((await h.postRaw('/slack/events', tampered, headers)).status).toBe(401);
    expect(h.slack.calls).toHaveLength(0);
  });

  it('accepts a request within the five-minute window', async () => {
    const request = command();
    const response = await h.postRaw(
      '/slack/events',
      request.body,
      signedHeaders(request, h.clock.now().getTime() - 4 * 60_000),
    );
    await h.bot.deps.work.settled();
    expect(response.status).toBe(200);
    expect(h.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('ignores an exact replay of a signed request', async () => {
    const request = command();
    const headers = signedHeaders(request, h.clock.now().getTime());
    expect((await h.postRaw('/slack/events', request.body, headers)).status).toBe(200);
    await h.bot.deps.work.settled();
    expect((await h.postRaw('/slack/events', request.body, headers)).status).toBe(200);
    await h.bot.deps.work.settled();
    expect(h.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('handles a Slack retry of a submission it already processed only once', async () => {
    await slash(h, SLACK_USERS.alex);
    const welcome = lastModal(h);
    await pressInModal(
      h,
      SLACK_USERS.alex,
      welcome,
      button(welcome.blocks, 'riskcheck.start').actionId,
      '{}',
    );
    const first = lastModal(h);
    const submission = viewSubmission({
      user: SLACK_USERS.alex,
      view: {
        id: first.id,
        callback_id: 'riskcheck.modal',
        private_metadata: first.private_metadata,
        state: { values: {} },
      },
    });
    const original = await h.postSlack(submission);
    expect(original.status).toBe(200);
    const session = await h.bot.deps.store.getSession(metadataOf(first).sessionId);
    h.clock.advance(60_000);
    const retry = await h.postSlack(submission, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    expect(retry.body ?? '').toBe('');
    expect(await h.bot.deps.store.getSession(metadataOf(first).sessionId)).toEqual(session);
  });

  it('never creates two outcomes or two posts when Submit is retried', async () => {
    await slash(h, SLACK_USERS.alex, 'link gph', 'C0GPHDEC1');
    await slash(h, SLACK_USERS.alex);
    const welcome = lastModal(h);
    await pressInModal(
      h,
      SLACK_USERS.alex,
      welcome,
      button(welcome.blocks, 'riskcheck.start').actionId,
      '{}',
    );
    let modal = lastModal(h);
    while (metadataOf(modal).view === 'questionStep') {
      const next = await submitModal(h, SLACK_USERS.alex, modal, { department: 'gph' });
      modal = { ...next.body.view, id: modal.id };
    }
    const submit = viewSubmission({
      user: SLACK_USERS.alex,
      view: {
        id: modal.id,
        callback_id: 'riskcheck.modal',
        private_metadata: modal.private_metadata,
        state: { values: {} },
      },
    });
    await h.postSlack(submit);
    await h.postSlack(submit, { 'x-slack-retry-num': '1' });
    // A second, separate click on an old review modal (new trigger id) must not submit twice either.
    await h.postSlack(
      viewSubmission({
        user: SLACK_USERS.alex,
        view: {
          id: modal.id,
          callback_id: 'riskcheck.modal',
          private_metadata: modal.private_metadata,
          state: { values: {} },
        },
      }),
    );
    const posts = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0GPHDEC1');
    expect(posts).toHaveLength(1);
    expect(await h.bot.deps.store.listAssessmentsBySubmitter(`slack:${SLACK_USERS.alex.id}`)).toHaveLength(1);
  });

  it('refuses someone pressing buttons in another user’s risk check', async () => {
    await slash(h, SLACK_USERS.alex);
    const welcome = lastModal(h);
    await pressInModal(
      h,
      SLACK_USERS.alex,
      welcome,
      button(welcome.blocks, 'riskcheck.start').actionId,
      '{}',
    );
    const alexModal = lastModal(h);
    const before = await storeFiles();
    const save = button(alexModal.blocks, 'riskcheck.save');
    await pressInModal(h, SLACK_USERS.lynne, alexModal, save.actionId, save.value, { title: 'Hijacked' });
    expect(JSON.stringify(lastModal(h).blocks)).toMatch(/belongs to someone else/);
    expect(await storeFiles()).toBe(before);
  });

  it('answers malformed interaction payloads without crashing', async () => {
    for (const body of [
      'payload=%7Bnot-json',
      'payload=%5B1%2C2%5D',
      'payload=%7B%22type%22%3A%22block_actions%22%7D',
      '',
    ]) {
      const request = { body, contentType: 'application/x-www-form-urlencoded' };
      const response = await h.postRaw(
        '/slack/events',
        body,
        signedHeaders(request, h.clock.now().getTime()),
      );
      await h.bot.deps.work.settled();
      expect(response.status).toBe(400);
    }
    expect((await slash(h, SLACK_USERS.alex)).status).toBe(200);
  });

  it('refuses a body whose content type Bolt would not read as a form, and a field sent twice', async () => {
    const before = await storeFiles();
    const valid = command();
    const charset = { ...valid, contentType: 'application/x-www-form-urlencoded; charset=utf-8' };
    expect((await h.postSlack(charset)).status).toBe(400);
    const twice = { ...valid, body: `${valid.body}&user_id=U0SOMEONE` };
    expect((await h.postSlack(twice)).status).toBe(400);
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
    expect(await storeFiles()).toBe(before);
    expect((await h.postSlack(command())).status).toBe(200);
  });

  it('acknowledges at once, and ignores, what is not riskcheck’s: buttons, modals, a closed modal', async () => {
    const before = await storeFiles();
    const user = SLACK_USERS.alex;
    const payload = (p: Record<string, unknown>) => ({
      body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    const someoneElses = [
      blockAction({ user, actionId: 'other_app.approve', value: '{}' }),
      viewSubmission({ user, view: { id: 'V0OTHER', callback_id: 'other_app.form', state: { values: {} } } }),
      payload({
        type: 'view_closed',
        user: { id: user.id },
        view: { id: 'V0OTHER', callback_id: 'riskcheck.modal' },
      }),
    ];
    for (const request of someoneElses)
      expect(await h.postSlack(request)).toEqual({ status: 200, body: undefined });
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
    expect(await storeFiles()).toBe(before);
  });

  it('answers the Events API url_verification challenge', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'challenge-123', type: 'url_verification' });
    const response = await h.postSlack({ body, contentType: 'application/json' });
    expect(response).toEqual({ status: 200, body: { challenge: 'challenge-123' } });
  });

  it('refuses oversized bodies with 413', async () => {
    const request = { body: `text=${'x'.repeat(300_000)}`, contentType: 'application/x-www-form-urlencoded' };
    const response = await h.postRaw(
      '/slack/events',
      request.body,
      signedHeaders(request, h.clock.now().getTime()),
    );
    expect(response.status).toBe(413);
  });

  it('ignores block actions from a user id that is not a Slack member id', async () => {
    const forged = blockAction({
      user: { id: 'alex', name: 'alex' },
      actionId: 'riskcheck.start',
      value: '{}',
    });
    expect((await h.postSlack(forged)).status).toBe(200);
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });
});
