/**
 * The runtime configuration of a riskcheck started on loopback for tests and benchmarks:
 * development auth, the example organisation, no reminder schedule, Teams on and Slack off unless
 * `overrides` say otherwise.
 */
import type { RuntimeConfig } from '../../bot/config/runtime-config.js';

export function localRuntime(dataDir: string, overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  return {
    mode: 'development',
    host: '127.0.0.1',
    port: 0,
    organisationFile: 'config/example/organisation.yaml',
    dataDir,
    logLevel: 'silent',
    teams: { enabled: true },
    slack: { enabled: false },
    reminderSweepCron: null,
    ...overrides,
  };
}
