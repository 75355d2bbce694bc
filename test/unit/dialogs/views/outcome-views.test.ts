/** Outcome summary, support links and decision views built from a triaged assessment. */
import { describe, expect, it } from 'vitest';
import type { Assessment, Decision } from '../../../../dialogs/assessment.js';
import { triage } from '../../../../dialogs/triage/triage.js';
import {
  approvalRequestView,
  approvalResolvedView,
  buildOutcomeSummary,
  decisionView,
  outcomeView,
  supportLinks,
} from '../../../../dialogs/views/outcome-views.js';
import { defaultQuestionnaire, quietAnswers } from '../fixtures/default-answers-fixture.js';
import {
  countryNames,
  countryReference,
  organisation,
  organisationWithout,
  people,
} from '../fixtures/organisation-fixture.js';

const answers = quietAnswers({
  partner_country: 'CN',
  collaboration_type: 'visiting',
  stage: 'ongoing',
  scope: ['animal_experiments'],
  animal_abroad: 'unsure',
});
const result = triage(defaultQuestionnaire, answers, countryReference, organisation, countryNames);
const assessment: Assessment = {
  id: 'a1',
  submitter: { platform: 'teams', userId: 'x', displayName: 'Sub Mitter' },
  questionnaireId: defaultQuestionnaire.id,
  questionnaireVersion: defaultQuestionnaire.version,
  answers,
  title: 'Cohort study with a partner',
  departmentId: 'gph',
  submittedAt: '2026-05-30T08:00:00.000Z',
  triage: result,
  level: result.level,
  posts: [],
  version: 4,
};
const decision: Decision = {
  value: 'pause_review',
  comment: 'Talk to the AWB',
  by: { platform: 'slack', userId: 'U0HEDDA01', displayName: 'Hedda Head' },
  at: '2026-06-01T10:00:00.000Z',
};

describe('buildOutcomeSummary', () => {
  const summary = buildOutcomeSummary(assessment, organisation, defaultQuestionnaire, countryNames);

  it('uses labels a person understands', () => {
    expect(summary).toMatchObject({
      assessmentId: 'a1',
      partner: 'Partner University',
      country: 'China',
      collaborationType: 'Hosting a visiting researcher or recruiting from abroad',
      stage: 'Ongoing',
      departmentName: 'Department of Global Public Health',
      submitterName: 'Sub Mitter',
      level: 'elevated',
      levelLabel: 'Elevated',
      questionnaireVersion: '2026.1.0',
      benefits: ['Scientific quality'],
    });
    expect(summary.areas.map((a) => a.title)).toContain("The partner's country");
    const animal = summary.flags.find((f) => f.title === 'Animal experiments abroad');
    expect(animal?.areaTitle).toBe('How the collaboration is set up');
    expect(animal?.because).toEqual([expect.objectContaining({ answer: 'Unsure' })]);
  });

  it('lists support with configured details and the mandatory mark', () => {
    const awb = summary.support.find((s) => s.id === 'animal_welfare_body');
    expect(awb).toMatchObject({ name: 'Support animal_welfare_body', mandatory: true });
    expect(awb?.url).toBe('https://support.example.edu/animal_welfare_body');
    expect(summary.support[0]).toMatchObject({ id: 'department_admin', mandatory: false });
  });

  it('shows an unconfigured mandatory route without a link', () => {
    const links = supportLinks(result.routes, organisationWithout('animal_welfare_body'));
    const awb = links.find((s) => s.id === 'animal_welfare_body');
    expect(awb).toMatchObject({ name: 'Animal welfare body', mandatory: true });
    expect(awb?.url).toBeUndefined();
  });
});

describe('views', () => {
  const summary = buildOutcomeSummary(assessment, organisation, defaultQuestionnaire, countryNames);

  it('decisionView labels the decision and keeps the ISO time', () => {
    expect(decisionView(decision)).toEqual({
      value: 'pause_review',
      label: 'Pause and review',
      byName: 'Hedda Head',
      at: '2026-06-01T10:00:00.000Z',
      comment: 'Talk to the AWB',
    });
  });

  it('builds the outcome, approval request and resolved views', () => {
    expect(outcomeView(summary, 'Sent')).toEqual({ kind: 'outcome', outcome: summary, deliveryNote: 'Sent' });
    expect(outcomeView(summary, 'Sent', decision).decision?.label).toBe('Pause and review');
    expect(outcomeView(summary, 'Sent', decisionView(decision)).decision).toEqual(decisionView(decision));
    const request = approvalRequestView(summary, [people.headGph, 'Someone'], 4, 'Note');
    expect(request).toMatchObject({
      kind: 'approvalRequest',
      deciders: ['Hedda Head', 'Someone'],
      assessmentVersion: 4,
      notice: 'Note',
    });
    expect(request.decisionOptions.map((o) => o.value)).toEqual([
      'proceed',
      'proceed_with_measures',
      'pause_review',
      'do_not_proceed',
    ]);
    expect(approvalResolvedView(summary, decision)).toEqual({
      kind: 'approvalResolved',
      outcome: summary,
      decision: decisionView(decision),
    });
  });
});
