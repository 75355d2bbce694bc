/**
 * Slack's v0 request signature as a pure function with an injected clock: HMAC-SHA256 over
 * `v0:<timestamp>:<body>`, compared in constant time, and a timestamp that must lie within five
 * minutes either side of now (Bolt's own check lets timestamps from the future through).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale' | 'future' | 'bad_signature' };

export function verifySlackSignature(input: {
  signingSecret: string;
  rawBody: Buffer | string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const skew = Number(timestamp) - Math.floor(input.nowMs / 1000);
  if (skew < -MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  if (skew > MAX_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const expected = signSlackBody(input.signingSecret, timestamp, input.rawBody);
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

export function signSlackBody(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}
