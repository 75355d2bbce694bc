/** What the use cases need from the outside world, injected so tests can swap each part. */
import type { DialogContext } from '../../dialogs/dialog/types.js';
import type { Organisation } from '../../dialogs/organisation/schema.js';
import type { Questionnaire } from '../../dialogs/questionnaire/schema.js';
import type { CountryOption, CountryReference } from '../../dialogs/reference/country-facts.js';
import type { AuditDurability, RiskcheckStore } from '../../storage/store.js';
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

type AuditDetails = Record<string, string | number | boolean>;

export async function audit(
  deps: AppDeps,
  actor: string,
  action: string,
  subject: string,
  details?: AuditDetails,
  durability?: AuditDurability,
): Promise<void> {
  await deps.store.appendAudit(
    {
      id: deps.newId(),
      at: deps.clock.now().toISOString(),
      actor,
      action,
      subject,
      ...(details ? { details } : {}),
    },
    durability,
  );
}

/**
 * An event about a dialog in progress (started, cancelled): stored as durably as the dialog
 * session it describes, so a started dialog does not wait for the disk (AuditDurability).
 */
export function auditDialog(
  deps: AppDeps,
  actor: string,
  action: string,
  sessionId: string,
  details?: AuditDetails,
): Promise<void> {
  return audit(deps, actor, action, sessionId, details, 'like-sessions');
}
