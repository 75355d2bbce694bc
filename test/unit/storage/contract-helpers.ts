/** Small assertions shared by the store contract files. */
import { expect } from 'vitest';
import type { SaveResult } from '../../../storage/store.js';

/** The saved record, or a thrown error showing the conflict. */
export function saved<T>(result: SaveResult<T>): T {
  if (result.kind !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(result)}`);
  return result.record;
}

export const ids = (records: { id: string }[]) => records.map((r) => r.id);

/** A change to a record the store handed out is refused: the store shares frozen records. */
export function refused(change: () => unknown): void {
  expect(change).toThrow(TypeError);
}
