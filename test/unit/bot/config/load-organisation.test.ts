/**
 * The organisation file: the example loads, and each deliberately broken variant is refused with
 * an error naming the file, the path and what to fix.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ConfigError } from '../../../../bot/config/config-error.js';
import { loadOrganisation } from '../../../../bot/config/load-organisation.js';

const EXAMPLE = 'config/example/organisation.yaml';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory for one variant, removed after the file's tests. */
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'riskcheck-config-'));
  made.push(dir);
  return dir;
}

function variant(mutate: (config: any) => void, files: Record<string, string> = {}): string {
  const dir = scratchDir();
  copyFileSync('config/example/country-facts.yaml', join(dir, 'country-facts.yaml'));
  const config = parse(readFileSync(EXAMPLE, 'utf8'));
  mutate(config);
  const file = join(dir, 'organisation.yaml');
  writeFileSync(file, stringify(config));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return file;
}

function configError(file: string): ConfigError {
  try {
    loadOrganisation(file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadOrganisation', () => {
  it('loads the example organisation with the default questionnaire and country facts', () => {
    const loaded = loadOrganisation(EXAMPLE);
    expect(loaded.organisation.departments.map((d) => d.id)).toEqual(['gph', 'meb', 'lime']);
    expect(loaded.questionnaire.id).toBe('riskcheck_default');
    expect(loaded.countryReference.countries.find((c) => c.code === 'SE')?.euEea).toBe(true);
  });

  const broken: {
    name: string;
    mutate: (c: any) => void;
    path: string;
    says: RegExp;
    files?: Record<string, string>;
  }[] = [
    {
      name: 'a department without a head',
      mutate: (c) => (c.departments[0].heads = []),
      path: 'departments[0].heads',
      says: /at least one head/,
    },
    {
      name: 'a person who can never act',
      mutate: (c) => (c.departments[0].heads = [{ name: 'Nobody' }]),
      path: 'departments[0].heads[0]',
      says: /teamsAadObjectId, a slackUserId/,
    },
    {
      name: 'a malformed Slack id',
      mutate: (c) => (c.admins[0].slackUserId = 'patti'),
      path: 'admins[0].slackUserId',
      says: /Slack member id/,
    },
    {
      name: 'a department id with spaces',
      mutate: (c) => (c.departments[1].id = 'Medical Epi'),
      path: 'departments[1].id',
      says: /lower case/,
    },
    {
      name: 'a support function without description',
      mutate: (c) => delete c.supportFunctions[0].description,
      path: 'supportFunctions[0].description',
      says: /./,
    },
    {
      name: 'a support link that is not a URL',
      mutate: (c) => (c.supportFunctions[1].url = 'intranet/io'),
      path: 'supportFunctions[1].url',
      says: /./,
    },
    {
      name: 'a support function the questionnaire routes to is missing',
      mutate: (c) =>
        (c.supportFunctions = c.supportFunctions.filter((s: any) => s.id !== 'animal_welfare_body')),
      path: 'supportFunctions',
      says: /animal_welfare_body/,
    },
    {
      name: 'a department id used twice',
      mutate: (c) => (c.departments[1].id = 'gph'),
      path: 'departments',
      says: /used twice/,
    },
    {
      name: 'an unknown role in responsibility',
      mutate: (c) => (c.responsibility = { research: ['professor'] }),
      path: 'responsibility.research[0]',
      says: /./,
    },
    {
      name: 'no country facts file named',
      mutate: (c) => delete c.countryFacts,
      path: 'countryFacts',
      says: /./,
    },
  ];

  it.each(broken)('refuses $name, naming the file and $path', ({ mutate, path, says }) => {
    const file = variant(mutate);
    const error = configError(file);
    expect(error.file).toBe(file);
    const issue = error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.message).toMatch(says);
    expect(error.message).toContain(file);
  });

  it('names the country facts file when it is invalid', () => {
    const file = variant((c) => (c.countryFacts = './bad-facts.yaml'), {
      'bad-facts.yaml': 'source: test\nasOf: 2026-01-01\ncountries:\n  - code: sweden\n',
    });
    const error = configError(file);
    expect(error.file).toMatch(/bad-facts\.yaml$/);
    expect(error.issues[0]?.path).toBe('countries[0].code');
    expect(error.issues[0]?.message).toMatch(/ISO 3166-1/);
  });

  it('names the questionnaire file when an override is invalid', () => {
    const file = variant((c) => (c.questionnaire = './questionnaire.yaml'), {
      'questionnaire.yaml': 'id: custom\nversion: one\ntitle: Custom\nsections: []\nrules: []\n',
    });
    const error = configError(file);
    expect(error.file).toMatch(/questionnaire\.yaml$/);
    expect(error.issues.map((i) => i.path)).toContain('version');
  });

  it('reports YAML syntax errors and unreadable files', () => {
    const dir = scratchDir();
    const file = join(dir, 'organisation.yaml');
    writeFileSync(file, 'name: [unclosed\n');
    expect(configError(file).issues[0]?.message).toMatch(/not valid YAML/);
    expect(configError(join(dir, 'missing.yaml')).issues[0]?.message).toMatch(/cannot read the file/);
  });

  it('accepts JSON as well as YAML', () => {
    const dir = scratchDir();
    copyFileSync('config/example/country-facts.yaml', join(dir, 'country-facts.yaml'));
    const file = join(dir, 'organisation.json');
    writeFileSync(file, JSON.stringify(parse(readFileSync(EXAMPLE, 'utf8'))));
    expect(loadOrganisation(file).organisation.name).toBe('Example University');
  });
});
