/**
 * A collection that lives on disk with only a small summary of each record in memory: one line
 * per saved version (`{"put":record}`) or removal (`{"del":"id"}`), and in memory each record's
 * summary and the place of its latest line. Saving appends one line whatever the size of the
 * collection; reading one record reads one line. Start-up reads a snapshot of the index
 * (index-snapshot.ts) and only the lines appended after it, so it does not parse years of
 * history. Superseded lines stay until `purge` or an automatic compaction.
 *
 * Used for the assessment history (assessment-journal.ts) and for reminders that are done
 * (reminder-archive.ts): both grow for years and are rarely read one by one.
 */
import { freezeInPlace } from '../../dialogs/freeze.js';
import { corrupt } from '../lowdb/data-files.js';
import { AppendLog, worthCompacting } from './append-log.js';
import { readIndexSnapshot, type SnapshotRow, writeIndexSnapshot } from './index-snapshot.js';
import { readLog } from './read-log.js';

export interface ColdSummary {
  id: string;
  version: number;
}

export interface ColdJournalSpec<T extends ColdSummary, S extends ColdSummary> {
  /** The header's `kind`: a file of another kind is refused. */
  kind: string;
  schemaVersion: number;
  /** What memory keeps of a record: small, it is kept for every record. */
  summarise(record: T): S;
  /** Whether a snapshot row's summary has the shape `summarise` gives (else the snapshot is ignored). */
  isSummary(value: unknown): value is S;
  /** For messages: "assessment", "reminder". */
  what: string;
}

export interface ColdJournalFiles {
  file: string;
  indexFile: string;
}

/** A new index snapshot after this many appended lines, so a crash never means a long replay. */
const SNAPSHOT_EVERY_LINES = 2000;
const MIN_GARBAGE_BYTES = 8 << 20;

/**
 * Flat on purpose (no nested place object): one is kept per record, tens of thousands of them.
 * `generation` is absent until the latest line is on disk; `pending` holds that line meanwhile.
 */
interface Entry<S> {
  summary: S;
  generation?: string;
  offset: number;
  length: number;
  pending?: string;
}

export class ColdJournal<T extends ColdSummary, S extends ColdSummary> {
  readonly #log: AppendLog;
  readonly #spec: ColdJournalSpec<T, S>;
  readonly #indexFile: string;
  readonly #entries: Map<string, Entry<S>>;
  #liveBytes = 0;
  /** Lines appended since the snapshot on disk was written; 0 with a current snapshot. */
  #linesSinceSnapshot = 0;
  #snapshotCurrent = false;
  #background: Promise<void> | undefined;
  /** Set while the file is being replaced: reads of the old generation wait for it. */
  #purging: Promise<void> | undefined;

  private constructor(
    log: AppendLog,
    spec: ColdJournalSpec<T, S>,
    indexFile: string,
    entries: Map<string, Entry<S>>,
  ) {
    this.#log = log;
    this.#spec = spec;
    this.#indexFile = indexFile;
    this.#entries = entries;
    for (const entry of entries.values()) this.#liveBytes += entry.generation ? entry.length + 1 : 0;
  }

