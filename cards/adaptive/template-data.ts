/**
 * Maps each view model to the data its Adaptive Card template binds. Display strings are made
 * inert (see escape.ts) and pre-computed here so templates hold no logic; input values are left
 * untouched because the client sends them back and they must round-trip exactly.
 */
import { ANSWER_INPUT_PREFIX, MAX_TEXT_LENGTH } from '../../dialogs/actions.js';
import type { AnswerKind } from '../../dialogs/questionnaire/schema.js';
import type {
  AssessmentListView,
  HelpView,
  MessageView,
  QuestionStepView,
  QuestionView,
  ReviewView,
  ViewModel,
  WelcomeView,
} from '../../dialogs/views/view-model.js';
import { inertText as t } from './escape.js';
import {
  type CardColor,
  type ContainerStyle,
  type DateFormatOptions,
  formatAge,
  formatDateTime,
} from './format.js';
import { approvalRequestData, approvalResolvedData, outcomeData, supportItemsData } from './outcome-data.js';
import {
  discussionReminderData,
  pendingDecisionReminderData,
  reassessmentReminderData,
  upcomingRemindersData,
} from './reminder-data.js';

export interface TemplateDataOptions extends DateFormatOptions {
  /** Current time (ISO), used for "3 days ago" hints; omitted hints keep output deterministic. */
  now?: string;
}

/** Which input control a template shows for each answer kind (matched by `$when`). */
const CONTROLS: Record<AnswerKind, string> = {
  text: 'text',
  longText: 'multiline',
  choice: 'compact',
  department: 'compact',
  yesNoUnsure: 'radio',
  multiChoice: 'multi',
  country: 'filtered',
  date: 'date',
};

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;

/** The value to pre-fill, in the shape each Adaptive Card input expects. */
function inputValue(q: QuestionView): string {
  const value = q.value;
  if (value === undefined) return '';
  // Option values cannot contain commas (schema), so "," is a safe separator for multi-select.
  if (Array.isArray(value)) return q.kind === 'multiChoice' ? value.join(',') : (value[0] ?? '');
  if (q.kind === 'date') return DATE_VALUE.test(value) ? value : '';
  return value;
}

function questionData(q: QuestionView) {
  return {
    inputId: `${ANSWER_INPUT_PREFIX}${q.id}`,
    control: CONTROLS[q.kind],
    // "(required)" instead of isRequired: client-side validation would block Back and Save too.
    label: t(q.required ? `${q.label} (required)` : q.label),
    answer: inputValue(q),
    maxLength: Math.min(q.maxLength, MAX_TEXT_LENGTH),
    options: q.options.map((o) => ({ title: t(o.label), value: o.value })),
    hasHelp: (q.help ?? '').length > 0,
    help: t(q.help ?? ''),
    hasError: (q.error ?? '').length > 0,
    error: t(q.error ?? ''),
  };
}

function questionStepData(view: QuestionStepView) {
  return {
    sessionId: view.sessionId,
    stepId: view.stepId,
    questionnaireTitle: t(view.questionnaireTitle),
    sectionTitle: t(view.sectionTitle),
    progress: `Step ${view.stepNumber} of ${view.stepCount}`,
    hasIntro: (view.sectionIntro ?? '').length > 0,
    sectionIntro: t(view.sectionIntro ?? ''),
    hasNotice: (view.notice ?? '').length > 0,
    notice: t(view.notice ?? ''),
    questions: view.questions.map(questionData),
    canGoBack: view.canGoBack,
    nextTitle: view.returnToReview ? 'Save and return to review' : 'Next',
  };
}

function reviewData(view: ReviewView) {
  return {
    sessionId: view.sessionId,
    title: t(view.title),
    hasNotice: (view.notice ?? '').length > 0,
    notice: t(view.notice ?? ''),
    sections: view.sections.map((s) => ({
      title: t(s.title),
      editStepId: s.editStepId,
      editTooltip: t(`Edit ${s.title}`),
      items: s.items.map((item) => ({
        label: t(item.label),
        answer: t(item.answer.length > 0 ? item.answer : 'Not answered'),
        unanswered: item.answer.length === 0,
      })),
    })),
  };
}

function draftsData(drafts: WelcomeView['drafts'], options: TemplateDataOptions) {
  return drafts.map((d) => {
    const age = formatAge(d.updatedAt, options.now);
    return {
      sessionId: d.sessionId,
      title: t(d.title.length > 0 ? d.title : 'Untitled draft'),
      savedText: `Last saved ${formatDateTime(d.updatedAt, options)}${age ? ` (${age})` : ''}`,
      resumeTooltip: t(`Resume ${d.title}`),
    };
  });
}

function welcomeData(view: WelcomeView, options: TemplateDataOptions) {
  return {
    greeting: t(view.userName.length > 0 ? `Hello, ${view.userName}` : 'Hello'),
    hasDrafts: view.drafts.length > 0,
    drafts: draftsData(view.drafts, options),
  };
}

function helpData(view: HelpView) {
  return {
    commands: view.commands.map((c) => ({ command: t(c.command), description: t(c.description) })),
    hasSupport: view.supportFunctions.length > 0,
    support: supportItemsData(view.supportFunctions),
  };
}

function assessmentListData(view: AssessmentListView, options: TemplateDataOptions) {
  return {
    isEmpty: view.drafts.length === 0 && view.submitted.length === 0,
    hasDrafts: view.drafts.length > 0,
    drafts: draftsData(view.drafts, options),
    hasSubmitted: view.submitted.length > 0,
    submitted: view.submitted.map((s) => ({
      title: t(s.title),
      detail: t(
        `Submitted ${formatDateTime(s.submittedAt, options)} · Level: ${s.levelLabel} · Decision: ${s.decisionLabel}`,
      ),
    })),
  };
}

const TONES: Record<MessageView['tone'], { style: ContainerStyle; color: CardColor }> = {
  info: { style: 'emphasis', color: 'default' },
  success: { style: 'good', color: 'good' },
  warning: { style: 'warning', color: 'warning' },
  error: { style: 'attention', color: 'attention' },
};

function messageData(view: MessageView) {
  return {
    ...TONES[view.tone],
    title: t(view.title),
    hasText: view.text.length > 0,
    text: t(view.text),
    offerStart: view.offerStart,
  };
}

/** The `$root` data for the template of `view.kind`. */
export function templateData(view: ViewModel, options: TemplateDataOptions = {}): object {
  switch (view.kind) {
    case 'questionStep':
      return questionStepData(view);
    case 'review':
      return reviewData(view);
    case 'outcome':
      return outcomeData(view, options);
    case 'approvalRequest':
      return approvalRequestData(view, options);
    case 'approvalResolved':
      return approvalResolvedData(view, options);
    case 'welcome':
      return welcomeData(view, options);
    case 'help':
      return helpData(view);
    case 'assessmentList':
      return assessmentListData(view, options);
    case 'message':
      return messageData(view);
    case 'discussionReminder':
      return discussionReminderData(view, options);
    case 'reassessmentReminder':
      return reassessmentReminderData(view, options);
    case 'pendingDecisionReminder':
      return pendingDecisionReminderData(view, options);
    case 'upcomingReminders':
      return upcomingRemindersData(view, options);
  }
}
