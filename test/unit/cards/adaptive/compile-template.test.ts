/**
 * The compiled templates against `adaptivecards-templating` itself: for every template, fixture,
 * hand-written edge case and random data, the compiled expansion must serialise to exactly the
 * bytes `Template.expand` + tidy produce (or fail where the library fails).
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: template expressions are the test input
import * as ACData from 'adaptivecards-templating';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplate, tidy } from '../../../../cards/adaptive/compile-template.js';
import { renderAdaptiveCard } from '../../../../cards/adaptive/render-adaptive-card.js';
import { templateData } from '../../../../cards/adaptive/template-data.js';
import { TEMPLATE_NAMES, templateFor } from '../../../../cards/adaptive/templates.js';
import type { ViewKind, ViewModel } from '../../../../dialogs/views/view-model.js';
import * as fx from './view-fixtures.js';

const KINDS = Object.keys(TEMPLATE_NAMES) as ViewKind[];
const OPTIONS = { now: '2026-11-21T14:30:00Z' };

type Outcome = { json: string } | { threw: true };

function run(expand: () => unknown): Outcome {
  try {
    return { json: JSON.stringify(expand()) };
  } catch {
    return { threw: true };
  }
}

/** Expands `template` with the library and with the compiler; both outcomes, to compare. */
function both(template: unknown, root: unknown): { library: Outcome; compiled: Outcome } {
  const compiled = compileTemplate(template);
  if (compiled === undefined) throw new Error('template did not compile');
  return {
    library: run(() => tidy(new ACData.Template(template).expand({ $root: root }))),
    compiled: run(() => compiled(root)),
  };
}

function expectSameAsLibrary(template: unknown, root: unknown): void {
  const { library, compiled } = both(template, root);
  expect(compiled).toEqual(library);
}

const HOSTILE_VIEWS: ViewModel[] = fx.INJECTIONS.flatMap((text): ViewModel[] => [
  { ...fx.questionStep, sectionTitle: text, notice: text, questionnaireTitle: text },
  { ...fx.review, title: text, sections: fx.review.sections.map((s) => ({ ...s, title: text })) },
  { ...fx.message, title: text, text },
]);
const ALL_VIEWS: ViewModel[] = [...Object.values(fx.GOLDEN_VIEWS), ...fx.EXTRA_VIEWS, ...HOSTILE_VIEWS];

describe('compiled card templates', () => {
  it.each(KINDS)('compiles the %s template (no fallback to the library)', (kind) => {
    expect(compileTemplate(templateFor(kind))).toBeTypeOf('function');
  });

  it.each(ALL_VIEWS.map((view, i) => [`${view.kind} #${i}`, view] as const))(
    'expands %s byte for byte as adaptivecards-templating',
    (_name, view) => {
      const data = templateData(view, OPTIONS);
      const library = JSON.stringify(
        tidy(new ACData.Template(templateFor(view.kind)).expand({ $root: data })),
      );
      expect(JSON.stringify(renderAdaptiveCard(view, OPTIONS))).toBe(library);
    },
  );

  it('shares the static parts of a card frozen, so changing one card cannot change the next', () => {
    const first = renderAdaptiveCard(fx.review);
    const before = JSON.stringify(renderAdaptiveCard(fx.review));
    expect(() => {
      (first.body[0] as Record<string, unknown>).text = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (first.msteams as Record<string, unknown>).width = 'changed';
    }).toThrow(TypeError);
    // The parts built from data are the render's own.
    first.body.push({ type: 'TextBlock', text: 'added' });
    expect(JSON.stringify(renderAdaptiveCard(fx.review))).toBe(before);
  });

  it('falls back (returns undefined) for a literal object as $data, which it does not mirror', () => {
    expect(compileTemplate({ type: 'X', items: [{ $data: { a: 1 }, text: '${a}' }] })).toBeUndefined();
  });
});

/** Templates exercising each rule of the library's expansion, with the data that reaches it. */
const EDGE_TEMPLATE = {
  type: 'AdaptiveCard',
  $root: 'dropped (reserved)',
  exact: '${title}',
  caseInsensitive: '${TITLE}',
  missing: '${nothing.here}',
  missingInText: 'before ${nothing} after ${title}',
  number: '${count}',
  numberInText: 'n=${count}',
  boolean: '${flag}',
  object: '${nested}',
  objectInText: 'o=${nested}',
  list: '${list}',
  rootFromNested: { $data: '${nested}', own: '${inner}', root: '${$root.title}', data: '${$data.inner}' },
  notMissing: { $when: '${!nothing}', shown: true },
  notFlag: { $when: '${!flag}', shown: true },
  notFalsy: ['${!empty}', '${!zero}', '${!list}', '${!nested.inner}'],
  equal: { $when: "${kind == 'a'}", shown: true },
  equalNumber: { $when: '${count == 2}', shown: true },
  equalities: ['${sum == 0.3}', '${list == nested}', '${nothing == nada}', "${kind == 'A'}"],
  nonBooleanWhen: { $when: '${title}', shown: true },
  missingWhen: { $when: '${nothing}', shown: true },
  literalTrueWhen: { $when: true, shown: true },
  literalFalseWhen: { $when: false, shown: true },
  literalStringWhen: { $when: 'yes', shown: true },
  emptyStringWhen: { $when: '', shown: true },
  functions: ['${count(list)}', "${if(flag, 'yes', 'no')}", '${list[1]}', '${length(title) > 3}'],
  version: '${$_acTemplateVersion.major}.${$_acTemplateVersion.minor}',
  repeated: [
    { $data: '${items}', name: '${name}', index: '${$index}', first: '${$root.items[0].name}' },
    { $data: '${items}', $when: "${name != 'b'}", name: '${name}' },
    'static',
    null,
    ['nested', ['deeper']],
  ],
  repeatedAsValue: { $data: '${items}', name: '${name}' },
  singleAsValue: { $data: '${nested}', inner: '${inner}' },
  missingData: { $data: '${nothing}', text: '${$data}' },
  literalData: { $data: 'plain', text: '${$data}' },
  withHoles: [{ $data: '${holes}', text: '${$data}', index: '${$index}' }],
  actions: [{ $when: '${!flag}', type: 'Action.Submit' }],
  kept: { actions: [{ type: 'Action.Submit', title: '${title}' }] },
  dataWithEmptyActions: '${withActions}',
};

