/**
 * Which reminder rows exist at a given moment: discussions per semester with their follow-up,
 * pending-decision nudges and escalations, reassessments and end-of-collaboration reminders, and
 * nothing for paused departments. Only the latest missed occurrence is planned (catch-up once).
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../../bot/config/load-organisation.js';
import { planReminders } from '../../../../bot/reminders/plan-reminders.js';
import type { Assessment, Decision } from '../../../../dialogs/assessment.js';
import { summariseAssessment } from '../../../../dialogs/assessment-summary.js';
import type { Organisation } from '../../../../dialogs/organisation/schema.js';
import { buildActor, buildAssessment } from '../../storage/records.js';

const base = loadOrganisation('config/example/organisation.yaml').organisation;

function plan(
  now: string,
  assessments: Assessment[] = [],
  options: { organisation?: Organisation; existing?: string[] } = {},
) {
  const organisation = options.organisation ?? base;
  const department = organisation.departments[0]!;
  return planReminders({
    organisation,
    department,
    assessments: assessments.map(summariseAssessment),
    existing: new Set(options.existing ?? []),
    now: new Date(now),
  }).map((r) => `${r.id} @ ${r.dueAt}`);
}

const planned = (answers: Record<string, string> = {}, extra: Partial<Assessment> = {}) =>
  buildAssessment({
    id: 'a1',
    submittedAt: '2026-11-20T09:00:00.000Z',
    answers: { title: 'Cohort', stage: 'planned', ...answers },
    ...extra,
  });

const decision = (value: Decision['value']): Decision => ({
  value,
  comment: '',
  by: buildActor(),
  at: '2026-11-21T09:00:00.000Z',
});

describe('planReminders', () => {
  it('plans the next semester discussion and its follow-up, but not a start long past', () => {
    expect(plan('2026-11-21T12:00:00Z')).toEqual([
      'discussion:gph:2027-02-01T08:00:00.000Z @ 2027-02-01T08:00:00.000Z',
      'followup:discussion:gph:2027-02-01T08:00:00.000Z @ 2027-03-03T08:00:00.000Z',
    ]);
  });

  it('catches up a semester start missed within the grace period, once', () => {
    const rows = plan('2027-02-10T12:00:00Z');
    expect(rows).toContain('discussion:gph:2027-02-01T08:00:00.000Z @ 2027-02-01T08:00:00.000Z');
    expect(rows).toContain('discussion:gph:2027-09-06T07:00:00.000Z @ 2027-09-06T07:00:00.000Z');
    expect(rows.filter((r) => r.startsWith('discussion:'))).toHaveLength(2);
  });

  it('does not plan rows that already exist', () => {
    const existing = [
      'discussion:gph:2027-02-01T08:00:00.000Z',
      'followup:discussion:gph:2027-02-01T08:00:00.000Z',
    ];
    expect(plan('2026-11-21T12:00:00Z', [], { existing })).toEqual([]);
  });

  it('nudges after 5 and escalates after 10 working days while no decision is taken', () => {
    const rows = plan('2026-11-21T12:00:00Z', [planned()]);
    expect(rows).toContain('pendingNudge:a1 @ 2026-11-27T09:00:00.000Z');
    expect(rows).toContain('pendingEscalation:a1 @ 2026-12-04T09:00:00.000Z');
    const decided = plan('2026-11-21T12:00:00Z', [planned({}, { decision: decision('proceed') })]);
    expect(decided.some((r) => r.startsWith('pending'))).toBe(false);
  });

  it('plans the yearly reassessment of a planned or ongoing collaboration, and the end-date reminder', () => {
    const rows = plan('2026-11-21T12:00:00Z', [
      planned({ end_date: '2028-06-30' }, { decision: decision('proceed') }),
    ]);
    expect(rows).toContain('reassessment:a1:1 @ 2027-11-20T09:00:00.000Z');
    expect(rows).toContain('endingSoon:a1 @ 2028-05-31T07:00:00.000Z');
  });

  it('plans no reassessment due after the end-date reminder: that one asks for the reassessment', () => {
    const endsIn2027 = [planned({ end_date: '2027-06-30' }, { decision: decision('proceed') })];
    expect(plan('2026-11-21T12:00:00Z', endsIn2027)).toContain('endingSoon:a1 @ 2027-05-31T07:00:00.000Z');
    expect(plan('2026-11-21T12:00:00Z', endsIn2027).filter((r) => r.startsWith('reassessment'))).toEqual([]);
    // Years after the end, nothing periodic is planned any more.
    expect(plan('2030-01-01T00:00:00Z', endsIn2027).filter((r) => r.startsWith('reassessment'))).toEqual([]);
    // Ending in 2029: the 2027 and 2028 reassessments happen, the one in November 2029 does not.
    const endsIn2029 = [planned({ end_date: '2029-09-30' }, { decision: decision('proceed') })];
    expect(plan('2029-01-01T00:00:00Z', endsIn2029).filter((r) => r.startsWith('reassessment'))).toEqual([
      'reassessment:a1:2 @ 2028-11-20T09:00:00.000Z',
    ]);
  });

  it('after a long outage plans only the latest missed reassessment and the next', () => {
    const rows = plan('2029-01-01T00:00:00Z', [planned({}, { decision: decision('proceed') })]).filter((r) =>
      r.startsWith('reassessment'),
    );
    expect(rows).toEqual([
      'reassessment:a1:2 @ 2028-11-20T09:00:00.000Z',
      'reassessment:a1:3 @ 2029-11-20T09:00:00.000Z',
    ]);
  });

  it('plans no reassessment when the collaboration is ending, was stopped or was reassessed', () => {
    const stopped = planned({}, { decision: decision('do_not_proceed') });
    const ending = planned({ stage: 'ending' }, { decision: decision('proceed') });
    const original = planned({ end_date: '2029-06-30' }, { decision: decision('proceed') });
    const followUp = buildAssessment({
      id: 'a2',
      previousAssessmentId: 'a1',
      submittedAt: '2027-11-25T09:00:00.000Z',
      decision: decision('proceed'),
      answers: { stage: 'ending' },
    });
    const a1Rows = (assessments: Assessment[]) =>
      plan('2026-11-21T12:00:00Z', assessments)
        .filter((r) => /^(reassessment|endingSoon):a1/.test(r))
        .map((r) => r.split(':')[0]);
    expect(a1Rows([original])).toEqual(['reassessment', 'endingSoon']);
    // The reassessment may come before or after the one it reassessed in the planning pass.
    for (const assessments of [[stopped], [ending], [original, followUp], [followUp, original]])
      expect(a1Rows(assessments)).toEqual([]);
  });

  it('plans nothing for a department whose reminders are switched off or snoozed', () => {
    const off = structuredClone(base);
    off.departments[0]!.reminders = { enabled: false };
    expect(plan('2026-11-21T12:00:00Z', [planned()], { organisation: off })).toEqual([]);
    const snoozed = structuredClone(base);
    snoozed.departments[0]!.reminders = { enabled: true, snoozedUntil: '2027-03-01' };
    expect(plan('2027-02-10T12:00:00Z', [planned()], { organisation: snoozed })).toEqual([]);
    expect(plan('2027-03-01T12:00:00Z', [], { organisation: snoozed }).length).toBeGreaterThan(0);
  });
});
