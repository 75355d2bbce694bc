/**
 * Block Kit renderer: golden files per view and surface, which surfaces each view supports, the
 * modal frame, and how buttons are shaped so the Slack channel can parse them back.
 */
import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { decisionCommentModal } from '../../../../cards/block-kit/decision-comment-modal.js';
import { ANSWER_ACTION_ID } from '../../../../cards/block-kit/question-inputs.js';
import {
  baseActionId,
  MODAL_CALLBACK_ID,
  parseModalMetadata,
  renderSlackMessage,
  renderSlackModal,
  SLACK_SURFACES,
  type SlackSurface,
} from '../../../../cards/block-kit/render-slack.js';
import { ACTIONS, isActionId } from '../../../../dialogs/actions.js';
import type { ViewKind, ViewModel } from '../../../../dialogs/views/view-model.js';
import { expectGolden } from './golden.js';
import {
  approvalRequest,
  approvalResolved,
  EXTRA_VIEWS,
  GOLDEN_VIEWS,
  HOSTILE_VIEWS,
  OVERSIZED_VIEWS,
  outcome,
  questionStep,
  questionStepOtherKinds,
  review,
} from './slack-fixtures.js';
import { elementsByBlock } from './slack-walk.js';

const OPTIONS = { timeZone: 'Europe/Stockholm' };
const ALL_VIEWS: ViewModel[] = [
  ...Object.values(GOLDEN_VIEWS),
  ...EXTRA_VIEWS,
  ...OVERSIZED_VIEWS,
  ...HOSTILE_VIEWS,
];

function render(view: ViewModel, surface: SlackSurface): { blocks: AnyBlock[] } {
  return surface === 'modal'
    ? (renderSlackModal(view, OPTIONS) as { blocks: AnyBlock[] })
    : renderSlackMessage(view, OPTIONS);
}

function buttons(blocks: AnyBlock[]) {
  return elementsByBlock(blocks)
    .map(({ block, element }) => ({ block, element }))
    .filter(({ element }) => element.type === 'button');
}

describe('golden files', () => {
  for (const [kind, view] of Object.entries(GOLDEN_VIEWS)) {
    for (const surface of SLACK_SURFACES[kind as ViewKind]) {
      it(`${kind} as a ${surface}`, () => {
        const rendered =
          surface === 'modal' ? renderSlackModal(view, OPTIONS) : renderSlackMessage(view, OPTIONS);
        expectGolden(`${kind}.${surface}`, rendered);
      });
    }
  }
  it('questionStep with the other input kinds, editing after review', () => {
    expectGolden('questionStep-other-kinds.modal', renderSlackModal(questionStepOtherKinds, OPTIONS));
  });
  it('outcome without a decision', () => {
    expectGolden('outcome-undecided.message', renderSlackMessage(outcome, OPTIONS));
  });
  it('decision comment dialog', () => {
    expectGolden(
      'decision-comment.modal',
      decisionCommentModal({
        assessmentId: 'asm_2026_0042',
        decision: 'proceed_with_measures',
        decisionLabel: 'Proceed with measures',
        title: 'Water quality field study',
      }),
    );
  });
});

describe('surfaces', () => {
  it.each(ALL_VIEWS.map((view, i) => [`${i} ${view.kind}`, view] as const))(
    '%s renders on every surface it supports and refuses the others',
    (_, view) => {
      for (const surface of ['message', 'modal'] as const) {
        if (SLACK_SURFACES[view.kind].includes(surface)) {
          expect(render(view, surface).blocks.length).toBeGreaterThan(0);
        } else {
          expect(() => render(view, surface)).toThrow(/cannot be shown/);
        }
      }
    },
  );

  it('question steps and the review are modals only; approvals are messages only; outcome is both', () => {
    expect(SLACK_SURFACES.questionStep).toEqual(['modal']);
    expect(SLACK_SURFACES.review).toEqual(['modal']);
    expect(SLACK_SURFACES.approvalRequest).toEqual(['message']);
    expect(SLACK_SURFACES.approvalResolved).toEqual(['message']);
    expect(SLACK_SURFACES.outcome).toEqual(['message', 'modal']);
  });
});

describe('modal frame', () => {
  it('has the fixed callback id, title, close button and JSON private_metadata', () => {
    const modal = renderSlackModal(questionStep);
    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: MODAL_CALLBACK_ID,
      title: { type: 'plain_text', text: 'Risk check' },
      close: { type: 'plain_text', text: 'Close' },
      submit: { type: 'plain_text', text: 'Next' },
    });
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual({
      view: 'questionStep',
      sessionId: 'ses_7f3a9c',
      stepId: 'partner.1',
    });
    expect(parseModalMetadata(modal.private_metadata ?? '')).toEqual(
      JSON.parse(modal.private_metadata ?? ''),
    );
  });

  it('says Back to review when editing, Submit on the review and has no submit without inputs', () => {
    expect(renderSlackModal(questionStepOtherKinds).submit?.text).toBe('Back to review');
    const reviewModal = renderSlackModal(review);
    expect(reviewModal.submit?.text).toBe('Submit');
    expect(JSON.parse(reviewModal.private_metadata ?? '')).toEqual({
      view: 'review',
      sessionId: 'ses_7f3a9c',
    });
    const outcomeModal = renderSlackModal(outcome);
    expect(outcomeModal.submit).toBeUndefined();
    expect(JSON.parse(outcomeModal.private_metadata ?? '')).toEqual({
      view: 'outcome',
      assessmentId: 'asm_2026_0042',
    });
  });

  it('parseModalMetadata rejects foreign metadata', () => {
    expect(parseModalMetadata('not json')).toBeUndefined();
    expect(parseModalMetadata('{"view":"nope"}')).toBeUndefined();
    expect(parseModalMetadata('[]')).toBeUndefined();
  });
});

