/**
 * A local Entra-like token authority for tests: an RSA key pair made with node:crypto, its JWKS at
 * `/<tenant>/discovery/v2.0/keys` and OpenID metadata on 127.0.0.1, and RS256 tokens signed by
 * hand (jsonwebtoken is only a transitive dependency of the SDK, so tests do not import it).
 */
import { createHmac, createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const APP_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_SECRET = 'test-client-secret-not-used-on-the-wire';

export interface KeyPair {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface JwtIssuer {
  /** The authority origin, e.g. `http://127.0.0.1:40123` (TEAMS_AUTHORITY). */
  authority: string;
  tenantId: string;
  /** `<authority>/<tenant>/v2.0`: the issuer our bot accepts for its tenant. */
  issuer: string;
  /** The key in the JWKS that signs valid tokens. */
  signingKey: KeyPair;
  /** Requests the bot made for keys or metadata (so tests can tell keys were consulted). */
  requests: string[];
  /** Claims of a valid Bot Framework channel token for `serviceUrl`, valid for an hour from `nowSec`. */
  claims(serviceUrl?: string, nowSec?: number): Record<string, unknown>;
  /** A valid token, with claim overrides (`undefined` removes a claim). */
  token(overrides?: Record<string, unknown>, serviceUrl?: string): string;
  close(): Promise<void>;
}

export function newKeyPair(kid = randomUUID()): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export function jwkOf(key: KeyPair): Record<string, unknown> {
  return { ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
}

export const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** `header.payload` without a signature. */
export function unsigned(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
}

export function signRs256(
  payload: Record<string, unknown>,
  key: KeyPair,
  header: Record<string, unknown> = {},
): string {
  const input = unsigned({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }, payload);
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey);
  return `${input}.${b64url(signature)}`;
}

/**
 * HS256 with a guessable secret. With the RSA public key (PEM) as secret this is the classic
 * key-confusion forgery against verifiers that take the algorithm from the token.
 */
export function signHs256(payload: Record<string, unknown>, secret: string | Buffer, kid: string): string {
  const input = unsigned({ alg: 'HS256', typ: 'JWT', kid }, payload);
  return `${input}.${b64url(createHmac('sha256', secret).update(input).digest())}`;
}

export const publicPem = (key: KeyPair) => key.publicKey.export({ format: 'pem', type: 'spki' }) as string;

/** Removes claims whose override is `undefined`. */
export function withClaims(base: Record<string, unknown>, overrides: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete merged[name];
  return merged;
}

export async function startJwtIssuer(tenantId: string): Promise<JwtIssuer> {
  const signingKey = newKeyPair();
  // Entra publishes more than one key (rotation); a token without a kid must therefore not match.
  const nextKey = newKeyPair();
  const requests: string[] = [];
  let authority = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push(path);
    if (path === `/${tenantId}/discovery/v2.0/keys`) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwkOf(signingKey), jwkOf(nextKey)] }));
    } else if (path === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer: `${authority}/${tenantId}/v2.0`,
          jwks_uri: `${authority}/${tenantId}/discovery/v2.0/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${authority}/${tenantId}/v2.0`;
  const claims = (serviceUrl?: string, nowSec = Math.floor(Date.now() / 1000)) => ({
    aud: APP_ID,
    iss: issuer,
    iat: nowSec - 10,
    nbf: nowSec - 10,
    exp: nowSec + 3600,
    tid: tenantId,
    appid: APP_ID,
    ver: '2.0',
    ...(serviceUrl ? { serviceurl: serviceUrl } : {}),
  });
  return {
    authority,
    tenantId,
    issuer,
    signingKey,
    requests,
    claims,
    token: (overrides = {}, serviceUrl) => signRs256(withClaims(claims(serviceUrl), overrides), signingKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The SDK fetches Bot Connector keys (issuer api.botframework.com/.us) from login.botframework.*;
 * tests never leave 127.0.0.1, so its cached JWKS clients for those URLs are given a stand-in
 * "Microsoft" key, or an outage. Not exported by the package, hence the file path.
 */
export function fakeBotConnectorKeys(): { key: KeyPair; reachable: boolean } {
  const middleware = createRequire(import.meta.url)(
    join(process.cwd(), 'node_modules/@microsoft/agents-hosting/dist/src/auth/jwt-middleware.js'),
  ) as { getJwksClient(uri: string): { getKeys(): Promise<unknown[]> } };
  const state = { key: newKeyPair(), reachable: true };
  for (const uri of [
    'https://login.botframework.com/v1/.well-known/keys',
    'https://login.botframework.azure.us/v1/.well-known/keys',
  ]) {
    middleware.getJwksClient(uri).getKeys = async () => {
      if (!state.reachable) throw new Error('getaddrinfo ENOTFOUND (test: keys unreachable)');
      return [jwkOf(state.key)];
    };
  }
  return state;
}
