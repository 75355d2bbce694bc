/**
 * Builds "my assessments": the user's drafts and submitted assessments with level and decision,
 * from summaries (a long list never needs the full records).
 */
import { DECISION_LABELS } from '../assessment.js';
import type { AssessmentSummary } from '../assessment-summary.js';
import type { DialogSession } from '../session.js';
import { draftSummaries } from './draft-summary.js';
import { LEVEL_LABELS } from './level-labels.js';
import type { AssessmentListView } from './view-model.js';

/** Shown while the decision maker has not decided yet. */
export const NO_DECISION_YET = 'Awaiting decision';

export function assessmentListView(
  drafts: readonly DialogSession[],
  submitted: readonly AssessmentSummary[],
): AssessmentListView {
  return {
    kind: 'assessmentList',
    drafts: draftSummaries(drafts),
    submitted: [...submitted]
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id))
      .map((a) => ({
        assessmentId: a.id,
        title: a.title,
        submittedAt: a.submittedAt,
        levelLabel: LEVEL_LABELS[a.level],
        decisionLabel: a.decision ? DECISION_LABELS[a.decision.value] : NO_DECISION_YET,
      })),
  };
}
