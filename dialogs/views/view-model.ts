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

export type ViewModel =
  | QuestionStepView
  | ReviewView
  | OutcomeView
  | ApprovalRequestView
  | ApprovalResolvedView
  | WelcomeView
  | HelpView
  | AssessmentListView
  | MessageView;

export type ViewKind = ViewModel['kind'];
