/**
 * Validates and normalises the values submitted for one step against the question definitions.
 * Values come from Adaptive Cards (strings; multiChoice as "a,b") or Slack (strings or string
 * arrays). Anything a card we rendered could not have sent is rejected as a whole.
 */
import { MAX_TEXT_LENGTH } from '../actions.js';
import { type Answers, type AnswerValue, type Question, YES_NO_UNSURE } from '../questionnaire/schema.js';
import { findQuestion, type Step, visibleQuestions } from '../questionnaire/steps.js';
import type { DialogContext, RejectionCode, SubmittedValues } from './types.js';

export type AnswerValidation =
  | { kind: 'rejected'; code: RejectionCode; message: string }
  | {
      kind: 'ok';
      /** Normalised answers for the step's visible questions; unanswered ones are absent. */
      answers: Answers;
      /** Friendly messages keyed by question id, for required questions left empty. */
      errors: Record<string, string>;
    };

/** One value checked against one question: a normalised answer, nothing, or a rejection. */
export type ValueCheck =
  | { kind: 'answer'; value: AnswerValue }
  | { kind: 'empty' }
  | { kind: 'rejected'; code: 'invalid_value' | 'too_long'; message: string };

const UNKNOWN_QUESTION_MESSAGE =
  'That card sent an answer to a question that is not on this step, so nothing was changed. Please try again from the latest card.';

/**
 * @param answers the answers stored so far: they decide which of the step's questions are visible.
 * @param requireAnswers true for Next: required questions left empty produce `errors`.
 */
export function validateStepValues(
  context: DialogContext,
  step: Step,
  answers: Answers,
  values: SubmittedValues,
  requireAnswers: boolean,
): AnswerValidation {
  const visible = visibleQuestions(step, context.questionnaire, answers, context.countryReference);
  const visibleIds = new Set(visible.map((q) => q.id));
  // Every key is meant as a question id (the channel strips metadata), so a key we would not have
  // rendered on this card means tampering or a stale card: refuse the whole submission.
  for (const key of Object.keys(values)) {
    if (!visibleIds.has(key) || findQuestion(context.questionnaire, key) === undefined) {
      return { kind: 'rejected', code: 'unknown_question', message: UNKNOWN_QUESTION_MESSAGE };
    }
  }
  const normalised: Answers = {};
  const errors: Record<string, string> = {};
  for (const question of visible) {
    // A missing key is an empty input: the card holds every input of its step.
    const check = checkValue(
      question,
      Object.hasOwn(values, question.id) ? values[question.id] : undefined,
      context,
    );
    if (check.kind === 'rejected') return check;
    if (check.kind === 'answer') normalised[question.id] = check.value;
    else if (requireAnswers && question.required) errors[question.id] = requiredMessage(question);
  }
  return { kind: 'ok', answers: normalised, errors };
}

/** Checks one raw value for one question; also used to keep only valid prefilled answers. */
export function checkValue(question: Question, raw: unknown, context: DialogContext): ValueCheck {
  if (raw === undefined) return { kind: 'empty' };
  const invalid = (): ValueCheck => ({
    kind: 'rejected',
    code: 'invalid_value',
    message: `The answer to “${question.label}” is not one of its choices, so nothing was changed. Please choose again.`,
  });
  if (question.kind === 'multiChoice') {
    const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
    if (parts === undefined || parts.some((p) => typeof p !== 'string')) return invalid();
    const picked = new Set((parts as string[]).map((p) => p.trim()).filter((p) => p !== ''));
    const options = (question.options ?? []).map((o) => o.value);
    if ([...picked].some((p) => !options.includes(p))) return invalid();
    // Stored in option order so the same choice always looks the same.
    const value = options.filter((o) => picked.has(o));
    return value.length > 0 ? { kind: 'answer', value } : { kind: 'empty' };
  }
  if (typeof raw !== 'string') return invalid();

  switch (question.kind) {
    case 'text':
    case 'longText': {
      const value = cleanText(raw, question.kind === 'longText');
      if (value === '') return { kind: 'empty' };
      const limit = Math.min(question.maxLength ?? MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
      if (value.length > limit) {
        return {
          kind: 'rejected',
          code: 'too_long',
          message: `The answer to “${question.label}” is longer than ${limit} characters. Please shorten it.`,
        };
      }
      return { kind: 'answer', value };
    }
    case 'date': {
      const value = raw.trim();
      if (value === '') return { kind: 'empty' };
      if (!isIsoDate(value)) {
        return {
          kind: 'rejected',
          code: 'invalid_value',
          message: `The answer to “${question.label}” is not a date. Please pick a date (YYYY-MM-DD).`,
        };
      }
      return { kind: 'answer', value };
    }
    default: {
      const value = raw.trim();
      if (value === '') return { kind: 'empty' };
      return allowedValues(question, context).includes(value) ? { kind: 'answer', value } : invalid();
    }
  }
}

function allowedValues(question: Question, context: DialogContext): readonly string[] {
  switch (question.kind) {
    case 'yesNoUnsure':
      return YES_NO_UNSURE;
    case 'country':
      return context.countries.map((c) => c.code);
    case 'department':
      return context.organisation.departments.map((d) => d.id);
    default:
      return (question.options ?? []).map((o) => o.value);
  }
}

/**
 * Control characters can break renderers and logs; a single-line answer also loses its line
 * breaks (replaced by spaces so words stay apart).
 */
export function cleanText(raw: string, multiline: boolean): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!multiline) text = text.replace(/\n/g, ' ');
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '').trim();
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function requiredMessage(question: Question): string {
  switch (question.kind) {
    case 'text':
    case 'longText':
      return 'Please fill this in.';
    case 'multiChoice':
      return 'Please choose at least one option.';
    case 'date':
      return 'Please pick a date.';
    case 'yesNoUnsure':
      return 'Please choose Yes, No or Unsure (Unsure is fine if you do not know yet).';
    default:
      return 'Please choose one option.';
  }
}
