/** validateStepValues: every rejection code, normalisation of accepted values, required checks. */
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../../../dialogs/actions.js';
import { cleanText, validateStepValues } from '../../../../dialogs/dialog/answer-values.js';
import type { SubmittedValues } from '../../../../dialogs/dialog/types.js';
import type { Answers } from '../../../../dialogs/questionnaire/schema.js';
import { findStep } from '../../../../dialogs/questionnaire/steps.js';
import { context, questionnaire } from '../fixtures/world.js';

function validate(stepId: string, values: SubmittedValues, answers: Answers = {}, requireAnswers = true) {
  return validateStepValues(context(), findStep(questionnaire, stepId)!, answers, values, requireAnswers);
}

describe('validateStepValues rejections', () => {
  it.each([
    {
      name: 'a key that is no question at all',
      step: 'context.1',
      values: { bogus: 'x' },
      code: 'unknown_question',
    },
    {
      name: 'a metadata-looking key',
      step: 'context.1',
      values: { sessionId: 's1' },
      code: 'unknown_question',
    },
    {
      name: 'a question of another step',
      step: 'context.1',
      values: { animals: 'yes' },
      code: 'unknown_question',
    },
    {
      name: 'a hidden question on this step',
      step: 'design.2',
      answers: { animals: 'no' },
      values: { animal_country: 'CN' },
      code: 'unknown_question',
    },
    {
      name: 'a choice outside the options',
      step: 'context.2',
      values: { stage: 'ending' },
      code: 'invalid_value',
    },
    { name: 'a choice that is not a string', step: 'context.2', values: { stage: 1 }, code: 'invalid_value' },
    { name: 'null', step: 'context.2', values: { stage: null }, code: 'invalid_value' },
    {
      name: 'an array for a single choice',
      step: 'context.2',
      values: { stage: ['planned'] },
      code: 'invalid_value',
    },
    { name: 'yes/no/unsure "maybe"', step: 'design.1', values: { animals: 'maybe' }, code: 'invalid_value' },
    {
      name: 'an unknown country code',
      step: 'context.1',
      values: { partner_country: 'XX' },
      code: 'invalid_value',
    },
    {
      name: 'a country name instead of a code',
      step: 'context.1',
      values: { partner_country: 'Sweden' },
      code: 'invalid_value',
    },
    {
      name: 'an unknown department',
      step: 'context.3',
      values: { department: 'physics' },
      code: 'invalid_value',
    },
    {
      name: 'a multi choice with an unknown value',
      step: 'design.2',
      values: { data_types: 'personal,weapons' },
      code: 'invalid_value',
    },
    {
      name: 'a multi choice list with a non-string',
      step: 'design.2',
      values: { data_types: ['personal', 3] },
      code: 'invalid_value',
    },
    {
      name: 'a date in another format',
      step: 'design.3',
      values: { start_date: '01/06/2026' },
      code: 'invalid_value',
    },
    {
      name: 'a date that does not exist',
      step: 'design.3',
      values: { start_date: '2026-02-30' },
      code: 'invalid_value',
    },
    { name: 'month 13', step: 'design.3', values: { start_date: '2026-13-01' }, code: 'invalid_value' },
    {
      name: "text over the question's maxLength",
      step: 'context.1',
      values: { title: 'x'.repeat(101) },
      code: 'too_long',
    },
    {
      name: 'text over MAX_TEXT_LENGTH',
      step: 'context.1',
      values: { partner_name: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
      code: 'too_long',
    },
    {
      name: 'long text over its maxLength',
      step: 'design.2',
      values: { notes: 'y'.repeat(51) },
      code: 'too_long',
    },
  ] as { name: string; step: string; values: SubmittedValues; answers?: Answers; code: string }[])(
    'rejects $name as $code',
    ({ step, values, answers, code }) => {
      const result = validate(step, values, answers ?? {});
      expect(result.kind).toBe('rejected');
      if (result.kind !== 'rejected') return;
      expect(result.code).toBe(code);
      expect(result.message).not.toContain('weapons');
      expect(result.message.length).toBeGreaterThan(20);
    },
  );

  it('accepts text exactly at the limit', () => {
    const result = validate('context.1', {
      title: 'x'.repeat(100),
      partner_name: 'P',
      partner_country: 'SE',
    });
    expect(result).toEqual({
      kind: 'ok',
      answers: { title: 'x'.repeat(100), partner_name: 'P', partner_country: 'SE' },
      errors: {},
    });
  });
});

describe('validateStepValues normalisation', () => {
  it.each([
    {
      name: 'trims text',
      step: 'context.1',
      values: { partner_name: '  Oslo  ' },
      expected: { partner_name: 'Oslo' },
    },
    {
      name: 'strips control characters and line breaks from short text',
      step: 'context.1',
      values: { partner_name: 'Oslo\u0007\u0000 Uni\nversity\u009b' },
      expected: { partner_name: 'Oslo Uni versity' },
    },
    {
      name: 'keeps line breaks in long text, normalising CRLF',
      step: 'design.2',
      values: { notes: 'line one\r\nline\u0001 two\t!' },
      expected: { notes: 'line one\nline two !' },
    },
    {
      name: 'splits an Adaptive Card multi choice, in option order',
      step: 'design.2',
      values: { data_types: 'samples, personal' },
      expected: { data_types: ['personal', 'samples'] },
    },
    {
      name: 'accepts a Slack multi choice list and removes duplicates',
      step: 'design.2',
      values: { data_types: ['sensitive', 'sensitive'] },
      expected: { data_types: ['sensitive'] },
    },
    { name: 'drops an empty multi choice', step: 'design.2', values: { data_types: '' }, expected: {} },
    { name: 'drops an empty list', step: 'design.2', values: { data_types: [] }, expected: {} },
    { name: 'drops whitespace-only text', step: 'design.2', values: { notes: ' \n ' }, expected: {} },
    {
      name: 'accepts a real date',
      step: 'design.3',
      values: { start_date: '2028-02-29' },
      expected: { start_date: '2028-02-29' },
    },
    { name: 'drops an empty date', step: 'design.3', values: { start_date: '' }, expected: {} },
    {
      name: 'accepts unsure',
      step: 'design.1',
      values: { animals: 'unsure' },
      expected: { animals: 'unsure' },
    },
    {
      name: 'accepts a visible gated question',
      step: 'design.2',
      answers: { animals: 'yes' },
      values: { animal_country: 'CN' },
      expected: { animal_country: 'CN' },
    },
    {
      name: 'accepts a known department and trims a choice',
      step: 'context.3',
      values: { department: ' neuro ' },
      expected: { department: 'neuro' },
    },
  ] as { name: string; step: string; values: SubmittedValues; answers?: Answers; expected: Answers }[])(
    '$name',
    ({ step, values, answers, expected }) => {
      const result = validate(step, values, answers ?? {}, false);
      expect(result).toEqual({ kind: 'ok', answers: expected, errors: {} });
    },
  );
});

describe('validateStepValues required questions', () => {
  it('reports every required question left empty on next, with a friendly message per kind', () => {
    const result = validate('context.1', { title: 'Study', partner_name: '   ' });
    expect(result).toEqual({
      kind: 'ok',
      answers: { title: 'Study' },
      errors: { partner_name: 'Please fill this in.', partner_country: 'Please choose one option.' },
    });
  });

  it('does not enforce required questions on back or save', () => {
    expect(validate('context.1', {}, {}, false)).toEqual({ kind: 'ok', answers: {}, errors: {} });
  });

  it('never requires optional questions', () => {
    expect(validate('design.2', {}, { animals: 'no' })).toEqual({ kind: 'ok', answers: {}, errors: {} });
  });

  it('requires a gated question once it is visible', () => {
    const result = validate('design.2', {}, { animals: 'unsure' });
    expect(result.kind === 'ok' && Object.keys(result.errors)).toEqual(['animal_country']);
  });
});

describe('cleanText', () => {
  it.each([
    ['a\nb', false, 'a b'],
    ['a\nb', true, 'a\nb'],
    ['a\rb', true, 'a\nb'],
    ['\u0000x\u001f\u007f', true, 'x'],
  ] as const)('%j (multiline %s) -> %j', (raw, multiline, expected) => {
    expect(cleanText(raw, multiline)).toBe(expected);
  });
});
