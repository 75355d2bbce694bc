/**
 * A JSON Lines file that is only appended to, with group commit: lines appended while a write
 * (and its fdatasync, where one follows) is running go to disk together in the next one, so under
 * load many answers share one disk wait, and the cost of an append does not depend on how big the
 * file already is.
 *
 * Layout: a header line (`{"schemaVersion":1,"kind":"…","generation":"…"}`), then one record per
 * line. `rewrite` (compaction, erasure) replaces the file with a new generation atomically.
 * Reading at start-up is left to the owner (see scan-lines.ts); this class only writes.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../lowdb/durable-json-file.js';

export interface LogHeader {
  schemaVersion: number;
  kind: string;
  generation: string;
}

/**
 * Whether a journal of `fileBytes` holding `liveBytes` of current lines is worth rewriting: at
 * least `minGarbage` superseded bytes, and more of them than live ones (so the cost of compacting
 * stays proportional to what was appended since the last time).
 */
export function worthCompacting(fileBytes: number, liveBytes: number, minGarbage: number): boolean {
  const garbage = fileBytes - liveBytes;
  return garbage >= minGarbage && garbage >= liveBytes;
}

/** Where an appended line landed: its offset in the file of that generation. */
export interface LinePlace {
  generation: string;
  offset: number;
}

/**
 * When an append counts as done. `0` (the default): once its line is on disk (written with
 * O_DSYNC, or fdatasynced), so it survives a power loss. A positive number of milliseconds: once
 * its line is written to the operating system, which keeps it through a crash or kill of this
 * process, with an fdatasync following within that time; a power loss or kernel crash may then
 * lose the appends of that last interval (MongoDB's journal and SQLite's WAL with
 * `synchronous=NORMAL` make the same trade). For state a user can re-enter in seconds, such as a dialog answer, that is worth the
 * CPU: an fdatasync costs several times the rest of an append.
 */
export interface AppendLogOptions {
  syncIntervalMs?: number;
}

/**
 * Without a sync interval every write must be on disk before it counts. Where the platform has
 * O_DSYNC (Linux, macOS) the file is opened with it, so the write itself returns once its data
 * and the file's new length are on disk, as a write followed by an fdatasync would: one call into
 * libuv's thread pool instead of two, which on this machine is about a quarter less CPU and one
 * wait less per append (docs/benchmarks.md, finding 20). Elsewhere (Windows) an fdatasync follows
 * each write.
 */
const SYNCED_WRITE_FLAGS: number | undefined =
  constants.O_DSYNC === undefined ? undefined : constants.O_RDWR | constants.O_DSYNC;

/** The open flags that make each write durable for a log with this interval, if it gets them. */
function syncedWriteFlagsFor(syncIntervalMs: number): number | undefined {
  return syncIntervalMs === 0 ? SYNCED_WRITE_FLAGS : undefined;
}

function openForAppend(file: string, syncIntervalMs: number): Promise<FileHandle> {
  return open(file, syncedWriteFlagsFor(syncIntervalMs) ?? 'r+');
}

interface Batch {
  lines: Buffer[];
  /** Settle with each line's place, in the order appended. */
  waiters: { resolve: (place: LinePlace) => void; reject: (error: unknown) => void }[];
}

export class AppendLog {
  readonly file: string;
  #handle: FileHandle;
  #header: LogHeader;
  /** Bytes durably on disk: appends resolve only once their line is inside this length. */
  #size: number;
  #batch: Batch | undefined;
  #flushing: Promise<void> | undefined;
  /** Set while a rewrite runs: flushes wait for it, so no line goes to the file being replaced. */
  #rewriting: Promise<unknown> | undefined;
  /** After a failed write the file's tail is unknown: refuse further writes until a restart. */
  #failed: unknown;
  readonly #syncIntervalMs: number;
  /** The handle was opened with O_DSYNC: a completed write is on disk already. */
  readonly #writesAreSynced: boolean;
  /** Set while written lines wait for their deferred fdatasync (syncIntervalMs > 0). */
  #syncTimer: NodeJS.Timeout | undefined;
  #syncing: Promise<void> | undefined;

