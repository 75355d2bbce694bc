/**
 * Loads the organisation configuration file (YAML or JSON) with its country reference data and
 * optional questionnaire override, validating each with zod so a mistake is reported with the
 * file, the path and the fix, before the bot takes any traffic.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Organisation, organisationSchema } from '../../dialogs/organisation/schema.js';
import { DEFAULT_QUESTIONNAIRE } from '../../dialogs/questionnaire/default-questionnaire.js';
import { parseQuestionnaire } from '../../dialogs/questionnaire/parse-questionnaire.js';
import type { Questionnaire } from '../../dialogs/questionnaire/schema.js';
import { type CountryReference, countryReferenceSchema } from '../../dialogs/reference/country-facts.js';
import { cronProblem } from '../reminders/calendar.js';
import { ConfigError, formatIssuePath } from './config-error.js';

export interface LoadedOrganisation {
  file: string;
  organisation: Organisation;
  countryReference: CountryReference;
  questionnaire: Questionnaire;
}

const fileSchema = organisationSchema.extend({
  countryFacts: z.string().min(1, 'name the country reference file, e.g. ./country-facts.yaml'),
  questionnaire: z.string().min(1).optional(),
});

export function loadOrganisation(path: string): LoadedOrganisation {
  const file = resolve(path);
  const parsed = fileSchema.safeParse(readStructuredFile(file));
  if (!parsed.success) throw zodConfigError(file, parsed.error);
  const { countryFacts, questionnaire: questionnairePath, ...organisation } = parsed.data;
  const base = dirname(file);

  const countryFile = resolve(base, countryFacts);
  const countries = countryReferenceSchema.safeParse(readStructuredFile(countryFile));
  if (!countries.success) throw zodConfigError(countryFile, countries.error);

  const questionnaireFile = questionnairePath ? resolve(base, questionnairePath) : undefined;
  const questionnaireResult = parseQuestionnaire(
    questionnaireFile ? readStructuredFile(questionnaireFile) : DEFAULT_QUESTIONNAIRE,
  );
  if (!questionnaireResult.ok) {
    throw new ConfigError(questionnaireFile ?? 'the built-in questionnaire', questionnaireResult.issues);
  }
  const questionnaire = questionnaireResult.questionnaire;
  checkSupportReferences(file, organisation, questionnaire);
  return { file, organisation, countryReference: countries.data, questionnaire };
}

/** A rule that routes to a support function nobody configured would silently drop advice. */
function checkSupportReferences(
  file: string,
  organisation: Organisation,
  questionnaire: Questionnaire,
): void {
  const known = new Set(organisation.supportFunctions.map((s) => s.id));
  const referenced = new Set([...questionnaire.alwaysRoute, ...questionnaire.rules.flatMap((r) => r.routes)]);
  const missing = [...referenced].filter((id) => !known.has(id)).sort();
  if (missing.length > 0) {
    throw new ConfigError(file, [
      {
        path: 'supportFunctions',
        message: `the questionnaire routes to ${missing.join(', ')}: add an entry with that id (name, description, url or contact)`,
      },
    ]);
  }
  const cronIssue = cronProblem(organisation.reminders.discussion.cron, organisation.timezone);
  if (cronIssue) {
    throw new ConfigError(file, [
      {
        path: 'reminders.discussion.cron',
        message: `not a usable cron rule (${cronIssue}); e.g. "0 9 * 2,9 MON#1" is 09:00 on the first Monday of February and September`,
      },
    ]);
  }
  const ids = organisation.departments.map((d) => d.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) {
    throw new ConfigError(file, [
      { path: 'departments', message: `department id "${duplicate}" is used twice: ids must be unique` },
    ]);
  }
}

function readStructuredFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      file,
      [{ path: '', message: 'cannot read the file: check the path and permissions' }],
      {
        cause,
      },
    );
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new ConfigError(
      file,
      [{ path: '', message: `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}` }],
      {
        cause,
      },
    );
  }
}

function zodConfigError(file: string, error: z.ZodError): ConfigError {
  return new ConfigError(
    file,
    error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}
