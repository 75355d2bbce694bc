/**
 * The dialog state machine: `transition(context, session, event)` returns the next session and
 * the effects to run. Pure: time comes from `context.now`, and the store owns `version`.
 */
import { computeSteps, findStep, pruneHiddenAnswers, visibleSteps } from '../questionnaire/steps.js';
import type { DialogSession } from '../session.js';
import { triage } from '../triage/triage.js';
import { reviewView } from '../views/review-view.js';
import { messageView } from '../views/simple-views.js';
import { questionStepView } from '../views/step-views.js';
import type { ViewModel } from '../views/view-model.js';
import { buildAssessment } from './build-assessment.js';
import { mergeStepValues, sameAnswers, validPrefill } from './merge-answers.js';
import { missingRequired, nextVisibleStep, previousVisibleStep, resolveStep } from './navigation.js';
import type { DialogContext, DialogEffect, DialogEvent, RejectionCode, TransitionResult } from './types.js';

export const STALE_NOTICE = 'That card was out of date, so nothing changed: here is where you are.';
export const KEPT_NOTICE = 'That card was out of date: its answers were saved, and here is where you are.';
export const FIRST_STEP_NOTICE = 'This is the first step, so there is nothing to go back to.';
export const REVEALED_NOTICE = 'Your change means this question needs an answer too.';
export const SAVED_TEXT = 'Your answers are saved. Use “resume” or the Resume button to continue.';
export const CANCELLED_TEXT = 'Cancelled. Nothing was submitted.';
export const NO_SESSION_MESSAGE =
  'There is no riskcheck in progress. Use “riskcheck” or the Start button to begin one.';
export const ALREADY_STARTED_MESSAGE =
  'A riskcheck is already in progress. Use “resume” to continue it or “cancel” to stop it.';
export const UNKNOWN_STEP_MESSAGE =
  'That card does not belong to this riskcheck, so nothing was changed. Use “resume” to see where you are.';

type StepEvent = Extract<DialogEvent, { kind: 'next' | 'back' | 'save' }>;

export function transition(
  context: DialogContext,
  session: DialogSession | undefined,
  event: DialogEvent,
): TransitionResult {
  if (event.kind === 'start') {
    return session === undefined ? start(context, event) : rejected('wrong_state', ALREADY_STARTED_MESSAGE);
  }
  if (session === undefined) return rejected('wrong_state', NO_SESSION_MESSAGE);
  switch (event.kind) {
    case 'show':
      return showCurrent(context, session);
    case 'next':
      return next(context, session, event);
    case 'back':
      return back(context, session, event);
    case 'save':
      return save(context, session, event);
    case 'edit':
      return edit(context, session, event.stepId);
    case 'submit':
      return submit(context, session);
    case 'cancel':
      return ok(session, false, [
        { kind: 'cancelled' },
        show(messageView('info', 'Riskcheck cancelled', CANCELLED_TEXT, true)),
      ]);
  }
}

function start(context: DialogContext, event: Extract<DialogEvent, { kind: 'start' }>): TransitionResult {
  const session: DialogSession = {
    id: event.sessionId,
    owner: event.owner,
    questionnaireId: context.questionnaire.id,
    questionnaireVersion: context.questionnaire.version,
    status: 'in_progress',
    stepId: '',
    answers: validPrefill(context, event.prefill ?? {}),
    returnToReview: false,
    createdAt: context.now,
    updatedAt: context.now,
    version: 0,
  };
  if (event.previousAssessmentId !== undefined) session.previousAssessmentId = event.previousAssessmentId;
  const first = visibleSteps(context.questionnaire, session.answers, context.countryReference)[0];
  // Every question hidden is odd but possible in a custom questionnaire: go straight to review.
  if (first === undefined) {
    const reviewing = {
      ...session,
      status: 'reviewing' as const,
      stepId: computeSteps(context.questionnaire)[0]?.id ?? '',
    };
    return ok(reviewing, true, [show(reviewView(context, reviewing))]);
  }
  session.stepId = first.id;
  return ok(session, true, [show(questionStepView(context, session, first))]);
}

