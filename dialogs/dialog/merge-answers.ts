/**
 * Merges a step's submitted values into the stored answers, and keeps what is still valid of a
 * prefill. After every merge, answers to questions that are no longer visible are dropped.
 */
import type { Answers } from '../questionnaire/schema.js';
import { findQuestion, pruneHiddenAnswers, type Step } from '../questionnaire/steps.js';
import { checkValue, validateStepValues } from './answer-values.js';
import type { DialogContext, RejectionCode, SubmittedValues } from './types.js';

export type MergeResult =
  | { kind: 'rejected'; code: RejectionCode; message: string }
  | { kind: 'ok'; answers: Answers; errors: Record<string, string> };

export function mergeStepValues(
  context: DialogContext,
  step: Step,
  answers: Answers,
  values: SubmittedValues,
  requireAnswers: boolean,
): MergeResult {
  const checked = validateStepValues(context, step, answers, values, requireAnswers);
  if (checked.kind === 'rejected') return checked;
  const merged: Answers = { ...answers };
  // The card holds every input of its step, so an input left empty clears the earlier answer.
  for (const id of step.questionIds) delete merged[id];
  Object.assign(merged, checked.answers);
  return {
    kind: 'ok',
    answers: pruneHiddenAnswers(context.questionnaire, merged, context.countryReference),
    errors: checked.errors,
  };
}

/** Prefill (from an earlier assessment) may predate this questionnaire: keep what is still valid. */
export function validPrefill(context: DialogContext, prefill: Answers): Answers {
  const kept: Answers = {};
  for (const [id, raw] of Object.entries(prefill)) {
    const question = findQuestion(context.questionnaire, id);
    if (question === undefined) continue;
    const check = checkValue(question, raw, context);
    if (check.kind === 'answer') kept[id] = check.value;
  }
  return pruneHiddenAnswers(context.questionnaire, kept, context.countryReference);
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return x === y;
  });
}
