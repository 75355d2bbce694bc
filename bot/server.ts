/**
 * The one HTTP server: `/api/messages` for Teams, `/slack/events` for Slack, `/healthz` for
 * probes; one process and one store serve both platforms. Malformed or oversized bodies get a
 * 4xx with a short JSON reason, never a stack trace.
 *
 * Each platform's channel is imported only when that platform is enabled (in the production
 * bundle, its own chunk), so an installation serving one platform does not pay for the other's
 * SDK: the Agents SDK with the card templating, and Bolt, each cost tens of MB and a few hundred
 * ms of start-up once loaded (docs/benchmarks.md, findings 16 and 17).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from './app/app-deps.js';
import type { RuntimeConfig } from './config/runtime-config.js';
import { createExportRouter } from './data-care/export-routes.js';
import { cleanForLog } from './logger.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function createHttpApp(
  deps: AppDeps,
  runtime: Pick<RuntimeConfig, 'mode' | 'teams' | 'slack'>,
): Promise<express.Express> {
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every response body for an ETag by default; nothing here is ever fetched
  // conditionally (bot replies are POST answers), so that is a SHA-1 per turn for nothing.
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    const about = {
      mode: runtime.mode,
      questionnaire: `${deps.questionnaire.id}@${deps.questionnaire.version}`,
    };
    const health = deps.store.health();
    // 503 once the store refuses to save (a failed disk write, a lost lock): a probe restarts the
    // bot, which reads its files afresh, instead of users meeting an error on every answer.
    if (!health.ok) res.status(503).json({ status: 'failing', problem: health.problem, ...about });
    else res.json({ status: 'ok', ...about });
  });
  // Slack comes first: its signature covers the raw body, which a JSON parser would consume.
  if (runtime.slack.enabled) {
    const { createSlackChannel } = await import('./channels/slack/slack-routes.js');
    app.use(createSlackChannel(deps, runtime.slack));
  }
  if (runtime.teams.enabled) {
    const { createTeamsChannel } = await import('./channels/teams/teams-routes.js');
    app.use('/api/messages', express.json({ limit: '256kb' }));
    app.use(createTeamsChannel(deps, runtime.teams.credentials).router);
  }
  app.use(createExportRouter(deps, runtime));
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = httpStatusOf(error);
    if (status >= 500)
      deps.logger.error(
        { err: cleanForLog(error instanceof Error ? error.message : String(error), 300) },
        'request failed',
      );
    if (!res.headersSent)
      res.status(status).json({ error: status >= 500 ? 'Internal error' : 'Bad request' });
  });
  return app;
}

export async function listen(app: express.Express, host: string, port: number): Promise<RunningServer> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function httpStatusOf(error: unknown): number {
  const candidate = (error as { status?: unknown; statusCode?: unknown } | undefined) ?? {};
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 600) return status;
  // The Agents SDK throws a TypeError for activities it cannot read (e.g. no body), and its own
  // zod's ZodError for an activity of the wrong shape (e.g. `from` not an object).
  if (error instanceof TypeError || error instanceof SyntaxError) return 400;
  if (error instanceof Error && error.name === 'ZodError') return 400;
  return 500;
}
