/**
 * Template data for the cards that show an outcome (outcome, approval request, approval
 * resolved) and for support-function lists (also on the help card). Every display string is made
 * inert here, once, so templates can bind it without thinking about escaping.
 */

import type { DecisionValue } from '../../dialogs/assessment.js';
import type {
  ApprovalRequestView,
  ApprovalResolvedView,
  DecisionView,
  OutcomeSummary,
  OutcomeView,
  SupportLinkView,
} from '../../dialogs/views/view-model.js';
import { outcomeFacts, plural } from '../shared/outcome-facts.js';
import { inertText as t } from './escape.js';
import {
  type ContainerStyle,
  type DateFormatOptions,
  formatDateTime,
  isWebUrl,
  LEVEL_COLORS,
  LEVEL_LABELS,
  LEVEL_STYLES,
} from './format.js';

const DECISION_STYLES: Record<DecisionValue, ContainerStyle> = {
  proceed: 'good',
  proceed_with_measures: 'warning',
  pause_review: 'warning',
  do_not_proceed: 'attention',
};

/** Button styles: only the two ends of the scale get colour, the middle stays neutral. */
const DECISION_BUTTON_STYLES: Record<DecisionValue, 'positive' | 'destructive' | 'default'> = {
  proceed: 'positive',
  proceed_with_measures: 'default',
  pause_review: 'default',
  do_not_proceed: 'destructive',
};

export function supportItemsData(support: readonly SupportLinkView[]) {
  return support.map((s) => ({
    name: t(s.name),
    mandatory: s.mandatory,
    hasDescription: s.description.length > 0,
    description: t(s.description),
    hasContact: (s.contact ?? '').length > 0,
    contact: t(s.contact ?? ''),
    // A non-web URL from config is dropped rather than turned into a button.
    hasUrl: isWebUrl(s.url),
    url: isWebUrl(s.url) ? s.url : '',
    linkTitle: t(`Open ${s.name}`),
  }));
}

export function outcomeSummaryData(o: OutcomeSummary, dates: DateFormatOptions) {
  const facts = outcomeFacts(o, dates);
  return {
    title: t(o.title),
    levelLabel: t(o.levelLabel),
    levelColor: LEVEL_COLORS[o.level],
    levelStyle: LEVEL_STYLES[o.level],
    facts: facts
      .filter(([, value]) => value.length > 0)
      .map(([label, value]) => ({ label, value: t(value) })),
    hasAreas: o.areas.length > 0,
    areas: o.areas.map((a) => ({
      title: t(a.title),
      label: LEVEL_LABELS[a.level],
      color: LEVEL_COLORS[a.level],
      flagCountText: a.flagCount > 0 ? ` (${plural(a.flagCount, 'flag', 'flags')})` : '',
    })),
    hasFlags: o.flags.length > 0,
    flags: o.flags.map((f) => ({
      severityLabel: LEVEL_LABELS[f.severity],
      color: LEVEL_COLORS[f.severity],
      areaTitle: t(f.areaTitle),
      title: t(f.title),
      because: f.because.map((b) => ({ text: t(`because: ${b.question} — ${b.answer}`) })),
      hasAdvice: (f.advice ?? '').length > 0,
      advice: t(f.advice ?? ''),
    })),
    hasSupport: o.support.length > 0,
    support: supportItemsData(o.support),
    hasBenefits: o.benefits.length > 0,
    benefits: o.benefits.map((b) => ({ text: t(b) })),
    hasProportionality: o.proportionalityNote.length > 0,
    proportionalityNote: t(o.proportionalityNote),
    footer: t(`Assessment ${o.assessmentId} · questionnaire version ${o.questionnaireVersion}`),
  };
}

/** "Decided by X on 21 Nov 2026 14:05: Proceed with measures — comment". */
export function decisionLine(d: DecisionView, dates: DateFormatOptions): string {
  const comment = d.comment.trim().length > 0 ? ` — ${d.comment}` : '';
  return `Decided by ${d.byName} on ${formatDateTime(d.at, dates)}: ${d.label}${comment}`;
}

export function outcomeData(view: OutcomeView, dates: DateFormatOptions) {
  return {
    outcome: outcomeSummaryData(view.outcome, dates),
    deliveryNote: t(view.deliveryNote),
    hasDecision: view.decision !== undefined,
    decisionText: view.decision ? t(decisionLine(view.decision, dates)) : '',
    decisionStyle: view.decision ? DECISION_STYLES[view.decision.value] : 'default',
  };
}

export function approvalRequestData(view: ApprovalRequestView, dates: DateFormatOptions) {
  return {
    outcome: outcomeSummaryData(view.outcome, dates),
    assessmentId: view.outcome.assessmentId,
    assessmentVersion: view.assessmentVersion,
    decidersText: t(view.deciders.length > 0 ? view.deciders.join(', ') : 'Not configured'),
    hasNotice: (view.notice ?? '').length > 0,
    notice: t(view.notice ?? ''),
    decisionOptions: view.decisionOptions.map((option) => ({
      value: option.value,
      label: t(option.label),
      style: DECISION_BUTTON_STYLES[option.value],
    })),
  };
}

export function approvalResolvedData(view: ApprovalResolvedView, dates: DateFormatOptions) {
  return {
    outcome: outcomeSummaryData(view.outcome, dates),
    decisionText: t(decisionLine(view.decision, dates)),
    decisionStyle: DECISION_STYLES[view.decision.value],
  };
}
