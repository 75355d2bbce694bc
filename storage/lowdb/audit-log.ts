/**
 * The audit trail as JSON Lines, not lowdb: audit events are only ever appended, and a lowdb file
 * would rewrite the whole history on every event. Appending one line and fsyncing costs the same
 * on day one and in year five. Lines are written while an fsync runs, and those that must be on
 * disk share the next one (group commit). An event about a dialog in progress may be appended
 * `soon` (see AuditDurability): it resolves once written, without waiting for an fsync another
 * event started, and is fsynced within the sync interval, or sooner with the next event that waits.
 *
 * Layout: a header line `{"schemaVersion":1}`, then one AuditEvent per line.
 *
 * Events are not kept in memory (years of them would be most of the process's memory): `list`
 * reads the file, which only exports, erasure and the audit views need. Opening checks only the
 * header and the end of the file (a torn last append); parsing years of events at every start
 * was a sixth of start-up with 50,000 assessments. A line damaged further up is reported, as
 * STORE_CORRUPT naming the file, by whatever reads the trail, and nothing is rewritten.
 *
 * The one exception to append-only is `rewrite` (erasure and retention pseudonymise actors): it
 * reads the log, changes the events, writes the result to a temp file, fsyncs and renames it over
 * the old one, in the same queue as appends, so an append is never lost to the old file nor
 * written twice.
 */
