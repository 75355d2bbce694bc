/**
 * A submitted assessment (cold history): the answers, the questionnaire version they were given
 * against, the triage outcome, where it was posted and the decision, if any.
 */
import type { Answers, Level } from './questionnaire/schema.js';
import type { Actor, Platform } from './session.js';
import type { TriageResult } from './triage/result.js';

export const DECISIONS = ['proceed', 'proceed_with_measures', 'pause_review', 'do_not_proceed'] as const;
export type DecisionValue = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<DecisionValue, string> = {
  proceed: 'Proceed',
  proceed_with_measures: 'Proceed with measures',
  pause_review: 'Pause and review',
  do_not_proceed: 'Do not proceed',
};

/**
 * What anonymisation leaves where a person's own words were (title, free-text answers, a
 * decision's comment), so a reader sees that something was there.
 */
export const ERASED_TEXT = '[erased]';

export interface Decision {
  value: DecisionValue;
  comment: string;
  by: Actor;
  at: string;
}

/** Where the approval card was posted, so it can be updated in place after a decision. */
export interface ChannelPost {
  platform: Platform;
  conversationId: string;
  messageId: string;
  postedAt: string;
}

export interface Assessment {
  id: string;
  submitter: Actor;
  questionnaireId: string;
  questionnaireVersion: string;
  answers: Answers;
  title: string;
  departmentId: string;
  submittedAt: string;
  triage: TriageResult;
  level: Level;
  decision?: Decision;
  posts: ChannelPost[];
  previousAssessmentId?: string;
  /** Optimistic concurrency: incremented on every save, checked by the store. */
  version: number;
}
