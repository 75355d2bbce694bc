/**
 * Evaluates questionnaire conditions against the answers so far. Used both to decide which
 * questions are asked and which flag rules fire, and reports which answers made a condition true
 * so triage can cite them.
 */
import { type CountryReference, factsFor } from '../reference/country-facts.js';
import type { Answers, Condition } from './schema.js';

export interface ConditionResult {
  holds: boolean;
  /** Question ids whose answers made the condition true (empty when it does not hold). */
  causes: string[];
}

/** A yes/no/unsure answer of "unsure" counts as "yes": uncertainty must not hide a risk. */
function answerMatches(answer: string | string[] | undefined, values: readonly string[]): boolean {
  if (answer === undefined) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  return given.some((v) => values.includes(v) || (v === 'unsure' && values.includes('yes')));
}

function isAnswered(answer: string | string[] | undefined): boolean {
  if (answer === undefined) return false;
  return Array.isArray(answer) ? answer.length > 0 : answer.trim() !== '';
}

export function evaluate(
  condition: Condition,
  answers: Answers,
  countries: CountryReference,
): ConditionResult {
  const yes = (question: string): ConditionResult => ({ holds: true, causes: [question] });
  const no: ConditionResult = { holds: false, causes: [] };
  switch (condition.kind) {
    case 'answerIs':
      return answerMatches(answers[condition.question], condition.values) ? yes(condition.question) : no;
    case 'answered':
      return isAnswered(answers[condition.question]) ? yes(condition.question) : no;
    case 'countryFact': {
      const code = answers[condition.question];
      // An unanswered country says nothing about the country: neither true nor false holds.
      if (typeof code !== 'string' || code === '') return no;
      return factsFor(countries, code)[condition.fact] === condition.is ? yes(condition.question) : no;
    }
    case 'academicFreedomAtLeast': {
      const code = answers[condition.question];
      if (typeof code !== 'string' || code === '') return no;
      const score = factsFor(countries, code).academicFreedom;
      return score !== undefined && score >= condition.value ? yes(condition.question) : no;
    }
    case 'all': {
      const parts = condition.of.map((c) => evaluate(c, answers, countries));
      return parts.every((p) => p.holds)
        ? { holds: true, causes: unique(parts.flatMap((p) => p.causes)) }
        : no;
    }
    case 'any': {
      const parts = condition.of.map((c) => evaluate(c, answers, countries)).filter((p) => p.holds);
      return parts.length > 0 ? { holds: true, causes: unique(parts.flatMap((p) => p.causes)) } : no;
    }
    case 'not':
      // A negation has no positive cause to cite; it only gates.
      return evaluate(condition.of, answers, countries).holds ? no : { holds: true, causes: [] };
  }
}

/** Every question id a condition reads, for validating that conditions look backwards only. */
export function referencedQuestions(condition: Condition): string[] {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return unique(condition.of.flatMap(referencedQuestions));
    case 'not':
      return referencedQuestions(condition.of);
    default:
      return [condition.question];
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