  /** Reads the collection without creating anything; `finish` opens or creates it (see RecordJournal.load). */
  static async load<T extends ColdSummary, S extends ColdSummary>(
    files: ColdJournalFiles,
    spec: ColdJournalSpec<T, S>,
  ): Promise<{ finish(seed?: Iterable<T>): Promise<ColdJournal<T, S>> }> {
    const { file, indexFile } = files;
    const entries = new Map<string, Entry<S>>();
    const snapshot = await readIndexSnapshot(indexFile, spec.isSummary);
    let replayed = 0;
    let generation = '';
    let fromSnapshot = false;
    const found = await readLog(
      file,
      { kind: spec.kind, schemaVersion: spec.schemaVersion },
      (line) => {
        replayed++;
        const parsed = JSON.parse(line.text) as { put?: T; del?: unknown };
        if (typeof parsed.del === 'string') {
          entries.delete(parsed.del);
          return;
        }
        const record = parsed.put;
        if (typeof record?.id !== 'string' || typeof record.version !== 'number')
          throw new Error(`it is not a ${spec.what}`);
        entries.delete(record.id);
        entries.set(record.id, {
          summary: freezeInPlace(spec.summarise(record)),
          generation,
          offset: line.offset,
          length: line.length,
        });
      },
      (header, headerEnd, fileSize) => {
        generation = header.generation;
        if (!snapshot || snapshot.generation !== header.generation || snapshot.size > fileSize)
          return headerEnd;
        fromSnapshot = true;
        for (const [offset, length, summary] of snapshot.rows)
          entries.set(summary.id, { summary: freezeInPlace(summary), generation, offset, length });
        return snapshot.size;
      },
    );
    const current = fromSnapshot && replayed === 0;
    return {
      finish: async (seed) => {
        if (!found) return ColdJournal.#create(files, spec, entries, seed);
        const log = await AppendLog.openExisting(file, found.header, found.size);
        const journal = new ColdJournal(log, spec, indexFile, entries);
        journal.#snapshotCurrent = current;
        // A long replay (no snapshot, or an old one) is not repeated at the next start.
        if (replayed >= SNAPSHOT_EVERY_LINES) await journal.#snapshot();
        return journal;
      },
    };
  }

