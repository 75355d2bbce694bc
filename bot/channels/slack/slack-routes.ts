/**
 * `/slack/events` on the shared express server: our verification, parsing and deduplication
 * guard, then Bolt's ExpressReceiver request handler with the riskcheck handlers. The receiver's
 * own route (which would read and parse the body a second time) is never mounted. Our own Web
 * API client (see slack-web-api.ts) has a timeout and no automatic retries, because a retried
 * chat.postMessage whose first response was lost becomes a duplicate post (it only resends a call
 * that never reached Slack); Bolt's own client gets the same settings but is not used.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { type Request, type Response, Router } from 'express';
import { DECISION_MODAL_CALLBACK_ID } from '../../../cards/block-kit/decision-comment-modal.js';
import { DISCUSSION_MODAL_CALLBACK_ID } from '../../../cards/block-kit/discussion-modal.js';
import { MODAL_CALLBACK_ID } from '../../../cards/block-kit/render-slack.js';
import type { AppDeps } from '../../app/app-deps.js';
import type { SlackSettings } from '../../config/runtime-config.js';
import { cleanForLog } from '../../logger.js';
import { blockActionHandler } from './slack-block-actions.js';
import { slashCommandHandler } from './slack-command.js';
import { slackDispatcher } from './slack-dispatch.js';
import { createSlackGateway } from './slack-gateway.js';
import { slackRequestGuard } from './slack-request-guard.js';
import {
  decisionSubmissionHandler,
  discussionSubmissionHandler,
  stepSubmissionHandler,
} from './slack-view-submissions.js';
import { createSlackWebApi } from './slack-web-api.js';

export const SLACK_EVENTS_PATH = '/slack/events';
const WEB_API_TIMEOUT_MS = 10_000;

/** Registers the Slack gateway in `deps.gateways` and returns the router to mount. */
export function createSlackChannel(deps: AppDeps, settings: SlackSettings): Router {
  const { signingSecret, botToken } = settings;
  if (!signingSecret || !botToken) throw new Error('Slack needs a signing secret and a bot token');
  // Bolt registers its body parser and handler on this router, which is left unmounted: the
  // guard below has verified and parsed the body, and hands it to the receiver's handler.
  const receiver = new ExpressReceiver({
    signingSecret,
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
    router: Router(),
    logLevel: LogLevel.ERROR,
  });
  const router = Router();
  router.post(
    SLACK_EVENTS_PATH,
    ...slackRequestGuard({ signingSecret, clock: deps.clock, store: deps.store, logger: deps.logger }),
    async (req: Request, res: Response) => {
      // What Bolt's own route answers before its handler (an ssl_check never passes the guard).
      if (req.body.type === 'url_verification') {
        res.json({ challenge: req.body.challenge });
        return;
      }
      await receiver.requestHandler(req, res);
    },
  );
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    timeout: WEB_API_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    // A 429 is thrown (with retryAfter) instead of waited out inside the request, so the
    // reminder sweeper schedules the retry on its own clock and stays responsive.
    rejectRateLimitedCalls: true,
  };
  const client = createSlackWebApi({
    token: botToken,
    ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
    timeoutMs: WEB_API_TIMEOUT_MS,
  });
  // Bolt with a single token and verification off calls auth.test before EVERY request (measured
  // in the benchmark); ask once and reuse the answer, asking again only after a failure.
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const authorize = async () => {
    identity ??= client.auth
      .test()
      .then((r) => ({
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
      }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
    return { botToken, ...(await identity) };
  };
  // No conversation store: riskcheck keeps its state in its own store, and Bolt's in-memory one
  // would look up (and throw and catch a "not found" error for) every request.
  const app = new App({ receiver, authorize, convoStore: false, logLevel: LogLevel.ERROR, clientOptions });
  const dispatch = slackDispatcher({
    commandName: '/riskcheck',
    command: slashCommandHandler(deps, client),
    button: blockActionHandler(deps, client),
    submissions: new Map([
      [MODAL_CALLBACK_ID, stepSubmissionHandler(deps, client)],
      [DECISION_MODAL_CALLBACK_ID, decisionSubmissionHandler(deps)],
      [DISCUSSION_MODAL_CALLBACK_ID, discussionSubmissionHandler(deps)],
    ]),
  });
  // Handlers go on after ack(); tracking them lets shutdown (and tests) wait for the work.
  app.use(async (args) => {
    await deps.work.track(dispatch(args));
  });
  app.error(async (error) => {
    deps.logger.error(
      { err: cleanForLog(error.message, 300), code: cleanForLog((error as { code?: string }).code, 60) },
      'Slack handler failed',
    );
  });
  deps.gateways.slack = createSlackGateway(client);
  return router;
}
