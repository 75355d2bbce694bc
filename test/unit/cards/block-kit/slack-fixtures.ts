/**
 * View fixtures for the Block Kit tests: the Adaptive Card fixtures (one realistic view per kind),
 * and oversized views that break every Slack limit if rendered naively (hostile views are in
 * hostile-fixtures.ts).
 */
import type {
  ApprovalRequestView,
  ApprovalResolvedView,
  FlagView,
  OutcomeSummary,
  OutcomeView,
  QuestionStepView,
  ReviewView,
  SupportLinkView,
  ViewModel,
} from '../../../../dialogs/views/view-model.js';
import {
  approvalRequest,
  approvalResolved,
  assessmentList,
  COUNTRY_OPTIONS,
  decision,
  discussionRecorded,
  discussionReminder,
  flags,
  help,
  message,
  outcomeSummary,
  pendingDecisionReminder,
  questionStep,
  reassessmentEndingSoon,
  review,
  supportFunctions,
  upcomingReminders,
  welcome,
} from '../adaptive/view-fixtures.js';

export * from '../adaptive/view-fixtures.js';
export * from './hostile-fixtures.js';

const long = (n: number, word = 'Long text '): string => word.repeat(Math.ceil(n / word.length)).slice(0, n);

const bigSupport: SupportLinkView[] = Array.from({ length: 150 }, (_, i) => ({
  ...(supportFunctions[i % 3] as SupportLinkView),
  id: `support_${i}`,
  name: `Support function ${i + 1} ${long(80)}`,
  description: long(300),
}));

const bigFlags: FlagView[] = Array.from({ length: 60 }, (_, i) => ({
  ...(flags[i % 2] as FlagView),
  title: `${long(300)} (${i + 1})`,
  because: Array.from({ length: 12 }, () => ({ question: long(300), answer: long(500) })),
  advice: long(600),
}));

export const bigSummary: OutcomeSummary = {
  ...outcomeSummary,
  title: long(300),
  partner: long(5000),
  country: long(300),
  submitterName: long(300),
  flags: bigFlags,
  support: bigSupport,
  benefits: Array.from({ length: 40 }, () => long(200)),
  proportionalityNote: long(5000),
};

const bigDecision = { ...decision, byName: long(300), comment: long(5000) };

export const bigOutcome: OutcomeView = {
  kind: 'outcome',
  outcome: bigSummary,
  deliveryNote: long(5000),
  decision: bigDecision,
};

export const bigApprovalRequest: ApprovalRequestView = {
  ...approvalRequest,
  outcome: bigSummary,
  deciders: Array.from({ length: 200 }, (_, i) => `Decider ${i} ${long(40)}`),
  decisionOptions: approvalRequest.decisionOptions.map((o) => ({ ...o, label: long(300) })),
  notice: long(5000),
};

export const bigApprovalResolved: ApprovalResolvedView = {
  ...approvalResolved,
  outcome: bigSummary,
  decision: bigDecision,
};

export const bigQuestionStep: QuestionStepView = {
  ...questionStep,
  questionnaireTitle: long(300),
  sectionTitle: long(300),
  sectionIntro: long(5000),
  notice: long(5000),
  questions: [
    ...questionStep.questions.map((q) => ({
      ...q,
      label: long(3000),
      help: long(3000),
      error: long(300),
      options: q.kind === 'country' ? COUNTRY_OPTIONS : q.options.map((o) => ({ ...o, label: long(300) })),
    })),
    {
      id: 'many_choices',
      kind: 'multiChoice' as const,
      label: 'Many choices',
      required: false,
      options: Array.from({ length: 150 }, (_, i) => ({ value: `v${i}`, label: `Choice ${i} ${long(100)}` })),
      value: ['v3', 'v140', 'unknown'],
      maxLength: 2000,
    },
    {
      id: 'big_select',
      kind: 'choice' as const,
      label: 'Big select',
      required: true,
      options: Array.from({ length: 230 }, (_, i) => ({ value: `c${i}`, label: `Option ${i}` })),
      value: 'c200',
      maxLength: 2000,
    },
    {
      id: 'long_answer',
      kind: 'longText' as const,
      label: 'Long answer',
      required: true,
      options: [],
      value: long(5000),
      maxLength: 5000,
    },
    ...Array.from({ length: 120 }, (_, i) => ({
      id: `extra_${i}`,
      kind: 'text' as const,
      label: `Extra question ${i}`,
      required: false,
      options: [],
      maxLength: 200,
    })),
  ],
};

export const bigReview: ReviewView = {
  ...review,
  title: long(5000),
  notice: long(5000),
  sections: Array.from({ length: 70 }, (_, i) => ({
    sectionId: `s${i}`,
    editStepId: `s${i}.1`,
    title: long(300),
    items: Array.from({ length: 30 }, (_, j) => ({
      questionId: `q${j}`,
      label: long(300),
      answer: long(2000),
    })),
  })),
};

const bigDrafts = Array.from({ length: 80 }, (_, i) => ({
  sessionId: `ses_${i}`,
  title: long(5000),
  updatedAt: '2026-11-19T08:00:00Z',
}));

/** Every view kind at its worst: long texts everywhere, far too many items. */
export const OVERSIZED_VIEWS: ViewModel[] = [
  bigQuestionStep,
  bigReview,
  bigOutcome,
  bigApprovalRequest,
  bigApprovalResolved,
  { ...welcome, userName: long(300), drafts: bigDrafts },
  {
    ...help,
    commands: Array.from({ length: 200 }, (_, i) => ({ command: `cmd${i}`, description: long(300) })),
    supportFunctions: bigSupport,
  },
  {
    ...assessmentList,
    drafts: bigDrafts,
    submitted: Array.from({ length: 200 }, (_, i) => ({
      assessmentId: `asm_${i}`,
      title: long(5000),
      submittedAt: '2026-11-21T14:05:09Z',
      levelLabel: 'High',
      decisionLabel: long(300),
    })),
  },
  { ...message, title: long(5000), text: long(5000) },
  ...bigReminders(),
];

function bigReminders(): ViewModel[] {
  const discussion = {
    ...discussionReminder,
    departmentName: long(300),
    guide: Array.from({ length: 60 }, () => long(300)),
    byLevel: Array.from({ length: 40 }, (_, i) => ({ label: long(100), count: i + 1 })),
    byDecision: Array.from({ length: 40 }, (_, i) => ({ label: long(100), count: i + 1 })),
    pending: Array.from({ length: 200 }, (_, i) => ({
      assessmentId: `asm_${i}`,
      title: long(5000),
      submittedAt: '2026-11-21T14:05:09Z',
      levelLabel: long(300),
    })),
    support: bigSupport,
  };
  return [
    discussion,
    { ...discussion, recorded: { ...discussionRecorded.recorded!, byName: long(300), note: long(5000) } },
    {
      ...reassessmentEndingSoon,
      title: long(5000),
      partner: long(5000),
      departmentName: long(300),
      levelLabel: long(300),
    },
    {
      ...pendingDecisionReminder,
      title: long(5000),
      departmentName: long(5000),
      submitterName: long(300),
      deciders: Array.from({ length: 200 }, (_, i) => `Decider ${i} ${long(40)}`),
    },
    {
      ...upcomingReminders,
      departmentName: long(300),
      pausedReason: long(5000),
      items: Array.from({ length: 300 }, (_, i) => ({
        kindLabel: long(100),
        dueAt: '2027-02-01T08:00:00Z',
        subject: `${long(2000)} ${i}`,
        statusLabel: long(100),
      })),
    },
  ];
}
