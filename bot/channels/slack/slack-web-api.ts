/**
 * A small Slack Web API client for the few methods riskcheck calls (views.open/update,
 * chat.postMessage/update/postEphemeral, auth.test): one JSON POST over a keep-alive agent.
 * @slack/web-api's WebClient costs about four times the CPU per call (measured: ~1.7–2.4 ms
 * against ~0.45 ms), because it deep-copies and stringifies every body and response for debug
 * logs even when they are off, and runs each call through fetch, p-queue and p-retry. Errors are
 * the WebClient's own classes, so callers (retry-after handling, error summaries) see no
 * difference. Like our WebClient settings: a total timeout, no automatic retries (a call the
 * server may have acted on is never sent twice; only one that a closing pooled connection kept
 * from reaching it is), and a 429 is thrown with `retryAfter` instead of waited out.
 */
import http from 'node:http';
import https from 'node:https';
import { webApi } from '@slack/bolt';

export const SLACK_API_URL = 'https://slack.com/api/';

/** The subset of WebClient riskcheck uses; a WebClient satisfies it too. */
export interface SlackWebApi {
  auth: { test(): Promise<webApi.AuthTestResponse> };
  views: {
    open(args: webApi.ViewsOpenArguments): Promise<webApi.ViewsOpenResponse>;
    update(args: webApi.ViewsUpdateArguments): Promise<webApi.ViewsUpdateResponse>;
  };
  chat: {
    postMessage(args: webApi.ChatPostMessageArguments): Promise<webApi.ChatPostMessageResponse>;
    update(args: webApi.ChatUpdateArguments): Promise<webApi.ChatUpdateResponse>;
    postEphemeral(args: webApi.ChatPostEphemeralArguments): Promise<webApi.ChatPostEphemeralResponse>;
  };
}

export interface SlackWebApiOptions {
  token: string;
  /** Base URL ending in `/api/`; a fake Web API in tests and benchmarks. */
  apiUrl?: string;
  /** The whole call, connection to last byte. */
  timeoutMs: number;
}

/** Like WebClient's default `maxRequestConcurrency`: more calls wait for a free connection. */
const MAX_SOCKETS = 100;

/**
 * How long an idle connection is kept for the next call: Node's own global agent's default. A
 * server closes idle keep-alive connections on its own clock, and a call sent on one just as it
 * does fails (ECONNRESET); closing them first, and a second before the time a server announces
 * in its `Keep-Alive` header (Node does that once an agent has a timeout), makes that rare.
 */
const IDLE_SOCKET_MS = 5000;

/**
 * Errors of a call on a pooled connection that the server had closed before the call reached
 * it: Node's documentation advises sending such a request again, once, on a new connection.
 */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE']);

export function createSlackWebApi(options: SlackWebApiOptions): SlackWebApi {
  const base = options.apiUrl || SLACK_API_URL;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const transport = new URL(prefix).protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, timeout: IDLE_SOCKET_MS });
  const authorization = `Bearer ${options.token}`;

  function call<R>(method: string, args: object | undefined): Promise<R> {
    const url = `${prefix}${method}`;
    // Slack takes JSON for every method used here; auth.test has no arguments at all.
    const body = args ? JSON.stringify(args) : '';
    const headers = {
      authorization,
      'content-type': args ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'user-agent': 'riskcheck',
    };
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      let current: http.ClientRequest;
      const succeed = (result: () => R) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        try {
          resolve(result());
        } catch (error) {
          reject(error);
        }
      };
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        current.destroy();
        reject(asSlackError(error));
      };
      const send = (resent: boolean): http.ClientRequest => {
        let answered = false;
        const request = transport.request(url, { method: 'POST', agent, headers }, (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('close', () => {
            if (!response.complete)
              fail(new Error('the Slack Web API connection closed before the whole answer'));
          });
          response.on('end', () =>
            succeed(() => resultOf(response, Buffer.concat(chunks).toString('utf8'), url) as R),
          );
        });
        request.on('error', (error: NodeJS.ErrnoException) => {
          // The server closed a pooled connection as this call went out on it: it never saw the
          // call (it would have answered), so sending it again cannot post anything twice.
          const stale = request.reusedSocket && STALE_CONNECTION_CODES.has(error.code ?? '');
          if (stale && !resent && !answered && !settled) current = send(true);
          else fail(error);
        });
        request.end(body);
        return request;
      };
      // One deadline for the call, a resend included.
      const timer = setTimeout(
        () => fail(new Error(`no answer from the Slack Web API within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      current = send(false);
    });
  }

  return {
    auth: { test: () => call('auth.test', undefined) },
    views: {
      open: (args) => call('views.open', args),
      update: (args) => call('views.update', args),
    },
    chat: {
      postMessage: (args) => call('chat.postMessage', args),
      update: (args) => call('chat.update', args),
      postEphemeral: (args) => call('chat.postEphemeral', args),
    },
  };
}

/** What WebClient would return or throw for this response. */
function resultOf(response: http.IncomingMessage, text: string, url: string): webApi.WebAPICallResult {
  const status = response.statusCode ?? 0;
  const retryAfter = retryAfterOf(response.headers['retry-after']);
  if (status === 429) {
    if (retryAfter !== undefined) throw new webApi.WebAPIRateLimitedError(retryAfter);
    throw new Error(
      `Retry header did not contain a valid timeout (url: ${url}, retry-after header: ${response.headers['retry-after']})`,
    );
  }
  if (status !== 200)
    throw new webApi.WebAPIHTTPError(
      status,
      response.statusMessage ?? '',
      response.headers as Record<string, string>,
      text,
    );
  type Result = webApi.WebAPICallResult & { error?: string };
  let data: Result;
  try {
    data = JSON.parse(text) as Result;
  } catch {
    data = { ok: false, error: text };
  }
  if (!data || typeof data !== 'object') data = { ok: false, error: text };
  data.response_metadata ??= {};
  if (retryAfter !== undefined) data.response_metadata.retryAfter = retryAfter;
  if (!data.ok) throw new webApi.WebAPIPlatformError(data as Result & { error: string });
  return data;
}

function retryAfterOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const seconds = Number.parseInt(value, 10);
  return Number.isNaN(seconds) ? undefined : seconds;
}

function asSlackError(error: unknown): Error {
  if (error instanceof webApi.SlackError) return error;
  return new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
}
