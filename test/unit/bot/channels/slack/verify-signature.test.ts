/** Slack v0 signatures: every rejection reason, the ±300 s window to the second, and the compare. */
import { timingSafeEqual } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  MAX_SKEW_SECONDS,
  signSlackBody,
  verifySlackSignature,
} from '../../../../../bot/channels/slack/verify-signature.js';

// A pass-through spy: proves the comparison goes through the constant-time primitive.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const SECRET = 'unit-test-signing-secret';
const BODY = 'command=%2Friskcheck&user_id=U0ALEX001&trigger_id=t1';
const NOW_SEC = 1_790_000_000;

function check(overrides: Partial<Parameters<typeof verifySlackSignature>[0]> = {}, skew = 0) {
  const timestamp = String(NOW_SEC + skew);
  return verifySlackSignature({
    signingSecret: SECRET,
    rawBody: BODY,
    timestamp,
    signature: signSlackBody(SECRET, timestamp, BODY),
    nowMs: NOW_SEC * 1000 + 999,
    ...overrides,
  });
}

describe('verifySlackSignature', () => {
  it('accepts a correct signature, for a string or a Buffer body', () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ rawBody: Buffer.from(BODY) })).toEqual({ ok: true });
  });

  it('matches the documented v0 scheme (HMAC-SHA256 over v0:timestamp:body, hex)', () => {
    // Slack's documented example request (api.slack.com/authentication/verifying-requests-from-slack).
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackBody('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it.each([
    ['no timestamp', { timestamp: undefined }],
    ['an empty timestamp', { timestamp: '' }],
    ['no signature', { signature: undefined }],
    ['an empty signature', { signature: '' }],
  ])('refuses %s as missing_headers', (_name, overrides) => {
    expect(check(overrides)).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it.each(['soon', '-5', '1.5e9', ' 1790000000', '1790000000 ', '0x6AB0A700', '1234567890123'])(
    'refuses the timestamp %j as bad_timestamp',
    (timestamp) => {
      expect(check({ timestamp })).toEqual({ ok: false, reason: 'bad_timestamp' });
    },
  );

  it('accepts exactly 300 s either side and refuses 301 s', () => {
    expect(MAX_SKEW_SECONDS).toBe(300);
    expect(check({}, -300)).toEqual({ ok: true });
    expect(check({}, 300)).toEqual({ ok: true });
    expect(check({}, -301)).toEqual({ ok: false, reason: 'stale' });
    expect(check({}, 301)).toEqual({ ok: false, reason: 'future' });
  });

  it('compares equal-length signatures in constant time (crypto.timingSafeEqual)', () => {
    const spy = vi.mocked(timingSafeEqual);
    spy.mockClear();
    expect(check({ signature: flipLast(signSlackBody(SECRET, String(NOW_SEC), BODY)) }).ok).toBe(false);
    expect(check().ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('checks the window before the signature (a stale request costs no HMAC)', () => {
    expect(check({ signature: 'v0=garbage' }, -3600)).toEqual({ ok: false, reason: 'stale' });
  });

  it.each([
    ['another secret', () => signSlackBody('other-secret', String(NOW_SEC), BODY)],
    ['another body', () => signSlackBody(SECRET, String(NOW_SEC), `${BODY}&x=1`)],
    ['another timestamp', () => signSlackBody(SECRET, String(NOW_SEC - 1), BODY)],
    ['upper-case hex', () => signSlackBody(SECRET, String(NOW_SEC), BODY).toUpperCase().replace('V0', 'v0')],
    ['the v1 prefix', () => signSlackBody(SECRET, String(NOW_SEC), BODY).replace('v0=', 'v1=')],
    ['no prefix', () => signSlackBody(SECRET, String(NOW_SEC), BODY).slice(3)],
    ['one hex digit changed (same length)', () => flipLast(signSlackBody(SECRET, String(NOW_SEC), BODY))],
    ['all zeros (same length)', () => `v0=${'0'.repeat(64)}`],
    ['a truncated signature (shorter)', () => signSlackBody(SECRET, String(NOW_SEC), BODY).slice(0, -1)],
    ['a signature with a byte appended (longer)', () => `${signSlackBody(SECRET, String(NOW_SEC), BODY)}0`],
    [
      'a multi-byte character of equal string length',
      () => `${signSlackBody(SECRET, String(NOW_SEC), BODY).slice(0, -1)}é`,
    ],
  ])('refuses a signature made with %s as bad_signature', (_name, signature) => {
    expect(check({ signature: signature() })).toEqual({ ok: false, reason: 'bad_signature' });
  });
});

function flipLast(signature: string): string {
  return `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
}
