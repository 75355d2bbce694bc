/**
 * Turns stored answers back into what the user saw ("Unsure", "China", "Animal experiments"), so
 * a flag can cite its causes in words the submitter and the decision maker recognise.
 */
import type { Organisation } from '../organisation/schema.js';
import type { Answers, AnswerValue, Condition, Question } from '../questionnaire/schema.js';
import type { CountryOption } from '../reference/country-facts.js';
import type { CitedAnswer } from './result.js';

const YES_NO_UNSURE_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', unsure: 'Unsure' };

export interface CiteContext {
  organisation: Organisation;
  /** Country names by code; a code without a name is shown as the code itself. */
  countries: readonly CountryOption[];
}

/** One answer as display text; for a multiChoice only the `only` values are shown when given. */
export function displayAnswer(
  question: Question,
  value: AnswerValue,
  context: CiteContext,
  only?: ReadonlySet<string>,
): string {
  const values = Array.isArray(value) ? value : [value];
  const shown = only && question.kind === 'multiChoice' ? values.filter((v) => only.has(v)) : values;
  return (shown.length > 0 ? shown : values).map((v) => displayValue(question, v, context)).join(', ');
}

function displayValue(question: Question, value: string, context: CiteContext): string {
  const option = question.options?.find((o) => o.value === value);
  if (option) return option.label;
  switch (question.kind) {
    case 'yesNoUnsure':
      return YES_NO_UNSURE_LABELS[value] ?? value;
    case 'country':
      return context.countries.find((c) => c.code === value)?.name ?? value;
    case 'department':
      return context.organisation.departments.find((d) => d.id === value)?.name ?? value;
    default:
      return value;
  }
}

/**
 * Values an `answerIs` condition tests for each question, so a multiChoice cause cites the
 * ticked box that mattered ("Animal experiments") rather than every box ticked.
 */
export function matchedValues(condition: Condition, into = new Map<string, Set<string>>()) {
  switch (condition.kind) {
    case 'answerIs': {
      const set = into.get(condition.question) ?? new Set<string>();
      for (const v of condition.values) set.add(v);
      into.set(condition.question, set);
      break;
    }
    case 'all':
    case 'any':
      for (const c of condition.of) matchedValues(c, into);
      break;
    case 'not':
      // A negated condition never names a cause, so its values must not narrow a citation.
      break;
    default:
      break;
  }
  return into;
}

export function cite(
  questionIds: readonly string[],
  questions: ReadonlyMap<string, Question>,
  answers: Answers,
  condition: Condition,
  context: CiteContext,
): CitedAnswer[] {
  const matched = matchedValues(condition);
  const cited: CitedAnswer[] = [];
  for (const id of questionIds) {
    const question = questions.get(id);
    const value = answers[id];
    if (!question || value === undefined) continue;
    cited.push({
      questionId: id,
      question: question.label,
      answer: displayAnswer(question, value, context, matched.get(id)),
      unsure: value === 'unsure',
    });
  }
  return cited;
}
