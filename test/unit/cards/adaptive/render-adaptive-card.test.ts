/** Adaptive Card renderer: golden files per view and the structural rules every card must keep. */
import { describe, expect, it } from 'vitest';
import { cardAttachment, renderAdaptiveCard } from '../../../../cards/adaptive/render-adaptive-card.js';
import { TEMPLATE_NAMES } from '../../../../cards/adaptive/templates.js';
import { ACTION_IDS } from '../../../../dialogs/actions.js';
import { DECISIONS } from '../../../../dialogs/assessment.js';
import type { ViewKind, ViewModel } from '../../../../dialogs/views/view-model.js';
import { allObjects, allStrings, isInput, ofType } from './card-walk.js';
import { expectGolden } from './golden.js';
import * as fx from './view-fixtures.js';

const OPTIONS = { now: '2026-11-21T14:30:00Z' };
const ALL_VIEWS: ViewModel[] = [...Object.values(fx.GOLDEN_VIEWS), ...fx.EXTRA_VIEWS];
const MAX_CARD_BYTES = 28 * 1024;

const byteSize = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');
const label = (view: ViewModel, i: number): string => `${view.kind} #${i}`;

describe('renderAdaptiveCard golden files', () => {
  for (const [kind, view] of Object.entries(fx.GOLDEN_VIEWS) as [ViewKind, ViewModel][]) {
    it(`renders ${kind} as in golden/${TEMPLATE_NAMES[kind]}.json`, () => {
      expectGolden(TEMPLATE_NAMES[kind], renderAdaptiveCard(view, OPTIONS));
    });
  }

  it('has a golden fixture for every view kind', () => {
    expect(Object.keys(fx.GOLDEN_VIEWS).sort()).toEqual(Object.keys(TEMPLATE_NAMES).sort());
  });
});

