/** Question step cards: one input per question, named `q:<id>`, of the right kind, pre-filled. */
import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../../../cards/adaptive/render-adaptive-card.js';
import { ANSWER_INPUT_PREFIX, MAX_TEXT_LENGTH } from '../../../../dialogs/actions.js';
import type { QuestionStepView } from '../../../../dialogs/views/view-model.js';
import { allObjects, isInput, type Node, ofType } from './card-walk.js';
import { questionStep, questionStepOtherKinds } from './view-fixtures.js';

const inputs = (view: QuestionStepView): Node[] =>
  allObjects(renderAdaptiveCard(view))
    .map(({ node }) => node)
    .filter(isInput);

const inputFor = (view: QuestionStepView, questionId: string): Node | undefined =>
  inputs(view).find((input) => input.id === `${ANSWER_INPUT_PREFIX}${questionId}`);

describe.each([questionStep, questionStepOtherKinds])('question step $stepId', (view) => {
  it('has exactly one input per question, with id q:<question id>', () => {
    expect(inputs(view).map((input) => input.id)).toEqual(view.questions.map((q) => `q:${q.id}`));
  });

  it('says "(required)" in the label instead of isRequired', () => {
    for (const q of view.questions) {
      const input = inputFor(view, q.id);
      expect(input?.isRequired).toBeUndefined();
      expect(String(input?.label).endsWith(' (required)')).toBe(q.required);
    }
  });

  it('sends sessionId and stepId with every button', () => {
    for (const action of ofType(renderAdaptiveCard(view), 'Action.Execute')) {
      expect(action.data).toEqual({ sessionId: view.sessionId, stepId: view.stepId });
    }
  });
});

describe('input kinds', () => {
  it.each([
    ['partner_name', 'Input.Text', {}],
    ['partner_country', 'Input.ChoiceSet', { style: 'filtered' }],
    ['partner_military', 'Input.ChoiceSet', { style: 'expanded' }],
    ['collaboration_type', 'Input.ChoiceSet', { style: 'compact' }],
    ['data_kinds', 'Input.ChoiceSet', { isMultiSelect: true }],
  ] as const)('%s renders as %s %o', (id, type, props) => {
    const input = inputFor(questionStep, id);
    expect(input?.type).toBe(type);
    expect(input).toMatchObject(props);
  });

  it.each([
    ['summary', 'Input.Text', { isMultiline: true }],
    ['department', 'Input.ChoiceSet', { style: 'compact' }],
    ['start_date', 'Input.Date', {}],
  ] as const)('%s renders as %s %o', (id, type, props) => {
    const input = inputFor(questionStepOtherKinds, id);
    expect(input?.type).toBe(type);
    expect(input).toMatchObject(props);
  });

  it('single-select choices are not multi-select', () => {
    expect(inputFor(questionStep, 'collaboration_type')?.isMultiSelect).toBeUndefined();
  });

  it('caps maxLength at MAX_TEXT_LENGTH', () => {
    expect(inputFor(questionStep, 'partner_name')?.maxLength).toBe(200);
    expect(inputFor(questionStepOtherKinds, 'summary')?.maxLength).toBe(MAX_TEXT_LENGTH);
  });

  it('offers the question options as choices', () => {
    const choices = inputFor(questionStep, 'partner_military')?.choices;
    expect(choices).toEqual([
      { title: 'Yes', value: 'yes' },
      { title: 'No', value: 'no' },
      { title: 'Unsure', value: 'unsure' },
    ]);
  });
});

describe('pre-filled values', () => {
  it('pre-fills text, choices, dates, and joins multiChoice with ","', () => {
    expect(inputFor(questionStep, 'partner_name')?.value).toBe('Example University of Technology');
    expect(inputFor(questionStep, 'partner_country')?.value).toBe('at');
    expect(inputFor(questionStep, 'data_kinds')?.value).toBe('personal,export_controlled');
    expect(inputFor(questionStepOtherKinds, 'start_date')?.value).toBe('2027-01-15');
    expect(inputFor(questionStepOtherKinds, 'summary')?.value).toBe(
      'Joint field study on water quality.\nTwo PhD students visit for 3 months.',
    );
  });

  it('leaves unanswered questions empty and drops a malformed date', () => {
    expect(inputFor(questionStep, 'partner_military')?.value).toBe('');
    const view: QuestionStepView = {
      ...questionStepOtherKinds,
      questions: questionStepOtherKinds.questions.map((q) =>
        q.id === 'start_date' ? { ...q, value: 'next spring' } : q,
      ),
    };
    expect(inputFor(view, 'start_date')?.value).toBe('');
  });
});

describe('help, errors and navigation', () => {
  const runs = (view: QuestionStepView): Node[] => ofType(renderAdaptiveCard(view), 'TextRun');

  it('shows help subtle and the server error in attention colour', () => {
    expect(
      runs(questionStep).find((r) => r.text === 'Use the full legal name if you know it.')?.isSubtle,
    ).toBe(true);
    expect(runs(questionStep).find((r) => r.text === 'Choose a country from the list.')?.color).toBe(
      'attention',
    );
  });

  it('shows Back only when the view allows it; Save and Back keep inputs, Cancel does not need them', () => {
    const verbs = (view: QuestionStepView) =>
      ofType(renderAdaptiveCard(view), 'Action.Execute').map((a) => [a.verb, a.associatedInputs]);
    expect(verbs(questionStep)).toEqual([
      ['riskcheck.next', 'auto'],
      ['riskcheck.back', 'auto'],
      ['riskcheck.save', 'auto'],
      ['riskcheck.cancel', 'none'],
    ]);
    expect(verbs(questionStepOtherKinds).map(([verb]) => verb)).not.toContain('riskcheck.back');
  });

  it('labels Next as a return to the review when editing after review', () => {
    const next = (view: QuestionStepView) =>
      ofType(renderAdaptiveCard(view), 'Action.Execute').find((a) => a.verb === 'riskcheck.next')?.title;
    expect(next(questionStep)).toBe('Next');
    expect(next(questionStepOtherKinds)).toBe('Save and return to review');
  });
});
