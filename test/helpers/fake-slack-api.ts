/**
 * A fake Slack Web API on 127.0.0.1: records every call the bot makes (views.open/push/update,
 * chat.postMessage/update/postEphemeral) and the messages sent to response_url, answering like
 * Slack does, with failures that can be injected per method.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
  /** What the fake answered (e.g. the view id it assigned, the message ts). */
  result?: Record<string, any>;
}

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` (ends with /api/). */
  apiUrl: string;
  /** A response_url the fake accepts: `${url}/respond/<name>`. */
  responseUrl(name: string): string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  responses: { name: string; body: any }[];
  /** The next call to `method` answers with this HTTP status / Slack error. */
  failNext(method: string, failure: { status?: number; error?: string; retryAfter?: number }): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const responses: { name: string; body: any }[] = [];
  const failures = new Map<string, { status?: number; error?: string; retryAfter?: number }[]>();
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    const url = req.url ?? '';
    const respond = /^\/respond\/([^/?]+)/.exec(url);
    if (respond) {
      responses.push({ name: respond[1] ?? '', body: safeJson(text) });
      res.writeHead(200).end('ok');
      return;
    }
    const method = /^\/api\/([a-zA-Z.]+)/.exec(url)?.[1] ?? '';
    const args = parseArgs(text, req.headers['content-type']);
    const call: SlackCall = { method, args };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    if (failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      res
        .writeHead(failure.status ?? 200, headers)
        .end(JSON.stringify({ ok: false, error: failure.error ?? 'fatal_error' }));
      return;
    }
    const ts = `1790000000.${String(++counter).padStart(6, '0')}`;
    const body = answer(method, args, ts, counter);
    call.result = body;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name) => `${base}/respond/${name}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responses,
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    reset: () => {
      calls.length = 0;
      responses.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(method: string, args: Record<string, any>, ts: string, n: number): Record<string, unknown> {
  if (method.startsWith('views.'))
    return { ok: true, view: { ...(args.view ?? {}), id: args.view_id ?? `V${n}` } };
  if (method === 'chat.postMessage') return { ok: true, channel: args.channel, ts };
  if (method === 'chat.update') return { ok: true, channel: args.channel, ts: args.ts };
  if (method === 'chat.postEphemeral') return { ok: true, message_ts: ts };
  return { ok: true };
}

function parseArgs(text: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return (safeJson(text) as Record<string, any>) ?? {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The Web API client sends nested objects (view, blocks) JSON-encoded inside the form.
    args[key] = value.startsWith('{') || value.startsWith('[') ? (safeJson(value) ?? value) : value;
  }
  return args;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