  static async #create<T extends ColdSummary, S extends ColdSummary>(
    { file, indexFile }: ColdJournalFiles,
    spec: ColdJournalSpec<T, S>,
    entries: Map<string, Entry<S>>,
    seed: Iterable<T> | undefined,
  ): Promise<ColdJournal<T, S>> {
    const records = [...(seed ?? [])];
    const lines = records.map((record) => JSON.stringify({ put: record }));
    const { log, offsets } = await AppendLog.create(file, spec.kind, spec.schemaVersion, lines);
    records.forEach((record, index) => {
      entries.set(record.id, {
        summary: freezeInPlace(spec.summarise(record)),
        generation: log.header.generation,
        offset: offsets[index] as number,
        length: Buffer.byteLength(lines[index] as string),
      });
    });
    const journal = new ColdJournal(log, spec, indexFile, entries);
    if (records.length > 0) await journal.#snapshot();
    return journal;
  }

  versionOf(id: string): number | undefined {
    return this.#entries.get(id)?.summary.version;
  }

  summaryOf(id: string): S | undefined {
    return this.#entries.get(id)?.summary;
  }

  /** Every summary (frozen: handed out as they are), in the order of their last saves. */
  summaries(): IterableIterator<S> {
    return (function* (entries) {
      for (const entry of entries.values()) yield entry.summary;
    })(this.#entries);
  }

  async get(id: string): Promise<T | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const text = entry.pending ?? (await this.#readLine(entry));
    // A newer version may have been saved while reading: answer with what was current then.
    const record = (JSON.parse(text) as { put?: T }).put;
    if (record?.id !== id)
      throw corrupt(this.#log.file, `the line for ${this.#spec.what} ${id} holds another record`);
    return record;
  }

  /** Replaces (or adds) the record in memory at once; resolves when it is durable. */
  put(record: T): Promise<void> {
    const line = JSON.stringify({ put: record });
    const previous = this.#entries.get(record.id);
    this.#liveBytes -= previous?.generation ? previous.length + 1 : 0;
    const summary = freezeInPlace(this.#spec.summarise(record));
    const entry: Entry<S> = { summary, offset: 0, length: 0, pending: line };
    this.#entries.delete(record.id);
    this.#entries.set(record.id, entry);
    return this.#append(line, entry);
  }

  /** Removes the record in memory at once (false if missing); resolves when durable. */
  delete(id: string): Promise<boolean> {
    const entry = this.#entries.get(id);
    if (!entry) return Promise.resolve(false);
    this.#entries.delete(id);
    this.#liveBytes -= entry.generation ? entry.length + 1 : 0;
    return this.#append(JSON.stringify({ del: id })).then(() => true);
  }

  /** Rewrites the file with each record's latest version only, then snapshots the index. */
  purge(): Promise<void> {
    const run = this.#purge();
    this.#purging = run;
    return run.finally(() => {
      if (this.#purging === run) this.#purging = undefined;
    });
  }

  async #purge(): Promise<void> {
    await this.#purging?.catch(() => undefined);
    if (this.#background && this.#background !== this.#purging) await this.#background;
    await this.#log.flush();
    const live = [...this.#entries.entries()];
    const texts: string[] = [];
    for (const [, entry] of live) texts.push(entry.pending ?? (await this.#readLine(entry)));
    const offsets = await this.#log.rewrite(texts);
    const { generation } = this.#log.header;
    this.#liveBytes = 0;
    live.forEach(([id, entry], index) => {
      const length = Buffer.byteLength(texts[index] as string);
      this.#liveBytes += length + 1;
      // Saved again meanwhile: that newer line (appended after the rewrite) is the one to keep.
      if (this.#entries.get(id) !== entry) return;
      entry.generation = generation;
      entry.offset = offsets[index] as number;
      entry.length = length;
      entry.pending = undefined;
    });
    await this.#snapshot();
  }

  async close(): Promise<void> {
    await this.#background?.catch(() => undefined);
    await this.#log.flush();
    // Nothing new since the snapshot on disk: writing the same index again only costs time.
    if (!this.#snapshotCurrent) await this.#snapshot().catch(() => undefined);
    await this.#log.close();
  }

  async #append(line: string, entry?: Entry<S>): Promise<void> {
    this.#snapshotCurrent = false;
    const place = await this.#log.append(line);
    this.#linesSinceSnapshot++;
    if (
      entry &&
      this.#entries.get(entry.summary.id) === entry &&
      place.generation === this.#log.header.generation
    ) {
      entry.generation = place.generation;
      entry.offset = place.offset;
      entry.length = Buffer.byteLength(line);
      entry.pending = undefined;
      this.#liveBytes += entry.length + 1;
    }
    this.#maintain();
  }

  async #readLine(entry: Entry<S>): Promise<string> {
    for (;;) {
      const { generation, pending } = entry;
      if (generation === this.#log.header.generation) return this.#log.read(entry.offset, entry.length);
      if (pending !== undefined) return pending;
      // Between replacing the file and updating the places, a place may name the old generation.
      const purging = this.#purging;
      if (!purging)
        throw corrupt(this.#log.file, `${this.#spec.what} ${entry.summary.id} has no readable line`);
      await purging.catch(() => undefined);
    }
  }

  /** Snapshots the index or compacts, in the background, when enough has changed. */
  #maintain(): void {
    if (this.#background) return;
    const task = worthCompacting(this.#log.size, this.#liveBytes, MIN_GARBAGE_BYTES)
      ? () => this.purge()
      : this.#linesSinceSnapshot >= SNAPSHOT_EVERY_LINES
        ? () => this.#snapshot()
        : undefined;
    if (!task) return;
    this.#background = task()
      .catch(() => undefined)
      .finally(() => {
        this.#background = undefined;
      });
  }

  /** Writes the index as of the file's durable size; skipped while a line is still in flight. */
  async #snapshot(): Promise<void> {
    const rows: SnapshotRow<S>[] = [];
    const { generation } = this.#log.header;
    for (const entry of this.#entries.values()) {
      if (entry.pending !== undefined || entry.generation !== generation) return;
      rows.push([entry.offset, entry.length, entry.summary]);
    }
    const size = this.#log.size;
    this.#linesSinceSnapshot = 0;
    await writeIndexSnapshot(this.#indexFile, { generation, size, rows });
    // Only if nothing was appended while it was written.
    if (this.#log.size === size && generation === this.#log.header.generation) this.#snapshotCurrent = true;
  }
}
