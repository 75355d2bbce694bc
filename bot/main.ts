/**
 * Entry point: `npm start` / `npm run start:prod`. Reads the environment, refuses to start on a
 * bad configuration with a message that says what to fix, and shuts down cleanly on signals.
 */
import { ConfigError } from './config/config-error.js';
import { loadRuntimeConfig } from './config/runtime-config.js';
import { createLogger } from './logger.js';
import { startRiskcheck } from './start.js';

async function main(): Promise<void> {
  let runtime: ReturnType<typeof loadRuntimeConfig>;
  try {
    runtime = loadRuntimeConfig(process.env);
  } catch (error) {
    return fail(error);
  }
  const logger = createLogger(runtime.logLevel);
  try {
    const bot = await startRiskcheck({ runtime, logger });
    logger.info(
      { url: bot.url, mode: runtime.mode, organisation: runtime.organisationFile, dataDir: runtime.dataDir },
      `riskcheck listening on ${bot.url}`,
    );
    if (runtime.mode === 'development' && !runtime.teams.credentials) {
      logger.warn(
        'development mode: Teams requests are accepted WITHOUT authentication, so the server listens on loopback only. Set NODE_ENV=production with TEAMS_CLIENT_ID/SECRET/TENANT_ID for real use.',
      );
    }
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      await bot.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): void {
  const coded = error as { code?: string; message?: string };
  const message =
    error instanceof ConfigError || coded.code?.startsWith('STORE_') ? coded.message : String(error);
  console.error(`riskcheck cannot start.\n${message}`);
  process.exitCode = 1;
}

void main();
