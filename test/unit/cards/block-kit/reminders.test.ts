/**
 * Reminder messages in Slack: goldens for the variants, the "We discussed this" and "Reassess
 * now" buttons the channel parses back, the discussion dialog, and no buttons on decision nudges.
 */
import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  DISCUSSION_DATE_ACTION_ID,
  DISCUSSION_DATE_BLOCK_ID,
  DISCUSSION_MODAL_CALLBACK_ID,
  DISCUSSION_NOTE_ACTION_ID,
  DISCUSSION_NOTE_BLOCK_ID,
  discussionModal,
} from '../../../../cards/block-kit/discussion-modal.js';
import {
  renderSlackMessage,
  renderSlackModal,
  SLACK_SURFACES,
} from '../../../../cards/block-kit/render-slack.js';
import { ACTIONS } from '../../../../dialogs/actions.js';
import { expectGolden } from './golden.js';
import {
  discussionFollowUp,
  discussionRecorded,
  discussionReminder,
  HOSTILE,
  pendingDecisionEscalation,
  pendingDecisionReminder,
  reassessmentEndingSoon,
  reassessmentReminder,
  upcomingReminders,
  upcomingRemindersPaused,
} from './slack-fixtures.js';
import { allTexts, elementsByBlock, limitViolations } from './slack-walk.js';

const OPTIONS = { timeZone: 'Europe/Stockholm' };

const buttons = (blocks: AnyBlock[]) =>
  elementsByBlock(blocks).filter(({ element }) => element.type === 'button');
const textOf = (blocks: AnyBlock[]): string =>
  allTexts(blocks)
    .map((t) => t.text)
    .join('\n');

const modal = discussionModal({
  reminderId: discussionReminder.reminderId,
  departmentName: 'Global Public Health',
});

describe('golden files of the other reminder variants', () => {
  it.each([
    ['discussionReminder-follow-up.message', discussionFollowUp],
    ['discussionReminder-recorded.message', discussionRecorded],
    ['reassessmentReminder-ending-soon.message', reassessmentEndingSoon],
    ['pendingDecisionReminder-escalation.message', pendingDecisionEscalation],
    ['upcomingReminders-paused.message', upcomingRemindersPaused],
  ] as const)('%s', (name, view) => {
    expectGolden(name, renderSlackMessage(view, OPTIONS));
  });

  it('discussion dialog', () => {
    expectGolden('discussion.modal', modal);
  });
});

describe('surfaces', () => {
  it('reminders are messages; the upcoming list is also a modal', () => {
    expect(SLACK_SURFACES.discussionReminder).toEqual(['message']);
    expect(SLACK_SURFACES.reassessmentReminder).toEqual(['message']);
    expect(SLACK_SURFACES.pendingDecisionReminder).toEqual(['message']);
    expect(SLACK_SURFACES.upcomingReminders).toEqual(['message', 'modal']);
    expect(JSON.parse(renderSlackModal(upcomingReminders).private_metadata ?? '')).toEqual({
      view: 'upcomingReminders',
    });
  });
});

describe('discussion reminder', () => {
  it('has one "We discussed this" button with { reminderId }', () => {
    const all = buttons(renderSlackMessage(discussionReminder).blocks);
    expect(
      all.map(({ element }) => [element.action_id, element.text, JSON.parse(String(element.value))]),
    ).toEqual([
      [
        ACTIONS.discussed,
        { type: 'plain_text', text: 'We discussed this' },
        { reminderId: discussionReminder.reminderId },
      ],
    ]);
  });

  it('shows the follow-up warning only while nothing is recorded', () => {
    expect(textOf(renderSlackMessage(discussionFollowUp).blocks)).toContain(
      'No discussion has been recorded yet',
    );
    expect(textOf(renderSlackMessage(discussionRecorded).blocks)).not.toContain(
      'No discussion has been recorded yet',
    );
  });

  it('once recorded: no button, the record with its note instead', () => {
    const { blocks } = renderSlackMessage(discussionRecorded, OPTIONS);
    expect(buttons(blocks)).toEqual([]);
    expect(textOf(blocks)).toContain(
      '✅ Discussed on 10 Feb 2027 — recorded by Kim Berg: Went through the two field studies',
    );
  });
});

