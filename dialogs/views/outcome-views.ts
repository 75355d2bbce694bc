/**
 * Views of a submitted assessment: the outcome summary shared by the submitter's card and the
 * department's approval cards, the support links, and the decision. Plain text only; renderers
 * escape and format (including dates, which stay ISO 8601 here).
 */
import { type Assessment, DECISION_LABELS, DECISIONS, type Decision } from '../assessment.js';
import type { Organisation, Person } from '../organisation/schema.js';
import { CONTEXT_QUESTIONS } from '../questionnaire/context-questions.js';
import type { AnswerValue, AreaId, Questionnaire } from '../questionnaire/schema.js';
import type { CountryOption } from '../reference/country-facts.js';
import type { SupportRoute } from '../triage/result.js';
import { LEVEL_LABELS } from './level-labels.js';
import type {
  ApprovalRequestView,
  ApprovalResolvedView,
  DecisionView,
  OutcomeSummary,
  OutcomeView,
  SupportLinkView,
} from './view-model.js';

/** Used when the questionnaire has no section for an area (e.g. a flag in a custom area). */
export const AREA_TITLES: Record<AreaId, string> = {
  context: 'About the activity',
  national: 'National security and export control',
  organisation: 'Our own activities',
  foreign: "The partner's country",
  partner: 'The partner',
  design: 'How the collaboration is set up',
  benefits: 'Benefits',
};

/** The questionnaire's own section title for the area, so a custom questionnaire keeps its words. */
export function areaTitle(questionnaire: Questionnaire, area: AreaId): string {
  return questionnaire.sections.find((s) => s.area === area)?.title ?? AREA_TITLES[area];
}

function text(value: AnswerValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** Label of a choice answer from the questionnaire's options; the raw value when unknown. */
function optionLabel(
  questionnaire: Questionnaire,
  questionId: string,
  value: AnswerValue | undefined,
): string {
  const raw = text(value);
  for (const section of questionnaire.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    const option = question?.options?.find((o) => o.value === raw);
    if (option) return option.label;
  }
  return raw;
}

/** Sentence-case name for a support id that is not configured, e.g. "Animal welfare body". */
function humanise(id: string): string {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Support links for the routes. A mandatory route the organisation has not configured is still
 * listed (without a link) so a required consultation is never silently dropped.
 */
export function supportLinks(routes: readonly SupportRoute[], organisation: Organisation): SupportLinkView[] {
  return routes.flatMap((route): SupportLinkView[] => {
    const fn = organisation.supportFunctions.find((s) => s.id === route.supportId);
    if (!fn) {
      if (!route.mandatory) return [];
      return [
        {
          id: route.supportId,
          name: humanise(route.supportId),
          description: 'Required, but not yet configured: ask the International Office who to contact.',
          mandatory: true,
        },
      ];
    }
    return [
      {
        id: fn.id,
        name: fn.name,
        description: fn.description,
        ...(fn.url !== undefined ? { url: fn.url } : {}),
        ...(fn.contact !== undefined ? { contact: fn.contact } : {}),
        mandatory: route.mandatory,
      },
    ];
  });
}

export function buildOutcomeSummary(
  assessment: Assessment,
  organisation: Organisation,
  questionnaire: Questionnaire,
  countries: readonly CountryOption[],
): OutcomeSummary {
  const { answers, triage } = assessment;
  const countryCode = text(answers[CONTEXT_QUESTIONS.partnerCountry]);
  const department = organisation.departments.find((d) => d.id === assessment.departmentId);
  return {
    assessmentId: assessment.id,
    title: assessment.title,
    partner: text(answers[CONTEXT_QUESTIONS.partnerName]),
    country: countries.find((c) => c.code === countryCode)?.name ?? countryCode,
    collaborationType: optionLabel(
      questionnaire,
      CONTEXT_QUESTIONS.collaborationType,
      answers[CONTEXT_QUESTIONS.collaborationType],
    ),
    stage: optionLabel(questionnaire, CONTEXT_QUESTIONS.stage, answers[CONTEXT_QUESTIONS.stage]),
    departmentName: department?.name ?? assessment.departmentId,
    submitterName: assessment.submitter.displayName,
    submittedAt: assessment.submittedAt,
    level: triage.level,
    levelLabel: LEVEL_LABELS[triage.level],
    areas: triage.areas.map((a) => ({
      area: a.area,
      title: areaTitle(questionnaire, a.area),
      level: a.level,
      flagCount: a.flagCount,
    })),
    flags: triage.flags.map((f) => ({
      area: f.area,
      areaTitle: areaTitle(questionnaire, f.area),
      title: f.title,
      severity: f.severity,
      because: f.because.map((c) => ({ question: c.question, answer: c.answer })),
      ...(f.advice !== undefined ? { advice: f.advice } : {}),
    })),
    support: supportLinks(triage.routes, organisation),
    benefits: [...triage.proportionality.benefits],
    proportionalityNote: triage.proportionality.note,
    questionnaireVersion: assessment.questionnaireVersion,
  };
}

export function decisionView(decision: Decision): DecisionView {
  return {
    value: decision.value,
    label: DECISION_LABELS[decision.value],
    byName: decision.by.displayName,
    at: decision.at,
    comment: decision.comment,
  };
}

/** A stored decision or one already turned into a view (the app layer passes either). */
export type DecisionLike = Decision | DecisionView;

function toDecisionView(decision: DecisionLike): DecisionView {
  return 'by' in decision ? decisionView(decision) : decision;
}

export function outcomeView(
  summary: OutcomeSummary,
  deliveryNote: string,
  decision?: DecisionLike,
): OutcomeView {
  return {
    kind: 'outcome',
    outcome: summary,
    deliveryNote,
    ...(decision ? { decision: toDecisionView(decision) } : {}),
  };
}

/** `deciders` are the configured people or just their names; only names reach the card. */
export function approvalRequestView(
  summary: OutcomeSummary,
  deciders: readonly (Person | string)[],
  assessmentVersion: number,
  notice?: string,
): ApprovalRequestView {
  return {
    kind: 'approvalRequest',
    outcome: summary,
    deciders: deciders.map((p) => (typeof p === 'string' ? p : p.name)),
    decisionOptions: DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] })),
    assessmentVersion,
    ...(notice !== undefined ? { notice } : {}),
  };
}

export function approvalResolvedView(summary: OutcomeSummary, decision: DecisionLike): ApprovalResolvedView {
  return { kind: 'approvalResolved', outcome: summary, decision: toDecisionView(decision) };
}
