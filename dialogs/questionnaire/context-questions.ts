/**
 * The context questions the rest of the system relies on (routing, titles, reminders). Any
 * questionnaire, including an organisation's own, must define them with these ids and kinds.
 */
import type { AnswerKind } from './schema.js';

export const CONTEXT_QUESTIONS = {
  title: 'title',
  partnerName: 'partner_name',
  partnerCountry: 'partner_country',
  collaborationType: 'collaboration_type',
  formality: 'formality',
  stage: 'stage',
  department: 'department',
} as const;

export const REQUIRED_CONTEXT_KINDS: Record<string, AnswerKind> = {
  [CONTEXT_QUESTIONS.title]: 'text',
  [CONTEXT_QUESTIONS.partnerName]: 'text',
  [CONTEXT_QUESTIONS.partnerCountry]: 'country',
  [CONTEXT_QUESTIONS.collaborationType]: 'choice',
  [CONTEXT_QUESTIONS.formality]: 'choice',
  [CONTEXT_QUESTIONS.stage]: 'choice',
  [CONTEXT_QUESTIONS.department]: 'department',
};

/** Collaboration types, the values routing understands (see routing/responsibility.ts). */
export const COLLABORATION_TYPES = [
  'research',
  'doctoral',
  'programme',
  'course',
  'mobility',
  'visiting',
  'conference',
  'other',
] as const;
export type CollaborationType = (typeof COLLABORATION_TYPES)[number];

export const STAGES = ['planned', 'ongoing', 'ending'] as const;
export type Stage = (typeof STAGES)[number];
