/**
 * Property-based fuzzing of the pure core: transition(), parseQuestionnaire and organisationSchema
 * never throw on hostile input, refuse it with a message, and never change the session they were
 * given. decide() and parseCommand() are in decide-command.fuzz.test.ts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatIssuePath } from '../../bot/config/config-error.js';
import { loadOrganisation } from '../../bot/config/load-organisation.js';
import { countryOptions } from '../../bot/countries.js';
import { MAX_TEXT_LENGTH } from '../../dialogs/actions.js';
import { checkValue } from '../../dialogs/dialog/answer-values.js';
import { transition } from '../../dialogs/dialog/transition.js';
import { type DialogContext, type DialogEvent, REJECTION_CODES } from '../../dialogs/dialog/types.js';
import { organisationSchema } from '../../dialogs/organisation/schema.js';
import { DEFAULT_QUESTIONNAIRE } from '../../dialogs/questionnaire/default-questionnaire.js';
import { parseQuestionnaire } from '../../dialogs/questionnaire/parse-questionnaire.js';
import type { Answers, Question } from '../../dialogs/questionnaire/schema.js';
import { allQuestions, computeSteps, findQuestion } from '../../dialogs/questionnaire/steps.js';
import type { Actor, DialogSession } from '../../dialogs/session.js';
import { quietAnswers } from '../unit/dialogs/fixtures/default-answers-fixture.js';
import {
  FUZZ_SEED,
  hostileJson,
  hostileObject,
  hostileString,
  mutate,
  mutations,
  PROTOTYPE_KEYS,
} from './arbitraries.js';

const loaded = loadOrganisation('config/example/organisation.yaml');
const context: DialogContext = {
  questionnaire: loaded.questionnaire,
  organisation: loaded.organisation,
  countries: countryOptions(),
  countryReference: loaded.countryReference,
  now: '2026-06-01T10:00:00.000Z',
};
const questionIds = allQuestions(context.questionnaire).map((q) => q.id);
const stepIds = computeSteps(context.questionnaire).map((s) => s.id);
const owner: Actor = { platform: 'teams', userId: 'aad-fuzz', displayName: 'Fuzz' };
const run = (numRuns: number) => ({ numRuns, seed: FUZZ_SEED });

/** Values a card we rendered could send for a question (so some events get past validation). */
function plausibleValues(question: Question): unknown[] {
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.kind) {
    case 'text':
    case 'longText':
      return ['Example text', '  padded\r\n', 'x'.repeat(MAX_TEXT_LENGTH + 1)];
    case 'date':
      return ['2027-12-31', '2027-13-01'];
    case 'yesNoUnsure':
      return ['yes', 'no', 'unsure', 'maybe'];
    case 'country':
      return ['SE', 'CN', 'RU', 'XX'];
    case 'department':
      return context.organisation.departments.map((d) => d.id);
    case 'multiChoice':
      return [options.join(','), options.slice(0, 2), [...options, 'nope'], [1, 2]];
    default:
      return options;
  }
}

const answerEntry = fc.constantFrom(...questionIds).chain((id) =>
  fc.tuple(
    fc.constant(id),
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(...plausibleValues(findQuestion(context.questionnaire, id)!)),
      },
      { weight: 1, arbitrary: hostileJson({ depth: 2 }) },
    ),
  ),
);
const values = fc.oneof(
  fc.array(answerEntry, { maxLength: 8 }).map((e) => Object.fromEntries(e) as Record<string, unknown>),
  hostileObject({ extra: questionIds }),
);
const stepId = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...stepIds) },
  { weight: 1, arbitrary: hostileJson({ depth: 1, extra: stepIds }) },
);
const quiet = quietAnswers();
const session: fc.Arbitrary<DialogSession> = fc
  .record({
    keep: fc.subarray(Object.keys(quiet)),
    stepId: fc.constantFrom(...stepIds, 'gone.1'),
    status: fc.constantFrom('in_progress', 'reviewing') as fc.Arbitrary<DialogSession['status']>,
    returnToReview: fc.boolean(),
  })
  .map(({ keep, ...rest }) => ({
    id: 'session-fuzz',
    owner,
    questionnaireId: context.questionnaire.id,
    questionnaireVersion: context.questionnaire.version,
    answers: Object.fromEntries(keep.map((k) => [k, quiet[k]!])) as Answers,
    createdAt: '2026-05-30T08:00:00.000Z',
    updatedAt: '2026-05-30T08:00:00.000Z',
    version: 3,
    ...rest,
  }));
const event = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('next', 'back', 'save'), stepId, values }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit'), stepId }) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'submit' }, { kind: 'show' }, { kind: 'cancel' }) },
) as fc.Arbitrary<Exclude<DialogEvent, { kind: 'start' }>>;

