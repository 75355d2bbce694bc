/** Hand-built outcome, approval and support fixtures for the Adaptive Card tests (see view-fixtures.ts). */
import { DECISION_LABELS, DECISIONS } from '../../../../dialogs/assessment.js';
import type {
  ApprovalRequestView,
  ApprovalResolvedView,
  FlagView,
  OutcomeSummary,
  OutcomeView,
  SupportLinkView,
} from '../../../../dialogs/views/view-model.js';

export const supportFunctions: SupportLinkView[] = [
  {
    id: 'export_control',
    name: 'Export control office',
    description: 'Checks dual-use items and technology transfer.',
    url: 'https://intranet.example.edu/export-control',
    contact: 'exportcontrol@example.edu',
    mandatory: true,
  },
  {
    id: 'data_protection',
    name: 'Data protection officer',
    description: 'Advises on transfers of personal data outside the EU/EEA.',
    url: 'https://intranet.example.edu/gdpr',
    mandatory: false,
  },
  {
    id: 'grants_office',
    name: 'Grants office',
    description: 'Contract and agreement templates.',
    url: 'javascript:alert(1)',
    contact: 'grants@example.edu',
    mandatory: false,
  },
];

export const flags: FlagView[] = [
  {
    area: 'foreign',
    areaTitle: 'Foreign state influence',
    title: 'The partner country has laws obliging cooperation with intelligence services',
    severity: 'high',
    because: [{ question: 'Country where the partner is based', answer: 'China' }],
    advice: 'Limit access to sensitive data and agree on publication rights in writing.',
  },
  {
    area: 'partner',
    areaTitle: 'The partner',
    title: 'Possible ties to military or security organisations',
    severity: 'elevated',
    because: [{ question: 'Does the partner have known ties to military organisations?', answer: 'Unsure' }],
  },
];

export const outcomeSummary: OutcomeSummary = {
  assessmentId: 'asm_2026_0042',
  title: 'Water quality field study with Example University',
  partner: 'Example University of Technology',
  country: 'China',
  collaborationType: 'Joint research project',
  stage: 'Planning',
  departmentName: 'Global Public Health',
  submitterName: 'Alex Andersson',
  submittedAt: '2026-11-21T14:05:09Z',
  level: 'high',
  levelLabel: 'High',
  areas: [
    { area: 'foreign', title: 'Foreign state influence', level: 'high', flagCount: 1 },
    { area: 'partner', title: 'The partner', level: 'elevated', flagCount: 1 },
    { area: 'design', title: 'Project design', level: 'low', flagCount: 0 },
  ],
  flags,
  support: supportFunctions,
  benefits: ['Access to unique field sites', 'Joint publications in a growing research area'],
  proportionalityNote: 'The benefits are substantial; the risks can be reduced with the measures listed.',
  questionnaireVersion: '2026.1.0',
};

export const outcome: OutcomeView = {
  kind: 'outcome',
  outcome: outcomeSummary,
  deliveryNote: 'Sent to the head of department (Global Public Health).',
};

export const decision = {
  value: 'proceed_with_measures' as const,
  label: DECISION_LABELS.proceed_with_measures,
  byName: 'Kim Berg',
  at: '2026-11-23T09:30:00Z',
  comment: 'Proceed; involve the export control office before any data is shared.',
};

export const outcomeDecided: OutcomeView = { ...outcome, decision };

/** Ten flags and ten support functions: the size budget's worst realistic case. */
export const largeOutcome: OutcomeView = {
  ...outcome,
  outcome: {
    ...outcomeSummary,
    flags: Array.from({ length: 10 }, (_, i) => ({
      ...(flags[i % 2] as FlagView),
      title: `${(flags[i % 2] as FlagView).title} (${i + 1})`,
      because: [
        { question: 'Country where the partner is based', answer: 'China' },
        {
          question: 'Which kinds of data will be shared?',
          answer: 'Personal data, Export-controlled technology',
        },
      ],
      advice: 'Agree in writing who may access the data, where it is stored and how results are published.',
    })),
    support: Array.from({ length: 10 }, (_, i) => ({
      ...(supportFunctions[i % 2] as SupportLinkView),
      id: `support_${i}`,
      name: `Support function ${i + 1}`,
    })),
  },
};

export const approvalRequest: ApprovalRequestView = {
  kind: 'approvalRequest',
  outcome: outcomeSummary,
  deciders: ['Kim Berg', 'Sam Lindqvist'],
  decisionOptions: DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] })),
  assessmentVersion: 3,
};

export const approvalResolved: ApprovalResolvedView = {
  kind: 'approvalResolved',
  outcome: outcomeSummary,
  decision,
};
