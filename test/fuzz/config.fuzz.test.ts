/**
 * Fuzzes configuration files: mutated copies of the example organisation (and its country facts
 * and an own questionnaire) written as YAML or JSON, and text-level damage to the YAML. Loading
 * either succeeds or throws a ConfigError that names a path and says what to fix; nothing else.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ConfigError } from '../../bot/config/config-error.js';
import { loadOrganisation } from '../../bot/config/load-organisation.js';
import { DEFAULT_QUESTIONNAIRE } from '../../dialogs/questionnaire/default-questionnaire.js';
import { FUZZ_SEED, hostileString, mutate, mutations } from './arbitraries.js';

const dir = mkdtempSync(join(tmpdir(), 'riskcheck-config-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const organisationText = readFileSync('config/example/organisation.yaml', 'utf8');
const organisation = parseYaml(organisationText) as Record<string, unknown>;
const countryFacts = parseYaml(readFileSync('config/example/country-facts.yaml', 'utf8')) as unknown;
const KNOWN = ['gph', 'constructor', './country-facts.yaml', './questionnaire.json', 'department_admin'];

function write(name: string, value: unknown, format: 'yaml' | 'json'): void {
  writeFileSync(join(dir, name), format === 'json' ? (JSON.stringify(value) ?? '') : stringifyYaml(value));
}

/** Loads the file; anything thrown must be a ConfigError with readable issues. */
function expectLoadsOrConfigError(file: string): void {
  try {
    loadOrganisation(file);
  } catch (error) {
    expect(error, String(error).slice(0, 500)).toBeInstanceOf(ConfigError);
    const { issues } = error as ConfigError;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message.trim()).not.toBe('');
  }
}

describe('configuration files under mutation', () => {
  it('a mutated organisation, country facts and questionnaire load or fail with a ConfigError', () => {
    fc.assert(
      fc.property(
        mutations(KNOWN),
        fc.option(mutations(KNOWN), { nil: undefined }),
        fc.option(mutations(KNOWN), { nil: undefined }),
        fc.constantFrom('yaml', 'json') as fc.Arbitrary<'yaml' | 'json'>,
        (orgChanges, factChanges, questionnaireChanges, format) => {
          const org = mutate(organisation, orgChanges) as Record<string, unknown> | null;
          const withFiles =
            org && typeof org === 'object' && !Array.isArray(org)
              ? {
                  ...org,
                  countryFacts: org.countryFacts === undefined ? undefined : './country-facts.yaml',
                  ...(questionnaireChanges ? { questionnaire: './questionnaire.json' } : {}),
                }
              : org;
          write('country-facts.yaml', factChanges ? mutate(countryFacts, factChanges) : countryFacts, 'yaml');
          if (questionnaireChanges)
            write('questionnaire.json', mutate(DEFAULT_QUESTIONNAIRE, questionnaireChanges), 'json');
          write(`organisation.${format}`, withFiles, format);
          expectLoadsOrConfigError(join(dir, `organisation.${format}`));
        },
      ),
      { numRuns: 100, seed: FUZZ_SEED },
    );
  });

  it('damaged YAML text loads or fails with a ConfigError', () => {
    write('country-facts.yaml', countryFacts, 'yaml');
    const damage = fc.record({
      at: fc.nat({ max: organisationText.length }),
      cut: fc.nat({ max: 200 }),
      insert: hostileString(2_000, [
        ': ',
        '- ',
        '&a [*a, *a]',
        '!!binary',
        '{',
        '"',
        '\t',
        '%YAML 9.9\n---\n',
      ]),
    });
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (changes) => {
        let text = organisationText;
        for (const { at, cut, insert } of changes) text = text.slice(0, at) + insert + text.slice(at + cut);
        writeFileSync(join(dir, 'organisation.yaml'), text);
        expectLoadsOrConfigError(join(dir, 'organisation.yaml'));
      }),
      { numRuns: 100, seed: FUZZ_SEED },
    );
  });
});
