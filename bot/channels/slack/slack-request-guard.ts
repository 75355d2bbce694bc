/**
 * Express middleware in front of Bolt for `/slack/events`: reads the raw body (size-limited),
 * verifies the signature with the injected clock, refuses payloads of an unknown shape, tells the
 * user when the store cannot save (see RiskcheckStore.health), and answers repeats (a replayed
 * request, a Slack retry of an interaction or event already handled) with 200 without processing
 * them, so nothing is posted twice. The body is parsed once, here: `req.body` is then the parsed
 * payload for the handler that passes it to Bolt.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { renderSlackModal } from '../../../cards/block-kit/render-slack.js';
import { messageView } from '../../../dialogs/views/simple-views.js';
import type { RiskcheckStore } from '../../../storage/store.js';
import { CANNOT_SAVE_MESSAGE } from '../../app/reply.js';
import type { Clock } from '../../clock.js';
import { cleanForLog, type Logger } from '../../logger.js';
import { parseSlackBody } from './slack-payload-schema.js';
import { verifySlackSignature } from './verify-signature.js';

export const SLACK_BODY_LIMIT = '256kb';

export function slackRequestGuard(options: {
  signingSecret: string;
  clock: Clock;
  store: RiskcheckStore;
  logger: Logger;
}) {
  const readRaw = express.raw({ type: () => true, limit: SLACK_BODY_LIMIT });
  const verify = async (req: Request, res: Response, next: NextFunction) => {
    const rawBody: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verifySlackSignature({
      signingSecret: options.signingSecret,
      rawBody,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      nowMs: options.clock.now().getTime(),
    });
    if (!check.ok) {
      options.logger.warn({ reason: check.reason }, 'refused a Slack request that failed verification');
      res.status(401).json({ error: 'Request verification failed' });
      return;
    }
    const parsed = parseSlackBody(rawBody, header(req, 'content-type'));
    if (!parsed) {
      res.status(400).json({ error: 'Unrecognised Slack payload' });
      return;
    }
    // A store refusing every save would fail this request after its ack, leaving the user with
    // a modal that does nothing: say so instead (and do not record the delivery, nothing ran).
    if (!options.store.health().ok && answeredCannotSave(res, parsed.body)) return;
    // One key per delivery: the trigger or event id (the same in a retry and in a replay of the
    // same body), or the signature for a body that carries neither.
    const key = parsed.deliveryKey ?? `slack:signature:${header(req, 'x-slack-signature')}`;
    if (!(await options.store.markProcessed(key, options.clock.now().toISOString()))) {
      options.logger.info(
        { retry: cleanForLog(header(req, 'x-slack-retry-num') ?? '0', 20) },
        'ignored a repeated Slack request',
      );
      res.status(200).send('');
      return;
    }
    req.body = parsed.body;
    next();
  };
  return [readRaw, verify];
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Answers what a user sent, where Slack shows the answer: a slash command's reply as an ephemeral
 * message, a submitted modal replaced by a notice. A button click can only be acknowledged (the
 * notice comes with the user's next command or submission). Anything else (Events API callbacks,
 * Slack's URL check) is left to go on: false.
 */
function answeredCannotSave(res: Response, body: Record<string, unknown>): boolean {
  if (typeof body.command === 'string') {
    res.json({ response_type: 'ephemeral', text: CANNOT_SAVE_MESSAGE });
    return true;
  }
  if (body.type === 'view_submission') {
    const notice = messageView('error', 'Cannot save right now', CANNOT_SAVE_MESSAGE, false);
    res.json({ response_action: 'update', view: renderSlackModal(notice) });
    return true;
  }
  if (body.type === 'block_actions') {
    res.status(200).send('');
    return true;
  }
  return false;
}
