/**
 * Child process for test/protocol/platform-modules.test.ts: starts riskcheck with the platforms
 * named in argv[2] ('teams', 'slack' or 'both'), POSTs an empty body to each platform's route,
 * and prints which of the platform SDK packages the process has loaded (all three are CommonJS,
 * so Node's CommonJS cache lists them however they were imported) and the routes' statuses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pino } from 'pino';
import { startRiskcheck } from '../../bot/start.js';
import { localRuntime } from './local-runtime.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';

const PLATFORM_PACKAGES = ['@microsoft/agents-hosting', '@slack/bolt', 'adaptivecards-templating'];

const which = process.argv[2] ?? 'both';
const dataDir = await mkdtemp(join(tmpdir(), 'riskcheck-platforms-'));
const bot = await startRiskcheck({
  runtime: localRuntime(dataDir, {
    teams: { enabled: which !== 'slack' },
    slack:
      which === 'teams'
        ? { enabled: false }
        : // Nothing listens on port 9: no Slack Web API call is made here.
          {
            enabled: true,
            signingSecret: SIGNING_SECRET,
            botToken: BOT_TOKEN,
            apiUrl: 'http://127.0.0.1:9/api/',
          },
  }),
  logger: pino({ level: 'silent' }),
});
const status = async (path: string) =>
  (await fetch(`${bot.url}${path}`, { method: 'POST', body: '{}' })).status;
const routes = { teams: await status('/api/messages'), slack: await status('/slack/events') };
await bot.close();
await rm(dataDir, { recursive: true, force: true });

const loadedFiles = Object.keys(createRequire(import.meta.url).cache);
const loaded = PLATFORM_PACKAGES.filter((name) =>
  loadedFiles.some((file) => file.includes(`${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`)),
);
process.stdout.write(`${JSON.stringify({ loaded, routes })}\n`);