import { type FileHandle, open, rename, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { AuditTrail } from '../core/audit-trail.js';
import { openIfExists, scanLines } from '../journal/file-lines.js';
import type { AuditDurability, AuditEvent } from '../store.js';
import { checkEnvelope, corrupt, SCHEMA_VERSION } from './data-files.js';
import { syncDirectory } from './durable-json-file.js';

interface PendingAppend {
  line: string;
  /** May resolve once written, fsynced later (AuditDurability 'like-sessions'). */
  soon?: boolean;
  /** Set for a rewrite: changes one event in place, true when it did. */
  change?: (event: AuditEvent) => boolean;
  resolve: (changed: number) => void;
  reject: (error: unknown) => void;
}

export class AuditLog implements AuditTrail {
  #handle: FileHandle;
  readonly #file: string;
  readonly #dir: string;
  #pending: PendingAppend[] = [];
  #flushing: Promise<void> | undefined;
  /** 0: every append is fsynced before it resolves, whatever its durability. */
  readonly #syncIntervalMs: number;
  /** Set while lines appended `soon` are written but not yet fsynced. */
  #syncTimer: NodeJS.Timeout | undefined;
  /**
   * Group commit: lines go on being written while an fsync runs (a dialog event must not wait for
   * a submission's fsync), and every line written meanwhile that must be on disk shares the one
   * fsync queued to start when the running one ends.
   */
  #syncRunning: Promise<void> | undefined;
  #syncQueued: Promise<void> | undefined;

  private constructor(handle: FileHandle, file: string, dir: string, syncIntervalMs: number) {
    this.#handle = handle;
    this.#file = file;
    this.#dir = dir;
    this.#syncIntervalMs = syncIntervalMs;
  }

  /** Checks the header and the end of the file, creating it (with its header) when it does not exist yet. */
  static async open(file: string, dir: string, syncIntervalMs = 0): Promise<{ log: AuditLog }> {
    const found = await checkEnds(file);
    // Only after every complete line checked out: drop a torn append, so the file is never
    // changed when it is damaged in a way riskcheck does not understand.
    if (found?.tornBytes) await truncate(file, found.keepBytes);
    const handle = await open(file, 'a');
    try {
      if (found === undefined) {
        await handle.appendFile(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION })}\n`, 'utf8');
      } else if (found.unterminated) {
        await handle.appendFile('\n', 'utf8');
      }
      if (found === undefined || found.tornBytes || found.unterminated) {
        await handle.sync();
        await syncDirectory(dir);
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    return { log: new AuditLog(handle, file, dir, Math.max(0, syncIntervalMs)) };
  }

  /** Resolves once the event's line is on disk, or written only when it may be synced soon. */
  append(event: AuditEvent, durability: AuditDurability = 'on-disk'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({
        line: `${JSON.stringify(event)}\n`,
        soon: durability === 'like-sessions',
        resolve: () => resolve(),
        reject,
      });
      this.#flushing ??= this.#flush();
    });
  }

  /** The events `keep` accepts, oldest first, including every append that resolved before. */
  async list(keep: (event: AuditEvent) => boolean): Promise<AuditEvent[]> {
    await this.#idle();
    const kept: AuditEvent[] = [];
    await readEvents(this.#file, (event) => {
      if (keep(event)) kept.push(event);
    });
    return kept;
  }

  /**
   * Applies `change` to every event at its turn in the queue: appends queued before it are in the
   * file it reads, later ones follow the rewritten file. Resolves with how many events changed.
   */
  rewrite(change: (event: AuditEvent) => boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ line: '', change, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  async #idle(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async close(): Promise<void> {
    await this.#idle();
    if (this.#syncTimer) await this.#syncNow().catch(() => undefined);
    await this.#syncsDone();
    await this.#handle.close();
  }

  async #flush(): Promise<void> {
    // As AppendLog's: appends of the same tick join the first batch, and a run never ends before
    // `#flushing` is assigned (a queued fsync marker writes and waits for nothing).
    await Promise.resolve();
    try {
      while (this.#pending.length > 0) {
        const rewriteAt = this.#pending.findIndex((p) => p.change !== undefined);
        if (rewriteAt === 0) {
          const rewrite = this.#pending.shift()!;
          // The rewrite replaces the handle: no fsync may still be running on the old one.
          await this.#syncsDone();
          await this.#rewriteNow(rewrite.change!).then(rewrite.resolve, rewrite.reject);
          continue;
        }
        const batch = rewriteAt < 0 ? this.#pending : this.#pending.slice(0, rewriteAt);
        this.#pending = rewriteAt < 0 ? [] : this.#pending.slice(rewriteAt);
        try {
          const text = batch.map((p) => p.line).join('');
          if (text !== '') await this.#handle.appendFile(text, 'utf8');
        } catch (error) {
          for (const p of batch) p.reject(error);
          continue;
        }
        const kept = this.#syncIntervalMs > 0 ? batch.filter((p) => p.soon) : [];
        const waiting = this.#syncIntervalMs > 0 ? batch.filter((p) => !p.soon) : batch;
        for (const p of kept) p.resolve(0);
        if (waiting.length === 0) {
          this.#syncSoon();
          continue;
        }
        // Not awaited: the next batch is written while this one's fsync runs.
        this.#syncNow().then(
          () => {
            for (const p of waiting) p.resolve(0);
          },
          (error: unknown) => {
            for (const p of waiting) p.reject(error);
          },
        );
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  /** An fsync covering every line written so far, those appended `soon` included. */
  #syncNow(): Promise<void> {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = undefined;
    if (this.#syncQueued) return this.#syncQueued;
    const running = this.#syncRunning;
    if (!running) return this.#startSync();
    const queued = running
      .catch(() => undefined)
      .then(() => {
        this.#syncQueued = undefined;
        return this.#startSync();
      });
    this.#syncQueued = queued;
    return queued;
  }

  #startSync(): Promise<void> {
    const run = this.#handle.sync();
    this.#syncRunning = run;
    const done = () => {
      if (this.#syncRunning === run) this.#syncRunning = undefined;
    };
    run.then(done, done);
    return run;
  }

  async #syncsDone(): Promise<void> {
    await (this.#syncQueued ?? this.#syncRunning)?.catch(() => undefined);
  }

  /**
   * Queues an fsync within the interval, behind appends and rewrites like any other entry (an
   * empty line that waits for the disk), so it never runs on a handle a rewrite has replaced.
   */
  #syncSoon(): void {
    if (this.#syncTimer) return;
    this.#syncTimer = setTimeout(() => {
      this.#syncTimer = undefined;
      this.#pending.push({
        line: '',
        resolve: () => undefined,
        // Nobody waits for this fsync; the next append that waits for one fails the same way.
        reject: () => undefined,
      });
      this.#flushing ??= this.#flush();
    }, this.#syncIntervalMs);
    // A pending fsync must not keep the process alive; close() runs it at once instead.
    this.#syncTimer.unref();
  }

  /**
   * Streams the events through `change` into a temp file (never holding the whole trail: 18 MB of
   * text at 50,000 assessments), then renames it over the log if anything changed.
   */
  async #rewriteNow(change: (event: AuditEvent) => boolean): Promise<number> {
    const temp = path.join(this.#dir, `.${path.basename(this.#file)}.tmp`);
    const tempHandle = await open(temp, 'w');
    let changed = 0;
    try {
      let out = [`${JSON.stringify({ schemaVersion: SCHEMA_VERSION })}\n`];
      const writeOut = async () => {
        const text = out.join('');
        out = [];
        if (text !== '') await tempHandle.write(text);
      };
      await readEvents(
        this.#file,
        (event) => {
          if (change(event)) changed++;
          out.push(`${JSON.stringify(event)}\n`);
        },
        writeOut,
      );
      await writeOut();
      if (changed > 0) await tempHandle.sync();
    } catch (error) {
      await tempHandle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await tempHandle.close();
    if (changed === 0) {
      await rm(temp, { force: true });
      return 0;
    }
    await rename(temp, this.#file);
    await syncDirectory(this.#dir);
    // The old handle still points at the replaced file: later appends must go to the new one.
    const old = this.#handle;
    this.#handle = await open(this.#file, 'a');
    await old.close();
    return changed;
  }
}

interface FileEnds {
  /** Length of the file up to the end of its last complete line. */
  keepBytes: number;
  /** Bytes of an append cut short by a crash after the last complete line. */
  tornBytes: number;
  /** The last event is complete but its newline is missing (e.g. edited by hand). */
  unterminated: boolean;
}

/** How much of the end of the file is read to find the last line: far more than one event. */
const TAIL_BYTES = 64 * 1024;

/**
 * The header and the tail: undefined when the file is missing or empty (a fresh data dir). A tail
 * that does not parse is an append cut short by a crash: never acknowledged (acks wait for fsync),
 * so it is dropped.
 */
async function checkEnds(file: string): Promise<FileEnds | undefined> {
  const handle = await openIfExists(file, 'r');
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    if (size === 0) return undefined;
    const head = await readAt(handle, 0, Math.min(size, TAIL_BYTES));
    const headerEnd = head.indexOf('\n');
    const headerLine = headerEnd < 0 ? head : head.slice(0, headerEnd);
    if (headerEnd < 0 && (size > TAIL_BYTES || !isJson(headerLine)))
      throw corrupt(file, 'the header line is incomplete');
    checkEnvelope(parseLine(file, headerLine, 'the header line'), file);
    if (headerEnd < 0) return { keepBytes: size, tornBytes: 0, unterminated: true };

    const tailStart = Math.max(0, size - TAIL_BYTES);
    const tail = await readAt(handle, tailStart, size - tailStart);
    const lastNewline = tail.lastIndexOf('\n');
    if (lastNewline < 0) throw corrupt(file, 'its last line is longer than any audit event');
    const after = tail.slice(lastNewline + 1);
    // The last complete line must be an event too, unless it is the header (no events yet).
    const previousNewline = lastNewline > 0 ? tail.lastIndexOf('\n', lastNewline - 1) : -1;
    const lastLineStart = tailStart + previousNewline + 1;
    if ((previousNewline >= 0 || tailStart === 0) && lastLineStart > headerEnd) {
      const last = tail.slice(previousNewline + 1, lastNewline);
      checkEvent(file, parseLine(file, last, 'the last complete line'), 'the last complete line');
    }
    if (after === '') return { keepBytes: size, tornBytes: 0, unterminated: false };
    if (isJson(after)) {
      checkEvent(file, JSON.parse(after), 'the last line');
      return { keepBytes: size, tornBytes: 0, unterminated: true };
    }
    const tornBytes = Buffer.byteLength(after, 'utf8');
    return { keepBytes: size - tornBytes, tornBytes, unterminated: false };
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<string> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead).toString('utf8');
}

function checkEvent(file: string, event: unknown, where: string): void {
  if (typeof event !== 'object' || event === null || typeof (event as AuditEvent).id !== 'string')
    throw corrupt(file, `${where} is not an audit event`);
}

/**
 * Hands every event to `onEvent`, oldest first, after checking the header; false when the file is
 * missing or empty. Refuses any damaged line. Read in chunks (`afterChunk` runs after each), so the
 * trail is never held whole. A last line without its newline is an append still being written
 * (`list` runs beside appends; open terminated any older last line): it is left for the next read.
 */
async function readEvents(
  file: string,
  onEvent: (event: AuditEvent) => void,
  afterChunk?: () => Promise<void>,
): Promise<boolean> {
  const handle = await openIfExists(file, 'r');
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    let lineNumber = 0;
    await scanLines(
      handle,
      0,
      size,
      (text) => {
        lineNumber++;
        const value = parseLine(file, text, `line ${lineNumber}`);
        if (lineNumber === 1) {
          checkEnvelope(value, file);
          return;
        }
        checkEvent(file, value, `line ${lineNumber}`);
        onEvent(value as AuditEvent);
      },
      afterChunk,
    );
    return true;
  } finally {
    await handle.close();
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseLine(file: string, line: string, where: string): unknown {
  try {
    return JSON.parse(line);
  } catch (cause) {
    throw corrupt(file, `${where} is not valid JSON`, cause);
  }
}
