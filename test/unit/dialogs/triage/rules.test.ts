/** Every rule of the default questionnaire: one case that fires it, one close case that does not. */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../../dialogs/questionnaire/schema.js';
import { triage } from '../../../../dialogs/triage/triage.js';
import { defaultQuestionnaire, quietAnswers } from '../fixtures/default-answers-fixture.js';
import { countryNames, countryReference, organisation } from '../fixtures/organisation-fixture.js';

interface RuleCase {
  rule: string;
  fires: Answers;
  quiet: Answers;
}

const yesNo = (id: string): RuleCase => ({ rule: id, fires: { [id]: 'yes' }, quiet: { [id]: 'no' } });

const CASES: RuleCase[] = [
  yesNo('dual_use'),
  {
    rule: 'dual_use_intelligence_law_country',
    fires: { dual_use: 'yes', partner_country: 'CN' },
    quiet: { dual_use: 'yes', partner_country: 'TR' },
  },
  yesNo('sanctions_involved'),
  yesNo('security_sensitive'),
  yesNo('protected_information'),
  yesNo('sensitive_knowledge'),
  {
    rule: 'sensitive_knowledge_risky_country',
    fires: { sensitive_knowledge: 'yes', partner_country: 'TR' },
    quiet: { sensitive_knowledge: 'yes', partner_country: 'IN' },
  },
  yesNo('infrastructure_access'),
  yesNo('funding_dependence'),
  yesNo('capacity_doubt'),
  yesNo('earlier_problems'),
  yesNo('rule_of_law_concerns'),
  yesNo('state_assistance'),
  yesNo('security_tensions'),
  { rule: 'country_sanctions', fires: { partner_country: 'RU' }, quiet: { partner_country: 'CN' } },
  {
    rule: 'country_weak_academic_freedom',
    fires: { partner_country: 'TR' },
    quiet: { partner_country: 'IN' },
  },
  { rule: 'country_intelligence_law', fires: { partner_country: 'CN' }, quiet: { partner_country: 'TR' } },
  yesNo('ownership_unclear'),
  yesNo('military_ties'),
  {
    rule: 'military_ties_sensitive',
    fires: { military_ties: 'yes', sensitive_knowledge: 'unsure' },
    quiet: { military_ties: 'yes' },
  },
  yesNo('partner_sanctioned'),
  yesNo('integrity_concerns'),
  yesNo('aims_unclear'),
  yesNo('no_agreement'),
  yesNo('ip_unclear'),
  yesNo('publication_restricted'),
  {
    rule: 'funding_conditions',
    fires: { scope: ['funding_from_partner'], funding_conditions: 'yes' },
    // The question is hidden without partner funding: a left-over answer must not count.
    quiet: { scope: ['none'], funding_conditions: 'yes' },
  },
  {
    rule: 'data_without_agreement',
    fires: { scope: ['samples'], data_without_agreement: 'yes' },
    quiet: { scope: ['samples'], data_without_agreement: 'no' },
  },
  {
    rule: 'personal_data_no_adequacy',
    fires: { scope: ['personal_data'], personal_data_transfer: 'yes', partner_country: 'BR' },
    quiet: { scope: ['personal_data'], personal_data_transfer: 'yes', partner_country: 'US' },
  },
  {
    rule: 'personal_data_adequacy',
    fires: { scope: ['personal_data'], personal_data_transfer: 'yes', partner_country: 'US' },
    quiet: { scope: ['personal_data'], personal_data_transfer: 'yes', partner_country: 'SE' },
  },
  {
    rule: 'animal_abroad',
    fires: { scope: ['travel', 'animal_experiments'], animal_abroad: 'yes' },
    quiet: { scope: ['travel'], animal_abroad: 'yes' },
  },
  {
    rule: 'human_research_approval',
    fires: { scope: ['human_research'], human_research_approval: 'unsure' },
    quiet: { scope: ['human_research'], human_research_approval: 'no' },
  },
  {
    rule: 'lab_system_access',
    fires: { collaboration_type: 'visiting', lab_system_access: 'yes' },
    quiet: { collaboration_type: 'research', lab_system_access: 'yes' },
  },
  {
    rule: 'travel_safety',
    fires: { collaboration_type: 'conference', travel_safety: 'unsure' },
    quiet: { collaboration_type: 'conference', travel_safety: 'no' },
  },
  yesNo('ethical_issues'),
  yesNo('no_follow_up'),
];

const run = (answers: Answers) =>
  triage(defaultQuestionnaire, answers, countryReference, organisation, countryNames);

describe('default rules', () => {
  it('has a test case for every rule', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(defaultQuestionnaire.rules.map((r) => r.id).sort());
  });

  it('raises nothing for the quiet answers', () => {
    const result = run(quietAnswers());
    expect(result.flags).toEqual([]);
    expect(result.level).toBe('low');
  });

  it.each(CASES)('$rule fires when it should and not otherwise', ({ rule, fires, quiet }) => {
    const fired = run(quietAnswers(fires));
    const flag = fired.flags.find((f) => f.ruleId === rule);
    expect(flag, 'fires').toBeDefined();
    expect(flag?.because.length, 'cites its causes').toBeGreaterThan(0);
    const definition = defaultQuestionnaire.rules.find((r) => r.id === rule);
    expect(flag?.severity).toBe(definition?.severity);
    for (const route of definition?.routes ?? []) {
      expect(fired.routes.find((r) => r.supportId === route)?.becauseOf, route).toContain(rule);
    }
    expect(
      run(quietAnswers(quiet)).flags.map((f) => f.ruleId),
      'stays quiet',
    ).not.toContain(rule);
  });
});
