/** decide(): every branch, in the documented order, without throwing. */
import { describe, expect, it } from 'vitest';
import type { Assessment, Decision } from '../../../../dialogs/assessment.js';
import { type DecideInput, decide } from '../../../../dialogs/decisions/decide.js';
import type { Actor } from '../../../../dialogs/session.js';
import type { TriageResult } from '../../../../dialogs/triage/result.js';
import { people } from '../fixtures/organisation-fixture.js';

const NOW = '2026-06-01T10:00:00.000Z';
const head: Actor = { platform: 'slack', userId: 'U0HEDDA01', displayName: 'Hedda Head' };
const stranger: Actor = { platform: 'slack', userId: 'U0STRANGE', displayName: 'Stranger' };

const triage: TriageResult = {
  level: 'low',
  areas: [],
  flags: [],
  routes: [],
  proportionality: { benefits: [], note: '' },
};

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a1',
    submitter: { platform: 'slack', userId: 'U0SUBMIT1', displayName: 'Sub Mitter' },
    questionnaireId: 'riskcheck_default',
    questionnaireVersion: '2026.1.0',
    answers: {},
    title: 'T',
    departmentId: 'gph',
    submittedAt: '2026-05-30T08:00:00.000Z',
    triage,
    level: 'low',
    posts: [],
    version: 3,
    ...overrides,
  };
}

function input(overrides: Partial<DecideInput> = {}): DecideInput {
  return {
    assessment: assessment(),
    actor: head,
    value: 'proceed',
    comment: 'Fine.',
    expectedVersion: 3,
    deciders: [people.headGph],
    now: NOW,
    ...overrides,
  };
}

const earlier: Decision = {
  value: 'pause_review',
  comment: 'Wait',
  by: head,
  at: '2026-05-31T00:00:00.000Z',
};

describe('decide', () => {
  it('records the decision without changing the version', () => {
    const result = decide(input({ value: 'proceed_with_measures', comment: '  Ask legal first.\u0007 ' }));
    expect(result.kind).toBe('decided');
    if (result.kind !== 'decided') return;
    const decision = { value: 'proceed_with_measures', comment: 'Ask legal first.', by: head, at: NOW };
    expect(result.decision).toEqual(decision);
    expect(result.assessment.decision).toEqual(decision);
    expect(result.assessment.version).toBe(3);
    expect(result.assessment.id).toBe('a1');
  });

  it('keeps line breaks in the comment and accepts a missing comment', () => {
    const multi = decide(input({ comment: 'one\ntwo' }));
    expect(multi.kind === 'decided' && multi.decision.comment).toBe('one\ntwo');
    const none = decide(input({ comment: undefined }));
    expect(none.kind === 'decided' && none.decision.comment).toBe('');
  });

  it.each([
    ['an unknown value', { value: 'approve' }],
    ['a value that is not a string', { value: 1 }],
    ['a comment that is not text', { comment: { text: 'x' } }],
    ['a comment over 1000 characters', { comment: 'x'.repeat(1001) }],
  ])('refuses %s as invalid', (_name, overrides) => {
    const result = decide(input(overrides as Partial<DecideInput>));
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.message).toMatch(/\w/);
  });

  it('accepts exactly 1000 characters after trimming', () => {
    expect(decide(input({ comment: ` ${'x'.repeat(1000)} ` })).kind).toBe('decided');
  });

  it('refuses someone who is not a decider', () => {
    expect(decide(input({ actor: stranger }))).toEqual({ kind: 'notAnApprover' });
    // The same id on another platform is someone else.
    expect(decide(input({ actor: { ...head, platform: 'teams' } }))).toEqual({ kind: 'notAnApprover' });
  });

  it('reports an earlier decision', () => {
    expect(decide(input({ assessment: assessment({ decision: earlier }) }))).toEqual({
      kind: 'alreadyDecided',
      decision: earlier,
    });
  });

  it('refuses a stale version', () => {
    expect(decide(input({ expectedVersion: 2 }))).toEqual({ kind: 'staleVersion', currentVersion: 3 });
  });

  it('checks in order: invalid, notAnApprover, alreadyDecided, staleVersion', () => {
    const everything = {
      value: 'nope',
      actor: stranger,
      assessment: assessment({ decision: earlier }),
      expectedVersion: 1,
    };
    expect(decide(input(everything)).kind).toBe('invalid');
    expect(decide(input({ ...everything, value: 'proceed' })).kind).toBe('notAnApprover');
    expect(decide(input({ ...everything, value: 'proceed', actor: head })).kind).toBe('alreadyDecided');
    expect(
      decide(input({ ...everything, value: 'proceed', actor: head, assessment: assessment() })).kind,
    ).toBe('staleVersion');
  });
});
