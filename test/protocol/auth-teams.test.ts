/**
 * Teams authentication in production mode against the real server: tokens signed by a local
 * authority (its JWKS on 127.0.0.1) are accepted; forged, unsigned, expired, wrong-audience,
 * wrong-issuer, tampered and replayed ones get 401, change nothing in the store and reach no one.
 */
import { spawn } from 'node:child_process';
import { constants, createSign } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import {
  APP_ID,
  b64url,
  CLIENT_SECRET,
  fakeBotConnectorKeys,
  type JwtIssuer,
  jwkOf,
  newKeyPair,
  publicPem,
  signHs256,
  signRs256,
  startJwtIssuer,
  unsigned,
  withClaims,
} from '../helpers/jwt-issuer.js';
import { messageActivity, TENANT_ID, USERS } from '../helpers/teams-activities.js';

const connectorKeys = fakeBotConnectorKeys();
const microsoftKey = connectorKeys.key;

let issuer: JwtIssuer;
let h: Harness;
beforeAll(async () => {
  issuer = await startJwtIssuer(TENANT_ID);
  h = await startHarness({ teamsAuth: issuer });
});
afterAll(async () => {
  await h.close();
  await issuer.close();
});
afterEach(() => {
  vi.useRealTimers();
  connectorKeys.reachable = true;
});

/** Every store file, byte for byte (the lock directory aside). */
async function storeFiles(): Promise<Record<string, string>> {
  const entries = (await readdir(h.dataDir, { withFileTypes: true })).filter((e) => e.isFile());
  const names = entries.map((e) => e.name).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(join(h.dataDir, n), 'utf8')] as const)),
  );
}

/** A message that answers in the HTTP response: no connector call, so no MSAL token needed. */
function expectReplies(overrides: Record<string, unknown> = {}) {
  const { serviceUrl: _, ...activity } = messageActivity(h.connector.url, USERS.alex, 'riskcheck');
  return { ...activity, deliveryMode: 'expectReplies', ...overrides };
}

const send = (authorization: string | undefined, body: unknown = expectReplies()) =>
  h.post('/api/messages', body, authorization === undefined ? {} : { authorization });

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => withClaims(issuer.claims(), overrides);
const bearer = (overrides: Record<string, unknown> = {}) => `Bearer ${issuer.token(overrides)}`;
const other = newKeyPair();
const parts = () => issuer.token().split('.') as [string, string, string];