/** Every stored answer belongs to the questionnaire and is exactly what validation would keep. */
function expectValidAnswers(answers: Answers, ctx: DialogContext = context): void {
  for (const [id, value] of Object.entries(answers)) {
    const question = findQuestion(ctx.questionnaire, id);
    expect(question, `answer to unknown question ${id}`).toBeDefined();
    const strings = Array.isArray(value) ? value : [value];
    for (const s of strings) {
      expect(typeof s).toBe('string');
      expect(s.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    }
    expect(checkValue(question!, value, ctx)).toEqual({ kind: 'answer', value });
  }
}

describe('transition() under hostile card data', () => {
  it('never throws, never mutates the session, and rejects with a message or keeps answers valid', () => {
    fc.assert(
      fc.property(session, event, (current, ev) => {
        const before = structuredClone(current);
        const result = transition(context, current, ev);
        expect(current).toStrictEqual(before);
        if (result.kind === 'rejected') {
          expect(REJECTION_CODES).toContain(result.code);
          expect(result.message.trim()).not.toBe('');
          return;
        }
        expect(result.kind).toBe('ok');
        expect(result.effects.length).toBeGreaterThan(0);
        expectValidAnswers(result.session.answers);
        if (!result.changed) expect(result.session).toStrictEqual(before);
      }),
      run(700),
    );
  });

  it('keeps only valid answers of a hostile prefill when starting', () => {
    fc.assert(
      fc.property(hostileObject({ extra: questionIds }), (prefill) => {
        const result = transition(context, undefined, {
          kind: 'start',
          sessionId: 's',
          owner,
          prefill: prefill as Answers,
        });
        expect(result.kind).toBe('ok');
        if (result.kind === 'ok') expectValidAnswers(result.session.answers);
      }),
      run(100),
    );
  });
});

const issueShape = (issues: { path: string; message: string }[]) => {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path).not.toBe('');
    expect(issue.message.trim()).not.toBe('');
  }
};

/**
 * Adds a question (or renames one) with another question's id or a prototype key, and maybe
 * gates a later question on it: duplicate and reserved ids.
 */
const reusedId = fc
  .record({
    section: fc.nat(),
    question: fc.nat(),
    rename: fc.boolean(),
    id: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...questionIds)),
    kind: fc.constantFrom('yesNoUnsure', 'text', 'choice'),
    gate: fc.constantFrom('answered', 'answerIs', undefined),
  })
  .map(({ section, question, rename, id, kind, gate }) => {
    const q = structuredClone(DEFAULT_QUESTIONNAIRE) as any;
    const s = q.sections[section % q.sections.length];
    if (rename) s.questions[question % s.questions.length].id = id;
    else {
      const options = kind === 'choice' ? { options: [{ value: 'yes', label: 'Yes' }] } : {};
      s.questions.push({ id, kind, label: 'Reused id', ...options });
    }
    const showIf =
      gate === 'answered' ? { kind: gate, question: id } : { kind: gate, question: id, values: ['yes'] };
    if (gate) q.sections.at(-1).questions.push({ id: 'gated_fuzz', kind: 'text', label: 'Gated', showIf });
    return q as unknown;
  });

describe('configuration parsing under mutation', () => {
  const knownStrings = [...questionIds, ...stepIds, 'constructor', 'yes', 'answerIs', 'choice', 'not'];

  it('parseQuestionnaire reports issues for a broken questionnaire, and a valid one runs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 4, arbitrary: mutations(knownStrings).map((m) => mutate(DEFAULT_QUESTIONNAIRE, m)) },
          { weight: 1, arbitrary: hostileJson({ extra: knownStrings }) },
          { weight: 1, arbitrary: reusedId },
        ),
        (input) => {
          const parsed = parseQuestionnaire(input);
          if (!parsed.ok) return issueShape(parsed.issues);
          // A questionnaire that validates must not crash the dialog.
          const ctx = { ...context, questionnaire: parsed.questionnaire };
          const started = transition(ctx, undefined, { kind: 'start', sessionId: 's', owner });
          expect(started.kind).toBe('ok');
          if (started.kind !== 'ok') return;
          const step = { kind: 'next' as const, stepId: started.session.stepId, values: {} };
          const next = transition(ctx, started.session, step);
          expect(['ok', 'rejected']).toContain(next.kind);
          if (next.kind === 'ok') expectValidAnswers(next.session.answers, ctx);
          const answers = { ...quiet, gated_fuzz: 'Gate text' };
          const reviewing = { ...started.session, status: 'reviewing' as const, answers };
          transition(ctx, reviewing, { kind: 'submit' });
        },
      ),
      run(250),
    );
  });

  it('organisationSchema refuses a mutated example organisation with issues, never by throwing', () => {
    const example = parseYaml(readFileSync('config/example/organisation.yaml', 'utf8'));
    const { countryFacts: _ignored, ...organisation } = example;
    fc.assert(
      fc.property(mutations(['gph', 'heads', 'constructor']), (changes) => {
        const parsed = organisationSchema.safeParse(mutate(organisation, changes));
        if (parsed.success) return;
        issueShape(
          parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path) || '(top)', message: i.message })),
        );
      }),
      run(200),
    );
  });
});
