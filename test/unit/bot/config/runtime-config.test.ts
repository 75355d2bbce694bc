/** Environment settings: safe defaults, production needs credentials, dev stays on loopback. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../bot/config/config-error.js';
import { loadRuntimeConfig } from '../../../../bot/config/runtime-config.js';

const CREDENTIALS = { TEAMS_CLIENT_ID: 'id', TEAMS_CLIENT_SECRET: 'secret', TEAMS_TENANT_ID: 'tenant' };

describe('loadRuntimeConfig', () => {
  it('defaults to development on loopback with the example organisation', () => {
    const config = loadRuntimeConfig({});
    expect(config).toMatchObject({
      mode: 'development',
      host: '127.0.0.1',
      port: 3978,
      organisationFile: 'config/example/organisation.yaml',
      dataDir: 'data',
    });
    expect(config.teams.credentials).toBeUndefined();
  });

  it('refuses production without the Teams credentials and names the missing variables', () => {
    expect(() => loadRuntimeConfig({ NODE_ENV: 'production', TEAMS_CLIENT_ID: 'id' })).toThrowError(
      /TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID/,
    );
  });

  it('starts production with credentials, listening on all interfaces', () => {
    const config = loadRuntimeConfig({ NODE_ENV: 'production', ...CREDENTIALS });
    expect(config.mode).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.teams.credentials).toEqual({ clientId: 'id', clientSecret: 'secret', tenantId: 'tenant' });
  });

  it('allows production without Teams when Teams is switched off', () => {
    expect(loadRuntimeConfig({ NODE_ENV: 'production', TEAMS_ENABLED: 'false' }).teams.enabled).toBe(false);
  });

  it('refuses to expose unauthenticated development mode beyond loopback', () => {
    expect(() => loadRuntimeConfig({ HOST: '0.0.0.0' })).toThrowError(ConfigError);
    expect(() => loadRuntimeConfig({ HOST: '0.0.0.0' })).toThrowError(/loopback only/);
  });

  it('lets dialog answers wait 100 ms for their fsync unless RISKCHECK_ANSWER_SYNC_MS says otherwise', () => {
    expect(loadRuntimeConfig({}).answerSyncMs).toBe(100);
    expect(loadRuntimeConfig({ RISKCHECK_ANSWER_SYNC_MS: '0' }).answerSyncMs).toBe(0);
    expect(loadRuntimeConfig({ RISKCHECK_ANSWER_SYNC_MS: '250' }).answerSyncMs).toBe(250);
    for (const bad of ['-1', 'soon', '1.5', '60000'])
      expect(() => loadRuntimeConfig({ RISKCHECK_ANSWER_SYNC_MS: bad })).toThrowError(
        /RISKCHECK_ANSWER_SYNC_MS/,
      );
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadRuntimeConfig({ PORT: 'eighty' })).toThrowError(/PORT/);
  });

  it('never puts the secret into the error message', () => {
    try {
      loadRuntimeConfig({ NODE_ENV: 'production', TEAMS_CLIENT_SECRET: 'super-secret-value' });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('super-secret-value');
    }
  });

  describe('TEAMS_AUTHORITY', () => {
    const production = (authority: string) =>
      loadRuntimeConfig({ NODE_ENV: 'production', ...CREDENTIALS, TEAMS_AUTHORITY: authority });

    it('is unset by default, so the SDK keeps its public-cloud authority', () => {
      expect(
        loadRuntimeConfig({ NODE_ENV: 'production', ...CREDENTIALS }).teams.credentials,
      ).not.toHaveProperty('authority');
    });

    it('accepts an https authority (sovereign clouds) and keeps only its origin', () => {
      expect(production('https://login.microsoftonline.us/').teams.credentials?.authority).toBe(
        'https://login.microsoftonline.us',
      );
    });

    it.each(['http://127.0.0.1:4000', 'http://localhost:4000', 'http://[::1]:4000'])(
      'accepts plain http only on loopback (tests): %s',
      (authority) => {
        expect(production(authority).teams.credentials?.authority).toBe(authority);
      },
    );

    it.each([
      ['plain http', 'http://login.microsoftonline.com', /https/],
      ['plain http on a private address', 'http://10.0.0.5:8080', /https/],
      ['another scheme', 'ftp://login.microsoftonline.com', /https/],
      ['not a URL', 'login.microsoftonline.com', /must be a URL/],
      ['a tenant path', 'https://login.microsoftonline.com/contoso.onmicrosoft.com', /origin only/],
      ['a query', 'https://login.microsoftonline.com?x=1', /origin only/],
      ['credentials in the URL', 'https://user:pw@login.microsoftonline.com', /origin only/],
    ])('refuses %s', (_name, authority, message) => {
      expect(() => production(authority)).toThrowError(ConfigError);
      expect(() => production(authority)).toThrowError(message);
      expect(() => production(authority)).toThrowError(/TEAMS_AUTHORITY/);
    });
  });
});
