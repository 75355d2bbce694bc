/**
 * Baseline: an echo bot on the same Agents SDK stack as riskcheck (express, authorizeJWT in
 * anonymous development mode, CloudAdapter). A message is echoed through the connector, an
 * invoke is answered in the response, so it receives exactly the requests riskcheck receives.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuthConfiguration,
  authorizeJWT,
  CloudAdapter,
  type TurnContext,
} from '@microsoft/agents-hosting';
import express from 'express';
import { serveCommands } from '../lib/ipc.js';

const authConfig: AuthConfiguration = {};
const adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: false });

async function onTurn(context: TurnContext): Promise<void> {
  const activity = context.activity;
  if (activity.type === 'message') {
    await context.sendActivity(`You said: ${activity.text ?? ''}`);
  } else if (activity.type === 'invoke') {
    const verb = (activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
    await context.sendActivity({
      type: 'invokeResponse',
      value: {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: `You pressed ${verb}`,
        },
      },
    } as never);
  }
}

const app = express();
app.use('/api/messages', express.json({ limit: '256kb' }));
app.post('/api/messages', authorizeJWT(authConfig) as never, async (req, res) => {
  await adapter.process(req as never, res as never, onTurn);
});

const server: Server = app.listen(0, '127.0.0.1', () => {
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
