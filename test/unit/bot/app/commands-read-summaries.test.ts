/**
 * Ordinary commands never read the whole history: "my assessments", the reminders list and
 * "we discussed this" work from summaries, and linking a channel reads in full only the
 * undecided assessments it reposts. The store here refuses the full-record list methods.
 */
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../../bot/app/app-deps.js';
import type { ChannelGateway } from '../../../../bot/app/channel-gateway.js';
import { handleAction } from '../../../../bot/app/handle-action.js';
import { handleCommand } from '../../../../bot/app/handle-command.js';
import type { Reply } from '../../../../bot/app/reply.js';
import { ACTIONS } from '../../../../dialogs/actions.js';
import type { ViewModel } from '../../../../dialogs/views/view-model.js';
import { summariesOnly } from '../../../helpers/summaries-only-store.js';
import { assessment, makeDeps, PEOPLE } from '../data-care/data-care-world.js';

const decided = { value: 'proceed', comment: '', by: PEOPLE.alex, at: '2026-11-10T10:00:00.000Z' } as const;

function viewOf<K extends ViewModel['kind']>(reply: Reply, kind: K): Extract<ViewModel, { kind: K }> {
  if (reply.kind !== 'view' || reply.view.kind !== kind) throw new Error(`expected a ${kind} view`);
  return reply.view as Extract<ViewModel, { kind: K }>;
}

async function world() {
  const base = makeDeps();
  const { store, reads } = summariesOnly(base.store);
  const posted: string[] = [];
  const teams: ChannelGateway = {
    platform: 'teams',
    async post(_link, view) {
      posted.push(view.kind);
      return { messageId: `m-${posted.length}` };
    },
    async update() {},
  };
  const deps: AppDeps = { ...base, store, gateways: { teams } };
  await base.store.saveAssessment(
    assessment({ id: 'open', title: 'Open one', submittedAt: '2026-11-02T10:00:00.000Z' }),
    0,
  );
  await base.store.saveAssessment(
    assessment({
      id: 'closed',
      title: 'Closed one',
      submittedAt: '2026-11-03T10:00:00.000Z',
      decision: decided,
    }),
    0,
  );
  await base.store.saveReminder(
    {
      id: 'discussion:gph:2026-11-16T08:00:00.000Z',
      kind: 'discussion',
      departmentId: 'gph',
      dueAt: '2026-11-16T08:00:00.000Z',
      status: 'sent',
      attempts: 0,
      posts: [],
      createdAt: '2026-11-01T00:00:00.000Z',
      version: 0,
    },
    0,
  );
  await base.store.saveReminder(
    {
      id: 'pendingEscalation:open',
      kind: 'pendingEscalation',
      departmentId: 'gph',
      assessmentId: 'open',
      dueAt: '2026-11-23T10:00:00.000Z',
      status: 'pending',
      attempts: 0,
      posts: [],
      createdAt: '2026-11-02T10:00:00.000Z',
      version: 0,
    },
    0,
  );
  return { deps, reads, posted };
}

describe('commands over the history', () => {
  it('list "my assessments" and a department’s reminders from summaries', async () => {
    const { deps, reads } = await world();
    const list = viewOf(await handleCommand(deps, PEOPLE.lynne, 'my assessments', {}), 'assessmentList');
    expect(list.submitted.map((s) => [s.title, s.decisionLabel])).toEqual([
      ['Closed one', 'Proceed'],
      ['Open one', 'Awaiting decision'],
    ]);
    const pressed = viewOf(await handleAction(deps, PEOPLE.lynne, ACTIONS.list, {}), 'assessmentList');
    expect(pressed.submitted).toHaveLength(2);

    const upcoming = viewOf(await handleCommand(deps, PEOPLE.alex, 'reminders gph', {}), 'upcomingReminders');
    expect(upcoming.items.map((i) => i.subject)).toEqual(['Open one']);
    expect(reads).toEqual([]);
  });

  it('record a discussion with the department’s counts from summaries', async () => {
    const { deps, reads } = await world();
    const reply = await handleAction(deps, PEOPLE.alex, ACTIONS.discussed, {
      reminderId: 'discussion:gph:2026-11-16T08:00:00.000Z',
      discussion_date: '2026-11-18',
    });
    const view = viewOf(reply, 'discussionReminder');
    expect(view.assessmentCount).toBe(2);
    expect(view.pending.map((p) => p.assessmentId)).toEqual(['open']);
    expect(view.recorded?.heldOn).toBe('2026-11-18');
    expect(reads).toEqual([]);
  });

  it('link a channel, reposting the undecided assessments: only they are read in full', async () => {
    const { deps, reads, posted } = await world();
    const reply = await handleCommand(deps, PEOPLE.alex, 'link gph', {
      channel: { platform: 'teams', conversationId: '19:gph' },
    });
    expect(viewOf(reply, 'message').text).toContain('1 outcome(s) waiting for a decision were posted here');
    expect(posted).toEqual(['approvalRequest']);
    expect(reads).toEqual(['open']);
  });
});
