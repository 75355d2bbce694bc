/**
 * Blocks for the two modal-only views: a question step (inputs plus Back / Save for later /
 * Cancel) and the review of all answers (one Edit button per section). Their submit button
 * (Next, Back to review, Submit) belongs to the modal itself; see render-slack.ts.
 */
import type { Button, KnownBlock } from '@slack/types';
import { ACTIONS } from '../../dialogs/actions.js';
import type { QuestionStepView, ReviewSection, ReviewView } from '../../dialogs/views/view-model.js';
import {
  actions,
  button,
  type CountedBlock,
  fitBlocks,
  header,
  moreNote,
  mrkdwn,
  packLines,
  plainContext,
  plainSection,
} from './elements.js';
import { escapeMrkdwn as esc } from './escape.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';
import { questionInput } from './question-inputs.js';

/** Block id of the Back / Save for later / Cancel row. */
export const NAV_BLOCK_ID = 'riskcheck.nav';

const CANCEL_CONFIRM = {
  title: 'Cancel this risk check?',
  text: 'The assessment in progress is stopped; nothing is submitted.',
  confirm: 'Cancel risk check',
  deny: 'Keep going',
};

function saveAndCancel(value: object): Button[] {
  return [
    button({ actionId: ACTIONS.save, text: 'Save for later', value }),
    button({ actionId: ACTIONS.cancel, text: 'Cancel', value, style: 'danger', confirm: CANCEL_CONFIRM }),
  ];
}

export function questionStepBlocks(view: QuestionStepView, maxBlocks: number): KnownBlock[] {
  const value = { sessionId: view.sessionId, stepId: view.stepId };
  const head: KnownBlock[] = [
    header(view.sectionTitle),
    plainContext(`Step ${view.stepNumber} of ${view.stepCount} · ${view.questionnaireTitle}`),
  ];
  if ((view.sectionIntro ?? '').length > 0) head.push(plainSection(view.sectionIntro ?? ''));
  if ((view.notice ?? '').length > 0) head.push(plainContext(`ℹ ${view.notice ?? ''}`));
  const nav = actions(NAV_BLOCK_ID, [
    ...(view.canGoBack ? [button({ actionId: ACTIONS.back, text: 'Back', value })] : []),
    ...saveAndCancel(value),
  ]);
  // Questions per section are not bounded by the schema; beyond the modal's block limit the rest
  // is left out with a note rather than making Slack refuse the whole modal.
  const inputs = view.questions.map((q): CountedBlock => ({ block: questionInput(q), count: 1 }));
  return fitBlocks(head, [inputs], [nav], maxBlocks, ' questions could not be shown here');
}

function reviewSectionBlocks(s: ReviewSection, index: number, sessionId: string): KnownBlock[] {
  const titleBlock: KnownBlock = {
    type: 'section',
    block_id: `review:${index}`,
    text: mrkdwn(`*${esc(s.title)}*`),
    accessory: button({ actionId: ACTIONS.edit, text: 'Edit', value: { sessionId, stepId: s.editStepId } }),
  };
  // Answers are user text: plain_text sections, packed so a section costs few blocks.
  const lines = s.items.map((item) => ({
    text: `${item.label}: ${item.answer.length > 0 ? item.answer : 'Not answered'}`,
    count: 1,
  }));
  return [titleBlock, ...packLines(lines, L.text, truncate).map((chunk) => plainSection(chunk.text))];
}

export function reviewBlocks(view: ReviewView, maxBlocks: number): KnownBlock[] {
  const head: KnownBlock[] = [header('Review your answers'), plainSection(view.title)];
  if ((view.notice ?? '').length > 0) head.push(plainContext(`ℹ ${view.notice ?? ''}`));
  const tail: KnownBlock[] = [
    plainContext('Press Submit to send the assessment, or Edit to change a section.'),
    actions(NAV_BLOCK_ID, saveAndCancel({ sessionId: view.sessionId })),
  ];
  const groups = view.sections.map((s, i) => reviewSectionBlocks(s, i, view.sessionId));
  const all = groups.flat();
  if (head.length + all.length + tail.length <= maxBlocks) return [...head, ...all, ...tail];
  // Whole sections only, so an Edit button never loses the answers below it.
  let room = maxBlocks - head.length - tail.length - 1;
  const shown: KnownBlock[] = [];
  let omitted = 0;
  for (const group of groups) {
    if (omitted === 0 && group.length <= room) {
      shown.push(...group);
      room -= group.length;
    } else omitted += 1;
  }
  return [...head, ...shown, moreNote(omitted, ' sections not shown here'), ...tail];
}
