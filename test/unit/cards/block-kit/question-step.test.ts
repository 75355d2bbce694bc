/**
 * Question step modal: one input block per question with block_id `q:<id>` and action_id
 * `answer`, the right control per answer kind, pre-filled answers and server-side errors.
 */
import type { AnyBlock, InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderSlackModal } from '../../../../cards/block-kit/render-slack.js';
import { ANSWER_INPUT_PREFIX, MAX_TEXT_LENGTH } from '../../../../dialogs/actions.js';
import { questionStep, questionStepOtherKinds } from './slack-fixtures.js';

const inputs = (blocks: AnyBlock[]): InputBlock[] =>
  blocks.filter((b): b is InputBlock => b.type === 'input');

describe('question inputs', () => {
  const step = inputs(renderSlackModal(questionStep).blocks);
  const other = inputs(renderSlackModal(questionStepOtherKinds).blocks);

  it('one input per question, block_id q:<id>, action_id "answer", optional = !required', () => {
    for (const [view, blocks] of [
      [questionStep, step],
      [questionStepOtherKinds, other],
    ] as const) {
      expect(blocks.map((b) => b.block_id)).toEqual(
        view.questions.map((q) => `${ANSWER_INPUT_PREFIX}${q.id}`),
      );
      expect(blocks.map((b) => b.optional)).toEqual(view.questions.map((q) => !q.required));
      for (const b of blocks) expect(b.element.action_id).toBe('answer');
    }
  });

  it('picks the control per answer kind', () => {
    expect(step.map((b) => b.element.type)).toEqual([
      'plain_text_input',
      'static_select',
      'radio_buttons',
      'static_select',
      'checkboxes',
    ]);
    expect(other.map((b) => b.element.type)).toEqual(['plain_text_input', 'static_select', 'datepicker']);
    expect(other[0]?.element).toMatchObject({ multiline: true, max_length: MAX_TEXT_LENGTH });
    expect(step[0]?.element).toMatchObject({ multiline: false, max_length: 200 });
  });

  it('pre-fills the current answers, only with offered options', () => {
    expect(step[0]?.element).toMatchObject({ initial_value: 'Example University of Technology' });
    // 'at' is not among this fixture's 12 countries, so nothing is pre-selected (see limits.test.ts).
    expect(step[1]?.element).not.toHaveProperty('initial_option');
    expect(step[2]?.element).not.toHaveProperty('initial_option');
    expect(step[3]?.element).toMatchObject({
      initial_option: { value: 'research', text: { text: 'Joint research project' } },
    });
    expect(step[4]?.element).toMatchObject({
      initial_options: [{ value: 'personal' }, { value: 'export_controlled' }],
    });
    expect(other[2]?.element).toMatchObject({ initial_date: '2027-01-15' });
    const unknown = renderSlackModal({
      ...questionStep,
      questions: questionStep.questions.map((q) => ({
        ...q,
        value: q.kind === 'multiChoice' ? ['nope'] : 'nope',
      })),
    });
    for (const b of inputs(unknown.blocks).slice(1)) {
      expect(b.element).not.toHaveProperty('initial_option');
      expect(b.element).not.toHaveProperty('initial_options');
    }
  });

  it('shows a server-side error first in the hint, then the help text', () => {
    expect(step[1]?.hint?.text).toBe('⚠ Choose a country from the list.');
    expect(step[0]?.hint?.text).toBe('Use the full legal name if you know it.');
    expect(step[3]).not.toHaveProperty('hint');
  });

  it('labels are plain_text (no mrkdwn parsing of configured wording)', () => {
    for (const b of [...step, ...other]) expect(b.label.type).toBe('plain_text');
  });

  it('header, progress, intro and notice come before the inputs', () => {
    const blocks = renderSlackModal(questionStepOtherKinds).blocks;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Context' } });
    expect(JSON.stringify(blocks[1])).toContain('Step 1 of 9');
    expect(JSON.stringify(blocks[2])).toContain('Your draft was saved 2 days ago');
  });
});
