/**
 * Time claims the SDK's JWT check lets through: jsonwebtoken only checks `exp` when present (a
 * signed token without one would never expire) and never looks at `iat`. Refused here, after the
 * signature, audience and issuer have been verified by the SDK. Also refuses a request that
 * reaches this point without verified claims (the SDK's anonymous identity), a second lock
 * should the SDK's production switch ever be bypassed.
 */
import type { NextFunction, Request, Response } from 'express';

/** The SDK's own clock tolerance, so both checks agree on what "now" is. */
export const CLOCK_TOLERANCE_SECONDS = 300;

export function tokenTimeProblem(claims: unknown, nowSec: number): string | undefined {
  if (!claims || typeof claims !== 'object') return 'no verified token';
  const { aud, exp, iat } = claims as { aud?: unknown; exp?: unknown; iat?: unknown };
  if (typeof aud !== 'string' && !Array.isArray(aud)) return 'no verified token';
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'token has no expiry';
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat)))
    return 'token issue time is not a number';
  if (typeof iat === 'number' && iat > nowSec + CLOCK_TOLERANCE_SECONDS) return 'token issued in the future';
  return undefined;
}

/**
 * Runs after the SDK middleware. Uses the real clock, not the bot's injected one: the SDK checks
 * `exp`/`nbf` against `Date.now()` and the two must not disagree.
 */
export function requireTokenTimes(req: Request, res: Response, next: NextFunction): void {
  const problem = tokenTimeProblem((req as { user?: unknown }).user, Math.floor(Date.now() / 1000));
  if (problem) {
    res.status(401).json({ 'jwt-auth-error': problem });
    return;
  }
  next();
}
