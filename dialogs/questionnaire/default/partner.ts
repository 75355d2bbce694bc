/** Area 4, the cooperation partner: ownership, ties to military bodies, sanctions and integrity. */
import { all, any, type RuleInput, type SectionInput, yes, yesNo } from './helpers.js';

export const PARTNER_SECTION: SectionInput = {
  id: 'partner',
  area: 'partner',
  title: 'The partner',
  intro: 'Questions about the partner organisation itself.',
  questions: [
    yesNo(
      'ownership_unclear',
      'Is anything unclear about who owns, controls or funds the partner?',
      'A university can belong to a ministry, a company to a state group. Check the partner’s website and annual report.',
    ),
    yesNo(
      'military_ties',
      'Does the partner have ties to military, security or defence organisations?',
      'For example defence universities, armed forces, security services or the defence industry, including through owners or funders.',
    ),
    yesNo(
      'partner_sanctioned',
      'Is the partner, or anyone on its side, listed under sanctions or on export-control end-user lists?',
      'Check the EU consolidated sanctions list and the export control authority’s guidance, or ask export control.',
    ),
    yesNo(
      'integrity_concerns',
      'Are there questions about the partner’s reputation or integrity?',
      'For example research misconduct, ethics violations, corruption or involvement in human rights abuses.',
    ),
    yesNo(
      'aims_unclear',
      'Is the partner unclear or less than open about what it wants from the collaboration?',
      'Vague aims or unexplained interest in specific people, data or technology deserve a closer look.',
    ),
  ],
};

export const PARTNER_RULES: RuleInput[] = [
  {
    id: 'ownership_unclear',
    area: 'partner',
    title: 'Unclear ownership, control or funding of the partner',
    severity: 'elevated',
    when: yes('ownership_unclear'),
    routes: ['international_office', 'research_support'],
  },
  {
    id: 'military_ties',
    area: 'partner',
    title: 'The partner has ties to military, security or defence organisations',
    severity: 'high',
    when: yes('military_ties'),
    routes: ['security_forum'],
  },
  {
    id: 'military_ties_sensitive',
    area: 'partner',
    title: 'A partner with military or security ties combined with dual-use or sensitive knowledge',
    severity: 'escalate',
    when: all(yes('military_ties'), any(yes('dual_use'), yes('sensitive_knowledge'))),
    routes: ['security_forum', 'export_control'],
    mandatory: true,
    advice: 'Escalate to the Security Forum before going further.',
  },
  {
    id: 'partner_sanctioned',
    area: 'partner',
    title: 'The partner may be listed under sanctions or export-control lists',
    severity: 'escalate',
    when: yes('partner_sanctioned'),
    routes: ['export_control', 'legal', 'security_forum'],
    mandatory: true,
  },
  {
    id: 'integrity_concerns',
    area: 'partner',
    title: 'Questions about the partner’s reputation or integrity',
    severity: 'elevated',
    when: yes('integrity_concerns'),
    routes: ['ombudsman', 'ethics_committee'],
  },
  {
    id: 'aims_unclear',
    area: 'partner',
    title: 'The partner’s aims are unclear',
    severity: 'elevated',
    when: yes('aims_unclear'),
    routes: ['international_office'],
  },
];
