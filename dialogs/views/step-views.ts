/**
 * Builds the question card for one step: the visible questions with their choices, current
 * answers, validation messages and "Step n of m" counted over visible steps only.
 */
import { MAX_TEXT_LENGTH } from '../actions.js';
import type { DialogContext } from '../dialog/types.js';
import type { Option, Question } from '../questionnaire/schema.js';
import { type Step, visibleQuestions, visibleSteps } from '../questionnaire/steps.js';
import type { DialogSession } from '../session.js';
import { YES_NO_UNSURE_OPTIONS } from './answer-display.js';
import type { QuestionStepView, QuestionView } from './view-model.js';

export interface StepViewExtras {
  /** Validation messages keyed by question id. */
  errors?: Record<string, string>;
  notice?: string;
}

export function questionStepView(
  context: DialogContext,
  session: DialogSession,
  step: Step,
  extras: StepViewExtras = {},
): QuestionStepView {
  const { questionnaire, countryReference } = context;
  const steps = visibleSteps(questionnaire, session.answers, countryReference);
  const position = steps.findIndex((s) => s.id === step.id);
  const section = questionnaire.sections.find((s) => s.id === step.sectionId);
  const questions = visibleQuestions(step, questionnaire, session.answers, countryReference).map((q) =>
    questionView(q, context, session, extras.errors?.[q.id]),
  );
  const view: QuestionStepView = {
    kind: 'questionStep',
    sessionId: session.id,
    stepId: step.id,
    questionnaireTitle: questionnaire.title,
    sectionTitle: section?.title ?? '',
    // A step that is not visible (should not happen) still gets a sane position.
    stepNumber: position >= 0 ? position + 1 : 1,
    stepCount: Math.max(steps.length, 1),
    questions,
    canGoBack: position > 0,
    returnToReview: session.returnToReview,
  };
  // Only the first card of a section repeats its introduction.
  if (section?.intro !== undefined && step.id === `${section.id}.1`) view.sectionIntro = section.intro;
  if (extras.notice !== undefined) view.notice = extras.notice;
  return view;
}

function questionView(
  question: Question,
  context: DialogContext,
  session: DialogSession,
  error: string | undefined,
): QuestionView {
  const view: QuestionView = {
    id: question.id,
    kind: question.kind,
    label: question.label,
    required: question.required,
    options: optionsFor(question, context),
    maxLength: Math.min(question.maxLength ?? MAX_TEXT_LENGTH, MAX_TEXT_LENGTH),
  };
  if (question.help !== undefined) view.help = question.help;
  const value = session.answers[question.id];
  if (value !== undefined) view.value = Array.isArray(value) ? [...value] : value;
  if (error !== undefined) view.error = error;
  return view;
}

/** The choices a card offers; answer validation accepts exactly these values. */
export function optionsFor(
  question: Question,
  context: Pick<DialogContext, 'countries' | 'organisation'>,
): Option[] {
  switch (question.kind) {
    case 'choice':
    case 'multiChoice':
      return (question.options ?? []).map((o) => ({ ...o }));
    case 'yesNoUnsure':
      return YES_NO_UNSURE_OPTIONS.map((o) => ({ ...o }));
    case 'country':
      return context.countries.map((c) => ({ value: c.code, label: c.name }));
    case 'department':
      return context.organisation.departments.map((d) => ({ value: d.id, label: d.name }));
    default:
      return [];
  }
}
