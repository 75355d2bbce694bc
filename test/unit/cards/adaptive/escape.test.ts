/**
 * Escaping: text staff typed must reach the screen literally. Markdown, links, mentions, date
 * functions and template expressions in titles, names, answers and comments stay inert.
 */
import { describe, expect, it } from 'vitest';
import { hasActiveSequence, inertText, visibleText, WORD_JOINER } from '../../../../cards/adaptive/escape.js';
import { renderAdaptiveCard } from '../../../../cards/adaptive/render-adaptive-card.js';
import type { ViewModel } from '../../../../dialogs/views/view-model.js';
import { allStrings, isInput, ofType } from './card-walk.js';
import * as fx from './view-fixtures.js';

describe('inertText', () => {
  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template expression is the test input
    ['${$root.sessionId}', `$${WORD_JOINER}{$root.sessionId}`],
    [
      '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
      `{${WORD_JOINER}{DATE(2017-02-14T06:08:39Z, SHORT)}${WORD_JOINER}}`,
    ],
    ['<at>x</at>', `<${WORD_JOINER}at>x<${WORD_JOINER}/at>`],
    ['plain text, 3 < 4 and {single} braces', 'plain text, 3 < 4 and {single} braces'],
  ])('breaks the active sequences in %s', (input, expected) => {
    expect(inertText(input)).toBe(expected);
    expect(hasActiveSequence(inertText(input))).toBe(false);
    expect(visibleText(inertText(input))).toBe(input);
  });

  it('detects active sequences', () => {
    expect(INJECTIONS_WITH_SEQUENCES.every(hasActiveSequence)).toBe(true);
    expect(hasActiveSequence('**bold** [link](https://evil.example)')).toBe(false);
  });
});

const INJECTIONS_WITH_SEQUENCES = fx.INJECTIONS.filter((s) => /\$\{|\{\{|<at/.test(s));

/** Every user-typed field of every view set to `s`, with the field whose TextRun must equal `s`. */
function hostileViews(s: string): ViewModel[] {
  const summary = { ...fx.outcomeSummary, title: s, partner: s, submitterName: s };
  const flags = summary.flags.map((f) => ({ ...f, because: [{ question: 'Partner name', answer: s }] }));
  const decision = { ...fx.approvalResolved.decision, byName: s, comment: s };
  return [
    {
      ...fx.review,
      title: s,
      sections: [{ ...fx.review.sections[0]!, items: [{ questionId: 'x', label: 'Q', answer: s }] }],
    },
    { ...fx.outcome, outcome: { ...summary, flags }, decision },
    { ...fx.approvalRequest, outcome: summary, deciders: [s] },
    { ...fx.approvalResolved, outcome: summary, decision },
    {
      ...fx.welcome,
      userName: s,
      drafts: [{ sessionId: 'ses_1', title: s, updatedAt: '2026-11-20T10:00:00Z' }],
    },
    { ...fx.assessmentList, drafts: [{ sessionId: 'ses_1', title: s, updatedAt: '2026-11-20T10:00:00Z' }] },
    { ...fx.message, title: s, text: s },
    {
      ...fx.questionStep,
      notice: s,
      questions: fx.questionStep.questions.map((q) => (q.kind === 'text' ? { ...q, value: s, error: s } : q)),
    },
    ...hostileReminders(s),
  ];
}

/** The reminder views with every user- or config-supplied string set to `s`. */
function hostileReminders(s: string): ViewModel[] {
  const discussion = {
    ...fx.discussionReminder,
    departmentName: s,
    guide: [s],
    byLevel: [{ label: s, count: 1 }],
    byDecision: [{ label: s, count: 1 }],
    pending: [{ assessmentId: 'a', title: s, submittedAt: s, levelLabel: s }],
  };
  return [
    discussion,
    { ...discussion, recorded: { byName: s, heldOn: s, note: s, at: s } },
    { ...fx.reassessmentEndingSoon, title: s, partner: s, departmentName: s, levelLabel: s, endDate: s },
    {
      ...fx.pendingDecisionEscalation,
      title: s,
      departmentName: s,
      submitterName: s,
      levelLabel: s,
      deciders: [s],
    },
    {
      ...fx.upcomingReminders,
      departmentName: s,
      pausedReason: s,
      items: [{ kindLabel: s, dueAt: s, subject: s, statusLabel: s }],
    },
  ];
}

describe.each(fx.INJECTIONS)('user text %s', (s) => {
  const cards = hostileViews(s).map((view) => ({ view, card: renderAdaptiveCard(view) }));

  it('appears in a TextRun whose visible text equals the input exactly', () => {
    for (const { view, card } of cards) {
      const runs = ofType(card, 'TextRun').map((run) => visibleText(String(run.text)));
      expect(runs, view.kind).toContain(s);
    }
  });

  it('never reaches a TextBlock (which would parse markdown)', () => {
    for (const { view, card } of cards) {
      const blocks = ofType(card, 'TextBlock').map((block) => visibleText(String(block.text)));
      expect(
        blocks.filter((text) => text.includes(s)),
        view.kind,
      ).toEqual([]);
    }
  });

  it('is not evaluated by the template engine and carries no active sequence', () => {
    for (const { view, card } of cards) {
      const displayed = allStrings(card).filter(({ key, owner }) => !(key === 'value' && isInput(owner)));
      expect(
        displayed.filter(({ value }) => hasActiveSequence(value)),
        view.kind,
      ).toEqual([]);
      // `${$root.sessionId}` must not have turned into the session id.
      expect(JSON.stringify(card), view.kind).not.toContain('"text":"ses_');
    }
  });

  it('round-trips unchanged in a pre-filled input value', () => {
    const step = cards.find(({ view }) => view.kind === 'questionStep')?.card;
    const input = ofType(step, 'Input.Text').find((node) => node.id === 'q:partner_name');
    expect(input?.value).toBe(s);
  });
});

describe('composed lines keep user text literal', () => {
  it('a decision comment is shown literally after the formatted date', () => {
    const comment = '**approved** [see](https://evil.example) {{DATE(2017-02-14T06:08:39Z, SHORT)}}';
    const card = renderAdaptiveCard({
      ...fx.approvalResolved,
      decision: { ...fx.approvalResolved.decision, comment },
    });
    const runs = ofType(card, 'TextRun').map((run) => visibleText(String(run.text)));
    expect(runs).toContain(`Decided by Kim Berg on 23 Nov 2026 09:30: Proceed with measures — ${comment}`);
  });
});
