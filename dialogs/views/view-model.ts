/**
 * One view model per screen, produced by the core and rendered by each platform (Adaptive Cards
 * for Teams, Block Kit for Slack). Every string here is plain text exactly as written: renderers
 * escape it for their target, so text a user typed can never turn into markup.
 */
import type { DecisionValue } from '../assessment.js';
import type { AnswerKind, AreaId, Level, Option } from '../questionnaire/schema.js';

export interface QuestionView {
  id: string;
  kind: AnswerKind;
  label: string;
  help?: string;
  required: boolean;
  /** Choices for choice, multiChoice, yesNoUnsure, country and department questions. */
  options: Option[];
  /** Current answer, if any (a list for multiChoice). */
  value?: string | string[];
  maxLength: number;
  /** Validation message shown under the input. */
  error?: string;
}

export interface QuestionStepView {
  kind: 'questionStep';
  sessionId: string;
  stepId: string;
  questionnaireTitle: string;
  sectionTitle: string;
  sectionIntro?: string;
  /** 1-based position and total of visible steps, for "Step 3 of 9". */
  stepNumber: number;
  stepCount: number;
  questions: QuestionView[];
  canGoBack: boolean;
  /** Next returns to the review (editing after review). */
  returnToReview: boolean;
  notice?: string;
}

export interface ReviewItem {
  questionId: string;
  label: string;
  answer: string;
}

export interface ReviewSection {
  sectionId: string;
  /** Step to open when the user presses Edit for this section. */
  editStepId: string;
  title: string;
  items: ReviewItem[];
}

export interface ReviewView {
  kind: 'review';
  sessionId: string;
  title: string;
  sections: ReviewSection[];
  notice?: string;
}

export interface SupportLinkView {
  id: string;
  name: string;
  description: string;
  url?: string;
  contact?: string;
  mandatory: boolean;
}

export interface FlagView {
  area: AreaId;
  areaTitle: string;
  title: string;
  severity: Level;
  because: { question: string; answer: string }[];
  advice?: string;
}

export interface AreaView {
  area: AreaId;
  title: string;
  level: Level;
  flagCount: number;
}

export interface DecisionView {
  value: DecisionValue;
  label: string;
  byName: string;
  at: string;
  comment: string;
}

/** Shared by the outcome card (submitter) and the approval cards (department channel). */
export interface OutcomeSummary {
  assessmentId: string;
  title: string;
  partner: string;
  country: string;
  collaborationType: string;
  stage: string;
  departmentName: string;
  submitterName: string;
  submittedAt: string;
  level: Level;
  levelLabel: string;
  areas: AreaView[];
  flags: FlagView[];
  support: SupportLinkView[];
  benefits: string[];
  proportionalityNote: string;
  questionnaireVersion: string;
}

export interface OutcomeView {
  kind: 'outcome';
  outcome: OutcomeSummary;
  /** Where the outcome went, e.g. "Sent to the head of department (Global Public Health)". */
  deliveryNote: string;
  decision?: DecisionView;
}

export interface ApprovalRequestView {
  kind: 'approvalRequest';
  outcome: OutcomeSummary;
  /** Who may decide, as configured (names only). */
  deciders: string[];
  decisionOptions: { value: DecisionValue; label: string }[];
  /** The version the buttons act on; a stale click is refused. */
  assessmentVersion: number;
  notice?: string;
}

export interface ApprovalResolvedView {
  kind: 'approvalResolved';
  outcome: OutcomeSummary;
  decision: DecisionView;
}

export interface WelcomeView {
  kind: 'welcome';
  userName: string;
  drafts: { sessionId: string; title: string; updatedAt: string }[];
}

export interface HelpView {
  kind: 'help';
  commands: { command: string; description: string }[];
  supportFunctions: SupportLinkView[];
}

export interface AssessmentListView {
  kind: 'assessmentList';
  drafts: { sessionId: string; title: string; updatedAt: string }[];
  submitted: {
    assessmentId: string;
    title: string;
    submittedAt: string;
    levelLabel: string;
    decisionLabel: string;
  }[];
}

export interface MessageView {
  kind: 'message';
  tone: 'info' | 'success' | 'warning' | 'error';
  title: string;
  text: string;
  /** Offer to start or resume a riskcheck under the message. */
  offerStart: boolean;
}

export interface CountView {
  label: string;
  count: number;
}

/** Start of a semester: talk about responsible internationalisation in the department. */
export interface DiscussionReminderView {
  kind: 'discussionReminder';
  reminderId: string;
  departmentId: string;
  departmentName: string;
  /** True for the follow-up sent when no discussion was recorded within the grace period. */
  followUp: boolean;
  /** Date (ISO) of the last recorded discussion, if any. */
  lastDiscussedOn?: string;
  guide: string[];
  /** Assessments submitted since the last discussion. */
  assessmentCount: number;
  byLevel: CountView[];
  byDecision: CountView[];
  /** Still waiting for a decision. */
  pending: { assessmentId: string; title: string; submittedAt: string; levelLabel: string }[];
  support: SupportLinkView[];
  /** Set once someone pressed "We discussed this": the card then shows it instead of the button. */
  recorded?: { byName: string; heldOn: string; note: string; at: string };
}

/** To the submitter: time to reassess a collaboration (periodic, or its end is near). */
export interface ReassessmentReminderView {
  kind: 'reassessmentReminder';
  assessmentId: string;
  title: string;
  partner: string;
  departmentName: string;
  submittedAt: string;
  levelLabel: string;
  reason: 'interval' | 'endingSoon';
  /** The end date the submitter gave (YYYY-MM-DD), for endingSoon. */
  endDate?: string;
}

/** To the decision makers (nudge) or deans/admins (escalation): outcomes still undecided. */
export interface PendingDecisionReminderView {
  kind: 'pendingDecisionReminder';
  escalation: boolean;
  departmentName: string;
  assessmentId: string;
  title: string;
  submitterName: string;
  submittedAt: string;
  levelLabel: string;
  workingDaysWaiting: number;
  deciders: string[];
}

/** `riskcheck reminders`: what is coming up for a department. */
export interface UpcomingRemindersView {
  kind: 'upcomingReminders';
  departmentName: string;
  /** Why nothing is sent, if reminders are switched off or snoozed in the config. */
  pausedReason?: string;
  items: { kindLabel: string; dueAt: string; subject: string; statusLabel: string }[];
}

export type ViewModel =
  | QuestionStepView
  | ReviewView
  | OutcomeView
  | ApprovalRequestView
  | ApprovalResolvedView
  | WelcomeView
  | HelpView
  | AssessmentListView
  | MessageView
  | DiscussionReminderView
  | ReassessmentReminderView
  | PendingDecisionReminderView
  | UpcomingRemindersView;

export type ViewKind = ViewModel['kind'];
