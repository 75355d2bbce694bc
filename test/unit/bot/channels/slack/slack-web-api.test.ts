import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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

  describe('pooled connections the server closes', () => {
    /**
     * A server that answers the first request of each connection and treats what comes next as
     * `onLater` says: `drop` closes the connection without a word, as a server closing an idle
     * keep-alive connection does when a request crosses its close.
     */
    async function server(onLater: 'answer' | 'drop', dropFirstOfNewConnections = false) {
      const seen: { connection: number; index: number }[] = [];
      let connections = 0;
      const srv: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
        const socket = req.socket as Socket & { riskcheckConnection?: number; requests?: number };
        socket.riskcheckConnection ??= ++connections;
        socket.requests = (socket.requests ?? 0) + 1;
        seen.push({ connection: socket.riskcheckConnection, index: socket.requests });
        req.resume();
        req.on('end', () => {
          const first = socket.requests === 1;
          const drop = first ? dropFirstOfNewConnections && seen.length > 1 : onLater === 'drop';
          if (drop) socket.destroy();
          else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        });
      });
      await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
      const { port } = srv.address() as AddressInfo;
      const client = createSlackWebApi({
        token: 't',
        apiUrl: `http://127.0.0.1:${port}/api/`,
        timeoutMs: 2000,
      });
      const close = async () => {
        srv.closeAllConnections();
        await new Promise((resolve) => srv.close(resolve));
      };
      return { srv, seen, client, close };
    }

    it('sends a call again, once, on a new connection when a reused one was closed under it', async () => {
      const { seen, client, close } = await server('drop');
      try {
        expect((await client.auth.test()).ok).toBe(true);
        // Goes out on the pooled connection, which the server closes: resent on a new one.
        expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
        expect(seen).toEqual([
          { connection: 1, index: 1 },
          { connection: 1, index: 2 },
          { connection: 2, index: 1 },
        ]);
      } finally {
        await close();
      }
    });

    it('does not send a call again when a new connection fails, nor a second time', async () => {
      const { seen, client, close } = await server('drop', true);
      try {
        expect((await client.auth.test()).ok).toBe(true);
        // Dropped on the pooled connection, resent, dropped again on the new one: given up.
        const error = await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(webApi.WebAPIRequestError);
        expect(seen).toHaveLength(3);
        // A fresh connection that fails is not retried: the server may have acted on the call.
        const fresh = await client.chat.postMessage({ channel: 'C1', text: 'y' }).catch((e: unknown) => e);
        expect(fresh).toBeInstanceOf(webApi.WebAPIRequestError);
        expect(seen).toHaveLength(4);
      } finally {
        await close();
      }
    });

    it('closes an idle connection a second before the server said it would', async () => {
      const { srv, client, close } = await server('answer');
      // The server announces `Keep-Alive: timeout=2` and would close the connection itself after
      // 2 s; a client that ignores the hint leaves it to the server, and risks the race above.
      srv.keepAliveTimeout = 2000;
      const closedBy = new Promise<'client' | 'server'>((resolve) => {
        srv.once('connection', (socket: Socket) => {
          socket.once('end', () => resolve('client'));
          socket.once('close', () => resolve('server'));
        });
      });
      try {
        expect((await client.auth.test()).ok).toBe(true);
        expect(await closedBy).toBe('client');
      } finally {
        await close();
      }
    });
  });
});
