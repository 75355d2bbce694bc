/** The triage principles: worst flag wins, unsure counts as yes, gates, country and benefits. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers, Questionnaire } from '../../../../dialogs/questionnaire/schema.js';
import { countryReferenceSchema } from '../../../../dialogs/reference/country-facts.js';
import { triage, worstLevel } from '../../../../dialogs/triage/triage.js';
import { defaultQuestionnaire, quietAnswers } from '../fixtures/default-answers-fixture.js';
import {
  countryNames,
  countryReference,
  organisation,
  organisationWithout,
} from '../fixtures/organisation-fixture.js';

const run = (answers: Answers, org = organisation) =>
  triage(defaultQuestionnaire, answers, countryReference, org, countryNames);

describe('level', () => {
  it('is set by the worst flag, never averaged', () => {
    const elevatedOnly = quietAnswers({
      funding_dependence: 'yes',
      capacity_doubt: 'yes',
      earlier_problems: 'yes',
      ownership_unclear: 'yes',
      aims_unclear: 'yes',
      no_agreement: 'yes',
      ip_unclear: 'yes',
      publication_restricted: 'yes',
      ethical_issues: 'yes',
      no_follow_up: 'yes',
    });
    const many = run(elevatedOnly);
    expect(many.flags.length).toBeGreaterThanOrEqual(10);
    expect(many.level).toBe('elevated');

    // One high flag among many elevated ones makes the whole assessment high.
    expect(run({ ...elevatedOnly, security_sensitive: 'yes' }).level).toBe('high');
    expect(run(quietAnswers({ security_sensitive: 'yes' })).level).toBe('high');
    expect(run({ ...elevatedOnly, security_sensitive: 'yes', partner_sanctioned: 'yes' }).level).toBe(
      'escalate',
    );
  });

  it('worstLevel picks the maximum', () => {
    expect(worstLevel([])).toBe('low');
    expect(worstLevel(['elevated', 'escalate', 'high'])).toBe('escalate');
  });

  it('summarises the five areas always, and context or benefits only when flagged', () => {
    const result = run(quietAnswers({ military_ties: 'yes', no_agreement: 'yes' }));
    expect(result.areas.map((a) => a.area)).toEqual([
      'national',
      'organisation',
      'foreign',
      'partner',
      'design',
    ]);
    expect(result.areas.find((a) => a.area === 'partner')).toEqual({
      area: 'partner',
      level: 'high',
      flagCount: 1,
    });
    expect(result.areas.find((a) => a.area === 'design')).toMatchObject({ level: 'elevated', flagCount: 1 });
    expect(result.areas.find((a) => a.area === 'national')).toMatchObject({ level: 'low', flagCount: 0 });
  });
});

describe('citations', () => {
  it('counts "unsure" as yes and cites it as unsure', () => {
    const result = run(quietAnswers({ dual_use: 'unsure' }));
    const flag = result.flags.find((f) => f.ruleId === 'dual_use');
    expect(flag?.because).toEqual([
      expect.objectContaining({ questionId: 'dual_use', answer: 'Unsure', unsure: true }),
    ]);
    expect(result.level).toBe('high');
  });

  it('cites "Yes" with unsure false, and the question label', () => {
    const flag = run(quietAnswers({ dual_use: 'yes' })).flags[0];
    expect(flag?.because[0]).toMatchObject({ answer: 'Yes', unsure: false });
    expect(flag?.because[0]?.question).toMatch(/military purposes/);
  });

  it('cites country names from the list, or the code without one', () => {
    const answers = quietAnswers({
      scope: ['personal_data'],
      personal_data_transfer: 'yes',
      partner_country: 'BR',
    });
    const named = run(answers).flags.find((f) => f.ruleId === 'personal_data_no_adequacy');
    expect(named?.because.map((c) => c.answer)).toEqual(['Yes', 'Brazil']);
    const coded = triage(defaultQuestionnaire, answers, countryReference, organisation).flags.find(
      (f) => f.ruleId === 'personal_data_no_adequacy',
    );
    expect(coded?.because.map((c) => c.answer)).toEqual(['Yes', 'BR']);
  });

  it('cites only the ticked options that matter for a multiple choice', () => {
    const custom: Questionnaire = {
      ...defaultQuestionnaire,
      rules: [
        {
          id: 'animals_anywhere',
          area: 'design',
          title: 'Animals',
          severity: 'elevated',
          when: { kind: 'answerIs', question: 'scope', values: ['animal_experiments'] },
          routes: [],
          mandatory: false,
        },
      ],
    };
    const result = triage(
      custom,
      quietAnswers({ scope: ['travel', 'animal_experiments'], animal_abroad: 'no' }),
      countryReference,
      organisation,
    );
    expect(result.flags[0]?.because).toEqual([
      {
        questionId: 'scope',
        question: 'What does the activity involve?',
        answer: 'Animal experiments',
        unsure: false,
      },
    ]);
  });
});

describe('country alone', () => {
  const file = fileURLToPath(new URL('../../../../config/example/country-facts.yaml', import.meta.url));
  const example = countryReferenceSchema.parse(parse(readFileSync(file, 'utf8')));

  it.each([
    ['fixture', countryReference],
    ['example YAML', example],
  ] as const)('never raises more than elevated, except under sanctions (%s)', (_name, reference) => {
    for (const country of reference.countries) {
      const result = triage(
        defaultQuestionnaire,
        quietAnswers({ partner_country: country.code }),
        reference,
        organisation,
      );
      if (country.euSanctions) expect(result.level, country.code).toBe('escalate');
      else expect(['low', 'elevated'], country.code).toContain(result.level);
    }
  });

  it('combined with sensitive knowledge raises high', () => {
    expect(run(quietAnswers({ partner_country: 'CN' })).level).toBe('elevated');
    expect(run(quietAnswers({ sensitive_knowledge: 'yes' })).level).toBe('elevated');
    expect(run(quietAnswers({ partner_country: 'CN', sensitive_knowledge: 'yes' })).level).toBe('high');
  });
});

describe('routes', () => {
  it('always includes department admin support, not mandatory and for no rule', () => {
    expect(run(quietAnswers()).routes).toEqual([
      { supportId: 'department_admin', mandatory: false, becauseOf: [] },
    ]);
  });

  it('keeps gates mandatory whatever the level', () => {
    const result = run(quietAnswers({ scope: ['animal_experiments'], animal_abroad: 'unsure' }));
    expect(result.level).toBe('elevated');
    expect(result.routes).toContainEqual({
      supportId: 'animal_welfare_body',
      mandatory: true,
      becauseOf: ['animal_abroad'],
    });
  });

  it('is mandatory when any flag routing there is mandatory', () => {
    const result = run(
      quietAnswers({
        security_sensitive: 'yes',
        dual_use: 'yes',
        partner_sanctioned: 'yes',
        sensitive_knowledge: 'yes',
      }),
    );
    const exportControl = result.routes.find((r) => r.supportId === 'export_control');
    expect(exportControl).toEqual({
      supportId: 'export_control',
      mandatory: true,
      becauseOf: ['dual_use', 'partner_sanctioned'],
    });
    // Optional through security_sensitive, mandatory through partner_sanctioned: mandatory wins.
    const forum = result.routes.find((r) => r.supportId === 'security_forum');
    expect(forum).toEqual({
      supportId: 'security_forum',
      mandatory: true,
      becauseOf: ['security_sensitive', 'partner_sanctioned'],
    });
    const research = result.routes.find((r) => r.supportId === 'research_support');
    expect(research).toEqual({
      supportId: 'research_support',
      mandatory: false,
      becauseOf: ['sensitive_knowledge'],
    });
  });

  it('stays mandatory when a later optional flag routes to the same place', () => {
    // country_sanctions (mandatory) comes before military_ties (optional), both to the Security Forum.
    const result = run(quietAnswers({ partner_country: 'RU', military_ties: 'yes' }));
    expect(result.routes.find((r) => r.supportId === 'security_forum')).toEqual({
      supportId: 'security_forum',
      mandatory: true,
      becauseOf: ['country_sanctions', 'country_intelligence_law', 'military_ties'],
    });
  });

  it('keeps an unconfigured mandatory route and drops an unconfigured optional one', () => {
    const org = organisationWithout('animal_welfare_body', 'hr');
    const result = run(
      quietAnswers({
        scope: ['animal_experiments'],
        animal_abroad: 'yes',
        collaboration_type: 'visiting',
        lab_system_access: 'yes',
      }),
      org,
    );
    const ids = result.routes.map((r) => r.supportId);
    expect(ids).toContain('animal_welfare_body');
    expect(ids).not.toContain('hr');
    expect(ids).toContain('it_security');
  });
});

describe('proportionality', () => {
  const risky = { military_ties: 'yes', no_agreement: 'yes' };

  it('never lowers the level or removes flags because of benefits', () => {
    const without = run(quietAnswers({ ...risky, benefits: [] }));
    const withAll = run(
      quietAnswers({
        ...risky,
        benefits: [
          'scientific_quality',
          'education',
          'health_impact',
          'capacity_building',
          'strategic_value',
        ],
        benefits_description: 'Large health gains.',
      }),
    );
    expect(withAll.level).toBe(without.level);
    expect(withAll.flags).toEqual(without.flags);
    expect(withAll.routes).toEqual(without.routes);
    expect(withAll.proportionality.benefits).toEqual([
      'Scientific quality',
      'Education',
      'Health impact',
      'Capacity building',
      'Strategic value for the organisation',
    ]);
    expect(withAll.proportionality.note).toMatch(/do not lower the risk level/);
  });

  it('asks for the benefits before deciding when none were named and the level is elevated or more', () => {
    const result = run(quietAnswers({ ...risky, benefits: [] }));
    expect(result.proportionality.benefits).toEqual([]);
    expect(result.proportionality.note).toMatch(/Describe the benefits before a decision/);
    expect(run(quietAnswers({ benefits: [] })).proportionality.note).not.toMatch(/before a decision/);
  });

  it('counts a written description as benefits named', () => {
    const result = run(
      quietAnswers({ ...risky, benefits: [], benefits_description: 'Training for nurses.' }),
    );
    expect(result.proportionality.note).not.toMatch(/before a decision/);
  });
});
