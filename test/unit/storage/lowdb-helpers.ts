/** Shared set-up for the lowdb store suites: a real temp directory and the error an open throws. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { StoreError } from '../../../storage/errors.js';
import { createLowdbStore, type LowdbStoreOptions } from '../../../storage/lowdb/lowdb-store.js';
import type { RiskcheckStore } from '../../../storage/store.js';

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

/**
 * A fresh data directory per test with the stores opened on it closed and the directory removed
 * afterwards; call inside a `describe`. `dir()` and `file(name)` name the current directory.
 */
export function useStoreDir() {
  let current = '';
  const open: RiskcheckStore[] = [];
  beforeEach(async () => {
    current = await tempDir();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await rm(current, { recursive: true, force: true });
  });
  return {
    dir: () => current,
    file: (name: string) => path.join(current, name),
    async openStore(options: Omit<LowdbStoreOptions, 'dataDir'> = {}): Promise<RiskcheckStore> {
      const store = await createLowdbStore({ ...options, dataDir: current });
      open.push(store);
      return store;
    },
    /** Closes every store opened so far (e.g. to reopen the directory). */
    closeAll: () => Promise.all(open.splice(0).map((s) => s.close())),
  };
}
