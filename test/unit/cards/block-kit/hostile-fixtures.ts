/** Hostile view fixtures for the Block Kit tests: every user- or config-supplied string tries to inject. */
import type { OutcomeSummary, SupportLinkView, ViewModel } from '../../../../dialogs/views/view-model.js';
import {
  approvalRequest,
  approvalResolved,
  assessmentList,
  decision,
  discussionReminder,
  flags,
  help,
  message,
  outcomeSummary,
  pendingDecisionEscalation,
  questionStep,
  reassessmentEndingSoon,
  review,
  upcomingReminders,
  welcome,
} from '../adaptive/view-fixtures.js';

/** Text that must never reach Slack as markup: mentions, a link, formatting, an entity. */
export const SLACK_INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<@U123ABC>',
  '<https://evil.example|click>',
  '*bold* _it_ ~s~ `code`',
  '&amp;',
] as const;
export const HOSTILE = SLACK_INJECTIONS.join(' ');

const hostileSupport: SupportLinkView = {
  id: 'hostile',
  name: HOSTILE,
  description: HOSTILE,
  url: 'https://intranet.example.edu/x',
  contact: HOSTILE,
  mandatory: true,
};

const hostileSummary: OutcomeSummary = {
  ...outcomeSummary,
  title: HOSTILE,
  partner: HOSTILE,
  country: HOSTILE,
  collaborationType: HOSTILE,
  stage: HOSTILE,
  departmentName: HOSTILE,
  submitterName: HOSTILE,
  levelLabel: HOSTILE,
  areas: outcomeSummary.areas.map((a) => ({ ...a, title: HOSTILE })),
  flags: flags.map((f) => ({
    ...f,
    areaTitle: HOSTILE,
    title: HOSTILE,
    because: [{ question: HOSTILE, answer: HOSTILE }],
    advice: HOSTILE,
  })),
  support: [hostileSupport, { ...hostileSupport, url: HOSTILE }],
  benefits: [HOSTILE],
  proportionalityNote: HOSTILE,
};

const hostileDecision = { ...decision, label: HOSTILE, byName: HOSTILE, comment: HOSTILE };

/** Every user- or config-supplied string replaced by injection attempts. */
export const HOSTILE_VIEWS: ViewModel[] = [
  {
    ...questionStep,
    questionnaireTitle: HOSTILE,
    sectionTitle: HOSTILE,
    sectionIntro: HOSTILE,
    notice: HOSTILE,
    questions: questionStep.questions.map((q) => ({
      ...q,
      label: HOSTILE,
      help: HOSTILE,
      error: HOSTILE,
      options: q.options.map((o) => ({ ...o, label: HOSTILE })),
    })),
  },
  {
    ...review,
    title: HOSTILE,
    notice: HOSTILE,
    sections: review.sections.map((s) => ({
      ...s,
      title: HOSTILE,
      items: s.items.map((item) => ({ ...item, label: HOSTILE, answer: HOSTILE })),
    })),
  },
  { kind: 'outcome', outcome: hostileSummary, deliveryNote: HOSTILE, decision: hostileDecision },
  {
    ...approvalRequest,
    outcome: hostileSummary,
    deciders: [HOSTILE],
    decisionOptions: approvalRequest.decisionOptions.map((o) => ({ ...o, label: HOSTILE })),
    notice: HOSTILE,
  },
  { ...approvalResolved, outcome: hostileSummary, decision: hostileDecision },
  { ...welcome, userName: HOSTILE, drafts: [{ sessionId: 'ses_1', title: HOSTILE, updatedAt: HOSTILE }] },
  { ...help, commands: [{ command: HOSTILE, description: HOSTILE }], supportFunctions: [hostileSupport] },
  {
    ...assessmentList,
    drafts: [{ sessionId: 'ses_1', title: HOSTILE, updatedAt: '2026-11-19T08:00:00Z' }],
    submitted: [
      {
        assessmentId: 'a',
        title: HOSTILE,
        submittedAt: HOSTILE,
        levelLabel: HOSTILE,
        decisionLabel: HOSTILE,
      },
    ],
  },
  { ...message, title: HOSTILE, text: HOSTILE },
  ...hostileReminders(),
];

function hostileReminders(): ViewModel[] {
  const discussion = {
    ...discussionReminder,
    departmentName: HOSTILE,
    followUp: true,
    lastDiscussedOn: HOSTILE,
    guide: [HOSTILE],
    byLevel: [{ label: HOSTILE, count: 1 }],
    byDecision: [{ label: HOSTILE, count: 1 }],
    pending: [{ assessmentId: 'a', title: HOSTILE, submittedAt: HOSTILE, levelLabel: HOSTILE }],
    support: [hostileSupport, { ...hostileSupport, url: HOSTILE }],
  };
  return [
    discussion,
    { ...discussion, recorded: { byName: HOSTILE, heldOn: HOSTILE, note: HOSTILE, at: HOSTILE } },
    {
      ...reassessmentEndingSoon,
      title: HOSTILE,
      partner: HOSTILE,
      departmentName: HOSTILE,
      submittedAt: HOSTILE,
      levelLabel: HOSTILE,
      endDate: HOSTILE,
    },
    {
      ...pendingDecisionEscalation,
      title: HOSTILE,
      departmentName: HOSTILE,
      submitterName: HOSTILE,
      submittedAt: HOSTILE,
      levelLabel: HOSTILE,
      deciders: [HOSTILE],
    },
    {
      ...upcomingReminders,
      departmentName: HOSTILE,
      pausedReason: HOSTILE,
      items: [{ kindLabel: HOSTILE, dueAt: HOSTILE, subject: HOSTILE, statusLabel: HOSTILE }],
    },
  ];
}
