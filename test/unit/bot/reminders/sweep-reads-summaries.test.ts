/**
 * The sweep that runs every minute never reads the whole history: planning, delivering every
 * kind of reminder and retention work from the store's summaries, and read in full only the
 * assessments a due reminder or a retention candidate is about. The store here refuses the
 * full-record list methods, which read from disk in the embedded store.
 */
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../../bot/app/app-deps.js';
import type { ChannelGateway } from '../../../../bot/app/channel-gateway.js';
import { createReminderSweeper, FULL_PLAN_INTERVAL_MS } from '../../../../bot/reminders/reminder-sweeper.js';
import type { Decision } from '../../../../dialogs/assessment.js';
import { organisationSchema } from '../../../../dialogs/organisation/schema.js';
import type { Reminder } from '../../../../dialogs/reminders/reminder.js';
import { summariesOnly } from '../../../helpers/summaries-only-store.js';
import { assessment, loaded, makeDeps, PEOPLE } from '../data-care/data-care-world.js';

function fakeTeams(): ChannelGateway & { posted: string[] } {
  const posted: string[] = [];
  return {
    platform: 'teams',
    posted,
    async post(link, view) {
      posted.push(`${view.kind} -> ${link.conversationId}`);
      return { messageId: `m-${posted.length}` };
    },
    async update() {},
  };
}

const proceed: Decision = {
  value: 'proceed',
  comment: 'Fine',
  by: PEOPLE.alex,
  at: '2025-11-12T10:00:00.000Z',
};

function pendingRow(id: string, kind: Reminder['kind'], assessmentId?: string): Reminder {
  return {
    id,
    kind,
    departmentId: 'gph',
    ...(assessmentId ? { assessmentId } : {}),
    dueAt: '2026-11-16T08:00:00.000Z',
    status: 'pending',
    attempts: 0,
    posts: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    version: 0,
  };
}

async function world() {
  const organisation = organisationSchema.parse({
    ...loaded.organisation,
    dataCare: { retentionMonths: 60 },
  });
  const base = makeDeps(organisation);
  const { store, reads } = summariesOnly(base.store);
  const teams = fakeTeams();
  // What planning reads: every reminder id and every summary of each department.
  const planning: string[] = [];
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      if (
        property === 'listReminderIds' ||
        property === 'listAssessmentSummaries' ||
        property === 'visitAssessmentSummaries'
      )
        planning.push(property);
      return Reflect.get(target, property, receiver);
    },
  });
  const deps: AppDeps = { ...base, store: counted, gateways: { teams } };
  // The clock is Friday 2026-11-20 09:00 UTC.
  const save = (overrides: Parameters<typeof assessment>[0]) =>
    base.store.saveAssessment(assessment(overrides), 0);
  await save({ id: 'waiting', submittedAt: '2026-11-02T10:00:00.000Z' });
  await save({
    id: 'ongoing',
    submittedAt: '2025-11-10T08:00:00.000Z',
    decision: proceed,
    answers: { ...assessment().answers, stage: 'ongoing', end_date: '2026-12-01' },
  });
  // Its yearly reassessment fell due (an end-date reminder due first, as for 'ongoing', replaces it).
  await save({
    id: 'yearly',
    submittedAt: '2025-11-11T08:00:00.000Z',
    decision: proceed,
    answers: { ...assessment().answers, stage: 'ongoing' },
  });
  await save({ id: 'reassessed', submittedAt: '2025-11-12T10:00:00.000Z', decision: proceed });
  await save({
    id: 'reassessment',
    submittedAt: '2026-11-19T10:00:00.000Z',
    previousAssessmentId: 'reassessed',
    decision: proceed,
    answers: { ...assessment().answers, stage: 'ending' },
  });
  // Ended long ago (a planned one would still have its yearly reassessment pending).
  await save({
    id: 'old',
    submittedAt: '2020-01-02T10:00:00.000Z',
    decision: proceed,
    answers: { ...assessment().answers, stage: 'ending' },
  });
  // Ended in June; its second yearly reassessment was planned by a version that ignored end dates.
  await save({
    id: 'ended',
    submittedAt: '2024-11-16T08:00:00.000Z',
    decision: proceed,
    answers: { ...assessment().answers, stage: 'ongoing', end_date: '2026-06-30' },
  });
  // Rows planned earlier: a semester discussion, and a reassessment planned before it was done.
  await base.store.saveReminder(pendingRow('discussion:gph:2026-11-16T08:00:00.000Z', 'discussion'), 0);
  await base.store.saveReminder(pendingRow('reassessment:reassessed:1', 'reassessment', 'reassessed'), 0);
  await base.store.saveReminder(pendingRow('reassessment:ended:2', 'reassessment', 'ended'), 0);
  await base.store.saveLink({
    key: 'dept:gph:teams',
    platform: 'teams',
    conversationId: '19:gph',
    linkedAt: '2026-01-01T00:00:00.000Z',
  });
  await base.store.saveLink({
    key: `user:teams:${PEOPLE.lynne.userId}`,
    platform: 'teams',
    conversationId: 'a:lynne',
    linkedAt: '2026-01-01T00:00:00.000Z',
  });
  return { deps, base, reads, teams, planning };
}

