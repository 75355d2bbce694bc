/** Steps: how sections split into cards, which steps and questions are visible, hidden answers dropped. */
import { describe, expect, it } from 'vitest';
import {
  type Answers,
  type Questionnaire,
  type QuestionnaireInput,
  questionnaireSchema,
} from '../../../../dialogs/questionnaire/schema.js';
import {
  computeSteps,
  findStep,
  pruneHiddenAnswers,
  visibleQuestions,
  visibleSteps,
} from '../../../../dialogs/questionnaire/steps.js';
import { completeAnswers, countryReference, fixtureQuestionnaire, questionnaire } from '../fixtures/world.js';

type SectionInput = QuestionnaireInput['sections'][number];
type QuestionInput = SectionInput['questions'][number];

const yn = (id: string, showIf?: QuestionInput['showIf']): QuestionInput =>
  showIf ? { id, kind: 'yesNoUnsure', label: id, showIf } : { id, kind: 'yesNoUnsure', label: id };
const answered = (question: string) => ({ kind: 'answered' as const, question });

/** A bare questionnaire: only the zod shape, so splitting can be tested without context questions. */
function bare(maxQuestionsPerStep: number, sections: [string, QuestionInput[]][]): Questionnaire {
  return questionnaireSchema.parse({
    id: 'bare',
    version: '1.0',
    title: 'Bare',
    maxQuestionsPerStep,
    sections: sections.map(([id, questions]) => ({ id, area: 'design', title: id, questions })),
    rules: [],
  });
}

describe('computeSteps', () => {
  it('splits the fixture by section, size and same-step conditions', () => {
    expect(computeSteps(questionnaire).map((s) => [s.id, s.sectionId, s.questionIds])).toEqual([
      ['context.1', 'context', ['title', 'partner_name', 'partner_country']],
      ['context.2', 'context', ['collaboration_type', 'formality', 'stage']],
      ['context.3', 'context', ['department']],
      ['design.1', 'design', ['animals']],
      ['design.2', 'design', ['animal_country', 'notes', 'data_types']],
      ['design.3', 'design', ['start_date']],
      ['partner.1', 'partner', ['military_ties']],
      ['partner.2', 'partner', ['partner_notes']],
    ]);
  });

  const cases: { name: string; q: Questionnaire; expected: string[][] }[] = [
    {
      name: 'a new section starts a new step even when the step has room',
      q: bare(5, [
        ['a', [yn('a1')]],
        ['b', [yn('b1'), yn('b2')]],
      ]),
      expected: [['a1'], ['b1', 'b2']],
    },
    {
      name: 'a full step starts a new one',
      q: bare(2, [['a', [yn('a1'), yn('a2'), yn('a3'), yn('a4'), yn('a5')]]]),
      expected: [['a1', 'a2'], ['a3', 'a4'], ['a5']],
    },
    {
      name: 'a question gated by one on the same step moves to the next step',
      q: bare(5, [['a', [yn('a1'), yn('a2'), yn('a3', answered('a2')), yn('a4')]]]),
      expected: [
        ['a1', 'a2'],
        ['a3', 'a4'],
      ],
    },
    {
      name: 'a gate nested inside "not"/"any" counts too',
      q: bare(5, [['a', [yn('a1'), yn('a2', { kind: 'not', of: { kind: 'any', of: [answered('a1')] } })]]]),
      expected: [['a1'], ['a2']],
    },
    {
      name: 'a gate on an earlier step does not split',
      q: bare(5, [
        ['a', [yn('a1')]],
        ['b', [yn('b1'), yn('b2', answered('a1')), yn('b3')]],
      ]),
      expected: [['a1'], ['b1', 'b2', 'b3']],
    },
  ];

  it.each(cases)('$name', ({ q, expected }) => {
    expect(computeSteps(q).map((s) => s.questionIds)).toEqual(expected);
  });

  it('numbers steps per section from 1', () => {
    const q = bare(1, [
      ['a', [yn('a1'), yn('a2')]],
      ['b', [yn('b1')]],
    ]);
    expect(computeSteps(q).map((s) => s.id)).toEqual(['a.1', 'a.2', 'b.1']);
  });

  it('is memoised per questionnaire object', () => {
    const other = fixtureQuestionnaire();
    expect(computeSteps(questionnaire)).toBe(computeSteps(questionnaire));
    expect(computeSteps(other)).not.toBe(computeSteps(questionnaire));
    expect(computeSteps(other)).toEqual(computeSteps(questionnaire));
  });
});

