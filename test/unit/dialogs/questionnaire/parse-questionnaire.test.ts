/** parseQuestionnaire: the fixture passes; each broken definition yields one issue at the right path. */
import { describe, expect, it } from 'vitest';
import { formatPath, parseQuestionnaire } from '../../../../dialogs/questionnaire/parse-questionnaire.js';
import type { QuestionnaireInput } from '../../../../dialogs/questionnaire/schema.js';
import { fixtureQuestionnaireInput } from '../fixtures/questionnaire.js';

type Mutation = (q: QuestionnaireInput) => void;

const section = (q: QuestionnaireInput, s: number) => q.sections[s]!;
const question = (q: QuestionnaireInput, s: number, i: number) => section(q, s).questions[i]!;

function issuesAfter(mutate: Mutation) {
  const input = structuredClone(fixtureQuestionnaireInput());
  mutate(input);
  const result = parseQuestionnaire(input);
  if (result.ok) throw new Error('expected the questionnaire to be rejected');
  return result.issues;
}

describe('parseQuestionnaire', () => {
  it('accepts the fixture and fills defaults', () => {
    const result = parseQuestionnaire(fixtureQuestionnaireInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.questionnaire.maxQuestionsPerStep).toBe(3);
    expect(result.questionnaire.sections[1]?.questions[0]?.required).toBe(true);
    expect(result.questionnaire.rules[1]?.routes).toEqual([]);
  });

  it('rejects a non-object with a root issue', () => {
    const result = parseQuestionnaire('not a questionnaire');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe('(root)');
  });

  const cases: { name: string; mutate: Mutation; path: string; message: string }[] = [
    {
      name: 'bad version (zod)',
      mutate: (q) => {
        q.version = 'v1';
      },
      path: 'version',
      message: 'version is like',
    },
    {
      name: 'unknown answer kind (zod, nested path)',
      mutate: (q) => {
        question(q, 1, 2).kind = 'essay' as never;
      },
      path: 'sections[1].questions[2].kind',
      message: '',
    },
    {
      name: 'duplicate question id across sections',
      mutate: (q) => {
        question(q, 1, 2).id = 'title';
      },
      path: 'sections[1].questions[2].id',
      message: 'already used by sections[0].questions[0]',
    },
    {
      name: 'duplicate section id',
      mutate: (q) => {
        section(q, 2).id = 'design';
      },
      path: 'sections[2].id',
      message: 'give each section its own id',
    },
    {
      name: 'duplicate rule id',
      mutate: (q) => {
        q.rules[1]!.id = 'animals_abroad';
      },
      path: 'rules[1].id',
      message: 'rule id "animals_abroad" is already used by rules[0]',
    },
    {
      name: 'choice without options',
      mutate: (q) => {
        delete question(q, 0, 4).options;
      },
      path: 'sections[0].questions[4].options',
      message: 'needs at least one option',
    },
    {
      name: 'multiChoice with an empty option list',
      mutate: (q) => {
        question(q, 1, 3).options = [];
      },
      path: 'sections[1].questions[3].options',
      message: 'needs at least one option',
    },
    {
      name: 'yesNoUnsure with options',
      mutate: (q) => {
        question(q, 1, 0).options = [{ value: 'yes', label: 'Yes' }];
      },
      path: 'sections[1].questions[0].options',
      message: 'remove "options"',
    },
    {
      name: 'country with options',
      mutate: (q) => {
        question(q, 0, 2).options = [{ value: 'se', label: 'Sweden' }];
      },
      path: 'sections[0].questions[2].options',
      message: 'gets its choices automatically',
    },
    {
      name: 'text with options',
      mutate: (q) => {
        question(q, 0, 1).options = [{ value: 'a', label: 'A' }];
      },
      path: 'sections[0].questions[1].options',
      message: 'has no choices',
    },
    {
      name: 'duplicate option value',
      mutate: (q) => {
        question(q, 1, 3).options!.push({ value: 'samples', label: 'Samples again' });
      },
      path: 'sections[1].questions[3].options[3].value',
      message: 'appears twice',
    },
    {
      name: 'missing context question',
      mutate: (q) => {
        section(q, 0).questions.splice(5, 1);
      },
      path: 'sections',
      message: 'add the context question "stage"',
    },
    {
      name: 'context question with the wrong kind',
      mutate: (q) => {
        Object.assign(question(q, 0, 6), { kind: 'choice', options: [{ value: 'gph', label: 'GPH' }] });
      },
      path: 'sections[0].questions[6].kind',
      message: 'must have kind "department", not "choice"',
    },
    {
      name: 'collaboration type the routing does not understand',
      mutate: (q) => {
        question(q, 0, 3).options![1]!.value = 'party';
      },
      path: 'sections[0].questions[3].options[1].value',
      message: 'use one of: research, doctoral',
    },
    {
      name: 'stage outside STAGES',
      mutate: (q) => {
        question(q, 0, 5).options![1]!.value = 'paused';
      },
      path: 'sections[0].questions[5].options[1].value',
      message: 'use one of: planned, ongoing, ending',
    },
    {
      name: 'showIf reading a later question',
      mutate: (q) => {
        question(q, 1, 0).showIf = { kind: 'answered', question: 'start_date' };
      },
      path: 'sections[1].questions[0].showIf',
      message: 'refer only to earlier questions',
    },
    {
      name: 'showIf reading itself',
      mutate: (q) => {
        question(q, 1, 0).showIf = { kind: 'answerIs', question: 'animals', values: ['yes'] };
      },
      path: 'sections[1].questions[0].showIf',
      message: '"animals", which is not a question asked before this one',
    },
    {
      name: 'showIf reading an unknown question inside "all"',
      mutate: (q) => {
        question(q, 1, 1).showIf = {
          kind: 'all',
          of: [
            { kind: 'answered', question: 'animals' },
            { kind: 'answered', question: 'nope' },
          ],
        };
      },
      path: 'sections[1].questions[1].showIf',
      message: '"nope"',
    },
    {
      name: 'rule reading an unknown question',
      mutate: (q) => {
        q.rules[0]!.when = { kind: 'not', of: { kind: 'answered', question: 'ghost' } };
      },
      path: 'rules[0].when',
      message: '"ghost", which is not a question of this questionnaire',
    },
    {
      name: 'rule matching a value the question does not have',
      mutate: (q) => {
        q.rules[0]!.when = { kind: 'answerIs', question: 'animals', values: ['maybe'] };
      },
      path: 'rules[0].when',
      message: 'has no option "maybe"; use one of: yes, no, unsure',
    },
    {
      name: 'country fact on a question that is not a country',
      mutate: (q) => {
        q.rules[1]!.when = { kind: 'countryFact', question: 'animals', fact: 'euEea', is: false };
      },
      path: 'rules[1].when',
      message: 'needs a country question',
    },
  ];

  it.each(cases)('rejects $name at $path', ({ mutate, path, message }) => {
    const issues = issuesAfter(mutate);
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0]?.message).toContain(message);
    expect(issues[0]?.message.length).toBeGreaterThan(5);
  });

  it('a rule may read a question anywhere in the questionnaire', () => {
    const input = fixtureQuestionnaireInput();
    input.rules[0]!.when = { kind: 'answered', question: 'partner_notes' };
    expect(parseQuestionnaire(input).ok).toBe(true);
  });
});

describe('formatPath', () => {
  it.each([
    [['sections', 2, 'questions', 0, 'showIf'], 'sections[2].questions[0].showIf'],
    [['rules', 0], 'rules[0]'],
    [[], '(root)'],
  ] as const)('%j -> %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