function showCurrent(context: DialogContext, session: DialogSession, notice?: string): TransitionResult {
  if (session.status === 'reviewing') return ok(session, false, [show(reviewView(context, session, notice))]);
  const step = resolveStep(context, session.stepId, session.answers);
  if (step === undefined) {
    const reviewing = touch(context, { ...session, status: 'reviewing', returnToReview: false });
    return ok(reviewing, true, [show(reviewView(context, reviewing, notice))]);
  }
  // The stored step can vanish if the questionnaire was updated; follow the resolved one.
  const current = step.id === session.stepId ? session : touch(context, { ...session, stepId: step.id });
  return ok(current, current !== session, [show(questionStepView(context, current, step, { notice }))]);
}

/**
 * Checks that a step event acts on the card the user should be looking at. An unknown step id
 * cannot come from a card we rendered; a known but different one is a stale card: a double click,
 * or the same risk check open on a second device. What such a card carries is kept (so an answer
 * given on the other device is never lost), but the user stays where they are.
 */
function guardStep(
  context: DialogContext,
  session: DialogSession,
  event: StepEvent,
): { kind: 'current' } | { kind: 'done'; result: TransitionResult } {
  if (findStep(context.questionnaire, event.stepId) === undefined) {
    return { kind: 'done', result: rejected('unknown_step', UNKNOWN_STEP_MESSAGE) };
  }
  if (session.status !== 'in_progress' || session.stepId !== event.stepId) {
    const kept = keepStaleValues(context, session, event);
    if (kept.kind === 'rejected') return { kind: 'done', result: kept.result };
    if (kept.session === session)
      return { kind: 'done', result: showCurrent(context, session, STALE_NOTICE) };
    const shown = showCurrent(context, kept.session, KEPT_NOTICE);
    return { kind: 'done', result: shown.kind === 'ok' ? { ...shown, changed: true } : shown };
  }
  return { kind: 'current' };
}

/**
 * Merges the answers a stale card carries without treating a missing input as "cleared": that
 * card may be older than answers given since, and only what it actually sends is news.
 */
function keepStaleValues(
  context: DialogContext,
  session: DialogSession,
  event: StepEvent,
): { kind: 'rejected'; result: TransitionResult } | { kind: 'ok'; session: DialogSession } {
  const step = findStep(context.questionnaire, event.stepId)!;
  const merged = mergeStepValues(context, step, session.answers, event.values, false);
  if (merged.kind === 'rejected') return { kind: 'rejected', result: rejected(merged.code, merged.message) };
  const answers = { ...merged.answers };
  for (const id of step.questionIds) {
    const previous = session.answers[id];
    if (!(id in event.values) && previous !== undefined) answers[id] = previous;
  }
  if (sameAnswers(answers, session.answers)) return { kind: 'ok', session };
  return { kind: 'ok', session: touch(context, { ...session, answers }) };
}

/** Validates the step's values and merges them in; hidden answers are dropped afterwards. */
function applyValues(
  context: DialogContext,
  session: DialogSession,
  event: StepEvent,
  requireAnswers: boolean,
):
  | { kind: 'rejected'; result: TransitionResult }
  | { kind: 'ok'; session: DialogSession; errors: Record<string, string> } {
  const step = findStep(context.questionnaire, event.stepId);
  if (step === undefined) return { kind: 'rejected', result: rejected('unknown_step', UNKNOWN_STEP_MESSAGE) };
  const merged = mergeStepValues(context, step, session.answers, event.values, requireAnswers);
  if (merged.kind === 'rejected') return { kind: 'rejected', result: rejected(merged.code, merged.message) };
  const { answers } = merged;
  const updated = sameAnswers(answers, session.answers) ? session : touch(context, { ...session, answers });
  return { kind: 'ok', session: updated, errors: merged.errors };
}

function next(context: DialogContext, session: DialogSession, event: StepEvent): TransitionResult {
  const guard = guardStep(context, session, event);
  if (guard.kind === 'done') return guard.result;
  const applied = applyValues(context, session, event, true);
  if (applied.kind === 'rejected') return applied.result;
  const stored = applied.session;
  const changed = stored !== session;
  const step = findStep(context.questionnaire, event.stepId)!;
  if (Object.keys(applied.errors).length > 0) {
    return ok(stored, changed, [show(questionStepView(context, stored, step, { errors: applied.errors }))]);
  }
  const following = nextVisibleStep(context, step.id, stored.answers);
  if (stored.returnToReview) {
    // Editing from the review walks the rest of the edited section, then any question the change
    // revealed, then returns to the review.
    if (following !== undefined && following.sectionId === step.sectionId)
      return goTo(context, stored, following.id, changed);
    const missing = missingRequired(context, stored.answers)[0];
    if (missing !== undefined) return goTo(context, stored, missing.step.id, changed, REVEALED_NOTICE);
    return toReview(context, stored);
  }
  return following !== undefined ? goTo(context, stored, following.id, changed) : toReview(context, stored);
}

