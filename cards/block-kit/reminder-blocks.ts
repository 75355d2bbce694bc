/**
 * Blocks for the reminder views: the semester discussion, reassessment, pending decision and the
 * list of upcoming reminders. Wording comes from cards/adaptive/reminder-data.ts so Teams and
 * Slack say the same; user and config text goes into plain_text or through `escapeMrkdwn`.
 */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { ACTIONS } from '../../dialogs/actions.js';
import type {
  DiscussionReminderView,
  PendingDecisionReminderView,
  ReassessmentReminderView,
  UpcomingRemindersView,
} from '../../dialogs/views/view-model.js';
import { type DateFormatOptions, formatDate } from '../adaptive/format.js';
import {
  countsLine,
  decidersText,
  discussionRecordedLine,
  lastDiscussionLine,
  pendingItemLine,
  reassessmentReason,
  upcomingItemLine,
  waitingLine,
} from '../adaptive/reminder-data.js';
import {
  actions,
  button,
  type CountedBlock,
  divider,
  fitBlocks,
  header,
  mrkdwnSection,
  packLines,
  plain,
  plainContext,
  plainSection,
} from './elements.js';
import { escapeMrkdwn as esc, truncateMrkdwn } from './escape.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';
import { supportBlocks } from './outcome-blocks.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function factsSection(facts: [string, string][]): SectionBlock | undefined {
  const fields = facts
    .filter(([, value]) => value.trim().length > 0)
    .slice(0, L.sectionFields)
    .map(([label, value]) => plain(`${label}: ${value}`, L.fieldText));
  return fields.length > 0 ? { type: 'section', fields } : undefined;
}

/** A bold heading and escaped lines, packed into as few sections as fit; the heading counts 0. */
function listBlocks(heading: string, lines: string[]): CountedBlock[] {
  if (lines.length === 0) return [];
  return packLines(
    [{ text: `*${heading}*`, count: 0 }, ...lines.map((text) => ({ text, count: 1 }))],
    L.text,
    truncateMrkdwn,
  ).map((chunk) => ({ block: mrkdwnSection(chunk.text), count: chunk.count }));
}

export function discussionReminderBlocks(
  view: DiscussionReminderView,
  dates: DateFormatOptions,
  maxBlocks: number,
): KnownBlock[] {
  const head: KnownBlock[] = [
    header('Time to discuss responsible internationalisation'),
    plainContext(`Department: ${view.departmentName}`),
  ];
  // Once recorded, "nothing recorded yet" would contradict the message, so the warning goes.
  if (view.followUp && view.recorded === undefined) {
    head.push(
      mrkdwnSection(
        '⚠️ *No discussion has been recorded yet since the last reminder.* Please talk about it in a department meeting and record it below.',
      ),
    );
  }
  head.push(
    plainSection(
      'At the start of each semester, take a few minutes in a department meeting to go through planned and ongoing international collaborations and their risks.',
    ),
    plainContext(lastDiscussionLine(view, dates)),
  );
  const counts = [
    `*Since the last discussion:* ${plural(view.assessmentCount, 'assessment', 'assessments')}`,
  ];
  const byLevel = countsLine(view.byLevel);
  if (byLevel.length > 0) counts.push(`*By level:* ${esc(byLevel)}`);
  const byDecision = countsLine(view.byDecision);
  if (byDecision.length > 0) counts.push(`*By decision:* ${esc(byDecision)}`);
  head.push(mrkdwnSection(counts.join('\n')));
  const pending = listBlocks(
    'Waiting for a decision',
    view.pending.map((p) => `• *${esc(p.title)}* — ${esc(pendingItemLine(p, dates))}`),
  );
  const guide = listBlocks(
    'Questions to guide the discussion',
    view.guide.map((q) => `• ${esc(q)}`),
  );
  const tail: KnownBlock[] = [divider()];
  if (view.recorded) {
    tail.push(plainSection(`✅ ${discussionRecordedLine(view.recorded, dates)}`));
  } else {
    tail.push(
      plainContext('You can add the date and a short note in the next step.'),
      actions(ACTIONS.discussed, [
        button({
          actionId: ACTIONS.discussed,
          text: 'We discussed this',
          value: { reminderId: view.reminderId },
          style: 'primary',
        }),
      ]),
    );
  }
  return fitBlocks(head, [pending, guide, supportBlocks(view.support)], tail, maxBlocks, ' not shown here');
}

export function reassessmentReminderBlocks(
  view: ReassessmentReminderView,
  dates: DateFormatOptions,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(view.title),
    plainContext('Risk check: time to reassess a collaboration'),
    plainSection(reassessmentReason(view, dates)),
  ];
  const facts = factsSection([
    ['Partner', view.partner],
    ['Department', view.departmentName],
    ['Submitted', formatDate(view.submittedAt, dates)],
    ['Level', view.levelLabel],
  ]);
  if (facts) blocks.push(facts);
  blocks.push(
    plainContext(
      'Partners, countries and plans change. Reassessing starts a new risk check with your earlier answers filled in: check each one, change what is different now and submit.',
    ),
    actions(ACTIONS.reassess, [
      button({
        actionId: ACTIONS.reassess,
        text: 'Reassess now',
        value: { assessmentId: view.assessmentId },
        style: 'primary',
      }),
    ]),
  );
  return blocks;
}

export function pendingDecisionReminderBlocks(
  view: PendingDecisionReminderView,
  dates: DateFormatOptions,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(view.title),
    plainContext(
      view.escalation
        ? 'Risk check escalation: still waiting for a decision'
        : 'Risk check reminder: waiting for a decision',
    ),
    // Escalations go to people outside the department, so say which department is late.
    plainSection(
      view.escalation
        ? `An outcome in ${view.departmentName} is still undecided, and decisions there are escalated to you.`
        : `An outcome in ${view.departmentName} is waiting for your decision.`,
    ),
    mrkdwnSection(`⏳ *${esc(waitingLine(view))}*`),
  ];
  const facts = factsSection([
    ['Department', view.departmentName],
    ['Submitted by', view.submitterName],
    ['Submitted', formatDate(view.submittedAt, dates)],
    ['Level', view.levelLabel],
  ]);
  if (facts) blocks.push(facts);
  blocks.push(
    mrkdwnSection(`*Who can decide:* ${esc(decidersText(view.deciders))}`),
    plainContext(
      'Take the decision on the original approval request in the department channel: this reminder has no decision buttons, so every decision is recorded in one place.',
    ),
    plainContext(`Assessment ${view.assessmentId}`),
  );
  return blocks;
}

export function upcomingRemindersBlocks(
  view: UpcomingRemindersView,
  dates: DateFormatOptions,
  maxBlocks: number,
): KnownBlock[] {
  const head: KnownBlock[] = [
    header('Upcoming reminders'),
    plainContext(`Department: ${view.departmentName}`),
  ];
  if ((view.pausedReason ?? '').length > 0) head.push(plainSection(`⚠ Paused: ${view.pausedReason ?? ''}`));
  if (view.items.length === 0) head.push(plainSection('No reminders scheduled.'));
  const items: CountedBlock[] = packLines(
    view.items.map((item) => ({ text: `• ${upcomingItemLine(item, dates)}`, count: 1 })),
    L.text,
    truncate,
  ).map((chunk) => ({ block: plainSection(chunk.text), count: chunk.count }));
  return fitBlocks(head, [items], [], maxBlocks, ' not shown here');
}
