/**
 * Composes the running bot from its configuration: organisation file, store, clock and HTTP
 * server. Used by `main.ts` and by the protocol tests, so tests run the production code path.
 */
import { randomUUID } from 'node:crypto';
import { createLowdbStore } from '../storage/index.js';
import type { RiskcheckStore } from '../storage/store.js';
import type { AppDeps } from './app/app-deps.js';
import { type Clock, systemClock } from './clock.js';
import { loadOrganisation } from './config/load-organisation.js';
import { DEFAULT_ANSWER_SYNC_MS, type RuntimeConfig } from './config/runtime-config.js';
import { countryOptions } from './countries.js';
import { createLogger, type Logger } from './logger.js';
import { createReminderSweeper, type ReminderSweeper } from './reminders/reminder-sweeper.js';
import { createHttpApp, listen, type RunningServer } from './server.js';
import { createWorkTracker } from './work-tracker.js';

export interface StartOptions {
  runtime: RuntimeConfig;
  clock?: Clock;
  logger?: Logger;
  /** Use this store instead of opening the lowdb store in runtime.dataDir. */
  store?: RiskcheckStore;
}

export interface Riskcheck extends RunningServer {
  deps: AppDeps;
  reminders: ReminderSweeper;
}

export async function startRiskcheck(options: StartOptions): Promise<Riskcheck> {
  const { runtime } = options;
  const logger = options.logger ?? createLogger(runtime.logLevel);
  const loaded = loadOrganisation(runtime.organisationFile);
  const store =
    options.store ??
    (await createLowdbStore({
      dataDir: runtime.dataDir,
      hotSyncIntervalMs: runtime.answerSyncMs ?? DEFAULT_ANSWER_SYNC_MS,
    }));
  const deps: AppDeps = {
    store,
    clock: options.clock ?? systemClock,
    logger,
    organisation: loaded.organisation,
    questionnaire: loaded.questionnaire,
    countryReference: loaded.countryReference,
    countries: countryOptions(),
    gateways: {},
    newId: randomUUID,
    work: createWorkTracker(),
  };
  try {
    const server = await listen(await createHttpApp(deps, runtime), runtime.host, runtime.port);
    const reminders = createReminderSweeper(deps);
    // Runs once right away, which delivers whatever fell due while the bot was down.
    if (runtime.reminderSweepCron) reminders.start(runtime.reminderSweepCron);
    return {
      ...server,
      deps,
      reminders,
      async close() {
        await reminders.stop();
        await server.close();
        await deps.work.settled();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
