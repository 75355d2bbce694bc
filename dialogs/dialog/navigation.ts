/**
 * Where the dialog goes next: the step shown now, the visible step after or before it, and which
 * required questions are still unanswered. Visibility is always recomputed from the answers.
 */
import type { Answers, Question } from '../questionnaire/schema.js';
import { computeSteps, findStep, type Step, visibleQuestions, visibleSteps } from '../questionnaire/steps.js';
import type { DialogContext } from './types.js';

/**
 * The step to show for `stepId`: itself when visible; otherwise (the questionnaire changed, or
 * its gate was answered differently) the first visible step after it, else the first visible one.
 */
export function resolveStep(context: DialogContext, stepId: string, answers: Answers): Step | undefined {
  const visible = visibleSteps(context.questionnaire, answers, context.countryReference);
  const all = computeSteps(context.questionnaire);
  const at = all.findIndex((s) => s.id === stepId);
  if (at >= 0) {
    const sameOrLater = visible.find((s) => all.indexOf(s) >= at);
    if (sameOrLater) return sameOrLater;
  }
  return visible[0];
}

/** The first visible step after `stepId` in questionnaire order, if any. */
export function nextVisibleStep(context: DialogContext, stepId: string, answers: Answers): Step | undefined {
  const all = computeSteps(context.questionnaire);
  const at = all.findIndex((s) => s.id === stepId);
  return visibleSteps(context.questionnaire, answers, context.countryReference).find(
    (s) => all.indexOf(s) > at,
  );
}

/** The last visible step before `stepId` in questionnaire order, if any. */
export function previousVisibleStep(
  context: DialogContext,
  stepId: string,
  answers: Answers,
): Step | undefined {
  const all = computeSteps(context.questionnaire);
  const at = all.findIndex((s) => s.id === stepId);
  return visibleSteps(context.questionnaire, answers, context.countryReference)
    .filter((s) => all.indexOf(s) < at)
    .at(-1);
}

export interface MissingAnswer {
  step: Step;
  question: Question;
}

/** Required visible questions without an answer, in questionnaire order. */
export function missingRequired(context: DialogContext, answers: Answers): MissingAnswer[] {
  const { questionnaire, countryReference } = context;
  return visibleSteps(questionnaire, answers, countryReference).flatMap((step) =>
    visibleQuestions(step, questionnaire, answers, countryReference)
      .filter((question) => question.required && answers[question.id] === undefined)
      .map((question) => ({ step, question })),
  );
}

export function isKnownStep(context: DialogContext, stepId: string): boolean {
  return findStep(context.questionnaire, stepId) !== undefined;
}
