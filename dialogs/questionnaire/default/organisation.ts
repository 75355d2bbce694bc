/** Area 2, the organisation's own activities: sensitive knowledge, dependence and capacity. */
import {
  all,
  any,
  partnerCountry,
  type RuleInput,
  type SectionInput,
  weakAcademicFreedom,
  yes,
  yesNo,
} from './helpers.js';

export const ORGANISATION_SECTION: SectionInput = {
  id: 'organisation',
  area: 'organisation',
  title: 'Our own activities',
  intro: 'Questions about what we bring to the collaboration and whether we can manage it.',
  questions: [
    yesNo(
      'sensitive_knowledge',
      'Does the activity involve knowledge, methods or results that are sensitive or strategically important?',
      'For example emerging technologies, unique expertise, or results others would find valuable to obtain early.',
    ),
    yesNo(
      'infrastructure_access',
      'Will the partner get access to our infrastructure, biobanks, registers or large data sets?',
      'Access to shared resources can expose more than the collaboration itself needs.',
    ),
    yesNo(
      'funding_dependence',
      'Would the research group or department become dependent on money from this partner?',
      'Dependence makes it harder to say no or to end the collaboration if problems arise.',
    ),
    yesNo(
      'capacity_doubt',
      'Is there any doubt that we have the time, skills and resources to follow the activity up properly?',
      'Think of who will keep an eye on agreements, data, visitors and reporting while it runs.',
    ),
    yesNo(
      'earlier_problems',
      'Have there been problems in earlier collaborations with this partner, or in similar activities?',
      'For example disputes about data, publication, money or conduct.',
    ),
  ],
};

export const ORGANISATION_RULES: RuleInput[] = [
  {
    id: 'sensitive_knowledge',
    area: 'organisation',
    title: 'Sensitive or strategically important knowledge is involved',
    severity: 'elevated',
    when: yes('sensitive_knowledge'),
    routes: ['research_support', 'international_office'],
  },
  {
    id: 'sensitive_knowledge_risky_country',
    area: 'organisation',
    title:
      'Sensitive knowledge combined with a country where the state can demand assistance or academic freedom is weak',
    severity: 'high',
    when: all(
      yes('sensitive_knowledge'),
      any(partnerCountry('intelligenceCooperationLaw', true), weakAcademicFreedom, yes('state_assistance')),
    ),
    routes: ['security_forum', 'international_office'],
    advice: 'Limit what is shared to what the activity needs and agree it in writing.',
  },
  {
    id: 'infrastructure_access',
    area: 'organisation',
    title: 'The partner gets access to our infrastructure or data',
    severity: 'elevated',
    when: yes('infrastructure_access'),
    routes: ['research_support', 'it_security'],
  },
  {
    id: 'funding_dependence',
    area: 'organisation',
    title: 'Dependence on the partner’s funding',
    severity: 'elevated',
    when: yes('funding_dependence'),
    routes: ['research_support'],
  },
  {
    id: 'capacity_doubt',
    area: 'organisation',
    title: 'Doubt about our capacity to follow the activity up',
    severity: 'elevated',
    when: yes('capacity_doubt'),
    routes: ['department_admin', 'research_support'],
  },
  {
    id: 'earlier_problems',
    area: 'organisation',
    title: 'Problems in earlier collaborations',
    severity: 'elevated',
    when: yes('earlier_problems'),
    routes: ['international_office'],
  },
];
