/** Plain-text fallback: one short, markup-free line per view, safe for notifications and logs. */
import { describe, expect, it } from 'vitest';
import { plainTextFallback } from '../../../../cards/adaptive/plain-text.js';
import * as fx from './view-fixtures.js';

describe('plainTextFallback', () => {
  it.each([
    [fx.outcome, 'Risk check outcome: High — Water quality field study with Example University. 2 flags.'],
    [
      fx.approvalRequest,
      'Decision needed: Water quality field study with Example University (High), submitted by Alex Andersson',
    ],
    [
      fx.approvalResolved,
      'Risk check decided: Water quality field study with Example University — Proceed with measures by Kim Berg',
    ],
    [fx.message, 'Nothing to resume: You have no saved draft. Start a new risk check?'],
    [fx.welcome, 'Welcome to the risk check, Alex Andersson. You have 2 saved drafts.'],
    [
      fx.questionStep,
      'Responsible internationalisation risk check: The partner (step 3 of 9) — Name of the partner organisation',
    ],
    [
      fx.discussionReminder,
      'Time to discuss responsible internationalisation in Global Public Health. 5 assessments since the last discussion, 1 waiting for a decision.',
    ],
    [
      fx.discussionFollowUp,
      'No discussion recorded yet in Global Public Health: please discuss responsible internationalisation. 0 assessments since the last discussion, 0 waiting for a decision.',
    ],
    [fx.discussionRecorded, 'Discussion recorded for Global Public Health: 10 Feb 2027, by Kim Berg'],
    [
      fx.reassessmentReminder,
      'Time to reassess: Water quality field study with Example University (Example University of Technology)',
    ],
    [
      fx.reassessmentEndingSoon,
      'Collaboration ending 30 Jun 2027, time to reassess: Water quality field study with Example University',
    ],
    [
      fx.pendingDecisionReminder,
      'Decision still needed: Water quality field study with Example University (High), waiting 5 working days',
    ],
    [
      fx.pendingDecisionEscalation,
      'Escalation: Water quality field study with Example University (Global Public Health) has waited 10 working days for a decision',
    ],
    [fx.upcomingReminders, 'Upcoming reminders for Global Public Health: 3 scheduled.'],
    [
      fx.upcomingRemindersPaused,
      'Upcoming reminders for Physics: none scheduled. Paused: Reminders are snoozed until 2027-03-01 in the configuration.',
    ],
  ])('summarises %#', (view, expected) => {
    expect(plainTextFallback(view)).toBe(expected);
  });

  it('gives every view a non-empty single line', () => {
    for (const view of [...Object.values(fx.GOLDEN_VIEWS), ...fx.EXTRA_VIEWS]) {
      const text = plainTextFallback(view);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/[\r\n\u2028\u2029]/);
    }
  });

  it('cannot forge a second log line from a typed title', () => {
    const view = { ...fx.review, title: 'Harmless\n{"level":"error","msg":"forged"}\r\nline' };
    expect(plainTextFallback(view)).toBe(
      'Review your answers — Harmless {"level":"error","msg":"forged"} line',
    );
  });
});
