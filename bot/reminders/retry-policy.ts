/**
 * When to try a failed delivery again: honour the platform's Retry-After (Teams and Slack 429),
 * otherwise exponential backoff with a little jitter, capped; give up after a bounded number of
 * attempts. Jitter is derived from the reminder id so it spreads retries without randomness in
 * tests.
 */
export const MAX_ATTEMPTS = 12;
const BASE_MS = 60_000;
const CAP_MS = 6 * 60 * 60 * 1000;

export function nextAttemptDelayMs(id: string, attempts: number, retryAfterMs: number | undefined): number {
  const backoff = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jitter = Math.floor(backoff * 0.1 * (hash(`${id}:${attempts}`) / 0xffffffff));
  return Math.max(retryAfterMs ?? 0, backoff + jitter);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/**
 * Retry-After from an error of either SDK: the Agents SDK's HttpError carries the response
 * headers; @slack/web-api's rate-limited error carries `retryAfter` in seconds.
 */
export function retryAfterMsOf(error: unknown): number | undefined {
  const e = error as {
    retryAfter?: unknown;
    response?: { headers?: { get?: (name: string) => string | null } & Record<string, unknown> };
  };
  if (typeof e?.retryAfter === 'number') return e.retryAfter * 1000;
  const headers = e?.response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : headers?.['retry-after'];
  const seconds = Number(raw);
  return raw !== undefined && raw !== null && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}
