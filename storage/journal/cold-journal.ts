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
import { corrupt } from '../lowdb/data-files.js';
import { AppendLog, worthCompacting } from './append-log.js';
import { ColdIndex, type LinePlace, type SlotStamp } from './cold-index.js';
import type { Restore } from './columns.js';
import { readIndexSnapshot, writeIndexSnapshot } from './index-snapshot.js';
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
  /** For messages: "assessment", "reminder". */
  what: string;
}

/**
 * Where a journal keeps its summaries, by slot (columns.ts): the journal's owner makes one per
 * journal and keeps it, so that it can select slots by a column without building summaries.
 */
export interface SummaryColumns<S extends ColdSummary> {
  /** Keeps what `summary` says beyond its id and version (which the index keeps). */
  write(slot: number, summary: S): void;
  clear(slot: number): void;
  /** A new frozen summary of the slot. */
  read(slot: number, id: string, version: number): S;
  /**
   * The columns of `slots`, in that order, as JSON values by name (for an index snapshot; names
   * other than the index's own: id, version, offset, length).
   */
  dump(slots: readonly number[]): Record<string, unknown>;
  /**
   * Fills slots 0…count-1 of empty columns from a snapshot's columns by name; undefined if they are
   * not what `dump` writes (the snapshot is then ignored and the journal replayed).
   */
  restorer(columns: Record<string, unknown>, count: number): Restore | undefined;
}

export interface ColdJournalFiles {
  file: string;
  indexFile: string;
}

/** A new index snapshot after this many appended lines, so a crash never means a long replay. */
const SNAPSHOT_EVERY_LINES = 2000;
const MIN_GARBAGE_BYTES = 8 << 20;

