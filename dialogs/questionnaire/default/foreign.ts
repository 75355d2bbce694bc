/**
 * Area 3, the foreign context. The country facts come from the organisation's reference data;
 * on their own they raise at most "elevated", except sanctions, because the frameworks weigh
 * content, partner and country together and are not meant to discriminate by country.
 */
import {
  partnerCountry,
  type RuleInput,
  type SectionInput,
  weakAcademicFreedom,
  yes,
  yesNo,
} from './helpers.js';

export const FOREIGN_SECTION: SectionInput = {
  id: 'foreign',
  area: 'foreign',
  title: "The partner's country",
  intro: 'Questions about the country where the partner is based. Answer from what you know or can find out.',
  questions: [
    yesNo(
      'rule_of_law_concerns',
      'Are you aware of concerns about the rule of law, human rights or academic freedom in the partner country that could affect the activity?',
      'For example state control over universities, censorship of research topics or risks for people who take part.',
    ),
    yesNo(
      'state_assistance',
      'Could the partner or its staff be obliged by law to share information with, or assist, their state’s intelligence services or military?',
      'Some countries have laws that require organisations and citizens to cooperate with state intelligence work.',
    ),
    yesNo(
      'security_tensions',
      'Are there security-policy tensions between our country and the partner country?',
      'For example a country named in national threat assessments or one we do not cooperate with on security policy.',
    ),
  ],
};

export const FOREIGN_RULES: RuleInput[] = [
  {
    id: 'rule_of_law_concerns',
    area: 'foreign',
    title: 'Concerns about rule of law, human rights or academic freedom in the partner country',
    severity: 'elevated',
    when: yes('rule_of_law_concerns'),
    routes: ['international_office', 'ombudsman'],
  },
  {
    id: 'state_assistance',
    area: 'foreign',
    title: 'The partner may be obliged to assist its state’s intelligence services or military',
    severity: 'elevated',
    when: yes('state_assistance'),
    routes: ['security_forum'],
  },
  {
    id: 'security_tensions',
    area: 'foreign',
    title: 'Security-policy tensions with the partner country',
    severity: 'elevated',
    when: yes('security_tensions'),
    routes: ['security_forum', 'international_office'],
  },
  {
    id: 'country_sanctions',
    area: 'foreign',
    title: 'The partner country is subject to EU restrictive measures (sanctions)',
    severity: 'escalate',
    when: partnerCountry('euSanctions', true),
    routes: ['security_forum', 'export_control', 'legal'],
    mandatory: true,
    advice: 'Sanctions can forbid the activity outright. Do not commit to anything before advice.',
  },
  {
    id: 'country_weak_academic_freedom',
    area: 'foreign',
    title: 'Academic freedom is seriously restricted in the partner country (reference data)',
    severity: 'elevated',
    when: weakAcademicFreedom,
    routes: ['international_office'],
    advice: 'On its own this does not make the activity high-risk; weigh it with what the activity involves.',
  },
  {
    id: 'country_intelligence_law',
    area: 'foreign',
    title: 'The partner country has laws that can oblige assistance to state intelligence (reference data)',
    severity: 'elevated',
    when: partnerCountry('intelligenceCooperationLaw', true),
    routes: ['security_forum'],
    advice: 'On its own this does not make the activity high-risk; weigh it with what the activity involves.',
  },
];
