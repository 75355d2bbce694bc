/**
 * Crash safety of the lowdb store: a child process saves answers and prints an ack after each
 * save resolved; we SIGKILL it at seeded random points (before it opened, right after an ack while
 * the rest of a burst is in flight, after a random delay) and restart it. After every kill each
 * acknowledged answer must be on disk, every JSON file must parse, and the restarted store must
 * load at least what was acknowledged. The writer opens the store as the bot does, with answers
 * acknowledged once written and fsynced within RISKCHECK_ANSWER_SYNC_MS. Power loss is not
 * simulated: that needs the fsyncs in append-log.ts and durable-json-file.ts, which no test here
 * can observe (append-log-sync.test.ts checks when they are called).
 *
 * RISKCHECK_STRESS=1 (npm run test:stress) runs many more kills; RISKCHECK_CRASH_SEED picks the seed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../helpers/read-journal.js';
import { tempDir } from './lowdb-helpers.js';

const STRESS = process.env.RISKCHECK_STRESS === '1';
const SEED = Number(process.env.RISKCHECK_CRASH_SEED ?? 20_250_301);
const TARGET = STRESS ? { kills: 100, acks: 2500 } : { kills: 12, acks: 200 };
const SESSIONS = 3;
/** Restarts that wait for the lock to go stale for real; later ones backdate it to save time. */
const REAL_STALE_WAITS = 1;
const CHILD = fileURLToPath(new URL('../../helpers/store-writer-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** mulberry32: small, seedable, so a failing kill sequence can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Run {
  child: ChildProcess;
  /** Resolves once the child exited and its pipes closed. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves once its modules are loaded and it waits for `go`. */
  started: Promise<void>;
  loaded: Map<string, number>;
  acks: number;
  /** What to do with each complete stdout line after `go`. */
  onLine: (line: string) => void;
  go(): void;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts a writer that loads and then waits for `go`; every `ack` it prints is added to `acked`. */
function startChild(dataDir: string, acked: Map<string, number>, check = false): Run {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, dataDir, String(SESSIONS), ...(check ? ['--check'] : [])],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  children.push(child);
  let markStarted = () => {};
  const run: Run = {
    child,
    closed: undefined as never,
    started: new Promise((resolve) => (markStarted = resolve)),
    loaded: new Map(),
    acks: 0,
    onLine: () => {},
    go: () => child.stdin?.end('go\n'),
  };
  let buffered = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    // A line cut off by the kill was never fully printed, so it was never acknowledged.
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, id, n] = line.split(' ');
      if (kind === 'started') markStarted();
      if (kind === 'ack' && id && n) {
        acked.set(id, Math.max(acked.get(id) ?? 0, Number(n)));
        run.acks += 1;
      } else if (kind === 'loaded' && id && n) {
        run.loaded.set(id, Number(n));
      }
      run.onLine(line);
    }
  });
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  // The child may already be dead when `go` is written to it.
  child.stdin?.on('error', () => undefined);
  run.closed = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return run;
}

/** A seeded shuffle of kill kinds, so every kind occurs whatever the seed. */
function killPlan(random: () => number, count: number): Array<'early' | 'afterAck' | 'timed'> {
  const block = ['early', 'afterAck', 'afterAck', 'afterAck', 'afterAck', 'timed', 'timed', 'timed'] as const;
  const plan: Array<'early' | 'afterAck' | 'timed'> = [];
  while (plan.length < count) {
    const shuffled = [...block];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    plan.push(...shuffled);
  }
  return plan;
}

/**
 * Every acknowledged answer is in sessions.jsonl, every JSON data file parses, and every complete
 * journal line parses (a torn last line, never acknowledged, is allowed: the store cuts it off).
 */
