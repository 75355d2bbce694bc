/** The built-in questionnaire and the example country facts are valid, complete and consistent. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { referencedQuestions } from '../../../../dialogs/questionnaire/conditions.js';
import {
  COLLABORATION_TYPES,
  REQUIRED_CONTEXT_KINDS,
} from '../../../../dialogs/questionnaire/context-questions.js';
import { DEFAULT_QUESTIONNAIRE } from '../../../../dialogs/questionnaire/default-questionnaire.js';
import { parseQuestionnaire } from '../../../../dialogs/questionnaire/parse-questionnaire.js';
import { AREA_IDS, questionnaireSchema } from '../../../../dialogs/questionnaire/schema.js';
import { countryReferenceSchema } from '../../../../dialogs/reference/country-facts.js';
import { SUPPORT_IDS } from '../fixtures/organisation-fixture.js';

const questionnaire = questionnaireSchema.parse(DEFAULT_QUESTIONNAIRE);
const questions = questionnaire.sections.flatMap((s) => s.questions);

describe('DEFAULT_QUESTIONNAIRE', () => {
  it('passes the schema and the cross-field checks', () => {
    const result = parseQuestionnaire(DEFAULT_QUESTIONNAIRE);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(questionnaire.id).toBe('riskcheck_default');
  });

  it('has the areas in order: context, the five areas, benefits', () => {
    expect(questionnaire.sections.map((s) => s.area)).toEqual([...AREA_IDS]);
  });

  it('defines every context question with the required kind', () => {
    for (const [id, kind] of Object.entries(REQUIRED_CONTEXT_KINDS)) {
      expect(questions.find((q) => q.id === id)?.kind, id).toBe(kind);
    }
    const type = questions.find((q) => q.id === 'collaboration_type');
    expect(type?.options?.map((o) => o.value)).toEqual([...COLLABORATION_TYPES]);
  });

  it('has 30 to 40 questions with unique ids and help text on each', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(questions.length).toBeLessThanOrEqual(40);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) expect(q.help, q.id).toMatch(/\S/);
  });

  it('gates conditional questions on earlier questions only', () => {
    const seen = new Set<string>();
    for (const q of questions) {
      if (q.showIf)
        for (const id of referencedQuestions(q.showIf))
          expect(seen.has(id), `${q.id} reads ${id}`).toBe(true);
      seen.add(q.id);
    }
    const gated = questions.filter((q) => q.showIf).map((q) => q.id);
    expect(gated).toEqual(
      expect.arrayContaining([
        'personal_data_transfer',
        'animal_abroad',
        'human_research_approval',
        'travel_safety',
      ]),
    );
  });

  it('routes only to known support functions, always to department admin', () => {
    expect(questionnaire.alwaysRoute).toEqual(['department_admin']);
    for (const rule of questionnaire.rules) {
      expect(rule.routes.length, rule.id).toBeGreaterThan(0);
      for (const route of rule.routes) expect(SUPPORT_IDS, `${rule.id} → ${route}`).toContain(route);
    }
  });

  it('makes the gates mandatory: animal work abroad, export control, personal data without adequacy', () => {
    const rule = (id: string) => questionnaire.rules.find((r) => r.id === id);
    expect(rule('animal_abroad')).toMatchObject({ mandatory: true, routes: ['animal_welfare_body'] });
    expect(rule('dual_use')).toMatchObject({ mandatory: true });
    expect(rule('dual_use')?.routes).toContain('export_control');
    expect(rule('personal_data_no_adequacy')).toMatchObject({ mandatory: true, routes: ['data_protection'] });
  });
});

describe('config/example/country-facts.yaml', () => {
  const file = fileURLToPath(new URL('../../../../config/example/country-facts.yaml', import.meta.url));
  const reference = countryReferenceSchema.parse(parse(readFileSync(file, 'utf8')));
  const byCode = new Map(reference.countries.map((c) => [c.code, c]));
  const EU_EEA = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO';
  const ADEQUACY = 'AD AR CA FO GG IL IM JP JE NZ KR CH GB UY US';

  it('is valid and lists each country once', () => {
    expect(reference.source).toMatch(/EXAMPLE/);
    expect(new Set(reference.countries.map((c) => c.code)).size).toBe(reference.countries.length);
  });

  it('marks every EU/EEA state as such, with adequacy implied', () => {
    for (const code of EU_EEA.split(' ')) {
      expect(byCode.get(code), code).toMatchObject({ euEea: true, gdprAdequacy: true, euSanctions: false });
    }
    expect(reference.countries.filter((c) => c.euEea)).toHaveLength(30);
  });

  it('lists the adequacy countries outside the EEA, with a note for the United States', () => {
    for (const code of ADEQUACY.split(' ')) {
      expect(byCode.get(code), code).toMatchObject({ euEea: false, gdprAdequacy: true });
    }
    expect(byCode.get('US')?.note).toMatch(/Data Privacy Framework/);
  });

  it('marks sanctioned countries and intelligence-cooperation laws with a note', () => {
    for (const code of ['RU', 'BY', 'IR', 'KP', 'SY']) {
      expect(byCode.get(code)?.euSanctions, code).toBe(true);
      expect(byCode.get(code)?.note, code).toBeTruthy();
    }
    for (const code of ['CN', 'RU', 'IR']) {
      expect(byCode.get(code)?.intelligenceCooperationLaw, code).toBe(true);
      expect(byCode.get(code)?.note, code).toBeTruthy();
    }
    expect(byCode.get('SE')?.intelligenceCooperationLaw).toBe(false);
  });
});
