/**
 * Area 5, the design of the cooperation: agreement, results, publication, data, people and
 * follow-up. Several questions are asked only when the scope answer makes them relevant; the
 * gates for animal work abroad and personal data outside the EU/EEA are mandatory routes.
 */
import type { Condition } from '../schema.js';
import {
  all,
  any,
  involves,
  partnerCountry,
  type RuleInput,
  type SectionInput,
  yes,
  yesNo,
} from './helpers.js';

const typeIs = (...values: string[]): Condition => ({
  kind: 'answerIs',
  question: 'collaboration_type',
  values,
});

export const DESIGN_SECTION: SectionInput = {
  id: 'design',
  area: 'design',
  title: 'How the collaboration is set up',
  intro: 'Questions about agreements, results, data and people.',
  questions: [
    yesNo(
      'no_agreement',
      'Will the activity run without a written agreement that also says how either side can end it?',
      'A written agreement with exit clauses lets you stop the collaboration if the situation changes.',
    ),
    yesNo(
      'ip_unclear',
      'Is it unclear or disputed who will own the results and any intellectual property?',
      'Settle ownership and rights of use before work starts, not when results exist.',
    ),
    yesNo(
      'publication_restricted',
      'Could the partner stop, delay or need to approve the publication of results?',
      'Freedom to publish is part of academic freedom. A short review period for patents is common; a veto is not.',
    ),
    yesNo(
      'funding_conditions',
      'Does the partner’s funding come with conditions on the research, who takes part or what may be published?',
      'Conditions can give a funder influence beyond what the collaboration needs.',
      involves('funding_from_partner'),
    ),
    yesNo(
      'data_without_agreement',
      'Will data or samples go to the partner without an agreement on what they may be used for?',
      'A data or material transfer agreement sets out use, storage, onward sharing and return or deletion.',
      involves('sharing_data', 'samples'),
    ),
    yesNo(
      'personal_data_transfer',
      'Will personal data be sent to the partner, or be accessible to them from their country?',
      'Personal data is anything that can identify a person, also when coded. Transfers outside the EU/EEA need a legal basis.',
      involves('personal_data'),
    ),
    yesNo(
      'animal_abroad',
      'Will any animal experiments be carried out abroad, by the partner or by our own staff?',
      'Animal experiments abroad must always be discussed with the Animal Welfare Body, whatever the other answers.',
      involves('animal_experiments'),
    ),
    yesNo(
      'human_research_approval',
      'Will research involving people take place abroad without a confirmed ethics approval that meets our standards?',
      'Answer "yes" or "unsure" if approval abroad is missing or not yet confirmed. Approval may also be needed at home.',
      involves('human_research'),
    ),
    yesNo(
      'lab_system_access',
      'Will visitors or partner staff get access to our labs, equipment or IT systems?',
      'Access should match what the work needs and end when the work ends.',
      any(involves('lab_access'), typeIs('visiting')),
    ),
    yesNo(
      'travel_safety',
      'Is there a travel warning or any other safety concern for the places staff or students will travel to?',
      'Check the foreign ministry’s travel advice and your organisation’s travel rules.',
      any(involves('travel'), typeIs('mobility', 'conference')),
    ),
    yesNo(
      'ethical_issues',
      'Does the activity raise any other ethical questions?',
      'For example how the partner might use the results, vulnerable groups, or conflicts of interest.',
    ),
    yesNo(
      'no_follow_up',
      'Will the activity run for more than a year without a planned point to review it?',
      'Long collaborations should be reassessed regularly, as partners and situations change.',
    ),
  ],
};

export const DESIGN_RULES: RuleInput[] = [
  {
    id: 'no_agreement',
    area: 'design',
    title: 'No written agreement with exit clauses',
    severity: 'elevated',
    when: yes('no_agreement'),
    routes: ['legal'],
  },
  {
    id: 'ip_unclear',
    area: 'design',
    title: 'Ownership of results and intellectual property is unclear',
    severity: 'elevated',
    when: yes('ip_unclear'),
    routes: ['legal', 'research_support'],
  },
  {
    id: 'publication_restricted',
    area: 'design',
    title: 'The freedom to publish may be restricted',
    severity: 'elevated',
    when: yes('publication_restricted'),
    routes: ['research_support', 'legal'],
  },
  {
    id: 'funding_conditions',
    area: 'design',
    title: 'The partner’s funding comes with conditions',
    severity: 'elevated',
    when: yes('funding_conditions'),
    routes: ['research_support', 'legal'],
  },
  {
    id: 'data_without_agreement',
    area: 'design',
    title: 'Data or samples shared without a transfer agreement',
    severity: 'elevated',
    when: yes('data_without_agreement'),
    routes: ['research_support', 'legal'],
  },
  {
    id: 'personal_data_no_adequacy',
    area: 'design',
    title: 'Personal data to a country outside the EU/EEA without an adequacy decision',
    severity: 'high',
    when: all(
      yes('personal_data_transfer'),
      partnerCountry('euEea', false),
      partnerCountry('gdprAdequacy', false),
    ),
    routes: ['data_protection'],
    mandatory: true,
    advice:
      'A transfer needs safeguards such as standard contractual clauses and a transfer impact assessment.',
  },
  {
    id: 'personal_data_adequacy',
    area: 'design',
    title: 'Personal data to a country outside the EU/EEA with an adequacy decision',
    severity: 'elevated',
    when: all(
      yes('personal_data_transfer'),
      partnerCountry('euEea', false),
      partnerCountry('gdprAdequacy', true),
    ),
    routes: ['data_protection'],
    advice:
      'Check that the adequacy decision covers this partner (some apply only to certified organisations).',
  },
  {
    id: 'animal_abroad',
    area: 'design',
    title: 'Animal experiments abroad',
    severity: 'elevated',
    when: yes('animal_abroad'),
    routes: ['animal_welfare_body'],
    mandatory: true,
    advice: 'Contact the Animal Welfare Body before the experiments are planned in detail.',
  },
  {
    id: 'human_research_approval',
    area: 'design',
    title: 'Research on people abroad without confirmed ethics approval',
    severity: 'elevated',
    when: yes('human_research_approval'),
    routes: ['ethics_committee', 'ombudsman'],
  },
  {
    id: 'lab_system_access',
    area: 'design',
    title: 'Visitors or partner staff get access to labs or IT systems',
    severity: 'elevated',
    when: yes('lab_system_access'),
    routes: ['it_security', 'hr'],
  },
  {
    id: 'travel_safety',
    area: 'design',
    title: 'Safety concerns for travel',
    severity: 'elevated',
    when: yes('travel_safety'),
    routes: ['hr', 'international_office'],
  },
  {
    id: 'ethical_issues',
    area: 'design',
    title: 'The activity raises ethical questions',
    severity: 'elevated',
    when: yes('ethical_issues'),
    routes: ['ethics_committee', 'ombudsman'],
  },
  {
    id: 'no_follow_up',
    area: 'design',
    title: 'Long activity without planned follow-up',
    severity: 'elevated',
    when: yes('no_follow_up'),
    routes: ['department_admin'],
  },
];