describe.each(ALL_VIEWS.map((view, i) => [label(view, i), view] as const))('%s', (_name, view) => {
  const card = renderAdaptiveCard(view, OPTIONS);

  it('is an Adaptive Card of schema version 1.5 or lower', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    const [major, minor] = card.version.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeLessThanOrEqual(5);
    expect(card.body.length).toBeGreaterThan(0);
  });

  it('uses no Table (Teams mobile cannot render it) and stays under 28 KB', () => {
    expect(ofType(card, 'Table')).toEqual([]);
    expect(byteSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('has no unexpanded template expression or partial left', () => {
    const leftovers = allStrings(card).filter(
      ({ key, value, owner }) => value.includes('${') && !(key === 'value' && isInput(owner)),
    );
    expect(leftovers).toEqual([]);
    expect(
      allObjects(card).filter(({ node }) => '$partial' in node || '$when' in node || '$data' in node),
    ).toEqual([]);
  });

  it('uses Action.Execute with a known verb for every button, Action.OpenUrl only for web links', () => {
    const actions = allObjects(card)
      .map(({ node }) => node)
      .filter((node) => typeof node.type === 'string' && node.type.startsWith('Action.'));
    for (const action of actions) {
      expect(['Action.Execute', 'Action.OpenUrl']).toContain(action.type);
      if (action.type === 'Action.Execute') expect(ACTION_IDS).toContain(action.verb);
      if (action.type === 'Action.OpenUrl') expect(String(action.url)).toMatch(/^https?:\/\//);
    }
  });

  it('marks no input isRequired: the server validates so Back and Save always work', () => {
    expect(allObjects(card).filter(({ node }) => isInput(node) && 'isRequired' in node)).toEqual([]);
  });
});

describe('size budget with realistic large views', () => {
  it('keeps a country question with every country under 28 KB, as a filtered ChoiceSet', () => {
    const card = renderAdaptiveCard(fx.largeQuestionStep);
    const country = ofType(card, 'Input.ChoiceSet').find((input) => input.id === 'q:partner_country');
    expect(country?.choices).toHaveLength(fx.COUNTRY_OPTIONS.length);
    expect(fx.COUNTRY_OPTIONS.length).toBeGreaterThanOrEqual(245);
    expect(country?.style).toBe('filtered');
    expect(byteSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('keeps an outcome with 10 flags and 10 support functions under 28 KB', () => {
    const card = renderAdaptiveCard(fx.largeOutcome);
    expect(allStrings(card).filter(({ value }) => value.startsWith('because: '))).toHaveLength(20);
    expect(ofType(card, 'Action.OpenUrl')).toHaveLength(10);
    expect(byteSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('card actions carry the metadata the handlers need', () => {
  it('review: Edit per section opens that section step; Submit, Save, Cancel carry the session', () => {
    const actions = ofType(renderAdaptiveCard(fx.review), 'Action.Execute');
    const edits = actions.filter((a) => a.verb === 'riskcheck.edit');
    expect(edits.map((a) => a.data)).toEqual(
      fx.review.sections.map((s) => ({ sessionId: fx.review.sessionId, stepId: s.editStepId })),
    );
    expect(actions.filter((a) => a.verb !== 'riskcheck.edit').map((a) => [a.verb, a.data])).toEqual([
      ['riskcheck.submit', { sessionId: 'ses_7f3a9c' }],
      ['riskcheck.save', { sessionId: 'ses_7f3a9c' }],
      ['riskcheck.cancel', { sessionId: 'ses_7f3a9c' }],
    ]);
  });

  it('approval request: one decide button per option with id, decision and version; a comment box', () => {
    const card = renderAdaptiveCard(fx.approvalRequest);
    const decide = ofType(card, 'Action.Execute');
    expect(decide.map((a) => [a.verb, a.title, a.data])).toEqual(
      DECISIONS.map((value) => [
        'riskcheck.decide',
        fx.approvalRequest.decisionOptions.find((o) => o.value === value)?.label,
        { assessmentId: 'asm_2026_0042', decision: value, assessmentVersion: 3 },
      ]),
    );
    const [comment] = ofType(card, 'Input.Text');
    expect(comment).toMatchObject({ id: 'comment', isMultiline: true, maxLength: 1000 });
    expect(comment?.placeholder).toBeTruthy();
  });

  it('welcome: Start, My assessments, Help and a Resume per draft', () => {
    const actions = ofType(renderAdaptiveCard(fx.welcome), 'Action.Execute');
    expect(actions.filter((a) => a.verb === 'riskcheck.resume').map((a) => a.data)).toEqual(
      fx.welcome.drafts.map((d) => ({ sessionId: d.sessionId })),
    );
    expect(actions.map((a) => a.verb)).toEqual(
      expect.arrayContaining(['riskcheck.start', 'riskcheck.list', 'riskcheck.help']),
    );
  });

  it('assessment list: a Resume per draft', () => {
    const resumes = ofType(renderAdaptiveCard(fx.assessmentList), 'Action.Execute').filter(
      (a) => a.verb === 'riskcheck.resume',
    );
    expect(resumes.map((a) => a.data)).toEqual(
      fx.assessmentList.drafts.map((d) => ({ sessionId: d.sessionId })),
    );
  });

  it('message: Start / Resume / My assessments only when offerStart', () => {
    const offered = renderAdaptiveCard(fx.message);
    expect(offered.actions?.map((a) => [a.verb, a.data])).toEqual([
      ['riskcheck.start', undefined],
      ['riskcheck.resume', undefined],
      ['riskcheck.list', undefined],
    ]);
    expect(renderAdaptiveCard({ ...fx.message, offerStart: false }).actions).toBeUndefined();
  });
});

describe('outcome content', () => {
  const texts = (view: ViewModel): string[] =>
    ofType(renderAdaptiveCard(view, OPTIONS), 'TextRun').map((run) => String(run.text));

  it('shows the level in its colour word, flags with the answers that raised them', () => {
    const card = renderAdaptiveCard(fx.outcome);
    expect(ofType(card, 'TextRun').find((r) => r.text === 'High')?.color).toBe('attention');
    expect(ofType(card, 'Container').some((c) => c.style === 'attention')).toBe(true);
    expect(texts(fx.outcome)).toContain('because: Country where the partner is based — China');
  });

  it('marks mandatory support clearly and drops non-web links', () => {
    expect(texts(fx.outcome)).toEqual(expect.arrayContaining(['Required: ', 'Export control office']));
    const urls = ofType(renderAdaptiveCard(fx.outcome), 'Action.OpenUrl').map((a) => a.url);
    expect(urls).toEqual([
      'https://intranet.example.edu/export-control',
      'https://intranet.example.edu/gdpr',
    ]);
  });

  it('shows benefits, the proportionality note and the decision line with a formatted date', () => {
    expect(texts(fx.outcomeDecided)).toEqual(
      expect.arrayContaining([
        '• Access to unique field sites',
        fx.outcomeSummary.proportionalityNote,
        'Decided by Kim Berg on 23 Nov 2026 09:30: Proceed with measures — Proceed; involve the export control office before any data is shared.',
      ]),
    );
    expect(texts(fx.approvalResolved)).toContain(
      'Decided by Kim Berg on 23 Nov 2026 09:30: Proceed with measures — Proceed; involve the export control office before any data is shared.',
    );
  });

  it('formats dates in the requested time zone', () => {
    const runs = ofType(renderAdaptiveCard(fx.outcome, { timeZone: 'Europe/Stockholm' }), 'TextRun');
    expect(runs.map((r) => r.text)).toContain('21 Nov 2026 15:05');
  });
});

describe('cardAttachment', () => {
  it('wraps the card with the Adaptive Card content type', () => {
    const card = renderAdaptiveCard(fx.message);
    expect(cardAttachment(card)).toEqual({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: card,
    });
  });
});
