/**
 * Baseline: an echo app on Bolt with its own ExpressReceiver and signature verification. The
 * slash command acks with text; buttons and modal submissions are acked, so it receives exactly
 * the requests riskcheck's Slack journey sends.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { serveCommands } from '../lib/ipc.js';

const signingSecret = process.env.BENCH_SIGNING_SECRET ?? '';
const receiver = new ExpressReceiver({
  signingSecret,
  endpoints: '/slack/events',
  logLevel: process.env.BOLT_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR,
});
const app = new App({
  receiver,
  token: 'xoxb-bench',
  // Known ids: otherwise Bolt calls auth.test on Slack before it can handle the first request.
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
  tokenVerificationEnabled: false,
  logLevel: process.env.BOLT_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR,
});
app.command('/riskcheck', async ({ ack, command }) => ack({ text: `You said: ${command.text}` }));
app.action(/.*/, async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());

const server: Server = receiver.app.listen(0, '127.0.0.1', () => {
  serveCommands(
    { port: (server.address() as AddressInfo).port },
    {
      close: () => {
        server.closeAllConnections();
        server.close();
        setImmediate(() => process.exit(0));
      },
    },
  );
});