  private constructor(
    file: string,
    handle: FileHandle,
    header: LogHeader,
    size: number,
    options: AppendLogOptions,
  ) {
    this.file = file;
    this.#handle = handle;
    this.#header = header;
    this.#size = size;
    this.#syncIntervalMs = syncIntervalOf(options);
    this.#writesAreSynced = syncedWriteFlagsFor(this.#syncIntervalMs) !== undefined;
  }

  /** Opens an existing file whose first `size` bytes were checked by the owner's scan. */
  static async openExisting(
    file: string,
    header: LogHeader,
    size: number,
    options: AppendLogOptions = {},
  ): Promise<AppendLog> {
    const handle = await openForAppend(file, syncIntervalOf(options));
    return new AppendLog(file, handle, header, size, options);
  }

  /** Creates the file with a fresh header and `lines` (atomically: temp file, fsync, rename). */
  static async create(
    file: string,
    kind: string,
    schemaVersion: number,
    lines: Iterable<string> = [],
    options: AppendLogOptions = {},
  ): Promise<{ log: AppendLog; offsets: number[] }> {
    const header: LogHeader = { schemaVersion, kind, generation: randomUUID() };
    const { size, offsets } = await writeWholeFile(file, header, lines);
    const handle = await openForAppend(file, syncIntervalOf(options));
    return { log: new AppendLog(file, handle, header, size, options), offsets };
  }

  get header(): LogHeader {
    return this.#header;
  }

