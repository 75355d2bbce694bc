import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackWebApi } from '../../../../../bot/channels/slack/slack-web-api.js';
import { retryAfterMsOf } from '../../../../../bot/reminders/retry-policy.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../../../helpers/fake-slack-api.js';

describe('Slack Web API client', () => {
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
  });
  afterAll(async () => slack.close());
  beforeEach(() => slack.reset());

  const api = () => createSlackWebApi({ token: 'xoxb-test', apiUrl: slack.apiUrl, timeoutMs: 2000 });

  it('posts the arguments as JSON and returns what Slack answered', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'T' }, blocks: [] };
    const opened = await api().views.open({ trigger_id: '1.2.abc', view });
    expect(opened.ok).toBe(true);
    expect(slack.calls).toEqual([
      expect.objectContaining({ method: 'views.open', args: { trigger_id: '1.2.abc', view } }),
    ]);
    const posted = await api().chat.postMessage({ channel: 'C0123', text: 'hello & <you>' });
    expect(posted.ts).toMatch(/^\d+\.\d+$/);
    expect(slack.callsTo('chat.postMessage')[0]?.args).toEqual({ channel: 'C0123', text: 'hello & <you>' });
    expect((await api().auth.test()).ok).toBe(true);
  });

  it('throws the WebClient’s platform error for ok: false', async () => {
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const error = await api()
      .chat.postMessage({ channel: 'C0123', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
    expect(error).toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      message: 'An API error occurred: channel_not_found',
      data: { ok: false, error: 'channel_not_found' },
    });
  });

  it('throws a rate-limit error carrying Retry-After for a 429', async () => {
    slack.failNext('chat.update', { status: 429, error: 'ratelimited', retryAfter: 30 });
    const error = await api()
      .chat.update({ channel: 'C0123', ts: '1.2', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(retryAfterMsOf(error)).toBe(30_000);
  });

  it('throws an HTTP error for other statuses', async () => {
    slack.failNext('views.update', { status: 502 });
    const error = await api()
      .views.update({
        view_id: 'V1',
        view: { type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIHTTPError);
    expect(error).toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 502 });
  });

  it('gives up after the timeout with a request error, and on a refused connection', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const slow = createSlackWebApi({ token: 't', apiUrl: `http://127.0.0.1:${port}/api`, timeoutMs: 100 });
      const error = await slow.auth.test().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(webApi.WebAPIRequestError);
      expect(error).toMatchObject({ code: webApi.ErrorCode.RequestError });
      expect((error as Error).message).toMatch(/within 100 ms/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
    const refused = createSlackWebApi({
      token: 't',
      apiUrl: `http://127.0.0.1:${port}/api/`,
      timeoutMs: 1000,
    });
    await expect(refused.auth.test()).rejects.toBeInstanceOf(webApi.WebAPIRequestError);
  });
});
