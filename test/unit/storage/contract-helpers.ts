/** Small assertions shared by the store contract files. */
import type { SaveResult } from '../../../storage/store.js';

/** The saved record, or a thrown error showing the conflict. */
export function saved<T>(result: SaveResult<T>): T {
  if (result.kind !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(result)}`);
  return result.record;
}

export const ids = (records: { id: string }[]) => records.map((r) => r.id);
