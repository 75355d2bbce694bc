/**
 * Slack's limits: oversized views (300-character titles, 5000-character comments, 60 flags, 150
 * support functions, 250 countries) must still render within every limit, shortened visibly.
 */
import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS, truncate } from '../../../../cards/block-kit/limits.js';
import {
  renderSlackMessage,
  renderSlackModal,
  SLACK_SURFACES,
} from '../../../../cards/block-kit/render-slack.js';
import type { ViewModel } from '../../../../dialogs/views/view-model.js';
import {
  bigOutcome,
  bigQuestionStep,
  bigReview,
  COUNTRY_OPTIONS,
  EXTRA_VIEWS,
  GOLDEN_VIEWS,
  HOSTILE_VIEWS,
  largeQuestionStep,
  OVERSIZED_VIEWS,
} from './slack-fixtures.js';
import { allNodes, allTexts, limitViolations } from './slack-walk.js';

const ALL_VIEWS: ViewModel[] = [
  ...Object.values(GOLDEN_VIEWS),
  ...EXTRA_VIEWS,
  ...OVERSIZED_VIEWS,
  ...HOSTILE_VIEWS,
];

describe('truncate', () => {
  it('keeps short text, cuts long text to max with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('x'.repeat(5000), 3000)).toHaveLength(3000);
  });
  it('never splits a surrogate pair', () => {
    const cut = truncate('ab🟢cd', 4);
    expect(cut).toBe('ab…');
  });
});

describe('every rendered view is within every limit', () => {
  it.each(ALL_VIEWS.map((view, i) => [`${i} ${view.kind}`, view] as const))('%s', (_, view) => {
    for (const surface of SLACK_SURFACES[view.kind]) {
      const payload = surface === 'modal' ? renderSlackModal(view) : renderSlackMessage(view);
      expect(limitViolations(payload as unknown as { blocks: unknown[] }, surface), surface).toEqual([]);
      if (surface === 'message') {
        expect((payload as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
      }
    }
  });

  it('the limit checker itself catches an oversized payload', () => {
    const bad = {
      blocks: [
        ...Array.from({ length: 51 }, () => ({ type: 'divider' })),
        { type: 'header', block_id: 'x', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'section', block_id: 'x', text: { type: 'mrkdwn', text: '' } },
      ],
    };
    expect(limitViolations(bad, 'message')).toEqual([
      '53 blocks > 50',
      'header.text text 151 > 150',
      'section.text empty text',
      'duplicate block_id x',
    ]);
  });
});

function contextTexts(blocks: AnyBlock[]): string[] {
  return allTexts(blocks.filter((b) => b.type === 'context')).map((t) => t.text);
}

describe('long lists are shortened with a note', () => {
  it('60 flags and 150 support functions fit a message (50) and a modal (100), with "… N more"', () => {
    const message = renderSlackMessage(bigOutcome);
    const modal = renderSlackModal(bigOutcome);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    const note = contextTexts(message.blocks).find((t) => t.startsWith('… '));
    expect(note).toMatch(/^… \d+ more, see the full outcome in riskcheck$/);
    // Support functions are not crowded out by the flags.
    expect(JSON.stringify(message.blocks)).toContain('*Support functions*');
    // The footer and decision survive the cut.
    expect(JSON.stringify(message.blocks)).toContain('Assessment asm_2026_0042');
  });

  it('a review with 70 sections keeps whole sections, its Save/Cancel row, and says what is missing', () => {
    const modal = renderSlackModal(bigReview);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    expect(modal.blocks.at(-1)).toMatchObject({ type: 'actions', block_id: 'riskcheck.nav' });
    expect(contextTexts(modal.blocks).some((t) => /^… \d+ more sections not shown here$/.test(t))).toBe(true);
  });

  it('a step with too many questions keeps its navigation row', () => {
    const modal = renderSlackModal(bigQuestionStep);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    expect(modal.blocks.at(-1)).toMatchObject({ type: 'actions', block_id: 'riskcheck.nav' });
  });
});

describe('select options', () => {
  const countryElement = (view: ViewModel) =>
    allNodes(renderSlackModal(view).blocks).find(
      (n) => n.type === 'static_select' && Array.isArray(n.option_groups) && n.placeholder !== undefined,
    ) as {
      option_groups: { label: { text: string }; options: { value: string }[] }[];
      initial_option?: unknown;
    };

  it('250 countries are grouped by first letter, each group within 100, none lost', () => {
    const element = countryElement(largeQuestionStep);
    const labels = element.option_groups.map((g) => g.label.text);
    expect(labels.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(labels).toEqual([...labels].sort());
    for (const g of element.option_groups) expect(g.options.length).toBeLessThanOrEqual(100);
    expect(element.option_groups.flatMap((g) => g.options).length).toBe(COUNTRY_OPTIONS.length);
    expect(COUNTRY_OPTIONS.length).toBeGreaterThan(240);
    expect(element.initial_option).toMatchObject({ value: 'at' });
  });

  it('150 multi-choice options become a multi_static_select in groups; 230 choices a grouped select', () => {
    const nodes = allNodes(renderSlackModal(bigQuestionStep).blocks);
    const multi = nodes.find((n) => n.type === 'multi_static_select') as {
      option_groups: { options: unknown[] }[];
      initial_options: { value: string }[];
    };
    expect(multi.option_groups.flatMap((g) => g.options)).toHaveLength(150);
    expect(multi.initial_options.map((o) => o.value)).toEqual(['v3', 'v140']);
    const selects = nodes.filter((n) => n.type === 'static_select') as {
      option_groups?: { options: unknown[] }[];
      initial_option?: { value: string };
    }[];
    const big = selects.find((s) => s.initial_option?.value === 'c200');
    expect(big?.option_groups?.flatMap((g) => g.options)).toHaveLength(230);
  });
});
