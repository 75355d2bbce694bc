/** Shared set-up for the lowdb store suites: a real temp directory and the error an open throws. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from '../../../storage/errors.js';
import { createLowdbStore } from '../../../storage/lowdb/lowdb-store.js';

export const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'riskcheck-store-'));

/** The StoreError opening `dataDir` throws; anything else (or no error) fails the test. */
export async function openError(dataDir: string): Promise<StoreError> {
  const error = await createLowdbStore({ dataDir }).then(
    () => new Error('expected createLowdbStore to throw'),
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError)) throw error;
  return error;
}
