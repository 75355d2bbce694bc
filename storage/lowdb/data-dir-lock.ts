/**
 * One process owns a data directory: two lowdb writers on the same files lose data (measured:
 * 14 of 300 writes survived). The lock is proper-lockfile's mkdir lock, refreshed while we run,
 * so a lock left by a killed process goes stale and the next start takes it over.
 */
import lockfile from 'proper-lockfile';
import { StoreError } from '../errors.js';

/** Default: proper-lockfile refreshes the lock every stale/2 ms. */
export const DEFAULT_LOCK_STALE_MS = 10_000;

export interface DataDirLock {
  release(): Promise<void>;
  /** Set when the lock was lost while running (e.g. the lock dir was removed or the clock jumped). */
  readonly lost: StoreError | undefined;
}

export async function lockDataDir(dataDir: string, lockFile: string, staleMs: number): Promise<DataDirLock> {
  let lost: StoreError | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockFile,
      stale: staleMs,
      retries: 0,
      realpath: false,
      // The default throws from a timer and kills the process; refusing further writes instead
      // lets the bot report the problem and shut down cleanly.
      onCompromised: (cause) => {
        lost = new StoreError(
          'STORE_LOCKED',
          dataDir,
          `riskcheck lost its lock on data directory ${dataDir} (${cause.message}); another process may ` +
            'be writing to it. Stop all riskcheck processes and start one again.',
          { cause },
        );
      },
    });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ELOCKED') throw cause;
    throw new StoreError(
      'STORE_LOCKED',
      dataDir,
      `Another riskcheck process is using data directory ${dataDir} (lock ${lockFile}). Only one ` +
        'process may use a data directory (the embedded store cannot be shared between processes). If no other ' +
        `riskcheck process is running, the lock is left from a crash: start again after ${Math.ceil(staleMs / 1000)} seconds.`,
      { cause },
    );
  }
  return {
    get lost() {
      return lost;
    },
    async release() {
      // A compromised lock may already be gone; there is nothing left to release then.
      await release().catch(() => undefined);
    },
  };
}
