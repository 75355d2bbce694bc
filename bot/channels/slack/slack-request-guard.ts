/**
 * Express middleware in front of Bolt for `/slack/events`: reads the raw body (size-limited),
 * verifies the signature with the injected clock, refuses payloads of an unknown shape, and answers repeats (a replayed request, a
 * Slack retry of an interaction or event already handled) with 200 without processing them, so
 * nothing is posted twice. Bolt then parses the verified body (`req.rawBody`).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { RiskcheckStore } from '../../../storage/store.js';
import type { Clock } from '../../clock.js';
import { cleanForLog, type Logger } from '../../logger.js';
import { isAcceptedSlackPayload } from './slack-payload-schema.js';
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
    if (!isAcceptedSlackPayload(rawBody, header(req, 'content-type'))) {
      res.status(400).json({ error: 'Unrecognised Slack payload' });
      return;
    }
    // One key per delivery: the trigger or event id (the same in a retry and in a replay of the
    // same body), or the signature for a body that carries neither.
    const key =
      deliveryKeys(rawBody, header(req, 'content-type'))[0] ??
      `slack:signature:${header(req, 'x-slack-signature')}`;
    if (!(await options.store.markProcessed(key, options.clock.now().toISOString()))) {
      options.logger.info(
        { retry: cleanForLog(header(req, 'x-slack-retry-num') ?? '0', 20) },
        'ignored a repeated Slack request',
      );
      res.status(200).send('');
      return;
    }
    (req as Request & { rawBody?: Buffer }).rawBody = rawBody;
    next();
  };
  return [readRaw, verify];
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What identifies one delivery across Slack's retries: the event id for Events API callbacks,
 * the trigger id for slash commands and interactions (each click or submit gets its own).
 */
export function deliveryKeys(rawBody: Buffer, contentType: string | undefined): string[] {
  const text = rawBody.toString('utf8');
  try {
    if (contentType?.includes('application/json')) {
      const body = JSON.parse(text) as { event_id?: unknown };
      return typeof body.event_id === 'string' ? [`slack:event:${body.event_id}`] : [];
    }
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    const source = payload ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
    const trigger = source.trigger_id;
    return typeof trigger === 'string' && trigger !== '' ? [`slack:trigger:${trigger}`] : [];
  } catch {
    // Bolt answers unparsable bodies with 400; nothing to deduplicate.
    return [];
  }
}
