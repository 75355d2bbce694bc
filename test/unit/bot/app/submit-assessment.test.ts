/**
 * A submission stores the assessment first; removing the draft then runs alongside the post to
 * the department (a submitter waits for each step done one after the other), and a draft is
 * kept when the assessment could not be stored, so Submit can be pressed again.
 */
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../../bot/app/app-deps.js';
import type { ChannelGateway } from '../../../../bot/app/channel-gateway.js';
import { submitAssessment } from '../../../../bot/app/submit-assessment.js';
import type { RiskcheckStore } from '../../../../storage/store.js';
import { buildSession } from '../../storage/records.js';
import { assessment, makeDeps, PEOPLE } from '../data-care/data-care-world.js';

async function world(store: (base: RiskcheckStore) => RiskcheckStore) {
  const base = makeDeps();
  const events: string[] = [];
  const teams: ChannelGateway = {
    platform: 'teams',
    async post() {
      events.push('posted');
      return { messageId: 'm-1' };
    },
    async update() {},
  };
  await base.store.saveLink({
    key: 'dept:gph:teams',
    platform: 'teams',
    conversationId: '19:gph',
    linkedAt: '2026-01-01T00:00:00.000Z',
  });
  await base.store.saveSession(buildSession({ id: 'a-1', owner: PEOPLE.lynne }), 0);
  const deps: AppDeps = { ...base, store: store(base.store), gateways: { teams } };
  return { deps, base, events };
}

describe('submitAssessment', () => {
  it('posts to the department while the draft is being removed, and answers once both are done', async () => {
    let releaseDelete: () => void = () => undefined;
    const { deps, base, events } = await world((store) => ({
      ...store,
      async deleteSession(id) {
        events.push('delete started');
        await new Promise<void>((resolve) => {
          releaseDelete = resolve;
        });
        await store.deleteSession(id);
        events.push('deleted');
      },
    }));

    let answered = false;
    const replying = submitAssessment(deps, assessment({ id: 'a-1' })).then((reply) => {
      answered = true;
      return reply;
    });
    await expect.poll(() => events).toEqual(['delete started', 'posted']);
    expect(answered).toBe(false);
    releaseDelete();
    const reply = await replying;
    expect(events).toEqual(['delete started', 'posted', 'deleted']);
    expect(reply.kind).toBe('view');
    expect(await base.store.getSession('a-1')).toBeUndefined();
    expect((await base.store.getAssessment('a-1'))?.posts).toHaveLength(1);
  });

  it('keeps the draft when the assessment could not be stored', async () => {
    const { deps, base, events } = await world((store) => ({
      ...store,
      // What a save reports when the record vanished under it (erased meanwhile).
      async saveAssessment() {
        return { kind: 'conflict', current: undefined };
      },
    }));
    const reply = await submitAssessment(deps, assessment({ id: 'a-1' }));
    expect(reply.kind === 'view' && JSON.stringify(reply.view)).toContain('could not be saved');
    expect(await base.store.getSession('a-1')).toBeDefined();
    expect(events).toEqual([]);
  });
});