  /**
   * Why this log refuses to write (a failed write or fdatasync: the file's end is unknown), or
   * undefined while it works.
   */
  get failure(): string | undefined {
    if (this.#failed === undefined) return undefined;
    const reason = this.#failed instanceof Error ? this.#failed.message : String(this.#failed);
    return `writing ${path.basename(this.file)} failed (${reason})`;
  }

  /** Bytes on disk, header included. */
  get size(): number {
    return this.#size;
  }

  /**
   * Resolves with where the line landed once it is on disk (O_DSYNC or fdatasync), or only written
   * to the operating system when a sync interval is set (see AppendLogOptions). `line` has no
   * newline.
   */
  append(line: string): Promise<LinePlace> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#batch ??= { lines: [], waiters: [] };
      this.#batch.lines.push(Buffer.from(`${line}\n`, 'utf8'));
      this.#batch.waiters.push({ resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  /** Reads `length` bytes at `offset` (a line appended earlier, without its newline). */
  async read(offset: number, length: number): Promise<string> {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await this.#handle.read(buffer, 0, length, offset);
    return buffer.toString('utf8', 0, bytesRead);
  }

  /**
   * Replaces the file with a new generation holding exactly `lines` (compaction, erasure). Appends
   * made meanwhile wait and then go to the new file. Resolves with each line's offset.
   */
  async rewrite(lines: Iterable<string> | AsyncIterable<string>): Promise<number[]> {
    await this.#rewriting?.catch(() => undefined);
    const run = (async () => {
      await this.#flushed();
      const header = { ...this.#header, generation: randomUUID() };
      const { size, offsets } = await writeWholeFile(this.file, header, lines);
      // The old handle points at the replaced file: later appends and reads go to the new one.
      // Handle, header and size change together, so a reader never pairs the new file with an
      // offset of the old generation (it checks the generation first).
      const handle = await openForAppend(this.file, this.#syncIntervalMs);
      const old = this.#handle;
      this.#handle = handle;
      this.#header = header;
      this.#size = size;
      await old.close();
      return offsets;
    })();
    this.#rewriting = run;
    try {
      return await run;
    } finally {
      if (this.#rewriting === run) this.#rewriting = undefined;
      if (this.#batch) this.#flushing ??= this.#flush();
    }
  }

  /** Resolves when everything appended so far is on disk (or has failed). */
  async flush(): Promise<void> {
    while (this.#flushing || this.#rewriting || this.#batch) {
      if (this.#batch && !this.#flushing && !this.#rewriting) this.#flushing = this.#flush();
      await (this.#rewriting ?? this.#flushing)?.catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.#syncTimer) {
      clearTimeout(this.#syncTimer);
      this.#syncTimer = undefined;
      await this.#sync();
    }
    await this.#syncing;
    await this.#handle.close();
  }

  async #flushed(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async #flush(): Promise<void> {
    // Let appends made in the same tick join this batch.
    await Promise.resolve();
    try {
      while (this.#batch) {
        if (this.#rewriting) return;
        const batch = this.#batch;
        this.#batch = undefined;
        if (this.#failed !== undefined) {
          for (const waiter of batch.waiters) waiter.reject(this.#failed);
          continue;
        }
        try {
          // Asynchronous on purpose: a synchronous write costs far less CPU but waits behind
          // the file system's journal commits, which held the event loop for up to 1.7 s under
          // load (docs/benchmarks.md, finding 16).
          const { bytesWritten } = await this.#handle.writev(batch.lines, this.#size);
          const expected = batch.lines.reduce((sum, line) => sum + line.length, 0);
          // A regular file only writes short when the disk is full or the file hit a size limit.
          if (bytesWritten !== expected)
            throw new Error(`wrote ${bytesWritten} of ${expected} bytes (disk full?)`);
          if (this.#syncIntervalMs > 0) this.#syncSoon();
          else if (!this.#writesAreSynced) await this.#handle.datasync();
        } catch (error) {
          this.#failed = error;
          for (const waiter of batch.waiters) waiter.reject(error);
          continue;
        }
        let offset = this.#size;
        const { generation } = this.#header;
        batch.lines.forEach((line, index) => {
          batch.waiters[index]?.resolve({ generation, offset });
          offset += line.length;
        });
        this.#size = offset;
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  /** One fdatasync within the sync interval for everything written until it runs. */
  #syncSoon(): void {
    if (this.#syncTimer) return;
    this.#syncTimer = setTimeout(() => {
      this.#syncTimer = undefined;
      void this.#sync();
    }, this.#syncIntervalMs);
    // A pending sync must not keep the process alive; close() runs it at once instead.
    this.#syncTimer.unref();
  }

  /** Syncs everything written so far, after a sync already running (it may predate the last write). */
  #sync(): Promise<void> {
    const run = (this.#syncing ?? Promise.resolve()).then(async () => {
      try {
        await this.#handle.datasync();
      } catch (error) {
        // Written lines may not reach the disk (a failed fsync can drop them): stop writing.
        this.#failed ??= error;
      }
    });
    this.#syncing = run;
    void run.finally(() => {
      if (this.#syncing === run) this.#syncing = undefined;
    });
    return run;
  }
}

function syncIntervalOf(options: AppendLogOptions): number {
  return Math.max(0, options.syncIntervalMs ?? 0);
}

/** Writes header + lines to a temp file, fsyncs it, renames it into place, fsyncs the directory. */
async function writeWholeFile(
  file: string,
  header: LogHeader,
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<{ size: number; offsets: number[] }> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  const offsets: number[] = [];
  let size = 0;
  try {
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const push = async (text: string) => {
      const buffer = Buffer.from(`${text}\n`, 'utf8');
      chunk.push(buffer);
      chunkBytes += buffer.length;
      size += buffer.length;
      // Written in chunks so a large history never sits in memory twice.
      if (chunkBytes >= 1 << 20) {
        await handle.writev(chunk);
        chunk = [];
        chunkBytes = 0;
      }
    };
    await push(JSON.stringify(header));
    for await (const line of lines) {
      offsets.push(size);
      await push(line);
    }
    if (chunk.length > 0) await handle.writev(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDirectory(path.dirname(file));
  return { size, offsets };
}