describe('discussion dialog', () => {
  it('has its callback id, { reminderId } metadata and optional date and note inputs', () => {
    expect(modal.callback_id).toBe(DISCUSSION_MODAL_CALLBACK_ID);
    expect(DISCUSSION_MODAL_CALLBACK_ID).toBe('riskcheck.discussion');
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual({ reminderId: discussionReminder.reminderId });
    const inputs = modal.blocks.filter((b) => b.type === 'input');
    expect(inputs).toEqual([
      expect.objectContaining({
        block_id: DISCUSSION_DATE_BLOCK_ID,
        optional: true,
        element: expect.objectContaining({ type: 'datepicker', action_id: DISCUSSION_DATE_ACTION_ID }),
      }),
      expect.objectContaining({
        block_id: DISCUSSION_NOTE_BLOCK_ID,
        optional: true,
        element: expect.objectContaining({
          type: 'plain_text_input',
          action_id: DISCUSSION_NOTE_ACTION_ID,
          multiline: true,
          max_length: 1000,
        }),
      }),
    ]);
    expect([DISCUSSION_DATE_BLOCK_ID, DISCUSSION_NOTE_BLOCK_ID]).toEqual([
      'discussion_date',
      'discussion_note',
    ]);
  });

  it('stays within the limits, and shows a hostile department name as plain text', () => {
    const hostile = discussionModal({ reminderId: 'r', departmentName: HOSTILE });
    for (const m of [modal, hostile]) {
      expect(limitViolations(m as unknown as { blocks: unknown[] }, 'modal')).toEqual([]);
    }
    expect(allTexts(hostile.blocks).filter((t) => t.type === 'mrkdwn')).toEqual([]);
    expect(textOf(hostile.blocks)).toContain(HOSTILE);
  });
});

describe('reassessment and pending decision reminders', () => {
  it('reassessment: one "Reassess now" button with { assessmentId }, and the reason', () => {
    for (const view of [reassessmentReminder, reassessmentEndingSoon]) {
      const { blocks } = renderSlackMessage(view, OPTIONS);
      expect(
        buttons(blocks).map(({ element }) => [element.action_id, JSON.parse(String(element.value))]),
      ).toEqual([[ACTIONS.reassess, { assessmentId: 'asm_2026_0042' }]]);
    }
    expect(textOf(renderSlackMessage(reassessmentEndingSoon, OPTIONS).blocks)).toContain(
      'Its end date 30 Jun 2027 is near: reassess it at the end of the collaboration.',
    );
  });

  it('pending decision: no buttons, the wait, who can decide and where to decide', () => {
    for (const view of [pendingDecisionReminder, pendingDecisionEscalation]) {
      const { blocks } = renderSlackMessage(view, OPTIONS);
      expect(elementsByBlock(blocks)).toEqual([]);
      expect(textOf(blocks)).toContain('original approval request');
    }
    const nudge = textOf(renderSlackMessage(pendingDecisionReminder).blocks);
    expect(nudge).toContain('Waiting 5 working days for a decision');
    expect(nudge).toContain('*Who can decide:* Kim Berg, Sam Lindqvist');
    expect(textOf(renderSlackMessage(pendingDecisionEscalation).blocks)).toContain('escalated to you');
  });

  it('upcoming: one line per reminder, or "No reminders scheduled."', () => {
    expect(textOf(renderSlackMessage(upcomingReminders, OPTIONS).blocks)).toContain(
      '• Discussion reminder — Global Public Health — due 1 Feb 2027 09:00 — Scheduled',
    );
    expect(textOf(renderSlackMessage(upcomingRemindersPaused).blocks)).toContain('No reminders scheduled.');
  });
});
