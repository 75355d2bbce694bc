/**
 * The process crash-safety.test.ts kills with SIGKILL: it opens the lowdb store, reports what it
 * loaded, then saves answers as fast as it can and prints `ack <sessionId> <n>` only after the
 * save of answer q<n> resolved, which is the moment a user would see their answer confirmed.
 * It loads its modules, then waits for a `go` line on stdin, so the test can start the next
 * writer while the current one runs and a Node start-up is not added to every kill.
 *
 * Usage: node --import tsx test/helpers/store-writer-child.ts <dataDir> <sessionCount> [--check]
 * With --check it only reports what it loaded and closes the store cleanly.
 */
import { DEFAULT_ANSWER_SYNC_MS } from '../../bot/config/runtime-config.js';
import { isStoreError } from '../../storage/errors.js';
import { createLowdbStore } from '../../storage/lowdb/lowdb-store.js';
import type { RiskcheckStore } from '../../storage/store.js';
import { buildSession } from '../unit/storage/records.js';

const [dataDir, countArg, mode] = process.argv.slice(2);
if (!dataDir || !countArg) throw new Error('usage: store-writer-child.ts <dataDir> <sessionCount> [--check]');
const sessionIds = Array.from({ length: Number(countArg) }, (_, i) => `crash-${i + 1}`);
/** Minimum allowed by proper-lockfile: the lock of a killed child goes stale quickly. */
const LOCK_STALE_MS = 2000;

/** Lines go straight to the pipe (synchronous on POSIX pipes), so an ack printed is an ack seen. */
const say = (line: string) => process.stdout.write(`${line}\n`);

/** A killed predecessor's lock is taken over once stale; until then the open is refused. */
async function openStore(): Promise<RiskcheckStore> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      // As the bot opens it: answers acknowledged once written, their fsync following within
      // the interval. A SIGKILL must not lose them (the operating system still has them).
      return await createLowdbStore({
        dataDir: dataDir as string,
        lockStaleMs: LOCK_STALE_MS,
        hotSyncIntervalMs: DEFAULT_ANSWER_SYNC_MS,
      });
    } catch (error) {
      if (!isStoreError(error, 'STORE_LOCKED') || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** How many answers q1..qn the session holds in a row, and its version. */
function progress(answers: Record<string, unknown> | undefined): number {
  let n = 0;
  while (answers?.[`q${n + 1}`] === `v${n + 1}`) n += 1;
  return n;
}

/** Resolves on the first `go` line; the parent never sends one to a writer it ends up not using. */
function go(): Promise<void> {
  return new Promise((resolve) => {
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      input += chunk;
      if (input.includes('go\n')) {
        process.stdin.pause();
        resolve();
      }
    });
  });
}

async function main(): Promise<void> {
  say('started');
  await go();
  const store = await openStore();
  const state = new Map<string, { n: number; version: number }>();
  for (const id of sessionIds) {
    const session = await store.getSession(id);
    const n = progress(session?.answers as Record<string, unknown> | undefined);
    state.set(id, { n, version: session?.version ?? 0 });
    say(`loaded ${id} ${n}`);
  }
  say('ready');
  if (mode === '--check') {
    await store.close();
    return;
  }

  // Bursts of concurrent saves, one per session: a kill then lands while several are in flight.
  for (;;) {
    await Promise.all(
      sessionIds.map(async (id) => {
        const current = state.get(id) as { n: number; version: number };
        const n = current.n + 1;
        const answers: Record<string, string> = {};
        for (let k = 1; k <= n; k += 1) answers[`q${k}`] = `v${k}`;
        const result = await store.saveSession(buildSession({ id, answers }), current.version);
        if (result.kind !== 'saved') throw new Error(`unexpected conflict saving ${id} answer ${n}`);
        state.set(id, { n, version: result.record.version });
        say(`ack ${id} ${n}`);
      }),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `store-writer-child failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