const EDGE_DATA = {
  title: 'Title',
  count: 2,
  flag: true,
  empty: '',
  sum: 0.1 + 0.2,
  zero: 0,
  kind: 'a',
  nested: { inner: 'inside', Inner: 'second' },
  list: ['x', 'y', 'z'],
  items: [{ name: 'a' }, { name: 'b' }, { NAME: 'c' }],
  holes: ['one', undefined, 'three'],
  withActions: { actions: [], other: { actions: [], keep: 1 } },
};

describe('compiled expansion follows adaptivecards-templating rule by rule', () => {
  afterEach(() => {
    ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = undefined;
  });

  it('expands the edge-case template identically', () => {
    expectSameAsLibrary(EDGE_TEMPLATE, EDGE_DATA);
    const { compiled } = both(EDGE_TEMPLATE, EDGE_DATA);
    // A few of the rules, spelled out, so a change in both at once is still seen.
    const card = JSON.parse((compiled as { json: string }).json);
    expect(card).toMatchObject({ caseInsensitive: 'Title', missing: '${nothing.here}', number: 2 });
    expect(card.$root).toBeUndefined();
    expect(card.actions).toBeUndefined();
    expect(card.dataWithEmptyActions).toEqual({ other: { keep: 1 } });
  });

  it('expands with other data shapes identically', () => {
    const shapes: unknown[] = [
      {},
      { ...EDGE_DATA, flag: false, kind: 'b', count: '2', items: [], list: null },
      { ...EDGE_DATA, title: null, nested: 'text', items: { name: 'single' }, holes: [undefined] },
      { ...EDGE_DATA, TITLE: 'upper first', title: 'lower second' },
      { ...EDGE_DATA, flag: 'true', items: [null, 0, ''] },
    ];
    for (const root of shapes) expectSameAsLibrary(EDGE_TEMPLATE, root);
  });

  it('uses the undefined-value substitution callback as the library does', () => {
    ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path) => `<${path} missing>`;
    expectSameAsLibrary(EDGE_TEMPLATE, EDGE_DATA);
  });

  it('fails where the library fails, and only there (unknown functions)', () => {
    const inText = both({ text: 'a ${nope(1)} b' }, {});
    expect(inText.compiled).toEqual(inText.library);
    expect(inText.compiled).toEqual({ json: JSON.stringify({ text: 'a ${nope(1)} b' }) });
    for (const template of [{ only: '${nope(2)}' }, { when: { $when: '${nope(3)}', shown: true } }]) {
      expect(both(template, {})).toEqual({ library: { threw: true }, compiled: { threw: true } });
    }
  });
});

describe('compiled expansion with random data', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(...fx.INJECTIONS, 'text', 'multiline', 'compact', 'radio', 'multi', 'filtered', 'date'),
  );
  const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
  const keys = fc.constantFrom(
    'title',
    'Title',
    'label',
    'LABEL',
    'control',
    'answer',
    'hasHelp',
    'help',
    'hasNotice',
    'notice',
    'canGoBack',
    'sessionId',
    'options',
    'items',
  );
  const leaf = fc.dictionary(keys, value, { maxKeys: 8 });
  const data = fc.dictionary(
    keys,
    fc.oneof(value, leaf, fc.array(leaf, { maxLength: 4 }), fc.array(value, { maxLength: 3 })),
    { maxKeys: 10 },
  );

  it.each(['questionStep', 'review', 'outcome'] as const)(
    'expands %s as the library for any data',
    (kind) => {
      const template = templateFor(kind);
      fc.assert(
        fc.property(data, (root) => {
          const { library, compiled } = both(template, root);
          expect(compiled).toEqual(library);
        }),
        { numRuns: 100 },
      );
    },
  );

  it('expands the question step as the library for any realistic question data', () => {
    const template = templateFor('questionStep');
    const question = fc.record({
      inputId: text,
      control: text,
      label: text,
      answer: text,
      maxLength: fc.integer(),
      options: fc.array(fc.record({ title: text, value: text }), { maxLength: 4 }),
      hasHelp: fc.boolean(),
      help: text,
      hasError: fc.boolean(),
      error: text,
    });
    const root = fc.record({
      sessionId: text,
      stepId: text,
      questionnaireTitle: text,
      sectionTitle: text,
      progress: text,
      hasIntro: fc.boolean(),
      sectionIntro: text,
      hasNotice: fc.boolean(),
      notice: text,
      questions: fc.array(question, { maxLength: 5 }),
      canGoBack: fc.boolean(),
      nextTitle: text,
    });
    fc.assert(
      fc.property(root, (r) => {
        const { library, compiled } = both(template, r);
        expect(compiled).toEqual(library);
      }),
      { numRuns: 100 },
    );
  });
});
