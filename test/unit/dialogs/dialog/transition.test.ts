/** The dialog state machine in detail: what each transition stores and shows (the state table is separate). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FIRST_STEP_NOTICE,
  KEPT_NOTICE,
  REVEALED_NOTICE,
  STALE_NOTICE,
  transition,
} from '../../../../dialogs/dialog/transition.js';
import type { DialogEvent } from '../../../../dialogs/dialog/types.js';
import { triage } from '../../../../dialogs/triage/triage.js';
import {
  FAKE_TRIAGE,
  inProgress,
  ok,
  reviewing,
  reviewOf,
  startEvent,
  stepView,
  view,
} from '../fixtures/results.js';
import {
  completeAnswers,
  context,
  contextAnswers,
  countries,
  countryReference,
  EARLIER,
  NOW,
  organisation,
  owner,
  questionnaire,
  session,
} from '../fixtures/world.js';

// Triage has its own tests; here it only has to be called with the right inputs.
vi.mock('../../../../dialogs/triage/triage.js', async () => {
  const { FAKE_TRIAGE } = await import('../fixtures/results.js');
  return { triage: vi.fn(() => FAKE_TRIAGE) };
});

beforeEach(() => {
  vi.mocked(triage).mockClear();
});

const start = startEvent;

describe('start', () => {
  it('creates a session at the first step with the prefill that is still valid and visible', () => {
    const result = ok(
      transition(context(), undefined, {
        ...start,
        previousAssessmentId: 'old-1',
        prefill: {
          title: 'Old study',
          partner_country: 'XX', // no longer a known country
          stage: 'planned',
          ghost: 'x', // no longer a question
          animals: 'no',
          animal_country: 'CN', // hidden because animals is "no"
        },
      }),
    );
    expect(result.session).toEqual({
      id: 'new-1',
      owner,
      questionnaireId: 'fixture',
      questionnaireVersion: '1.0',
      status: 'in_progress',
      stepId: 'context.1',
      answers: { title: 'Old study', stage: 'planned', animals: 'no' },
      returnToReview: false,
      previousAssessmentId: 'old-1',
      createdAt: NOW,
      updatedAt: NOW,
      version: 0,
    });
    const v = stepView(result);
    expect(v).toMatchObject({
      stepNumber: 1,
      stepCount: 6,
      canGoBack: false,
      sectionIntro: 'Tell us what you plan.',
    });
    expect(v.questions.map((q) => [q.id, q.value])).toEqual([
      ['title', 'Old study'],
      ['partner_name', undefined],
      ['partner_country', undefined],
    ]);
  });

  it('omits previousAssessmentId when not reassessing', () => {
    expect('previousAssessmentId' in ok(transition(context(), undefined, start)).session).toBe(false);
  });
});

describe('next', () => {
  it('stores normalised answers, bumps updatedAt and moves on', () => {
    const current = session({ stepId: 'context.1' });
    const result = ok(
      transition(context(), current, {
        kind: 'next',
        stepId: 'context.1',
        values: { title: ' Study ', partner_name: 'Oslo', partner_country: 'NO' },
      }),
    );
    expect(result.session).toMatchObject({
      stepId: 'context.2',
      answers: { title: 'Study', partner_name: 'Oslo', partner_country: 'NO' },
      updatedAt: NOW,
      createdAt: EARLIER,
      version: 3,
    });
    expect(stepView(result)).toMatchObject({ stepId: 'context.2', stepNumber: 2, canGoBack: true });
  });

  it('keeps the user on the step with errors and what they typed when a required answer is missing', () => {
    const current = session({ stepId: 'context.1' });
    const result = ok(
      transition(context(), current, {
        kind: 'next',
        stepId: 'context.1',
        values: { title: 'Study', partner_name: '' },
      }),
    );
    expect(result.changed).toBe(true);
    expect(result.session).toMatchObject({
      stepId: 'context.1',
      answers: { title: 'Study' },
      updatedAt: NOW,
    });
    const v = stepView(result);
    expect(v.questions.map((q) => [q.id, q.value, q.error])).toEqual([
      ['title', 'Study', undefined],
      ['partner_name', undefined, 'Please fill this in.'],
      ['partner_country', undefined, 'Please choose one option.'],
    ]);
  });

  it('reports changed=false when nothing valid was typed', () => {
    const current = session({ stepId: 'context.1' });
    const result = ok(transition(context(), current, { kind: 'next', stepId: 'context.1', values: {} }));
    expect(result.changed).toBe(false);
    expect(result.session).toBe(current);
  });

  it('treats a double click (a stale card with the same answers) as harmless: no change, a notice', () => {
    const result = ok(
      transition(context(), inProgress, {
        kind: 'next',
        stepId: 'context.1',
        values: { title: inProgress.answers.title },
      }),
    );
    expect(result.changed).toBe(false);
    expect(result.session).toBe(inProgress);
    expect(stepView(result)).toMatchObject({ stepId: 'context.2', notice: STALE_NOTICE });
  });

  it('keeps what a stale card from another device says, without moving the user or clearing the rest', () => {
    const result = ok(
      transition(context(), inProgress, {
        kind: 'next',
        stepId: 'context.1',
        values: { title: 'Changed on the phone' },
      }),
    );
    expect(result.changed).toBe(true);
    expect(result.session.stepId).toBe('context.2');
    expect(result.session.answers).toEqual({ ...inProgress.answers, title: 'Changed on the phone' });
    expect(stepView(result)).toMatchObject({ stepId: 'context.2', notice: KEPT_NOTICE });
  });

  it.each([
    {
      name: 'an unknown step id',
      event: { kind: 'next', stepId: 'nope.1', values: {} },
      code: 'unknown_step',
    },
    {
      name: 'a value for a question of another step',
      event: { kind: 'next', stepId: 'context.2', values: { title: 'x' } },
      code: 'unknown_question',
    },
    {
      name: 'an invalid choice',
      event: { kind: 'next', stepId: 'context.2', values: { stage: 'never' } },
      code: 'invalid_value',
    },
  ] as { name: string; event: DialogEvent; code: string }[])('rejects $name', ({ event, code }) => {
    expect(transition(context(), inProgress, event)).toMatchObject({ kind: 'rejected', code });
  });

  it('skips steps whose questions are all hidden and goes to the review after the last visible step', () => {
    const current = session({ stepId: 'design.3', answers: { ...completeAnswers } });
    const result = ok(transition(context(), current, { kind: 'next', stepId: 'design.3', values: {} }));
    expect(result.session).toMatchObject({ status: 'reviewing', returnToReview: false });
    expect(reviewOf(result).sections.map((s) => s.sectionId)).toEqual(['context', 'design']);
  });

  it('goes on to the partner section when the partner is outside the EU/EEA', () => {
    const current = session({ stepId: 'design.3', answers: { ...completeAnswers, partner_country: 'CN' } });
    const result = ok(transition(context(), current, { kind: 'next', stepId: 'design.3', values: {} }));
    expect(result.session.stepId).toBe('partner.1');
  });

  it('drops the answers of questions that a changed answer hides', () => {
    const current = session({
      stepId: 'design.1',
      answers: { ...completeAnswers, animals: 'yes', animal_country: 'CN', notes: 'kept' },
    });
    const result = ok(
      transition(context(), current, { kind: 'next', stepId: 'design.1', values: { animals: 'no' } }),
    );
    expect(result.session.answers).toEqual({ ...completeAnswers, animals: 'no', notes: 'kept' });
    expect(stepView(result).questions.map((q) => q.id)).toEqual(['notes', 'data_types']);
  });

  it('drops a chain of dependent answers when the gating country changes', () => {
    const current = session({
      stepId: 'context.1',
      answers: { ...completeAnswers, partner_country: 'CN', military_ties: 'yes', partner_notes: 'army lab' },
    });
    const result = ok(
      transition(context(), current, {
        kind: 'next',
        stepId: 'context.1',
        values: { title: 'Joint vaccine study', partner_name: 'Oslo University', partner_country: 'SE' },
      }),
    );
    expect(result.session.answers).toEqual({ ...completeAnswers, partner_country: 'SE' });
  });

  it('clears an earlier answer when the input is sent empty', () => {
    const current = session({ stepId: 'design.2', answers: { ...completeAnswers, notes: 'old' } });
    const result = ok(
      transition(context(), current, { kind: 'next', stepId: 'design.2', values: { notes: '' } }),
    );
    expect(result.session.answers).toEqual(completeAnswers);
  });

  describe('after Edit from the review', () => {
    it('walks the rest of the edited section, then returns to the review', () => {
      const editing = session({ stepId: 'design.2', returnToReview: true, answers: { ...completeAnswers } });
      const toDesign3 = ok(transition(context(), editing, { kind: 'next', stepId: 'design.2', values: {} }));
      expect(toDesign3.session).toMatchObject({
        stepId: 'design.3',
        returnToReview: true,
        status: 'in_progress',
      });
      expect(stepView(toDesign3).returnToReview).toBe(true);
      const back = ok(
        transition(context(), toDesign3.session, { kind: 'next', stepId: 'design.3', values: {} }),
      );
      expect(back.session).toMatchObject({ status: 'reviewing', returnToReview: false });
      expect(view(back).kind).toBe('review');
    });

    it('returns to the review from the end of a section even if later sections follow', () => {
      const editing = session({ stepId: 'context.3', returnToReview: true, answers: { ...completeAnswers } });
      const result = ok(
        transition(context(), editing, {
          kind: 'next',
          stepId: 'context.3',
          values: { department: 'neuro' },
        }),
      );
      expect(result.session).toMatchObject({ status: 'reviewing', answers: { department: 'neuro' } });
    });

    it('first asks a required question that the change revealed', () => {
      const editing = session({
        stepId: 'context.3',
        returnToReview: true,
        answers: { ...completeAnswers, partner_country: 'CN' },
      });
      const result = ok(
        transition(context(), editing, { kind: 'next', stepId: 'context.3', values: { department: 'gph' } }),
      );
      expect(result.session).toMatchObject({
        status: 'in_progress',
        stepId: 'partner.1',
        returnToReview: true,
      });
      expect(stepView(result).notice).toBe(REVEALED_NOTICE);
    });
  });
});

describe('back', () => {
  it('stays on the first step with a notice', () => {
    const current = session({ stepId: 'context.1' });
    const result = ok(transition(context(), current, { kind: 'back', stepId: 'context.1', values: {} }));
    expect(result.changed).toBe(false);
    expect(stepView(result)).toMatchObject({ stepId: 'context.1', notice: FIRST_STEP_NOTICE });
  });

  it('stores what was typed on the first step even though it stays there', () => {
    const current = session({ stepId: 'context.1' });
    const result = ok(
      transition(context(), current, { kind: 'back', stepId: 'context.1', values: { title: 'T' } }),
    );
    expect(result).toMatchObject({
      changed: true,
      session: { answers: { title: 'T' }, stepId: 'context.1' },
    });
  });

  it('stores valid values without requiring answers and goes to the previous visible step', () => {
    const current = session({ stepId: 'partner.1', answers: { ...completeAnswers, partner_country: 'CN' } });
    const result = ok(transition(context(), current, { kind: 'back', stepId: 'partner.1', values: {} }));
    expect(result).toMatchObject({ changed: true, session: { stepId: 'design.3', updatedAt: NOW } });
    expect(stepView(result)).toMatchObject({ stepId: 'design.3', stepNumber: 6, stepCount: 7 });
  });

  it('still rejects invalid values', () => {
    expect(
      transition(context(), inProgress, { kind: 'back', stepId: 'context.2', values: { stage: 'x' } }),
    ).toMatchObject({ kind: 'rejected', code: 'invalid_value' });
  });
});

describe('save', () => {
  it('stores valid values without requiring answers and says how to continue', () => {
    const current = session({ stepId: 'context.1' });
    const result = ok(
      transition(context(), current, { kind: 'save', stepId: 'context.1', values: { title: 'Draft' } }),
    );
    expect(result.session).toMatchObject({
      stepId: 'context.1',
      answers: { title: 'Draft' },
      updatedAt: NOW,
    });
    expect(view(result)).toEqual({
      kind: 'message',
      tone: 'success',
      title: 'Saved',
      text: 'Your answers are saved. Use “resume” or the Resume button to continue.',
      offerStart: true,
    });
  });

  it('keeps the answers of a stale card and stores nothing when they are the same', () => {
    const changed = ok(
      transition(context(), inProgress, { kind: 'save', stepId: 'context.1', values: { title: 'x' } }),
    );
    expect(changed.changed).toBe(true);
    expect(changed.session.answers.title).toBe('x');
    const same = ok(
      transition(context(), inProgress, {
        kind: 'save',
        stepId: 'context.1',
        values: { title: inProgress.answers.title },
      }),
    );
    expect(same.session).toBe(inProgress);
    expect(same.changed).toBe(false);
  });

  it('rejects an unknown step and tampered values', () => {
    expect(transition(context(), inProgress, { kind: 'save', stepId: 'zzz.9', values: {} })).toMatchObject({
      code: 'unknown_step',
    });
    expect(
      transition(context(), inProgress, { kind: 'save', stepId: 'context.2', values: { injected: 'x' } }),
    ).toMatchObject({ code: 'unknown_question' });
  });
});

describe('edit', () => {
  it('opens the step from the review and remembers to return', () => {
    const result = ok(transition(context(), reviewing, { kind: 'edit', stepId: 'context.2' }));
    expect(result.session).toMatchObject({
      status: 'in_progress',
      stepId: 'context.2',
      returnToReview: true,
      updatedAt: NOW,
    });
    expect(stepView(result)).toMatchObject({ stepId: 'context.2', returnToReview: true });
  });

  it('rejects an unknown step and refuses a hidden one', () => {
    expect(transition(context(), reviewing, { kind: 'edit', stepId: 'x.1' })).toMatchObject({
      code: 'unknown_step',
    });
    const hidden = ok(transition(context(), reviewing, { kind: 'edit', stepId: 'partner.1' }));
    expect(hidden.session).toBe(reviewing);
    expect(reviewOf(hidden).notice).toBe(STALE_NOTICE);
  });
});

describe('submit', () => {
  it('builds the assessment from the answers and the triage result', () => {
    const current = session({ ...reviewing, previousAssessmentId: 'old-7' });
    const result = ok(transition(context(), current, { kind: 'submit' }));
    expect(vi.mocked(triage)).toHaveBeenCalledWith(
      questionnaire,
      completeAnswers,
      countryReference,
      organisation,
      countries,
    );
    expect(result.effects).toEqual([
      {
        kind: 'submitted',
        assessment: {
          id: 'session-1',
          submitter: owner,
          questionnaireId: 'fixture',
          questionnaireVersion: '1.0',
          answers: completeAnswers,
          title: 'Joint vaccine study',
          departmentId: 'gph',
          submittedAt: NOW,
          triage: FAKE_TRIAGE,
          level: 'elevated',
          posts: [],
          previousAssessmentId: 'old-7',
          version: 0,
        },
      },
    ]);
  });

  it('shows the review with what is missing when a required answer is absent', () => {
    const incomplete = session({ status: 'reviewing', stepId: 'design.3', answers: { ...contextAnswers } });
    const result = ok(transition(context(), incomplete, { kind: 'submit' }));
    expect(result.changed).toBe(false);
    expect(result.effects.map((e) => e.kind)).toEqual(['show']);
    expect(reviewOf(result).notice).toContain('“Animal experiments abroad?”');
    expect(vi.mocked(triage)).not.toHaveBeenCalled();
  });
});

describe('cancel', () => {
  it('asks the app to delete the session and says nothing was submitted', () => {
    const result = ok(transition(context(), inProgress, { kind: 'cancel' }));
    expect(result.effects).toEqual([
      { kind: 'cancelled' },
      {
        kind: 'show',
        view: {
          kind: 'message',
          tone: 'info',
          title: 'Riskcheck cancelled',
          text: 'Cancelled. Nothing was submitted.',
          offerStart: true,
        },
      },
    ]);
  });
});

describe('show', () => {
  it('follows a stored step that no longer exists to the first visible step', () => {
    const lost = session({ stepId: 'gone.1', answers: { ...contextAnswers } });
    const result = ok(transition(context(), lost, { kind: 'show' }));
    expect(result).toMatchObject({ changed: true, session: { stepId: 'context.1', updatedAt: NOW } });
  });
});
