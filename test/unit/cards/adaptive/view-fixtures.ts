/**
 * Hand-built view models for the Adaptive Card tests: one realistic fixture per view kind, large
 * ones for the size budget, and hostile ones whose user-typed fields try to inject markup.
 */
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type {
  AssessmentListView,
  HelpView,
  MessageView,
  QuestionStepView,
  ReviewView,
  ViewKind,
  ViewModel,
  WelcomeView,
} from '../../../../dialogs/views/view-model.js';
import {
  approvalRequest,
  approvalResolved,
  largeOutcome,
  outcome,
  outcomeDecided,
  supportFunctions,
} from './outcome-fixtures.js';
import {
  discussionFollowUp,
  discussionRecorded,
  discussionReminder,
  pendingDecisionEscalation,
  pendingDecisionReminder,
  reassessmentEndingSoon,
  reassessmentReminder,
  upcomingReminders,
  upcomingRemindersPaused,
} from './reminder-fixtures.js';

export * from './outcome-fixtures.js';
export * from './reminder-fixtures.js';

countries.registerLocale(en);

/** Every country the ISO list knows (about 250), as a country question offers them. */
export const COUNTRY_OPTIONS = Object.entries(countries.getNames('en', { select: 'official' }))
  .map(([code, label]) => ({ value: code.toLowerCase(), label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** Strings that would become markup, a mention, a date or a template expression if not inert. */
export const INJECTIONS = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template expression is the test input
  '${$root.sessionId}',
  '**bold** [link](https://evil.example)',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  '<at>x</at>',
] as const;

const yesNoUnsure = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Unsure' },
];

export const questionStep: QuestionStepView = {
  kind: 'questionStep',
  sessionId: 'ses_7f3a9c',
  stepId: 'partner.1',
  questionnaireTitle: 'Responsible internationalisation risk check',
  sectionTitle: 'The partner',
  sectionIntro: 'Tell us who you plan to work with and where they are based.',
  stepNumber: 3,
  stepCount: 9,
  canGoBack: true,
  returnToReview: false,
  questions: [
    {
      id: 'partner_name',
      kind: 'text',
      label: 'Name of the partner organisation',
      help: 'Use the full legal name if you know it.',
      required: true,
      options: [],
      value: 'Example University of Technology',
      maxLength: 200,
    },
    {
      id: 'partner_country',
      kind: 'country',
      label: 'Country where the partner is based',
      required: true,
      options: COUNTRY_OPTIONS.slice(0, 12),
      value: 'at',
      maxLength: 2000,
      error: 'Choose a country from the list.',
    },
    {
      id: 'partner_military',
      kind: 'yesNoUnsure',
      label: 'Does the partner have known ties to military or security organisations?',
      help: '"Unsure" is treated like "yes": someone will help you check.',
      required: true,
      options: yesNoUnsure,
      maxLength: 2000,
    },
    {
      id: 'collaboration_type',
      kind: 'choice',
      label: 'Type of collaboration',
      required: true,
      options: [
        { value: 'research', label: 'Joint research project' },
        { value: 'education', label: 'Education or student exchange' },
        { value: 'mou', label: 'Memorandum of understanding' },
      ],
      value: 'research',
      maxLength: 2000,
    },
    {
      id: 'data_kinds',
      kind: 'multiChoice',
      label: 'Which kinds of data will be shared?',
      required: false,
      options: [
        { value: 'personal', label: 'Personal data' },
        { value: 'sensitive', label: 'Sensitive personal data' },
        { value: 'export_controlled', label: 'Export-controlled technology' },
      ],
      value: ['personal', 'export_controlled'],
      maxLength: 2000,
    },
  ],
};

/** A step with the other input kinds: long text, department, date; first step, editing. */
export const questionStepOtherKinds: QuestionStepView = {
  ...questionStep,
  stepId: 'context.1',
  sectionTitle: 'Context',
  sectionIntro: undefined,
  stepNumber: 1,
  canGoBack: false,
  returnToReview: true,
  notice: 'Your draft was saved 2 days ago. Continue where you left off.',
  questions: [
    {
      id: 'summary',
      kind: 'longText',
      label: 'Describe the collaboration in a few sentences',
      required: true,
      options: [],
      value: 'Joint field study on water quality.\nTwo PhD students visit for 3 months.',
      maxLength: 5000,
    },
    {
      id: 'department',
      kind: 'department',
      label: 'Your department',
      required: true,
      options: [
        { value: 'gph', label: 'Global Public Health' },
        { value: 'phys', label: 'Physics' },
      ],
      maxLength: 2000,
    },
    {
      id: 'start_date',
      kind: 'date',
      label: 'Planned start',
      required: false,
      options: [],
      value: '2027-01-15',
      maxLength: 2000,
    },
  ],
};

export const largeQuestionStep: QuestionStepView = {
  ...questionStep,
  questions: questionStep.questions.map((q) =>
    q.kind === 'country' ? { ...q, options: COUNTRY_OPTIONS, help: 'Start typing to filter the list.' } : q,
  ),
};

export const review: ReviewView = {
  kind: 'review',
  sessionId: 'ses_7f3a9c',
  title: 'Water quality field study with Example University',
  sections: [
    {
      sectionId: 'context',
      editStepId: 'context.1',
      title: 'Context',
      items: [
        {
          questionId: 'summary',
          label: 'Describe the collaboration',
          answer: 'Joint field study on water quality.',
        },
        { questionId: 'department', label: 'Your department', answer: 'Global Public Health' },
      ],
    },
    {
      sectionId: 'partner',
      editStepId: 'partner.1',
      title: 'The partner',
      items: [
        {
          questionId: 'partner_name',
          label: 'Name of the partner',
          answer: 'Example University of Technology',
        },
        { questionId: 'partner_country', label: 'Country', answer: 'China' },
        { questionId: 'data_kinds', label: 'Data shared', answer: '' },
      ],
    },
  ],
};

const drafts = [
  { sessionId: 'ses_7f3a9c', title: 'Water quality field study', updatedAt: '2026-11-19T08:00:00Z' },
  { sessionId: 'ses_81bd02', title: 'Summer school in Nairobi', updatedAt: '2026-11-21T13:50:00Z' },
];

export const welcome: WelcomeView = { kind: 'welcome', userName: 'Alex Andersson', drafts };

export const help: HelpView = {
  kind: 'help',
  commands: [
    { command: 'start', description: 'Start a new risk check' },
    { command: 'resume', description: 'Continue your latest draft' },
    { command: 'list', description: 'Show your drafts and submitted assessments' },
    { command: 'help', description: 'Show this help' },
  ],
  supportFunctions: supportFunctions.slice(0, 2),
};

export const assessmentList: AssessmentListView = {
  kind: 'assessmentList',
  drafts,
  submitted: [
    {
      assessmentId: 'asm_2026_0042',
      title: 'Water quality field study with Example University',
      submittedAt: '2026-11-21T14:05:09Z',
      levelLabel: 'High',
      decisionLabel: 'Proceed with measures',
    },
  ],
};

export const message: MessageView = {
  kind: 'message',
  tone: 'warning',
  title: 'Nothing to resume',
  text: 'You have no saved draft. Start a new risk check?',
  offerStart: true,
};

/** One realistic fixture per view kind: the golden files. */
export const GOLDEN_VIEWS: Record<ViewKind, ViewModel> = {
  questionStep,
  review,
  outcome: outcomeDecided,
  approvalRequest,
  approvalResolved,
  welcome,
  help,
  assessmentList,
  message,
  discussionReminder,
  reassessmentReminder,
  pendingDecisionReminder,
  upcomingReminders,
};

/** Further fixtures every structural test also runs over. */
export const EXTRA_VIEWS: ViewModel[] = [
  questionStepOtherKinds,
  largeQuestionStep,
  outcome,
  largeOutcome,
  { ...assessmentList, drafts: [], submitted: [] },
  { ...message, tone: 'error', text: '', offerStart: false },
  { ...welcome, userName: '', drafts: [] },
  discussionFollowUp,
  discussionRecorded,
  reassessmentEndingSoon,
  pendingDecisionEscalation,
  upcomingRemindersPaused,
];
