/** actorKey and its inverse, which erasure and retention use to read keys stored in summaries. */
import { describe, expect, it } from 'vitest';
import { actorKey, splitActorKey } from '../../../dialogs/session.js';

describe('splitActorKey', () => {
  it('gives back the platform and user id actorKey joined, colons in the user id included', () => {
    for (const actor of [
      { platform: 'teams' as const, userId: '2b9c8c1e-aad-id' },
      { platform: 'slack' as const, userId: 'U0ALICE01' },
      { platform: 'slack' as const, userId: 'odd:id:with:colons' },
    ])
      expect(splitActorKey(actorKey(actor))).toEqual(actor);
  });

  it('reads a key without a colon as an empty platform', () => {
    expect(splitActorKey('system')).toEqual({ platform: '', userId: 'system' });
  });
});