async function verifyOnDisk(dataDir: string, acked: Map<string, number>, context: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (name.endsWith('.json')) {
      const text = await readFile(path.join(dataDir, name), 'utf8');
      expect(() => JSON.parse(text), `${name} parses (${context})`).not.toThrow();
    } else if (name.endsWith('.jsonl') && name !== 'audit.jsonl') {
      await readJournal(path.join(dataDir, name)).catch((error: unknown) => {
        throw new Error(`${name} does not parse (${context}): ${String(error)}`);
      });
    }
  }
  if (acked.size === 0) return;
  // A missing file holds no answers, which the checks below then report as lost.
  const sessions = (await readJournal(path.join(dataDir, 'sessions.jsonl')))?.records ?? new Map();
  for (const [id, n] of acked) {
    const answers = (sessions.get(id) as { answers?: Record<string, string> } | undefined)?.answers ?? {};
    for (let k = 1; k <= n; k += 1) {
      expect(answers[`q${k}`], `${id} answer q${k} of ${n} acknowledged (${context})`).toBe(`v${k}`);
    }
  }
}

describe('lowdb store under SIGKILL', () => {
  it(`keeps every acknowledged answer across ≥${TARGET.kills} kills and ≥${TARGET.acks} acks (seed ${SEED})`, {
    timeout: STRESS ? 900_000 : 120_000,
  }, async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const random = prng(SEED);
    const acked = new Map<string, number>();
    let kills = 0;
    let totalAcks = 0;
    const plan = killPlan(random, TARGET.kills * 4);
    let next = startChild(dataDir, acked);

    while (kills < TARGET.kills || totalAcks < TARGET.acks) {
      const context = `seed ${SEED}, kill ${kills + 1}`;
      const mode = plan[kills % plan.length]!;
      const killAfterAcks = 1 + Math.floor(random() * 50);
      // early: while it takes the lock and reads the files; timed: somewhere among the writes.
      const delayMs = Math.floor(random() * (mode === 'early' ? 25 : 250));

      const run = next;
      await run.started;
      // The next writer starts up (about a second of Node and tsx) while this one runs.
      next = startChild(dataDir, acked);
      const before = new Map(acked);
      run.onLine = (line) => {
        if (line === 'ready' && mode === 'timed') setTimeout(() => run.child.kill('SIGKILL'), delayMs);
        // Killed the moment an ack arrives: the other saves of its burst are still in flight.
        if (line.startsWith('ack') && mode === 'afterAck' && run.acks >= killAfterAcks) {
          run.child.kill('SIGKILL');
        }
      };
      run.go();
      if (mode === 'early') setTimeout(() => run.child.kill('SIGKILL'), delayMs);
      const { code, signal, stderr } = await run.closed;
      expect({ code, signal, stderr }, context).toMatchObject({ code: null, signal: 'SIGKILL' });
      kills += 1;
      totalAcks += run.acks;

      // The store this run opened saw at least everything acknowledged before it started.
      for (const [id, n] of before) {
        if (run.loaded.has(id))
          expect(run.loaded.get(id), `${id} loaded (${context})`).toBeGreaterThanOrEqual(n);
      }
      await verifyOnDisk(dataDir, acked, context);

      // A killed writer leaves its lock behind. The first restarts wait for it to go stale;
      // later ones age it instead, which is what waiting would do, to keep the suite fast.
      if (kills > REAL_STALE_WAITS) {
        const old = new Date(Date.now() - 60_000);
        await utimes(path.join(dataDir, '.riskcheck.lock'), old, old).catch(() => undefined);
      }
    }
    next.child.kill('SIGKILL');

    // A last clean start loads everything through the store and closes normally.
    const final = startChild(dataDir, acked, true);
    await final.started;
    final.go();
    const { code, stderr } = await final.closed;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const [id, n] of acked) expect(final.loaded.get(id), id).toBeGreaterThanOrEqual(n);
    expect(totalAcks).toBeGreaterThanOrEqual(TARGET.acks);
    expect(kills).toBeGreaterThanOrEqual(TARGET.kills);
  });
});
