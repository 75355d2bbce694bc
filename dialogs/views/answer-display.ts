/**
 * Shows a stored answer the way the user saw it when answering: option labels, country and
 * department names, "Unsure", lists joined with ", ". Used by the review card.
 */
import type { Organisation } from '../organisation/schema.js';
import type { AnswerValue, Question } from '../questionnaire/schema.js';
import type { CountryOption } from '../reference/country-facts.js';

/** Shown for an optional question left empty. */
export const NO_ANSWER = '—';

export const YES_NO_UNSURE_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Unsure' },
] as const;

export interface DisplayContext {
  organisation: Organisation;
  countries: CountryOption[];
}

export function displayAnswer(
  question: Question,
  value: AnswerValue | undefined,
  context: DisplayContext,
): string {
  if (value === undefined) return NO_ANSWER;
  const values = Array.isArray(value) ? value : [value];
  const shown = values.filter((v) => v !== '').map((v) => displayOne(question, v, context));
  return shown.length > 0 ? shown.join(', ') : NO_ANSWER;
}

// Unknown values fall back to the raw value: a stored answer is never hidden from its owner.
function displayOne(question: Question, value: string, context: DisplayContext): string {
  switch (question.kind) {
    case 'choice':
    case 'multiChoice':
      return question.options?.find((o) => o.value === value)?.label ?? value;
    case 'yesNoUnsure':
      return YES_NO_UNSURE_OPTIONS.find((o) => o.value === value)?.label ?? value;
    case 'country':
      return context.countries.find((c) => c.code === value)?.name ?? value;
    case 'department':
      return context.organisation.departments.find((d) => d.id === value)?.name ?? value;
    default:
      return value;
  }
}
