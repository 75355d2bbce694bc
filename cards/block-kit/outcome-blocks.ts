/**
 * Blocks for the views that show a triage outcome: the outcome itself (message and modal), the
 * approval request with its decision buttons and the resolved approval. User-typed text (title,
 * partner, answers, comments) goes into plain_text objects or through `escapeMrkdwn`.
 */

import type { KnownBlock, SectionBlock } from '@slack/types';
import { ACTIONS } from '../../dialogs/actions.js';
import type { DecisionValue } from '../../dialogs/assessment.js';
import type { Level } from '../../dialogs/questionnaire/schema.js';
import type {
  ApprovalRequestView,
  ApprovalResolvedView,
  FlagView,
  OutcomeSummary,
  OutcomeView,
  SupportLinkView,
} from '../../dialogs/views/view-model.js';
import { type DateFormatOptions, formatDateTime, isWebUrl, LEVEL_LABELS } from '../adaptive/format.js';
import { decisionLine } from '../adaptive/outcome-data.js';
import { outcomeFacts, plural } from '../shared/outcome-facts.js';
import {
  actions,
  button,
  type CountedBlock,
  divider,
  fitBlocks,
  header,
  mrkdwn,
  mrkdwnSection,
  packLines,
  plain,
  plainContext,
  plainSection,
} from './elements.js';
import { escapeMrkdwn as esc, mrkdwnLink, truncateMrkdwn } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';

/** Colour is not available in Block Kit text, so the level is carried by an emoji and its label. */
export const LEVEL_EMOJI: Record<Level, string> = {
  low: '🟢',
  elevated: '🟡',
  high: '🟠',
  escalate: '🔴',
};

/** Only the two ends of the scale get a coloured button, as on the Teams card. */
const DECISION_STYLES: Partial<Record<DecisionValue, 'primary' | 'danger'>> = {
  proceed: 'primary',
  do_not_proceed: 'danger',
};

function factsBlock(o: OutcomeSummary, dates: DateFormatOptions): SectionBlock | undefined {
  const facts = outcomeFacts(o, dates);
  const fields = facts
    .filter(([, value]) => value.trim().length > 0)
    .slice(0, L.sectionFields)
    .map(([label, value]) => plain(`${label}: ${value}`, L.fieldText));
  return fields.length > 0 ? { type: 'section', fields } : undefined;
}

function flagBlock(f: FlagView): CountedBlock {
  const lines = [
    `${LEVEL_EMOJI[f.severity]} *${LEVEL_LABELS[f.severity]}* · ${esc(f.areaTitle)}`,
    `*${esc(f.title)}*`,
    ...f.because.map((b) => `• because: ${esc(b.question)} — ${esc(b.answer)}`),
    ...((f.advice ?? '').length > 0 ? [`_Advice:_ ${esc(f.advice ?? '')}`] : []),
  ];
  return { block: mrkdwnSection(lines.join('\n')), count: 1 };
}

/** One line per support function: a link only for an http(s) URL from config, never user text. */
export function supportLine(s: SupportLinkView): string {
  const name = isWebUrl(s.url) ? mrkdwnLink(s.url, s.name) : `*${esc(s.name)}*`;
  const parts = [`• ${s.mandatory ? '*Required:* ' : ''}${name}`];
  if (s.description.length > 0) parts.push(esc(s.description));
  if ((s.contact ?? '').length > 0) parts.push(`Contact: ${esc(s.contact ?? '')}`);
  return parts.join(' — ');
}

/** Support functions packed into as few sections as fit, headed "Support functions". */
export function supportBlocks(support: readonly SupportLinkView[]): CountedBlock[] {
  if (support.length === 0) return [];
  const lines = [
    { text: '*Support functions*', count: 0 },
    ...support.map((s) => ({ text: supportLine(s), count: 1 })),
  ];
  return packLines(lines, L.text, truncateMrkdwn).map((chunk) => ({
    block: mrkdwnSection(chunk.text),
    count: chunk.count,
  }));
}

interface SummaryParts {
  head: KnownBlock[];
  lists: CountedBlock[][];
  tail: KnownBlock[];
}

