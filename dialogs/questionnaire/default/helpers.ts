/**
 * Small builders for the default questionnaire, so each section file reads as a list of questions
 * and rules instead of repeated object boilerplate.
 */
import type { Condition, QuestionnaireInput } from '../schema.js';

export type SectionInput = QuestionnaireInput['sections'][number];
export type QuestionInput = SectionInput['questions'][number];
export type RuleInput = QuestionnaireInput['rules'][number];

/**
 * A yes/no/unsure question; "yes" (and therefore "unsure") is the answer that signals risk. Its
 * choices are fixed by the kind, so it carries no options.
 */
export function yesNo(id: string, label: string, help: string, showIf?: Condition): QuestionInput {
  return {
    id,
    kind: 'yesNoUnsure',
    label,
    help,
    ...(showIf ? { showIf } : {}),
  };
}

/** Holds when the question was answered "yes" or "unsure". */
export function yes(question: string): Condition {
  return { kind: 'answerIs', question, values: ['yes'] };
}

/** Holds when the "what does the activity involve" question includes any of these values. */
export function involves(...values: string[]): Condition {
  return { kind: 'answerIs', question: 'scope', values };
}

export function all(...of: Condition[]): Condition {
  return { kind: 'all', of };
}

export function any(...of: Condition[]): Condition {
  return { kind: 'any', of };
}

/** Country facts are read from the partner country answer. */
export function partnerCountry(
  fact: 'euEea' | 'gdprAdequacy' | 'euSanctions' | 'intelligenceCooperationLaw',
  is: boolean,
): Condition {
  return { kind: 'countryFact', question: 'partner_country', fact, is };
}

/** Academic freedom seriously restricted in the partner country (3 on the 1–3 scale). */
export const weakAcademicFreedom: Condition = {
  kind: 'academicFreedomAtLeast',
  question: 'partner_country',
  value: 3,
};
