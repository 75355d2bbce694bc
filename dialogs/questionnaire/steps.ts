/**
 * Splits a questionnaire into steps (one card each) and decides which steps and questions are
 * visible for the answers so far. Pure and memoised, because it runs on every turn.
 */
import type { CountryReference } from '../reference/country-facts.js';
import { evaluate, referencedQuestions } from './conditions.js';
import type { Answers, Question, Questionnaire } from './schema.js';

/** One card: questions of one section, in questionnaire order. */
export interface Step {
  /** Stable across turns for the same questionnaire version: `<sectionId>.<n>`, n from 1. */
  id: string;
  sectionId: string;
  questionIds: string[];
}

interface StepIndex {
  steps: Step[];
  questions: Map<string, Question>;
  /** Questions in questionnaire order; showIf only looks backwards in this order. */
  order: Question[];
}

// Keyed by the questionnaire object itself, so a reloaded questionnaire never sees stale steps.
const cache = new WeakMap<Questionnaire, StepIndex>();

function indexOf(q: Questionnaire): StepIndex {
  const cached = cache.get(q);
  if (cached) return cached;
  const steps: Step[] = [];
  const questions = new Map<string, Question>();
  const order: Question[] = [];
  for (const section of q.sections) {
    let current: Step | undefined;
    let n = 0;
    for (const question of section.questions) {
      questions.set(question.id, question);
      order.push(question);
      // A question gated by an answer on the same card would appear or vanish only after the
      // card is sent, so it always starts a new step after the one holding its gate.
      const gatedByCurrent =
        current !== undefined &&
        question.showIf !== undefined &&
        referencedQuestions(question.showIf).some((id) => current?.questionIds.includes(id));
      if (current === undefined || current.questionIds.length >= q.maxQuestionsPerStep || gatedByCurrent) {
        n += 1;
        current = { id: `${section.id}.${n}`, sectionId: section.id, questionIds: [] };
        steps.push(current);
      }
      current.questionIds.push(question.id);
    }
  }
  const index = { steps, questions, order };
  cache.set(q, index);
  return index;
}

/** Every step of the questionnaire, visible or not. Do not mutate: the result is shared. */
export function computeSteps(q: Questionnaire): readonly Step[] {
  return indexOf(q).steps;
}

export function findStep(q: Questionnaire, stepId: string): Step | undefined {
  return indexOf(q).steps.find((s) => s.id === stepId);
}

export function findQuestion(q: Questionnaire, questionId: string): Question | undefined {
  return indexOf(q).questions.get(questionId);
}

/** Questions in questionnaire order (all sections). */
export function allQuestions(q: Questionnaire): readonly Question[] {
  return indexOf(q).order;
}

export function isQuestionVisible(
  question: Question,
  answers: Answers,
  countryReference: CountryReference,
): boolean {
  return question.showIf === undefined || evaluate(question.showIf, answers, countryReference).holds;
}

export function visibleQuestions(
  step: Step,
  q: Questionnaire,
  answers: Answers,
  countryReference: CountryReference,
): Question[] {
  const { questions } = indexOf(q);
  return step.questionIds
    .map((id) => questions.get(id))
    .filter((question): question is Question => question !== undefined)
    .filter((question) => isQuestionVisible(question, answers, countryReference));
}

/** Steps with at least one visible question, in order. */
export function visibleSteps(q: Questionnaire, answers: Answers, countryReference: CountryReference): Step[] {
  return indexOf(q).steps.filter((s) => visibleQuestions(s, q, answers, countryReference).length > 0);
}

/**
 * Keeps only answers to known questions that are visible. Walks in questionnaire order and
 * evaluates each condition against the answers kept so far, so hiding a gate also hides (and
 * drops) everything that depended on it, transitively.
 */
export function pruneHiddenAnswers(
  q: Questionnaire,
  answers: Answers,
  countryReference: CountryReference,
): Answers {
  const kept: Answers = {};
  for (const question of indexOf(q).order) {
    const value = answers[question.id];
    if (value === undefined) continue;
    if (isQuestionVisible(question, kept, countryReference)) kept[question.id] = value;
  }
  return kept;
}
