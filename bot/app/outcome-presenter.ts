/**
 * Builds the outcome-related views for an assessment from the app's configuration, so the use
 * cases never repeat which organisation, questionnaire and country names go into a summary.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { decisionMakers } from '../../dialogs/routing/responsibility.js';
import {
  approvalRequestView,
  approvalResolvedView,
  buildOutcomeSummary,
  decisionView,
  outcomeView,
} from '../../dialogs/views/outcome-views.js';
import type {
  ApprovalRequestView,
  ApprovalResolvedView,
  OutcomeSummary,
  OutcomeView,
} from '../../dialogs/views/view-model.js';
import type { AppDeps } from './app-deps.js';

export function summaryFor(deps: AppDeps, assessment: Assessment): OutcomeSummary {
  return buildOutcomeSummary(assessment, deps.organisation, deps.questionnaire, deps.countries);
}

export function outcomeFor(deps: AppDeps, assessment: Assessment, deliveryNote: string): OutcomeView {
  const decision = assessment.decision ? decisionView(assessment.decision) : undefined;
  return outcomeView(summaryFor(deps, assessment), deliveryNote, decision);
}

export function decidersFor(deps: AppDeps, assessment: Assessment) {
  const collaborationType = String(assessment.answers.collaboration_type ?? 'other');
  return decisionMakers(deps.organisation, assessment.departmentId, collaborationType as never).people;
}

export function approvalRequestFor(
  deps: AppDeps,
  assessment: Assessment,
  notice?: string,
): ApprovalRequestView {
  const names = decidersFor(deps, assessment).map((p) => p.name);
  return approvalRequestView(summaryFor(deps, assessment), names, assessment.version, notice);
}

export function approvalResolvedFor(deps: AppDeps, assessment: Assessment): ApprovalResolvedView | undefined {
  if (!assessment.decision) return undefined;
  return approvalResolvedView(summaryFor(deps, assessment), decisionView(assessment.decision));
}
