/** Views built by the core: question steps, the review, and the simple cards. */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../../dialogs/assessment.js';
import { summariseAssessment } from '../../../../dialogs/assessment-summary.js';
import { findStep } from '../../../../dialogs/questionnaire/steps.js';
import type { TriageResult } from '../../../../dialogs/triage/result.js';
import { assessmentListView } from '../../../../dialogs/views/assessment-list-view.js';
import { MISSING_REQUIRED, reviewView } from '../../../../dialogs/views/review-view.js';
import { helpView, messageView, welcomeView } from '../../../../dialogs/views/simple-views.js';
import { questionStepView } from '../../../../dialogs/views/step-views.js';
import { completeAnswers, context, organisation, owner, questionnaire, session } from '../fixtures/world.js';

describe('questionStepView', () => {
  it.each([
    {
      step: 'context.1',
      question: 'partner_country',
      options: [
        { value: 'CN', label: 'China' },
        { value: 'NO', label: 'Norway' },
        { value: 'SE', label: 'Sweden' },
      ],
    },
    {
      step: 'context.3',
      question: 'department',
      options: [
        { value: 'gph', label: 'Global Public Health' },
        { value: 'neuro', label: 'Neuroscience' },
      ],
    },
    {
      step: 'design.1',
      question: 'animals',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
        { value: 'unsure', label: 'Unsure' },
      ],
    },
    {
      step: 'context.2',
      question: 'formality',
      options: [
        { value: 'individual', label: 'Individual' },
        { value: 'formalised', label: 'Formalised' },
      ],
    },
    { step: 'context.1', question: 'title', options: [] },
  ])('offers $question its choices', ({ step, question, options }) => {
    const v = questionStepView(context(), session({ stepId: step }), findStep(questionnaire, step)!);
    expect(v.questions.find((q) => q.id === question)?.options).toEqual(options);
  });

  it('counts steps over visible steps only and fills in the question details', () => {
    const current = session({
      stepId: 'design.2',
      answers: { ...completeAnswers, animals: 'yes', data_types: ['samples'] },
    });
    const v = questionStepView(context(), current, findStep(questionnaire, 'design.2')!, {
      errors: { animal_country: 'Please choose one option.' },
      notice: 'Hello',
    });
    expect(v).toMatchObject({
      kind: 'questionStep',
      sessionId: 'session-1',
      stepId: 'design.2',
      questionnaireTitle: 'Fixture riskcheck',
      sectionTitle: 'Design',
      stepNumber: 5,
      stepCount: 6,
      canGoBack: true,
      returnToReview: false,
      notice: 'Hello',
    });
    expect('sectionIntro' in v).toBe(false);
    expect(v.questions.map((q) => [q.id, q.required, q.maxLength, q.value, q.error])).toEqual([
      ['animal_country', true, 2000, undefined, 'Please choose one option.'],
      ['notes', false, 50, undefined, undefined],
      ['data_types', false, 2000, ['samples'], undefined],
    ]);
  });
});

describe('reviewView', () => {
  it('shows answers as the user saw them, grouped by section with the step Edit opens', () => {
    const answers = {
      ...completeAnswers,
      partner_country: 'CN',
      animals: 'unsure',
      animal_country: 'SE',
      data_types: ['personal', 'samples'],
      military_ties: 'no',
    };
    const v = reviewView(context(), session({ status: 'reviewing', answers }), 'Check this');
    expect(v).toMatchObject({
      kind: 'review',
      sessionId: 'session-1',
      title: 'Fixture riskcheck',
      notice: 'Check this',
    });
    expect(v.sections.map((s) => [s.sectionId, s.editStepId, s.title])).toEqual([
      ['context', 'context.1', 'About the activity'],
      ['design', 'design.1', 'Design'],
      ['partner', 'partner.1', 'Partner'],
    ]);
    const answersShown = Object.fromEntries(
      v.sections.flatMap((s) => s.items.map((i) => [i.questionId, i.answer])),
    );
    expect(answersShown).toEqual({
      title: 'Joint vaccine study',
      partner_name: 'Oslo University',
      partner_country: 'China',
      collaboration_type: 'Research collaboration',
      formality: 'Formalised',
      stage: 'Planned',
      department: 'Global Public Health',
      animals: 'Unsure',
      animal_country: 'Sweden',
      notes: '—',
      data_types: 'Personal data, Samples',
      start_date: '—',
      military_ties: 'No',
      partner_notes: MISSING_REQUIRED,
    });
  });

  it('leaves hidden questions out', () => {
    const v = reviewView(context(), session({ status: 'reviewing', answers: completeAnswers }));
    const ids = v.sections.flatMap((s) => s.items.map((i) => i.questionId));
    expect(ids).not.toContain('animal_country');
    expect(ids).not.toContain('military_ties');
    expect(ids).toHaveLength(11);
  });
});