export class ColdJournal<T extends ColdSummary, S extends ColdSummary> {
  readonly #log: AppendLog;
  readonly #spec: ColdJournalSpec<T, S>;
  readonly #indexFile: string;
  readonly #index: ColdIndex;
  readonly #columns: SummaryColumns<S>;
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
    memory: { index: ColdIndex; columns: SummaryColumns<S> },
  ) {
    this.#log = log;
    this.#spec = spec;
    this.#indexFile = indexFile;
    this.#index = memory.index;
    this.#columns = memory.columns;
    memory.index.forEach((_id, slot) => {
      this.#liveBytes += memory.index.bytesOf(slot);
    });
  }

  /** See AppendLog.failure. */
  get failure(): string | undefined {
    return this.#log.failure;
  }

  /** Reads the collection without creating anything; `finish` opens or creates it (see RecordJournal.load). */
  static async load<T extends ColdSummary, S extends ColdSummary>(
    files: ColdJournalFiles,
    spec: ColdJournalSpec<T, S>,
    columns: SummaryColumns<S>,
  ): Promise<{ finish(seed?: Iterable<T>): Promise<ColdJournal<T, S>> }> {
    const { file, indexFile } = files;
    const memory = { index: new ColdIndex(), columns };
    const remember = (summary: S, place: LinePlace) =>
      columns.write(memory.index.putPlaced(summary.id, summary.version, place), summary);
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
          const slot = memory.index.remove(parsed.del);
          if (slot !== undefined) columns.clear(slot);
          return;
        }
        const record = parsed.put;
        if (typeof record?.id !== 'string' || typeof record.version !== 'number')
          throw new Error(`it is not a ${spec.what}`);
        remember(spec.summarise(record), { generation, offset: line.offset, length: line.length });
      },
      async (header, headerEnd, fileSize) => {
        generation = header.generation;
        const snapshot = await readIndexSnapshot(
          indexFile,
          (point) => point.generation === header.generation && point.size <= fileSize,
        );
        // Both checked before either is filled: a snapshot that does not fit leaves nothing behind.
        const restoreIndex = snapshot && memory.index.restorer(snapshot.columns, snapshot.rows, generation);
        const restoreSummaries = snapshot && columns.restorer(snapshot.columns, snapshot.rows);
        if (!snapshot || !restoreIndex || !restoreSummaries) return headerEnd;
        restoreIndex();
        restoreSummaries();
        fromSnapshot = true;
        return snapshot.point.size;
      },
    );
    const current = fromSnapshot && replayed === 0;
    return {
      finish: async (seed) => {
        if (!found) return ColdJournal.#create(files, spec, memory, seed);
        const log = await AppendLog.openExisting(file, found.header, found.size);
        const journal = new ColdJournal(log, spec, indexFile, memory);
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
    memory: { index: ColdIndex; columns: SummaryColumns<S> },
    seed: Iterable<T> | undefined,
  ): Promise<ColdJournal<T, S>> {
    const records = [...(seed ?? [])];
    const lines = records.map((record) => JSON.stringify({ put: record }));
    const { log, offsets } = await AppendLog.create(file, spec.kind, spec.schemaVersion, lines);
    records.forEach((record, index) => {
      const slot = memory.index.putPlaced(record.id, record.version, {
        generation: log.header.generation,
        offset: offsets[index] as number,
        length: Buffer.byteLength(lines[index] as string),
      });
      memory.columns.write(slot, spec.summarise(record));
    });
    const journal = new ColdJournal(log, spec, indexFile, memory);
    if (records.length > 0) await journal.#snapshot();
    return journal;
  }

  versionOf(id: string): number | undefined {
    return this.#index.versionOf(id);
  }

  /** New frozen summaries of the records whose slot `where` accepts, in the order they were first saved. */
  summaries(where: (slot: number) => boolean = () => true): S[] {
    const found: S[] = [];
    this.#index.forEach((id, slot) => {
      if (where(slot)) found.push(this.#summaryAt(id, slot));
    });
    return found;
  }

  /** A new frozen summary of the record as it is now, kept by nobody here; undefined if absent. */
  summaryOf(id: string): S | undefined {
    const slot = this.#index.slotOf(id);
    return slot === undefined ? undefined : this.#summaryAt(id, slot);
  }

  /** The ids of the records whose slot `where` accepts, without building their summaries. */
  idsWhere(where: (slot: number) => boolean): string[] {
    const found: string[] = [];
    this.#index.forEach((id, slot) => {
      if (where(slot)) found.push(id);
    });
    return found;
  }

  async get(id: string): Promise<T | undefined> {
    for (;;) {
      // Looked up afresh each time round: the record may be saved again or removed while waiting.
      const slot = this.#index.slotOf(id);
      if (slot === undefined) return undefined;
      const text = await this.#lineText(this.#index.pendingLine(slot), this.#index.placeOf(slot));
      if (text !== undefined) return this.#parse(id, text);
      // Between replacing the file and updating the places, a place may name the old generation.
      const purging = this.#purging;
      if (!purging) throw corrupt(this.#log.file, `${this.#spec.what} ${id} has no readable line`);
      await purging.catch(() => undefined);
    }
  }

  /** The line still being written, else the one on disk if it is in the file's current generation. */
  async #lineText(pending: string | undefined, place: LinePlace | undefined): Promise<string | undefined> {
    if (pending !== undefined) return pending;
    if (place?.generation !== this.#log.header.generation) return undefined;
    return this.#log.read(place.offset, place.length);
  }

  /** A newer version may have been saved while reading: this answers with what was current then. */
  #parse(id: string, text: string): T {
    const record = (JSON.parse(text) as { put?: T }).put;
    if (record?.id !== id)
      throw corrupt(this.#log.file, `the line for ${this.#spec.what} ${id} holds another record`);
    return record;
  }

  /** Replaces (or adds) the record in memory at once; resolves when it is durable. */
  put(record: T): Promise<void> {
    const line = JSON.stringify({ put: record });
    const previous = this.#index.slotOf(record.id);
    if (previous !== undefined) this.#liveBytes -= this.#index.bytesOf(previous);
    const stamped = this.#index.putPending(record.id, record.version, line);
    this.#columns.write(stamped.slot, this.#spec.summarise(record));
    return this.#append(line, stamped);
  }

  /** Removes the record in memory at once (false if missing); resolves when durable. */
  delete(id: string): Promise<boolean> {
    const slot = this.#index.slotOf(id);
    if (slot === undefined) return Promise.resolve(false);
    this.#liveBytes -= this.#index.bytesOf(slot);
    this.#index.remove(id);
    this.#columns.clear(slot);
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
    // Which lines to copy is decided once the rewrite holds new appends back: a record saved
    // before that point is copied, one saved after goes to the new file. Taken at once, so a
    // record removed (its slot perhaps reused) while the old lines are read does not change it.
    type Live = { id: string; stamped: SlotStamp; pending?: string; place?: LinePlace; length?: number };
    let live: Live[] = [];
    const copies = async function* (this: ColdJournal<T, S>): AsyncGenerator<string> {
      const index = this.#index;
      live = [...index.entries()].map(([id, slot]) => ({
        id,
        stamped: index.stampOf(slot),
        pending: index.pendingLine(slot),
        place: index.placeOf(slot),
      }));
      for (const entry of live) {
        const text = await this.#lineText(entry.pending, entry.place);
        if (text === undefined)
          throw corrupt(this.#log.file, `${this.#spec.what} ${entry.id} has no readable line`);
        entry.length = Buffer.byteLength(text);
        yield text;
      }
    };
    const offsets = await this.#log.rewrite(copies.call(this));
    const { generation } = this.#log.header;
    this.#liveBytes = 0;
    live.forEach(({ stamped, length = 0 }, index) => {
      this.#liveBytes += length + 1;
      // Saved again meanwhile: that newer line (appended after the rewrite) is the one to keep.
      this.#index.settle(stamped, { generation, offset: offsets[index] as number, length });
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

  async #append(line: string, stamped?: SlotStamp): Promise<void> {
    this.#snapshotCurrent = false;
    const place = await this.#log.append(line);
    this.#linesSinceSnapshot++;
    if (
      stamped &&
      place.generation === this.#log.header.generation &&
      this.#index.settle(stamped, {
        generation: place.generation,
        offset: place.offset,
        length: Buffer.byteLength(line),
      })
    ) {
      this.#liveBytes += this.#index.bytesOf(stamped.slot);
    }
    this.#maintain();
  }

  #summaryAt(id: string, slot: number): S {
    return this.#columns.read(slot, id, this.#index.versionAt(slot));
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
    const { generation } = this.#log.header;
    const index = this.#index.dump(generation);
    if (!index) return;
    const columns = { ...this.#columns.dump(index.slots), ...index.columns };
    const size = this.#log.size;
    this.#linesSinceSnapshot = 0;
    await writeIndexSnapshot(this.#indexFile, { generation, size }, index.slots.length, columns);
    // Only if nothing was appended while it was written.
    if (this.#log.size === size && generation === this.#log.header.generation) this.#snapshotCurrent = true;
  }
}