function summaryParts(o: OutcomeSummary, intro: string, dates: DateFormatOptions): SummaryParts {
  const head: KnownBlock[] = [
    header(o.title),
    plainContext(intro),
    mrkdwnSection(`*Overall level:* ${LEVEL_EMOJI[o.level]} ${esc(o.levelLabel)}`),
  ];
  const facts = factsBlock(o, dates);
  if (facts) head.push(facts);
  if (o.areas.length > 0) {
    const areaLines = o.areas.map(
      (a) =>
        `${LEVEL_EMOJI[a.level]} ${esc(a.title)}: ${LEVEL_LABELS[a.level]}${a.flagCount > 0 ? ` (${plural(a.flagCount, 'flag', 'flags')})` : ''}`,
    );
    head.push(mrkdwnSection(['*Areas*', ...areaLines].join('\n')));
  }
  if (o.flags.length > 0) head.push(divider(), mrkdwnSection('*Why: the answers behind each flag*'));
  const tail: KnownBlock[] = [];
  if (o.benefits.length > 0) {
    tail.push(mrkdwnSection(['*Benefits*', ...o.benefits.map((b) => `• ${esc(b)}`)].join('\n')));
  }
  if (o.proportionalityNote.length > 0) {
    tail.push(mrkdwnSection(`*Proportionality*\n${esc(o.proportionalityNote)}`));
  }
  return { head, lists: [o.flags.map(flagBlock), supportBlocks(o.support)], tail };
}

function footer(o: OutcomeSummary): KnownBlock {
  return plainContext(`Assessment ${o.assessmentId} · questionnaire version ${o.questionnaireVersion}`);
}

export function outcomeBlocks(view: OutcomeView, dates: DateFormatOptions, maxBlocks: number): KnownBlock[] {
  const { head, lists, tail } = summaryParts(view.outcome, 'Risk check outcome', dates);
  if (view.deliveryNote.length > 0) tail.push(plainContext(view.deliveryNote));
  if (view.decision) tail.push(divider(), plainSection(decisionLine(view.decision, dates)));
  tail.push(footer(view.outcome));
  return fitBlocks(head, lists, tail, maxBlocks);
}

export function approvalRequestBlocks(
  view: ApprovalRequestView,
  dates: DateFormatOptions,
  maxBlocks: number,
): KnownBlock[] {
  const o = view.outcome;
  const intro = `Risk check: decision needed · submitted by ${o.submitterName}`;
  const { head, lists, tail } = summaryParts(o, intro, dates);
  if ((view.notice ?? '').length > 0) head.splice(2, 0, plainSection(`⚠ ${view.notice ?? ''}`));
  tail.push(
    divider(),
    {
      type: 'section',
      text: mrkdwn(
        `*Who can decide:* ${esc(view.deciders.length > 0 ? view.deciders.join(', ') : 'Not configured')}`,
      ),
    },
    // One actions block per option: every button has the same action_id, which Slack allows
    // only once per block.
    ...view.decisionOptions.map((option) =>
      actions(`riskcheck.decide:${option.value}`, [
        button({
          actionId: ACTIONS.decide,
          text: option.label,
          value: {
            assessmentId: o.assessmentId,
            decision: option.value,
            assessmentVersion: view.assessmentVersion,
          },
          ...(DECISION_STYLES[option.value] ? { style: DECISION_STYLES[option.value] } : {}),
        }),
      ]),
    ),
    footer(o),
  );
  return fitBlocks(head, lists, tail, maxBlocks);
}

export function approvalResolvedBlocks(
  view: ApprovalResolvedView,
  dates: DateFormatOptions,
  maxBlocks: number,
): KnownBlock[] {
  const { head, lists, tail } = summaryParts(view.outcome, 'Risk check: decided', dates);
  // The decision goes first: it is why the message changed. The comment is user text: plain_text.
  head.splice(2, 0, plainSection(decisionLine(view.decision, dates)));
  tail.push(footer(view.outcome));
  return fitBlocks(head, lists, tail, maxBlocks);
}
