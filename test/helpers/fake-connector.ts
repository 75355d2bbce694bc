/**
 * A fake Bot Framework connector on 127.0.0.1: records every activity the bot sends (replies,
 * proactive posts, updates) and answers like the real service, so tests assert on what reached
 * Teams.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  conversationId: string;
  /** Set for replies (POST …/activities/:id) and updates (PUT …/activities/:id). */
  activityId?: string;
  kind: 'post' | 'reply' | 'update';
  activity: Record<string, unknown>;
  authorization?: string;
}

export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  /** Card content of the attachments sent in a call. */
  cardsOf(call: ConnectorCall): Record<string, unknown>[];
  /** Calls made to one conversation. */
  callsTo(conversationId: string): ConnectorCall[];
  /** The next `count` requests get this status (e.g. 403 for "bot not in roster", 429 with Retry-After). */
  failNext(status: number, count?: number, body?: unknown, headers?: Record<string, string>): void;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeConnectorOptions {
  /**
   * false: answer without keeping the calls (`calls` stays empty). The benchmark posts thousands
   * of cards a second; keeping them all grew its own heap by about 100 MB per run, and its GC
   * pauses then showed up as riskcheck's latency.
   */
  record?: boolean;
}

export async function startFakeConnector({
  record = true,
}: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: { status: number; body: unknown; headers: Record<string, string> }[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(req.url ?? '');
    const failure = failures.shift();
    if (failure) {
      res
        .writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers })
        .end(JSON.stringify(failure.body));
      return;
    }
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const kind = req.method === 'PUT' ? 'update' : activityId ? 'reply' : 'post';
    if (record)
      calls.push({
        method: req.method ?? '',
        conversationId,
        ...(activityId ? { activityId } : {}),
        kind,
        activity: body as Record<string, unknown>,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
    const id = kind === 'update' ? activityId : `activity-${++counter}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    cardsOf: (call) =>
      ((call.activity.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map(
        (a) => a.content,
      ),
    callsTo: (conversationId) => calls.filter((c) => c.conversationId === conversationId),
    failNext: (
      status,
      count = 1,
      body = { error: { code: 'Failure', message: 'fake failure' } },
      headers = {},
    ) => {
      for (let i = 0; i < count; i++) failures.push({ status, body, headers });
    },
    reset: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { unparsable: text };
  }
}
