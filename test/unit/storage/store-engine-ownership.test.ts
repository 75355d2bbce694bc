/**
 * Collections that persist themselves (the assessment history, the audit trail) write through
 * `Persistence.owned`, so a store that lost its data-directory lock refuses those writes too,
 * changing nothing, exactly like the collections it persists itself.
 */
import { describe, expect, it } from 'vitest';
import { createStoreEngine, emptyState, noPersistence } from '../../../storage/core/store-engine.js';
import { buildAssessment, buildAudit } from './records.js';

const lockLost = new Error('riskcheck lost its lock on data directory');

function storeThatLostItsLock() {
  return createStoreEngine(emptyState(), {
    ...noPersistence,
    owned: async () => {
      throw lockLost;
    },
  });
}

describe('store engine: writes after the lock was lost', () => {
  it('refuses to save or delete an assessment and keeps none', async () => {
    const store = storeThatLostItsLock();
    await expect(store.saveAssessment(buildAssessment(), 0)).rejects.toBe(lockLost);
    expect(await store.getAssessment('assessment-1')).toBeUndefined();
    expect(await store.listAssessmentSummaries()).toEqual([]);
    await expect(store.deleteAssessment('assessment-1')).rejects.toBe(lockLost);
    await expect(store.purgeSuperseded()).rejects.toBe(lockLost);
  });

  it('refuses to append to or rewrite the audit trail', async () => {
    const store = storeThatLostItsLock();
    await expect(store.appendAudit(buildAudit())).rejects.toBe(lockLost);
    expect(await store.listAudit()).toEqual([]);
    await expect(store.rewriteAuditActors([{ from: 'a', to: 'b' }])).rejects.toBe(lockLost);
  });
});

describe('store engine: close', () => {
  it('closes the assessment history before the persistence releases the data directory', async () => {
    const order: string[] = [];
    const state = emptyState();
    const history = state.assessments;
    state.assessments = {
      ...history,
      close: async () => {
        // Yield first, as a real history does while it writes its index snapshot.
        await new Promise((resolve) => setImmediate(resolve));
        order.push('history');
      },
    };
    const store = createStoreEngine(state, {
      ...noPersistence,
      close: async () => {
        order.push('persistence');
      },
    });
    await store.close();
    expect(order).toEqual(['history', 'persistence']);
  });
});
