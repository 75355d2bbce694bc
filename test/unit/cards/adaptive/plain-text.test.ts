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
