/** The dialog state table: every event from every status (no session, in progress, reviewing). */
import { describe, expect, it, vi } from 'vitest';
import { transition } from '../../../../dialogs/dialog/transition.js';
import type { DialogEvent } from '../../../../dialogs/dialog/types.js';
import type { DialogSession } from '../../../../dialogs/session.js';
import { inProgress, reviewing, startEvent, summary } from '../fixtures/results.js';
import { context } from '../fixtures/world.js';

// Triage has its own tests; here submit only has to reach it.
vi.mock('../../../../dialogs/triage/triage.js', async () => {
  const { FAKE_TRIAGE } = await import('../fixtures/results.js');
  return { triage: vi.fn(() => FAKE_TRIAGE) };
});

const context2 = { collaboration_type: 'research', formality: 'individual', stage: 'planned' };
const events: Record<string, DialogEvent> = {
  start: startEvent,
  show: { kind: 'show' },
  next: { kind: 'next', stepId: 'context.2', values: context2 },
  back: { kind: 'back', stepId: 'context.2', values: context2 },
  save: { kind: 'save', stepId: 'context.2', values: context2 },
  edit: { kind: 'edit', stepId: 'design.1' },
  submit: { kind: 'submit' },
  cancel: { kind: 'cancel' },
};
const sessions: Record<string, DialogSession | undefined> = {
  none: undefined,
  in_progress: inProgress,
  reviewing,
};

// In progress means on step context.2; reviewing means every required answer given.
const table: [event: string, status: string, expected: string][] = [
  ['start', 'none', 'in_progress@context.1 changed step:context.1'],
  ['start', 'in_progress', 'rejected:wrong_state'],
  ['start', 'reviewing', 'rejected:wrong_state'],
  ['show', 'none', 'rejected:wrong_state'],
  ['show', 'in_progress', 'in_progress@context.2 same step:context.2'],
  ['show', 'reviewing', 'reviewing@design.3 same review'],
  ['next', 'none', 'rejected:wrong_state'],
  ['next', 'in_progress', 'in_progress@context.3 changed step:context.3'],
  // A card from before the review keeps its answers (another device); the user stays on the review.
  ['next', 'reviewing', 'reviewing@design.3 changed review!'],
  ['back', 'none', 'rejected:wrong_state'],
  ['back', 'in_progress', 'in_progress@context.1 changed step:context.1'],
  ['back', 'reviewing', 'reviewing@design.3 changed review!'],
  ['save', 'none', 'rejected:wrong_state'],
  ['save', 'in_progress', 'in_progress@context.2 changed message:Saved'],
  ['save', 'reviewing', 'reviewing@design.3 changed message:Saved'],
  ['edit', 'none', 'rejected:wrong_state'],
  ['edit', 'in_progress', 'in_progress@context.2 same step:context.2!'],
  ['edit', 'reviewing', 'in_progress@design.1 changed step:design.1'],
  ['submit', 'none', 'rejected:wrong_state'],
  ['submit', 'in_progress', 'in_progress@context.2 same step:context.2!'],
  ['submit', 'reviewing', 'reviewing@design.3 same submitted'],
  ['cancel', 'none', 'rejected:wrong_state'],
  ['cancel', 'in_progress', 'in_progress@context.2 same cancelled message:Riskcheck cancelled'],
  ['cancel', 'reviewing', 'reviewing@design.3 same cancelled message:Riskcheck cancelled'],
];

describe('state table', () => {
  it('covers every event from every status', () => {
    expect(table.map(([e, s]) => `${e}/${s}`).sort()).toEqual(
      Object.keys(events)
        .flatMap((e) => Object.keys(sessions).map((s) => `${e}/${s}`))
        .sort(),
    );
  });

  it.each(table)('%s from %s -> %s', (event, status, expected) => {
    expect(summary(transition(context(), sessions[status], events[event]!))).toBe(expected);
  });

  it.each(table)('%s from %s keeps the version (the store owns it)', (event, status) => {
    const current = sessions[status];
    const result = transition(context(), current, events[event]!);
    if (result.kind === 'ok' && current) expect(result.session.version).toBe(current.version);
    if (result.kind === 'ok' && !current) expect(result.session.version).toBe(0);
  });
});
