/**
 * Blocks for the simple views that work both as a message and in a modal: welcome, help, the
 * list of a user's assessments and one-off messages. Each draft gets its own section with a
 * Resume button, because Slack allows an action_id only once per block.
 */
import type { Button, KnownBlock } from '@slack/types';
import { ACTIONS } from '../../dialogs/actions.js';
import type {
  AssessmentListView,
  HelpView,
  MessageView,
  WelcomeView,
} from '../../dialogs/views/view-model.js';
import { type DateFormatOptions, formatAge, formatDateTime } from '../adaptive/format.js';
import {
  actions,
  button,
  type CountedBlock,
  fitBlocks,
  header,
  mrkdwnSection,
  packLines,
  plain,
  plainSection,
} from './elements.js';
import { escapeMrkdwn as esc, truncateMrkdwn } from './escape.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';
import { supportBlocks } from './outcome-blocks.js';

/** Block id of the row of general buttons (Start, My assessments, Help). */
export const MENU_BLOCK_ID = 'riskcheck.menu';

export interface SimpleOptions extends DateFormatOptions {
  /** Current time (ISO 8601) for "3 days ago" hints; omitted keeps output deterministic. */
  now?: string;
}

type Drafts = WelcomeView['drafts'];

const start = (): Button =>
  button({ actionId: ACTIONS.start, text: 'Start a risk check', value: {}, style: 'primary' });
const list = (): Button => button({ actionId: ACTIONS.list, text: 'My assessments', value: {} });
const help = (): Button => button({ actionId: ACTIONS.help, text: 'Help', value: {} });

function draftBlocks(drafts: Drafts, options: SimpleOptions): CountedBlock[] {
  return drafts.map((d, i) => {
    const age = formatAge(d.updatedAt, options.now);
    const title = d.title.length > 0 ? d.title : 'Untitled draft';
    const saved = `Last saved ${formatDateTime(d.updatedAt, options)}${age ? ` (${age})` : ''}`;
    return {
      block: {
        type: 'section',
        block_id: `draft:${i}`,
        text: plain(`${truncate(title, L.text - saved.length - 1)}\n${saved}`),
        accessory: button({ actionId: ACTIONS.resume, text: 'Resume', value: { sessionId: d.sessionId } }),
      },
      count: 1,
    };
  });
}

export function welcomeBlocks(view: WelcomeView, options: SimpleOptions, maxBlocks: number): KnownBlock[] {
  const head: KnownBlock[] = [
    header(view.userName.length > 0 ? `Hello, ${view.userName}` : 'Hello'),
    plainSection(
      'Planning a collaboration with a partner abroad? This risk check asks about the partner, the country and the project, then shows which support functions to involve and sends the outcome to your department.',
    ),
  ];
  if (view.drafts.length > 0) head.push(mrkdwnSection('*Your saved drafts*'));
  const tail = [actions(MENU_BLOCK_ID, [start(), list(), help()])];
  return fitBlocks(head, [draftBlocks(view.drafts, options)], tail, maxBlocks, ' drafts, see My assessments');
}

export function helpBlocks(view: HelpView, maxBlocks: number): KnownBlock[] {
  const head: KnownBlock[] = [
    header('Risk check help'),
    plainSection('Type one of these commands, or use the buttons below.'),
  ];
  const commands = packLines(
    view.commands.map((c) => ({ text: `*${esc(c.command)}* — ${esc(c.description)}`, count: 1 })),
    L.text,
    truncateMrkdwn,
  ).map((chunk) => ({ block: mrkdwnSection(chunk.text), count: chunk.count }));
  const tail = [actions(MENU_BLOCK_ID, [start(), list()])];
  return fitBlocks(
    head,
    [commands, supportBlocks(view.supportFunctions)],
    tail,
    maxBlocks,
    ' not shown here',
  );
}

export function assessmentListBlocks(
  view: AssessmentListView,
  options: SimpleOptions,
  maxBlocks: number,
): KnownBlock[] {
  const head: KnownBlock[] = [header('My assessments')];
  if (view.drafts.length === 0 && view.submitted.length === 0) {
    head.push(plainSection('You have no drafts or submitted assessments yet.'));
  }
  if (view.drafts.length > 0) head.push(mrkdwnSection('*Drafts*'));
  const submittedLines = view.submitted.map((s) => ({
    text: `${s.title}\n   Submitted ${formatDateTime(s.submittedAt, options)} · Level: ${s.levelLabel} · Decision: ${s.decisionLabel}`,
    count: 1,
  }));
  const submitted: CountedBlock[] = packLines(submittedLines, L.text, truncate).map((chunk) => ({
    block: plainSection(chunk.text),
    count: chunk.count,
  }));
  // The "Submitted" heading travels with the first submitted block so it is never orphaned.
  const submittedWithHeading: CountedBlock[] =
    submitted.length > 0 ? [{ block: mrkdwnSection('*Submitted*'), count: 0 }, ...submitted] : [];
  const tail = [actions(MENU_BLOCK_ID, [start()])];
  return fitBlocks(
    head,
    [draftBlocks(view.drafts, options), submittedWithHeading],
    tail,
    maxBlocks,
    ' not shown here',
  );
}

const TONE_EMOJI: Record<MessageView['tone'], string> = {
  info: 'ℹ️',
  success: '✅',
  warning: '⚠️',
  error: '❌',
};

export function messageBlocks(view: MessageView): KnownBlock[] {
  const blocks: KnownBlock[] = [mrkdwnSection(`${TONE_EMOJI[view.tone]} *${esc(view.title)}*`)];
  if (view.text.length > 0) blocks.push(plainSection(view.text));
  if (view.offerStart) {
    blocks.push(
      actions(MENU_BLOCK_ID, [
        start(),
        button({ actionId: ACTIONS.resume, text: 'Resume my draft', value: {} }),
        list(),
      ]),
    );
  }
  return blocks;
}