describe('visibleQuestions', () => {
  const design2 = findStep(questionnaire, 'design.2')!;
  it.each<{ animals: string | undefined; expected: string[] }>([
    { animals: undefined, expected: ['notes', 'data_types'] },
    { animals: 'no', expected: ['notes', 'data_types'] },
    { animals: 'yes', expected: ['animal_country', 'notes', 'data_types'] },
    // "Unsure" counts as "yes": uncertainty must not hide the follow-up question.
    { animals: 'unsure', expected: ['animal_country', 'notes', 'data_types'] },
  ])('animals=$animals shows $expected', ({ animals, expected }) => {
    const answers: Answers = animals === undefined ? {} : { animals };
    expect(visibleQuestions(design2, questionnaire, answers, countryReference).map((q) => q.id)).toEqual(
      expected,
    );
  });
});

describe('visibleSteps', () => {
  it.each([
    {
      name: 'partner inside the EU/EEA: partner section hidden',
      answers: completeAnswers,
      expected: ['context.1', 'context.2', 'context.3', 'design.1', 'design.2', 'design.3'],
    },
    {
      name: 'partner outside: military ties asked, notes not yet',
      answers: { ...completeAnswers, partner_country: 'CN' },
      expected: ['context.1', 'context.2', 'context.3', 'design.1', 'design.2', 'design.3', 'partner.1'],
    },
    {
      name: 'military ties answered: partner notes asked',
      answers: { ...completeAnswers, partner_country: 'CN', military_ties: 'no' },
      expected: [
        'context.1',
        'context.2',
        'context.3',
        'design.1',
        'design.2',
        'design.3',
        'partner.1',
        'partner.2',
      ],
    },
    {
      name: 'no country yet: a country fact neither holds nor fails, so the partner step stays hidden',
      answers: {},
      expected: ['context.1', 'context.2', 'context.3', 'design.1', 'design.2', 'design.3'],
    },
  ])('$name', ({ answers, expected }) => {
    expect(visibleSteps(questionnaire, answers, countryReference).map((s) => s.id)).toEqual(expected);
  });
});

describe('pruneHiddenAnswers', () => {
  it.each<{ name: string; answers: Answers; expected: Answers }>([
    {
      name: 'keeps visible answers',
      answers: { animals: 'yes', animal_country: 'CN' },
      expected: { animals: 'yes', animal_country: 'CN' },
    },
    {
      name: 'drops the answer of a question whose gate changed',
      answers: { animals: 'no', animal_country: 'CN' },
      expected: { animals: 'no' },
    },
    {
      name: 'drops transitively: EU partner hides military ties, which hides partner notes',
      answers: { partner_country: 'SE', military_ties: 'yes', partner_notes: 'x' },
      expected: { partner_country: 'SE' },
    },
    {
      name: 'keeps the chain while the partner is outside the EU/EEA',
      answers: { partner_country: 'CN', military_ties: 'yes', partner_notes: 'x' },
      expected: { partner_country: 'CN', military_ties: 'yes', partner_notes: 'x' },
    },
    { name: 'drops unknown keys', answers: { title: 'T', nonsense: 'x' }, expected: { title: 'T' } },
  ])('$name', ({ answers, expected }) => {
    expect(pruneHiddenAnswers(questionnaire, answers, countryReference)).toEqual(expected);
  });
});
