/**
 * Turns a completed session and its triage result into the Assessment the app stores and routes.
 */
import type { Assessment } from '../assessment.js';
import { CONTEXT_QUESTIONS } from '../questionnaire/context-questions.js';
import type { Answers } from '../questionnaire/schema.js';
import type { DialogSession } from '../session.js';
import type { TriageResult } from '../triage/result.js';
import type { DialogContext } from './types.js';

function single(answers: Answers, questionId: string): string {
  const value = answers[questionId];
  return typeof value === 'string' ? value : '';
}

export function buildAssessment(
  context: DialogContext,
  session: DialogSession,
  answers: Answers,
  triage: TriageResult,
): Assessment {
  const assessment: Assessment = {
    id: session.id,
    submitter: session.owner,
    questionnaireId: context.questionnaire.id,
    questionnaireVersion: context.questionnaire.version,
    answers,
    title: single(answers, CONTEXT_QUESTIONS.title),
    departmentId: single(answers, CONTEXT_QUESTIONS.department),
    submittedAt: context.now,
    triage,
    level: triage.level,
    posts: [],
    // The store assigns versions; a new assessment starts from zero.
    version: 0,
  };
  if (session.previousAssessmentId !== undefined)
    assessment.previousAssessmentId = session.previousAssessmentId;
  return assessment;
}