function back(context: DialogContext, session: DialogSession, event: StepEvent): TransitionResult {
  const guard = guardStep(context, session, event);
  if (guard.kind === 'done') return guard.result;
  const applied = applyValues(context, session, event, false);
  if (applied.kind === 'rejected') return applied.result;
  const stored = applied.session;
  const previous = previousVisibleStep(context, event.stepId, stored.answers);
  if (previous === undefined) {
    const step = findStep(context.questionnaire, event.stepId)!;
    return ok(stored, stored !== session, [
      show(questionStepView(context, stored, step, { notice: FIRST_STEP_NOTICE })),
    ]);
  }
  return goTo(context, stored, previous.id, stored !== session);
}

function save(context: DialogContext, session: DialogSession, event: StepEvent): TransitionResult {
  const saved = show(messageView('success', 'Saved', SAVED_TEXT, true));
  // The review card's Save carries no step: everything on it is stored already.
  if (session.status === 'reviewing' && event.stepId === '') return ok(session, false, [saved]);
  if (findStep(context.questionnaire, event.stepId) === undefined)
    return rejected('unknown_step', UNKNOWN_STEP_MESSAGE);
  const applied =
    session.status === 'in_progress' && session.stepId === event.stepId
      ? applyValues(context, session, event, false)
      : keepStaleValues(context, session, event);
  if (applied.kind === 'rejected') return applied.result;
  return ok(applied.session, applied.session !== session, [saved]);
}

function edit(context: DialogContext, session: DialogSession, stepId: string): TransitionResult {
  const step = findStep(context.questionnaire, stepId);
  if (step === undefined) return rejected('unknown_step', UNKNOWN_STEP_MESSAGE);
  if (session.status !== 'reviewing') return showCurrent(context, session, STALE_NOTICE);
  const visible = visibleSteps(context.questionnaire, session.answers, context.countryReference);
  if (!visible.some((s) => s.id === stepId)) return showCurrent(context, session, STALE_NOTICE);
  const editing = touch(context, { ...session, status: 'in_progress', stepId, returnToReview: true });
  return ok(editing, true, [show(questionStepView(context, editing, step))]);
}

function submit(context: DialogContext, session: DialogSession): TransitionResult {
  if (session.status !== 'reviewing') return showCurrent(context, session, STALE_NOTICE);
  const missing = missingRequired(context, session.answers);
  if (missing.length > 0) {
    const names = missing.slice(0, 5).map((m) => `“${m.question.label}”`);
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
    const notice = `Not submitted yet: please answer ${names.join(', ')}${more}. Use Edit to answer, then submit.`;
    return ok(session, false, [show(reviewView(context, session, notice))]);
  }
  const answers = pruneHiddenAnswers(context.questionnaire, session.answers, context.countryReference);
  const result = triage(
    context.questionnaire,
    answers,
    context.countryReference,
    context.organisation,
    context.countries,
  );
  return ok(session, false, [
    { kind: 'submitted', assessment: buildAssessment(context, session, answers, result) },
  ]);
}

/** `changedBefore`: the answers were already changed by this event, so the session must be saved. */
function goTo(
  context: DialogContext,
  session: DialogSession,
  stepId: string,
  changedBefore: boolean,
  notice?: string,
): TransitionResult {
  const moved = session.stepId === stepId ? session : touch(context, { ...session, stepId });
  const step = findStep(context.questionnaire, stepId)!;
  return ok(moved, changedBefore || moved !== session, [
    show(questionStepView(context, moved, step, { notice })),
  ]);
}

function toReview(context: DialogContext, session: DialogSession): TransitionResult {
  const reviewing = touch(context, { ...session, status: 'reviewing', returnToReview: false });
  return ok(reviewing, true, [show(reviewView(context, reviewing))]);
}

function touch(context: DialogContext, session: DialogSession): DialogSession {
  return { ...session, updatedAt: context.now };
}

function show(view: ViewModel): DialogEffect {
  return { kind: 'show', view };
}

function ok(session: DialogSession, changed: boolean, effects: DialogEffect[]): TransitionResult {
  return { kind: 'ok', session, changed, effects };
}

function rejected(code: RejectionCode, message: string): TransitionResult {
  return { kind: 'rejected', code, message };
}