describe('action ids and values', () => {
  it.each(ALL_VIEWS.map((view, i) => [`${i} ${view.kind}`, view] as const))(
    '%s: every action_id is an ACTIONS id (inputs: "answer") and every button value is JSON',
    (_, view) => {
      for (const surface of SLACK_SURFACES[view.kind]) {
        for (const { block, element } of elementsByBlock(render(view, surface).blocks)) {
          const actionId = String(element.action_id);
          if (block.type === 'input') expect(actionId).toBe(ANSWER_ACTION_ID);
          else expect(isActionId(baseActionId(actionId)), actionId).toBe(true);
          if (element.type === 'button') expect(() => JSON.parse(String(element.value))).not.toThrow();
        }
      }
    },
  );

  it('baseActionId strips a ":n" suffix only', () => {
    expect(baseActionId('riskcheck.resume:1')).toBe(ACTIONS.resume);
    expect(baseActionId(ACTIONS.decide)).toBe(ACTIONS.decide);
  });

  it('question step: Back only when possible, Save and a confirmed danger Cancel, values { sessionId, stepId }', () => {
    const nav = buttons(renderSlackModal(questionStep).blocks).filter(
      ({ block }) => block.block_id === 'riskcheck.nav',
    );
    expect(nav.map(({ element }) => element.action_id)).toEqual([ACTIONS.back, ACTIONS.save, ACTIONS.cancel]);
    for (const { element } of nav) {
      expect(JSON.parse(String(element.value))).toEqual({ sessionId: 'ses_7f3a9c', stepId: 'partner.1' });
    }
    const cancel = nav[2]?.element;
    expect(cancel).toMatchObject({ style: 'danger', confirm: { style: 'danger' } });
    const first = buttons(renderSlackModal(questionStepOtherKinds).blocks);
    expect(first.map(({ element }) => element.action_id)).toEqual([ACTIONS.save, ACTIONS.cancel]);
  });

  it('review: one Edit per section with its step, Save and Cancel with { sessionId }', () => {
    const all = buttons(renderSlackModal(review).blocks);
    const edits = all.filter(({ element }) => element.action_id === ACTIONS.edit);
    expect(edits.map(({ element }) => JSON.parse(String(element.value)))).toEqual([
      { sessionId: 'ses_7f3a9c', stepId: 'context.1' },
      { sessionId: 'ses_7f3a9c', stepId: 'partner.1' },
    ]);
    const rest = all.filter(({ element }) => element.action_id !== ACTIONS.edit);
    expect(rest.map(({ element }) => [element.action_id, JSON.parse(String(element.value))])).toEqual([
      [ACTIONS.save, { sessionId: 'ses_7f3a9c' }],
      [ACTIONS.cancel, { sessionId: 'ses_7f3a9c' }],
    ]);
  });

  it('approval request: one decide button per option, each in its own block, styled at the ends', () => {
    const decide = buttons(renderSlackMessage(approvalRequest).blocks);
    expect(decide).toHaveLength(approvalRequest.decisionOptions.length);
    expect(new Set(decide.map(({ block }) => block.block_id)).size).toBe(decide.length);
    expect(
      decide.map(({ element }) => [element.action_id, element.style, JSON.parse(String(element.value))]),
    ).toEqual(
      approvalRequest.decisionOptions.map((o) => [
        ACTIONS.decide,
        o.value === 'proceed' ? 'primary' : o.value === 'do_not_proceed' ? 'danger' : undefined,
        { assessmentId: 'asm_2026_0042', decision: o.value, assessmentVersion: 3 },
      ]),
    );
  });

  it('approval resolved has no buttons and states the decision with its comment', () => {
    const { blocks, text } = renderSlackMessage(approvalResolved, OPTIONS);
    expect(buttons(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain(
      'Decided by Kim Berg on 23 Nov 2026 10:30: Proceed with measures — Proceed; involve the export control office',
    );
    expect(text).toContain('Proceed with measures by Kim Berg');
  });

  it('drafts each get a Resume button with their session id, in separate blocks', () => {
    const resume = buttons(renderSlackMessage(GOLDEN_VIEWS.welcome).blocks).filter(
      ({ element }) => element.action_id === ACTIONS.resume,
    );
    expect(resume.map(({ element }) => JSON.parse(String(element.value)))).toEqual([
      { sessionId: 'ses_7f3a9c' },
      { sessionId: 'ses_81bd02' },
    ]);
    expect(new Set(resume.map(({ block }) => block.block_id)).size).toBe(2);
  });
});