describe('simple views', () => {
  it('messageView', () => {
    expect(messageView('warning', 'T', 'Text', false)).toEqual({
      kind: 'message',
      tone: 'warning',
      title: 'T',
      text: 'Text',
      offerStart: false,
    });
  });

  it('welcomeView lists drafts newest first, untitled ones by a placeholder', () => {
    const v = welcomeView('Ada', [
      session({ id: 'a', updatedAt: '2026-01-01T00:00:00Z', answers: { title: 'Older' } }),
      session({ id: 'b', updatedAt: '2026-03-01T00:00:00Z' }),
    ]);
    expect(v).toEqual({
      kind: 'welcome',
      userName: 'Ada',
      drafts: [
        { sessionId: 'b', title: 'Untitled riskcheck', updatedAt: '2026-03-01T00:00:00Z' },
        { sessionId: 'a', title: 'Older', updatedAt: '2026-01-01T00:00:00Z' },
      ],
    });
  });

  it('helpView lists the commands and every support function as optional', () => {
    const v = helpView(organisation);
    expect(v.commands.map((c) => c.command)).toEqual([
      'riskcheck',
      'resume',
      'my assessments',
      'cancel',
      'help',
      'link <department>',
      'reminders [department]',
      'export [csv|json] [department] [from …] [to …]',
      'erase teams:<id> | slack:<id>',
    ]);
    expect(v.supportFunctions).toEqual([
      {
        id: 'admin_support',
        name: 'Department admin',
        description: 'First stop',
        url: 'https://example.org/admin',
        mandatory: false,
      },
      {
        id: 'animal_welfare',
        name: 'Animal Welfare Body',
        description: 'Animal work abroad',
        contact: 'awb@example.org',
        mandatory: false,
      },
    ]);
  });

  it('assessmentListView shows level and decision labels from summaries, newest first', () => {
    const triage = { level: 'high' } as TriageResult;
    const base = {
      submitter: owner,
      questionnaireId: 'fixture',
      questionnaireVersion: '1.0',
      answers: {},
      departmentId: 'gph',
      triage,
      posts: [],
      version: 1,
    };
    const submitted: Assessment[] = [
      { ...base, id: 'x1', title: 'First', submittedAt: '2026-01-01T00:00:00Z', level: 'escalate' },
      {
        ...base,
        id: 'x2',
        title: 'Second',
        submittedAt: '2026-02-01T00:00:00Z',
        level: 'low',
        decision: { value: 'pause_review', comment: '', by: owner, at: '2026-02-02T00:00:00Z' },
      },
    ];
    expect(assessmentListView([], submitted.map(summariseAssessment))).toEqual({
      kind: 'assessmentList',
      drafts: [],
      submitted: [
        {
          assessmentId: 'x2',
          title: 'Second',
          submittedAt: '2026-02-01T00:00:00Z',
          levelLabel: 'Low',
          decisionLabel: 'Pause and review',
        },
        {
          assessmentId: 'x1',
          title: 'First',
          submittedAt: '2026-01-01T00:00:00Z',
          levelLabel: 'Escalate to management',
          decisionLabel: 'Awaiting decision',
        },
      ],
    });
  });
});
