/**
 * Template data for the reminder cards: the semester discussion, reassessment, pending decision
 * and the list of upcoming reminders. Like template-data.ts, every display string is composed and
 * made inert here, so the templates only bind.
 */

import type {
  CountView,
  DiscussionReminderView,
  PendingDecisionReminderView,
  ReassessmentReminderView,
  UpcomingRemindersView,
} from '../../dialogs/views/view-model.js';
import { plural } from '../shared/outcome-facts.js';
import { inertText as t } from './escape.js';
import { type DateFormatOptions, formatDate, formatDateTime } from './format.js';
import { supportItemsData } from './outcome-data.js';

/**
 * Input ids of the "We discussed this" form on the Teams card; the verb's data carries them next
 * to `reminderId`. Same names as the Slack dialog's block and action ids.
 */
export const DISCUSSION_INPUT_IDS = { date: 'discussion_date', note: 'discussion_note' } as const;

/** "High 2 · Low 3": counts with a zero are left out, they only add noise. */
export function countsLine(counts: readonly CountView[]): string {
  return counts
    .filter((c) => c.count > 0)
    .map((c) => `${c.label} ${c.count}`)
    .join(' · ');
}

/** "Discussed on 12 Feb 2027 — recorded by Kim Berg: note" (no colon part without a note). */
export function discussionRecordedLine(
  recorded: NonNullable<DiscussionReminderView['recorded']>,
  dates: DateFormatOptions,
): string {
  const note = recorded.note.trim().length > 0 ? `: ${recorded.note}` : '';
  return `Discussed on ${formatDate(recorded.heldOn, dates)} — recorded by ${recorded.byName}${note}`;
}

export function lastDiscussionLine(view: DiscussionReminderView, dates: DateFormatOptions): string {
  return view.lastDiscussedOn === undefined
    ? 'No discussion has been recorded before.'
    : `Last discussion: ${formatDate(view.lastDiscussedOn, dates)}`;
}

export function pendingItemLine(
  p: DiscussionReminderView['pending'][number],
  dates: DateFormatOptions,
): string {
  return `Submitted ${formatDate(p.submittedAt, dates)} · Level: ${p.levelLabel}`;
}

export function discussionReminderData(view: DiscussionReminderView, dates: DateFormatOptions) {
  const byLevel = countsLine(view.byLevel);
  const byDecision = countsLine(view.byDecision);
  return {
    reminderId: view.reminderId,
    departmentName: t(view.departmentName),
    // Once recorded, "nothing recorded yet" would contradict the card, so the warning goes.
    showFollowUp: view.followUp && view.recorded === undefined,
    lastDiscussion: t(lastDiscussionLine(view, dates)),
    hasGuide: view.guide.length > 0,
    guide: view.guide.map((q) => ({ text: t(`• ${q}`) })),
    assessmentCountText: plural(view.assessmentCount, 'assessment', 'assessments'),
    hasByLevel: byLevel.length > 0,
    byLevel: t(byLevel),
    hasByDecision: byDecision.length > 0,
    byDecision: t(byDecision),
    hasPending: view.pending.length > 0,
    pending: view.pending.map((p) => ({ title: t(p.title), detail: t(pendingItemLine(p, dates)) })),
    hasSupport: view.support.length > 0,
    support: supportItemsData(view.support),
    isRecorded: view.recorded !== undefined,
    recordedText: view.recorded ? t(discussionRecordedLine(view.recorded, dates)) : '',
    showForm: view.recorded === undefined,
  };
}

/** Why the submitter is asked to reassess now. */
export function reassessmentReason(view: ReassessmentReminderView, dates: DateFormatOptions): string {
  if (view.reason === 'interval') return 'It is time for the yearly reassessment of this collaboration.';
  const end = view.endDate ? ` ${formatDate(view.endDate, dates)}` : '';
  return `Its end date${end} is near: reassess it at the end of the collaboration.`;
}

function factsData(facts: [string, string][]) {
  return facts
    .filter(([, value]) => value.trim().length > 0)
    .map(([label, value]) => ({ label, value: t(value) }));
}

export function reassessmentReminderData(view: ReassessmentReminderView, dates: DateFormatOptions) {
  return {
    assessmentId: view.assessmentId,
    title: t(view.title),
    reason: t(reassessmentReason(view, dates)),
    facts: factsData([
      ['Partner', view.partner],
      ['Department', view.departmentName],
      ['Submitted', formatDate(view.submittedAt, dates)],
      ['Level', view.levelLabel],
    ]),
  };
}

export function waitingLine(view: PendingDecisionReminderView): string {
  return `Waiting ${plural(view.workingDaysWaiting, 'working day', 'working days')} for a decision`;
}

export function decidersText(deciders: readonly string[]): string {
  return deciders.length > 0 ? deciders.join(', ') : 'Not configured';
}

export function pendingDecisionReminderData(view: PendingDecisionReminderView, dates: DateFormatOptions) {
  return {
    escalation: view.escalation,
    // Escalations go to people outside the department, so say which department is late.
    intro: t(
      view.escalation
        ? `An outcome in ${view.departmentName} is still undecided, and decisions there are escalated to you.`
        : `An outcome in ${view.departmentName} is waiting for your decision.`,
    ),
    title: t(view.title),
    waiting: t(waitingLine(view)),
    facts: factsData([
      ['Department', view.departmentName],
      ['Submitted by', view.submitterName],
      ['Submitted', formatDate(view.submittedAt, dates)],
      ['Level', view.levelLabel],
    ]),
    decidersText: t(decidersText(view.deciders)),
    footer: t(`Assessment ${view.assessmentId}`),
  };
}

/** "Discussion reminder — Global Public Health — due 1 Feb 2027 09:00 — Scheduled". */
export function upcomingItemLine(
  item: UpcomingRemindersView['items'][number],
  dates: DateFormatOptions,
): string {
  return `${item.kindLabel} — ${upcomingItemDetail(item, dates)}`;
}

function upcomingItemDetail(item: UpcomingRemindersView['items'][number], dates: DateFormatOptions): string {
  return `${item.subject} — due ${formatDateTime(item.dueAt, dates)} — ${item.statusLabel}`;
}

export function upcomingRemindersData(view: UpcomingRemindersView, dates: DateFormatOptions) {
  return {
    departmentName: t(view.departmentName),
    hasPausedReason: (view.pausedReason ?? '').length > 0,
    pausedReason: t(view.pausedReason ?? ''),
    isEmpty: view.items.length === 0,
    items: view.items.map((item) => ({
      kindLabel: t(item.kindLabel),
      detail: t(` — ${upcomingItemDetail(item, dates)}`),
    })),
  };
}