const forgeries: [string, () => string | undefined][] = [
  // The Authorization header itself
  ['no Authorization header', () => undefined],
  ['an empty Authorization header', () => ''],
  ['"Bearer" without a token', () => 'Bearer'],
  ['a Basic credential', () => `Basic ${b64url(`${APP_ID}:${CLIENT_SECRET}`)}`],
  ['a valid token without the Bearer scheme', () => issuer.token()],
  ['a valid token under another scheme', () => `Token ${issuer.token()}`],
  ['two tokens in one header', () => `${bearer()} ${issuer.token()}`],
  ['two Bearer credentials', () => `${bearer()}, ${bearer()}`],
  ['a garbage token', () => 'Bearer not-a-jwt'],
  ['three garbage segments', () => 'Bearer aaa.bbb.ccc'],
  ['a token with a fourth segment', () => `${bearer()}.${parts()[2]}`],
  ['a payload that is not JSON', () => `Bearer ${b64url('{"alg":"RS256"}')}.${b64url('nope')}.${parts()[2]}`],
  ['a payload that is a JSON array', () => `Bearer ${parts()[0]}.${b64url('[1,2]')}.${parts()[2]}`],
  // Algorithms and keys
  ['alg none, no signature', () => `Bearer ${unsigned({ alg: 'none', typ: 'JWT' }, claims())}.`],
  ['alg "None", no signature', () => `Bearer ${unsigned({ alg: 'None', typ: 'JWT' }, claims())}.`],
  ['alg RS256 with the signature removed', () => `Bearer ${parts()[0]}.${parts()[1]}.`],
  ['HS256 keyed with the RSA public key', () => `Bearer ${hs256(publicPem(issuer.signingKey))}`],
  ['HS256 keyed with the client secret', () => `Bearer ${hs256(CLIENT_SECRET)}`],
  ['RS384 with the right key', () => `Bearer ${rsWith('RSA-SHA384', 'RS384')}`],
  ['PS256 with the right key', () => `Bearer ${rsWith('RSA-SHA256', 'PS256')}`],
  [
    'another key under the real kid',
    () => `Bearer ${signRs256(claims(), { ...other, kid: issuer.signingKey.kid })}`,
  ],
  ['another key under an unknown kid', () => `Bearer ${signRs256(claims(), other)}`],
  [
    'the right key under an unknown kid',
    () => `Bearer ${signRs256(claims(), { ...issuer.signingKey, kid: 'x' })}`,
  ],
  [
    'no kid (the JWKS holds two keys)',
    () => `Bearer ${signRs256(claims(), issuer.signingKey, { kid: undefined })}`,
  ],
  [
    'another key with a jku to its own JWKS',
    () => `Bearer ${signRs256(claims(), other, { jku: 'http://127.0.0.1:1/keys' })}`,
  ],
  ['another key embedded as jwk', () => `Bearer ${signRs256(claims(), other, { jwk: jwkOf(other) })}`],
  [
    'a key from the JWKS that did not sign it',
    () => `Bearer ${signRs256(claims(), { ...issuer.signingKey, kid: nextKid() })}`,
  ],
  // Tampering
  [
    'the payload of another token',
    () => `Bearer ${parts()[0]}.${b64url(JSON.stringify(claims({ appid: 'x' })))}.${parts()[2]}`,
  ],
  [
    'a header changed after signing',
    () =>
      `Bearer ${b64url(JSON.stringify({ alg: 'RS256', kid: issuer.signingKey.kid, typ: 'at+jwt' }))}.${parts()[1]}.${parts()[2]}`,
  ],
  ['a truncated signature', () => `Bearer ${parts()[0]}.${parts()[1]}.${parts()[2].slice(0, 100)}`],
  ['one signature character changed', () => `Bearer ${parts()[0]}.${parts()[1]}.${flip(parts()[2])}`],
  [
    'an aud changed after signing',
    () => `Bearer ${parts()[0]}.${b64url(JSON.stringify(claims({ aud: 'x' })))}.${parts()[2]}`,
  ],
  // Time
  ['expired an hour ago', () => bearer({ exp: now() - 3600, iat: now() - 7200, nbf: now() - 7200 })],
  ['expired just beyond the 5-minute tolerance', () => bearer({ exp: now() - 310 })],
  ['no exp at all', () => bearer({ exp: undefined })],
  ['exp as a string', () => bearer({ exp: String(now() + 3600) })],
  ['nbf ten minutes ahead', () => bearer({ nbf: now() + 600 })],
  ['iat ten minutes ahead', () => bearer({ iat: now() + 600 })],
  ['iat as a string', () => bearer({ iat: 'yesterday' })],
  // Audience
  ['another app id as audience', () => bearer({ aud: '99999999-2222-4333-8444-555555555555' })],
  ['an empty audience', () => bearer({ aud: '' })],
  ['an audience array without ours', () => bearer({ aud: ['a', 'https://api.botframework.com'] })],
  ['no audience', () => bearer({ aud: undefined })],
  ['only the Bot Framework audience', () => bearer({ aud: 'https://api.botframework.com' })],
  ['our app id with a space appended', () => bearer({ aud: `${APP_ID} ` })],
  ['our app id as an api:// URI', () => bearer({ aud: `api://${APP_ID}` })],
  // Issuer (all signed with the authority's real key: only issuer validation stops them)
  ['another tenant at our authority', () => bearer({ iss: `${issuer.authority}/other-tenant/v2.0` })],
  ['the common (multi-tenant) issuer', () => bearer({ iss: `${issuer.authority}/common/v2.0` })],
  ['our issuer over https instead of http', () => bearer({ iss: issuer.issuer.replace('http:', 'https:') })],
  ['our issuer with a trailing slash', () => bearer({ iss: `${issuer.issuer}/` })],
  ['our issuer without /v2.0', () => bearer({ iss: `${issuer.authority}/${TENANT_ID}` })],
  ['another tenant on sts.windows.net', () => bearer({ iss: 'https://sts.windows.net/other-tenant/' })],
  [
    'another tenant on login.microsoftonline.com',
    () => bearer({ iss: 'https://login.microsoftonline.com/3c1d7b2e-0000-4000-8000-000000000001/v2.0' }),
  ],
  ['no issuer', () => bearer({ iss: undefined })],
  [
    'a Microsoft first-party issuer with another tenant as tid',
    () =>
      bearer({
        iss: 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
        tid: '3c1d7b2e-0000-4000-8000-000000000001',
      }),
  ],
  ['api.botframework.com signed by our authority key', () => bearer({ iss: 'https://api.botframework.com' })],
  [
    'api.botframework.us (another cloud) with valid Microsoft keys',
    () => `Bearer ${signRs256(claims({ iss: 'https://api.botframework.us' }), microsoftKey)}`,
  ],
  [
    'api.botframework.com while its keys are unreachable',
    () => {
      connectorKeys.reachable = false;
      return `Bearer ${signRs256(claims({ iss: 'https://api.botframework.com' }), { ...microsoftKey, kid: 'uncached' })}`;
    },
  ],
];

