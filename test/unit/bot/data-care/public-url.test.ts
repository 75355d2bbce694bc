/** RISKCHECK_PUBLIC_URL: where export links point; https only in production. */
import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig } from '../../../../bot/config/runtime-config.js';

const production = {
  NODE_ENV: 'production',
  TEAMS_CLIENT_ID: 'id',
  TEAMS_CLIENT_SECRET: 'secret',
  TEAMS_TENANT_ID: 'tenant',
};

describe('RISKCHECK_PUBLIC_URL', () => {
  it('is optional and normalised without a trailing slash', () => {
    expect(loadRuntimeConfig({}).publicUrl).toBeUndefined();
    expect(loadRuntimeConfig({ RISKCHECK_PUBLIC_URL: 'https://bot.example.edu/riskcheck/' }).publicUrl).toBe(
      'https://bot.example.edu/riskcheck',
    );
  });

  it('must be https in production and carry no credentials or query', () => {
    expect(() =>
      loadRuntimeConfig({ ...production, RISKCHECK_PUBLIC_URL: 'http://bot.example.edu' }),
    ).toThrow(/RISKCHECK_PUBLIC_URL/);
    expect(
      loadRuntimeConfig({ ...production, RISKCHECK_PUBLIC_URL: 'https://bot.example.edu' }).publicUrl,
    ).toBe('https://bot.example.edu');
    expect(() => loadRuntimeConfig({ RISKCHECK_PUBLIC_URL: 'https://u:p@bot.example.edu' })).toThrow();
    expect(() => loadRuntimeConfig({ RISKCHECK_PUBLIC_URL: 'not a url' })).toThrow();
  });
});
