/** Area 1, the national context: export control, sanctions, security and protected information. */
import { all, partnerCountry, type RuleInput, type SectionInput, yes, yesNo } from './helpers.js';

export const NATIONAL_SECTION: SectionInput = {
  id: 'national',
  area: 'national',
  title: 'National security and export control',
  intro: 'Questions about what the activity could mean for national security and interests.',
  questions: [
    yesNo(
      'dual_use',
      'Could the activity involve knowledge, technology, software or items that could also be used for military purposes, or that are export-controlled?',
      'Dual-use items are civilian things with possible military use, for example some pathogens, chemicals, sensors or AI models. Export control rules apply even to sharing know-how.',
    ),
    yesNo(
      'sanctions_involved',
      'Could money, goods, services or know-how reach a person, organisation or country covered by sanctions?',
      'Sanctions can forbid making resources available to listed people or organisations, not only trade with a country.',
    ),
    yesNo(
      'security_sensitive',
      'Does the activity touch on security-sensitive areas, such as critical infrastructure, defence, emergency preparedness or cyber security?',
      'Such areas can be of interest to foreign states even when the research itself is open.',
    ),
    yesNo(
      'protected_information',
      'Will the activity involve classified information or information protected by confidentiality rules?',
      'For example information covered by security protection legislation or confidentiality in public authorities.',
    ),
  ],
};

export const NATIONAL_RULES: RuleInput[] = [
  {
    id: 'dual_use',
    area: 'national',
    title: 'Possible dual-use or export-controlled knowledge or items',
    severity: 'high',
    when: yes('dual_use'),
    // Only the mandatory target: `mandatory` applies to every route of a rule.
    routes: ['export_control'],
    mandatory: true,
    advice: 'Ask export control whether a licence is needed before sharing anything, including know-how.',
  },
  {
    id: 'dual_use_intelligence_law_country',
    area: 'national',
    title: 'Dual-use knowledge combined with a country whose laws can oblige assistance to the state',
    severity: 'escalate',
    when: all(yes('dual_use'), partnerCountry('intelligenceCooperationLaw', true)),
    routes: ['export_control', 'security_forum'],
    mandatory: true,
    advice: 'Do not proceed until export control and the Security Forum have advised on the matter.',
  },
  {
    id: 'sanctions_involved',
    area: 'national',
    title: 'Resources could reach someone covered by sanctions',
    severity: 'escalate',
    when: yes('sanctions_involved'),
    routes: ['export_control', 'legal'],
    mandatory: true,
    advice: 'Check the sanctions lists with export control and legal affairs before any commitment.',
  },
  {
    id: 'security_sensitive',
    area: 'national',
    title: 'The activity touches on security-sensitive areas',
    severity: 'high',
    when: yes('security_sensitive'),
    routes: ['security_forum'],
  },
  {
    id: 'protected_information',
    area: 'national',
    title: 'Classified or confidential information may be involved',
    severity: 'high',
    when: yes('protected_information'),
    routes: ['security_forum', 'legal'],
    advice: 'Agree who may access what before the activity starts.',
  },
];
