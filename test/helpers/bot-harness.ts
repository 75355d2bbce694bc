/**
 * Starts the real riskcheck server on a free loopback port with a temporary lowdb store, the
 * example organisation, a fake clock and a fake Teams connector, and sends it activities over
 * HTTP exactly as the Bot Framework would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { RuntimeConfig } from '../../bot/config/runtime-config.js';
import { type Riskcheck, startRiskcheck } from '../../bot/start.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { type FakeConnector, startFakeConnector } from './fake-connector.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { APP_ID, CLIENT_SECRET, type JwtIssuer } from './jwt-issuer.js';
import { localRuntime } from './local-runtime.js';
import { BOT_TOKEN, SIGNING_SECRET, type SlackRequest, signedHeaders } from './slack-requests.js';

export interface HttpResult {
  status: number;
  body: any;
}

export interface Harness {
  bot: Riskcheck;
  connector: FakeConnector;
  slack: FakeSlackApi;
  /**
   * Sends a Slack request signed for the harness clock's current time and waits until the work
   * the bot does after acknowledging it has finished.
   */
  postSlack(request: SlackRequest, headers?: Record<string, string>): Promise<HttpResult>;
  clock: FakeClock;
  dataDir: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  postRaw(path: string, raw: string, headers?: Record<string, string>): Promise<HttpResult>;
  /** Stops the server and starts it again on the same data dir (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<RuntimeConfig> {
  /**
   * Production-like Teams: mode 'production', the app credentials, and the token authority at
   * this local issuer, so every request must carry a token it signed. Still on 127.0.0.1.
   */
  teamsAuth?: JwtIssuer;
  /** Where the bot logs; silent unless a test wants to read the log lines. */
  logger?: Logger;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { teamsAuth, logger = pino({ level: 'silent' }), ...overrides } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'riskcheck-test-'));
  const connector = await startFakeConnector();
  const slack = await startFakeSlackApi();
  const clock = createFakeClock();
  const runtime = localRuntime(dataDir, {
    slack: { enabled: true, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: slack.apiUrl },
    ...(teamsAuth
      ? {
          mode: 'production',
          teams: {
            enabled: true,
            credentials: {
              clientId: APP_ID,
              clientSecret: CLIENT_SECRET,
              tenantId: teamsAuth.tenantId,
              authority: teamsAuth.authority,
            },
          },
        }
      : {}),
    ...overrides,
  });
  const start = () => startRiskcheck({ runtime, clock, logger });
  const harness: Harness = {
    bot: await start(),
    connector,
    slack,
    clock,
    dataDir,
    async postSlack(request, headers) {
      const response = await harness.postRaw('/slack/events', request.body, {
        ...signedHeaders(request, clock.now().getTime()),
        ...headers,
      });
      await harness.bot.deps.work.settled();
      return response;
    },
    ...httpPoster(() => harness.bot.url),
    async restart() {
      await harness.bot.close();
      harness.bot = await start();
    },
    async close() {
      await harness.bot.close();
      await connector.close();
      await slack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** `post` and `postRaw` to a server at `baseUrl()` (asked on each call: a restart changes it). */
export function httpPoster(baseUrl: () => string): Pick<Harness, 'post' | 'postRaw'> {
  const postRaw: Harness['postRaw'] = async (path, raw, headers = { 'content-type': 'application/json' }) => {
    const response = await fetch(`${baseUrl()}${path}`, { method: 'POST', body: raw, headers });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text so the test can show it.
    }
    return { status: response.status, body };
  };
  return {
    postRaw,
    post: (path, body, headers) =>
      postRaw(path, JSON.stringify(body), { 'content-type': 'application/json', ...headers }),
  };
}
