/**
 * `npm run build` ships one esbuild bundle (scripts/bundle.ts), not the modules the other tests
 * run through tsx. A dependency that only breaks once bundled (a dynamic require, a file read
 * beside its module) would pass every other test and fail in production, so this builds the
 * bundle with the same options, starts it as a process, and drives a Teams risk check to its
 * posted outcome and a Slack command to its modal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/bundle.js';
import { httpPoster } from '../helpers/bot-harness.js';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { textOf } from '../helpers/card-reader.js';
import { type FakeConnector, startFakeConnector } from '../helpers/fake-connector.js';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  SLACK_USERS,
  signedHeaders,
  slashCommand,
} from '../helpers/slack-requests.js';
import { GPH_CHANNEL, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel, type TeamsServer } from '../helpers/teams-journey.js';

let dir: string;
let connector: FakeConnector;
let slack: FakeSlackApi;
let bot: BotProcess;
let server: TeamsServer & ReturnType<typeof httpPoster>;
/** Every source file the bundle holds. */
let bundled: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'riskcheck-bundle-'));
  const { metafile } = await build({
    ...bundleOptions({ main: 'bot/main.ts' }, join(dir, 'bot')),
    logLevel: 'error',
    metafile: true,
  });
  bundled = Object.keys(metafile.inputs);
  connector = await startFakeConnector();
  slack = await startFakeSlackApi();
  bot = startBotProcess([join(dir, 'bot', 'main.js')], {
    PORT: '0',
    RISKCHECK_DATA_DIR: join(dir, 'data'),
    RISKCHECK_REMINDER_SWEEP: 'off',
    SLACK_ENABLED: 'true',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  const listening = /listening on (http:\/\/[\d.:]+)/;
  const url = listening.exec(await bot.printed(listening))?.[1] as string;
  server = { connector, ...httpPoster(() => url) };
}, 60_000);

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await connector?.close();
  await slack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the production bundle', () => {
  it('runs a Teams risk check from Start to the outcome posted in the department channel', async () => {
    expect((await linkGphChannel(server)).status).toBe(200);
    const { outcomeCard } = await completeRiskcheck(server, USERS.megan, {});
    expect(textOf(outcomeCard)).toMatch(/submitted/i);
    const posted = connector.callsTo(GPH_CHANNEL).filter((call) => call.kind === 'post');
    expect(posted.map((call) => textOf(connector.cardsOf(call))).join('\n')).toMatch(/Megan Bowen/);
  });

  it("leaves out Bolt's Socket Mode client, which riskcheck does not use", () => {
    expect(bundled.some((file) => file.includes('node_modules/@slack/bolt/'))).toBe(true);
    expect(bundled.filter((file) => /node_modules\/(@slack\/socket-mode|undici)\//.test(file))).toEqual([]);
  });

  it('answers a signed Slack slash command by opening the riskcheck modal', async () => {
    const request = slashCommand({ user: SLACK_USERS.megan, responseUrl: slack.responseUrl('slash') });
    const response = await server.postRaw('/slack/events', request.body, signedHeaders(request, Date.now()));
    expect(response.status).toBe(200);
    await expect.poll(() => slack.callsTo('views.open').length, { timeout: 10_000 }).toBe(1);
    expect(slack.callsTo('views.open')[0]?.args.view?.type).toBe('modal');
  });
});