const hs256 = (secret: string) => signHs256(claims(), secret, issuer.signingKey.kid);

function rsWith(digest: string, alg: string): string {
  const input = unsigned({ alg, typ: 'JWT', kid: issuer.signingKey.kid }, claims());
  const key = alg.startsWith('PS')
    ? { key: issuer.signingKey.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING }
    : issuer.signingKey.privateKey;
  return `${input}.${b64url(createSign(digest).update(input).sign(key))}`;
}
const nextKid = () => `${issuer.signingKey.kid}-next-unused`;
const flip = (s: string) => `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;

describe('Teams authentication (production mode)', () => {
  it('accepts a token signed by the authority and answers the message', async () => {
    const before = await storeFiles();
    const response = await send(bearer());
    expect(response.status).toBe(200);
    expect(response.body.activities.length).toBeGreaterThan(0);
    expect(issuer.requests).toContain(`/${TENANT_ID}/discovery/v2.0/keys`);
    // The control for "no store change" below: an accepted turn does write.
    expect(await storeFiles()).not.toEqual(before);
  });

  it('accepts a Bot Connector token (api.botframework.com) signed with its keys', async () => {
    const token = signRs256(claims({ iss: 'https://api.botframework.com' }), microsoftKey);
    const response = await send(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body.activities.length).toBeGreaterThan(0);
  });

  it(`has at least 50 forgeries (${forgeries.length})`, () => {
    expect(new Set(forgeries.map(([name]) => name)).size).toBeGreaterThanOrEqual(50);
  });

  it.each(forgeries)('refuses %s with 401 and changes nothing', async (_name, authorization) => {
    const before = await storeFiles();
    const response = await send(authorization());
    expect(response.status).toBe(401);
    expect(response.body).not.toHaveProperty('activities');
    expect(await storeFiles()).toEqual(before);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('refuses a captured token replayed after it expired', async () => {
    const token = bearer({ exp: now() + 600 });
    expect((await send(token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    const before = await storeFiles();
    expect((await send(token, expectReplies({ id: 'replayed-later' }))).status).toBe(401);
    expect(await storeFiles()).toEqual(before);
  });

  it('ignores an exact replay of an accepted activity while the token is valid', async () => {
    const token = bearer();
    const activity = expectReplies();
    expect((await send(token, activity)).body.activities.length).toBeGreaterThan(0);
    const before = await storeFiles();
    const replay = await send(token, activity);
    expect(replay.status).toBe(200);
    expect(replay.body.activities).toEqual([]);
    expect(await storeFiles()).toEqual(before);
  });

  it('refuses with 400 an activity whose serviceUrl is not the one in the token', async () => {
    const before = await storeFiles();
    const token = issuer.token({}, 'https://smba.trafficmanager.net/emea/');
    const activity = messageActivity(h.connector.url, USERS.alex, 'riskcheck');
    const response = await send(`Bearer ${token}`, activity);
    expect(response.status).toBe(400);
    expect(await storeFiles()).toEqual(before);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('answers nothing to a validly signed activity from another tenant', async () => {
    const before = await storeFiles();
    const base = expectReplies();
    const foreign = {
      ...base,
      conversation: { ...base.conversation, tenantId: 'other-tenant' },
      channelData: { tenant: { id: 'other-tenant' } },
    };
    const response = await send(bearer(), foreign);
    expect(response.status).toBe(200);
    expect(response.body.activities).toEqual([]);
    expect(await storeFiles()).toEqual(before);
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe('TEAMS_AUTHORITY at start-up', () => {
  it('refuses to start production with a plain-http authority', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: '0',
        TEAMS_CLIENT_ID: APP_ID,
        TEAMS_CLIENT_SECRET: CLIENT_SECRET,
        TEAMS_TENANT_ID: TENANT_ID,
        TEAMS_AUTHORITY: 'http://login.example.org',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/TEAMS_AUTHORITY[\s\S]*https/);
  });
});
