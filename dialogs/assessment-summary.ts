/**
 * What the scheduler, retention and the short lists need to know about a submitted assessment,
 * small enough for a store to keep every one in memory, so that planning reminders or counting a
 * department's outcomes never reads the whole history (which lives on disk in the embedded store).
 */
import { type Assessment, type DecisionValue, ERASED_TEXT } from './assessment.js';
import type { Level } from './questionnaire/schema.js';
import { actorKey } from './session.js';

export interface AssessmentSummary {
  id: string;
  version: number;
  departmentId: string;
  /** `actorKey` of the submitter. */
  submitterKey: string;
  submittedAt: string;
  title: string;
  level: Level;
  decision?: {
    value: DecisionValue;
    at: string;
    byKey: string;
    /** The decision's comment still holds what its author wrote (not empty, not erased). */
    hasComment: boolean;
  };
  /** The `stage` answer (planned / ongoing / ending), when given. */
  stage?: string;
  /** The `end_date` answer (YYYY-MM-DD), when given. */
  endDate?: string;
  previousAssessmentId?: string;
}

export function summariseAssessment(assessment: Assessment): AssessmentSummary {
  const { stage, end_date: endDate } = assessment.answers;
  const summary: AssessmentSummary = {
    id: assessment.id,
    version: assessment.version,
    departmentId: assessment.departmentId,
    submitterKey: actorKey(assessment.submitter),
    submittedAt: assessment.submittedAt,
    title: assessment.title,
    level: assessment.level,
  };
  if (assessment.decision) {
    const { value, at, by, comment } = assessment.decision;
    summary.decision = {
      value,
      at,
      byKey: actorKey(by),
      hasComment: comment !== '' && comment !== ERASED_TEXT,
    };
  }
  if (typeof stage === 'string') summary.stage = stage;
  if (typeof endDate === 'string') summary.endDate = endDate;
  if (assessment.previousAssessmentId !== undefined)
    summary.previousAssessmentId = assessment.previousAssessmentId;
  return summary;
}

/** Oldest submitted first (ties by id, so the order is the same on every run). */
export const bySubmitted = (
  a: Pick<AssessmentSummary, 'submittedAt' | 'id'>,
  b: Pick<AssessmentSummary, 'submittedAt' | 'id'>,
) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id);
