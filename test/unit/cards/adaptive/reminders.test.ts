/** Reminder cards: the discussion form and its recorded state, reassess button, no-button nudges, lists. */
import { describe, expect, it } from 'vitest';
import { DISCUSSION_INPUT_IDS } from '../../../../cards/adaptive/reminder-data.js';
import { renderAdaptiveCard } from '../../../../cards/adaptive/render-adaptive-card.js';
import { DISCUSSION_NOTE_MAX_LENGTH } from '../../../../cards/block-kit/discussion-modal.js';
import { ACTIONS } from '../../../../dialogs/actions.js';
import type { ViewModel } from '../../../../dialogs/views/view-model.js';
import { allObjects, isInput, ofType } from './card-walk.js';
import * as fx from './view-fixtures.js';

const OPTIONS = { timeZone: 'Europe/Stockholm' };
const texts = (view: ViewModel): string[] =>
  ofType(renderAdaptiveCard(view, OPTIONS), 'TextRun').map((run) => String(run.text));
const blockTexts = (view: ViewModel): string[] =>
  ofType(renderAdaptiveCard(view, OPTIONS), 'TextBlock').map((block) => String(block.text));

describe('discussion reminder', () => {
  it('offers an optional date and note and a "We discussed this" button carrying the reminder id', () => {
    const card = renderAdaptiveCard(fx.discussionReminder);
    const inputs = allObjects(card)
      .map(({ node }) => node)
      .filter(isInput);
    expect(inputs).toEqual([
      expect.objectContaining({
        type: 'Input.Date',
        id: DISCUSSION_INPUT_IDS.date,
        label: 'When did you discuss it? (optional)',
      }),
      expect.objectContaining({
        type: 'Input.Text',
        id: DISCUSSION_INPUT_IDS.note,
        isMultiline: true,
        maxLength: DISCUSSION_NOTE_MAX_LENGTH,
      }),
    ]);
    expect(inputs[1]?.placeholder).toBeTruthy();
    expect(card.actions?.map((a) => [a.type, a.verb, a.title, a.associatedInputs, a.data])).toEqual([
      [
        'Action.Execute',
        ACTIONS.discussed,
        'We discussed this',
        'auto',
        { reminderId: fx.discussionReminder.reminderId },
      ],
    ]);
  });

  it('shows the last discussion, counts by level and decision, pending outcomes, guide and support', () => {
    expect(texts(fx.discussionReminder)).toEqual(
      expect.arrayContaining([
        'Last discussion: 14 Sept 2026',
        '5 assessments',
        'Low 2 · Elevated 1 · High 2',
        'Proceed 2 · Proceed with measures 2 · Waiting for a decision 1',
        'Water quality field study with Example University',
        'Submitted 21 Nov 2026 · Level: High',
        `• ${fx.discussionReminder.guide[0]}`,
        'Export control office',
      ]),
    );
    expect(
      blockTexts(fx.discussionReminder).some((t) => t.startsWith('No discussion has been recorded')),
    ).toBe(false);
  });

  it('says so on the follow-up, and that nothing was recorded before', () => {
    expect(
      blockTexts(fx.discussionFollowUp).some((t) => t.startsWith('No discussion has been recorded yet')),
    ).toBe(true);
    expect(texts(fx.discussionFollowUp)).toContain('No discussion has been recorded before.');
  });

  it('once recorded: shows who and when with the note, no inputs, no buttons, no follow-up warning', () => {
    const card = renderAdaptiveCard(fx.discussionRecorded, OPTIONS);
    expect(allObjects(card).filter(({ node }) => isInput(node))).toEqual([]);
    expect(card.actions).toBeUndefined();
    expect(texts(fx.discussionRecorded)).toContain(
      'Discussed on 10 Feb 2027 — recorded by Kim Berg: Went through the two field studies; the export control office joins the next meeting.',
    );
    expect(
      blockTexts(fx.discussionRecorded).some((t) => t.startsWith('No discussion has been recorded')),
    ).toBe(false);
  });
});

describe('reassessment reminder', () => {
  it('has one "Reassess now" button with the assessment id', () => {
    const card = renderAdaptiveCard(fx.reassessmentReminder);
    expect(card.actions?.map((a) => [a.verb, a.title, a.data])).toEqual([
      [ACTIONS.reassess, 'Reassess now', { assessmentId: 'asm_2026_0042' }],
    ]);
  });

  it('words the reason: yearly, or the end date (a calendar day, never shifted by the time zone)', () => {
    expect(texts(fx.reassessmentReminder)).toContain(
      'It is time for the yearly reassessment of this collaboration.',
    );
    expect(texts(fx.reassessmentEndingSoon)).toContain(
      'Its end date 30 Jun 2027 is near: reassess it at the end of the collaboration.',
    );
    const west = ofType(
      renderAdaptiveCard(fx.reassessmentEndingSoon, { timeZone: 'America/Los_Angeles' }),
      'TextRun',
    );
    expect(west.map((r) => r.text)).toContain(
      'Its end date 30 Jun 2027 is near: reassess it at the end of the collaboration.',
    );
    expect(texts(fx.reassessmentReminder)).toEqual(
      expect.arrayContaining([
        'Example University of Technology',
        'Global Public Health',
        '21 Nov 2026',
        'High',
      ]),
    );
  });
});

describe('pending decision reminder', () => {
  it('has no buttons and says where to decide', () => {
    for (const view of [fx.pendingDecisionReminder, fx.pendingDecisionEscalation]) {
      const card = renderAdaptiveCard(view);
      expect(ofType(card, 'Action.Execute')).toEqual([]);
      expect(blockTexts(view).some((t) => t.includes('original approval card'))).toBe(true);
    }
  });

  it('words a nudge and an escalation differently, with the wait and who can decide', () => {
    expect(blockTexts(fx.pendingDecisionReminder)).toContain(
      'Reminder: a risk check is waiting for a decision',
    );
    expect(texts(fx.pendingDecisionReminder)).toEqual(
      expect.arrayContaining([
        'Waiting 5 working days for a decision',
        'Kim Berg, Sam Lindqvist',
        'Alex Andersson',
      ]),
    );
    expect(blockTexts(fx.pendingDecisionEscalation)).toContain(
      'Escalation: a risk check is still waiting for a decision',
    );
    expect(texts(fx.pendingDecisionEscalation)).toEqual(
      expect.arrayContaining(['Waiting 10 working days for a decision', 'Not configured']),
    );
  });
});

describe('upcoming reminders', () => {
  it('lists each reminder with its kind, subject, due time and status', () => {
    const runs = ofType(renderAdaptiveCard(fx.upcomingReminders, OPTIONS), 'RichTextBlock').map((b) =>
      (b.inlines as { text: string }[]).map((r) => r.text).join(''),
    );
    expect(runs).toContain('Discussion reminder — Global Public Health — due 1 Feb 2027 09:00 — Scheduled');
  });

  it('shows why reminders are paused, in warning style, and says when none are scheduled', () => {
    const card = renderAdaptiveCard(fx.upcomingRemindersPaused);
    expect(ofType(card, 'Container').some((c) => c.style === 'warning')).toBe(true);
    expect(texts(fx.upcomingRemindersPaused)).toContain(fx.upcomingRemindersPaused.pausedReason);
    expect(blockTexts(fx.upcomingRemindersPaused)).toContain('No reminders scheduled.');
    expect(blockTexts(fx.upcomingReminders)).not.toContain('No reminders scheduled.');
  });
});