describe('the reminder sweep', () => {
  it('plans, delivers every kind of reminder and applies retention without listing full records', async () => {
    const { deps, base, reads, teams, planning } = await world();
    const sweeper = createReminderSweeper(deps);

    const report = await sweeper.sweep();

    expect(report.sent).toEqual(
      expect.arrayContaining([
        'discussion:gph:2026-11-16T08:00:00.000Z',
        'pendingNudge:waiting',
        'pendingEscalation:waiting',
        'reassessment:yearly:1',
        'endingSoon:ongoing',
      ]),
    );
    expect(report.skipped).toEqual(['reassessment:ended:2', 'reassessment:reassessed:1']);
    expect(report.failed).toEqual([]);
    expect(report.retention).toEqual({ anonymised: 1, deleted: 0 });
    expect(teams.posted).toContain('discussionReminder -> 19:gph');
    expect(teams.posted).toContain('reassessmentReminder -> a:lynne');
    expect((await base.store.getAssessment('old'))?.title).toBe('[erased]');
    // Read in full: the assessments due reminders are about, and the one retention changed.
    expect(new Set(reads)).toEqual(new Set(['waiting', 'ongoing', 'yearly', 'ended', 'reassessed', 'old']));

    expect(planning).toContain('listReminderIds');

    // A minute later nothing is due: nothing is read in full, and neither planning nor retention
    // lists the summaries or reminder ids again.
    reads.length = 0;
    planning.length = 0;
    base.clock.advance(60_000);
    const quiet = await sweeper.sweep();
    expect(quiet).toMatchObject({ sent: [], skipped: [], failed: [], retention: { anonymised: 0 } });
    expect(planning).toEqual([]);
    // An hour later the full plan runs again, from summaries.
    base.clock.advance(FULL_PLAN_INTERVAL_MS);
    await sweeper.sweep();
    expect(reads).toEqual([]);
    expect(planning).toContain('listReminderIds');
  });

  it('gives the event loop back between departments while planning', async () => {
    const { deps } = await world();
    const order: string[] = [];
    // Records each department planned, and queues other work (as a request arriving would be)
    // while the first one is planned: it must run before the next department, not after all.
    const store = new Proxy(deps.store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'listReminderIds') return value;
        return (departmentId: string) => {
          order.push(departmentId);
          if (order.length === 1) setImmediate(() => order.push('other work'));
          return value.call(target, departmentId);
        };
      },
    });
    await createReminderSweeper({ ...deps, store }).sweep();
    const departments = deps.organisation.departments.map((department) => department.id);
    expect(departments.length).toBeGreaterThan(1);
    expect(order).toEqual([departments[0], 'other work', ...departments.slice(1)]);
  });
});
