/** What the use cases need from the outside world, injected so tests can swap each part. */
import type { DialogContext } from '../../dialogs/dialog/types.js';
import type { Organisation } from '../../dialogs/organisation/schema.js';
import type { Questionnaire } from '../../dialogs/questionnaire/schema.js';
import type { CountryOption, CountryReference } from '../../dialogs/reference/country-facts.js';
import type { RiskcheckStore } from '../../storage/store.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { WorkTracker } from '../work-tracker.js';
import type { Gateways } from './channel-gateway.js';

export interface AppDeps {
  store: RiskcheckStore;
  clock: Clock;
  logger: Logger;
  organisation: Organisation;
  questionnaire: Questionnaire;
  countryReference: CountryReference;
  countries: CountryOption[];
  gateways: Gateways;
  newId: () => string;
  /** Work still running after its request was answered. */
  work: WorkTracker;
}

export function dialogContext(deps: AppDeps): DialogContext {
  return {
    questionnaire: deps.questionnaire,
    organisation: deps.organisation,
    countries: deps.countries,
    countryReference: deps.countryReference,
    now: deps.clock.now().toISOString(),
  };
}

export async function audit(
  deps: AppDeps,
  actor: string,
  action: string,
  subject: string,
  details?: Record<string, string | number | boolean>,
): Promise<void> {
  await deps.store.appendAudit({
    id: deps.newId(),
    at: deps.clock.now().toISOString(),
    actor,
    action,
    subject,
    ...(details ? { details } : {}),
  });
}
