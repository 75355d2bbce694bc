/**
 * A collection kept whole in memory (a Dict the store engine works on) and persisted as a journal:
 * each save appends the one changed record (`{"put":…}`) or a removal (`{"del":"id"}`), so saving
 * an answer costs the same whatever else is stored. The last line for an id wins on replay. When
 * superseded lines outweigh live ones, the journal is rewritten with the live records only.
 */
import { createDict, type Dict } from '../core/record-table.js';
import { AppendLog, type AppendLogOptions, worthCompacting } from './append-log.js';
import { readLog } from './read-log.js';

export const JOURNAL_SCHEMA_VERSION = 1;

export interface JournalSpec<T> {
  /** The header's `kind`, e.g. `riskcheck-sessions`: a file of another kind is refused. */
  kind: string;
  /** Checks a replayed value (throws a plain Error saying what is wrong) and returns it. */
  decode(value: unknown, id: string): T;
}

/** Compaction waits until at least this much is superseded, so small journals are left alone. */
const MIN_GARBAGE_BYTES = 1 << 20;

export class RecordJournal<T> {
  readonly records: Dict<T>;
  readonly #log: AppendLog;
  /** Bytes of each id's latest line, to know how much of the file is live. */
  readonly #lineBytes = new Map<string, number>();
  #liveBytes = 0;
  #compacting: Promise<void> | undefined;

  private constructor(log: AppendLog, records: Dict<T>) {
    this.#log = log;
    this.records = records;
  }

  /** See AppendLog.failure. */
  get failure(): string | undefined {
    return this.#log.failure;
  }

  /**
   * Replays `file` without creating anything; `finish` then opens it for appending, or creates it
   * (from `seed`, a legacy file's records) when it was missing. Reading every file before creating
   * any means a damaged file stops start-up with nothing written beside it.
   * Records that are not objects (e.g. dedup timestamps) are stored as `{ id, value }` lines.
   */
  static async load<T>(
    file: string,
    spec: JournalSpec<T>,
    options: AppendLogOptions = {},
  ): Promise<{ finish(seed?: Dict<T>): Promise<RecordJournal<T>> }> {
    const records = createDict<T>();
    const lineBytes = new Map<string, number>();
    const found = await readLog(file, { kind: spec.kind, schemaVersion: JOURNAL_SCHEMA_VERSION }, (line) => {
      const parsed = JSON.parse(line.text) as { put?: unknown; del?: unknown; id?: unknown; value?: unknown };
      if (typeof parsed.del === 'string') {
        delete records[parsed.del];
        lineBytes.delete(parsed.del);
        return;
      }
      const id = typeof parsed.id === 'string' ? parsed.id : (parsed.put as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string') throw new Error('the record has no id');
      // Delete first: a re-put id moves to the end, so iteration follows the order of last saves.
      delete records[id];
      records[id] = spec.decode('value' in parsed ? parsed.value : parsed.put, id);
      lineBytes.set(id, line.length + 1);
    });
    const finish = async (seed?: Dict<T>) => {
      let journal: RecordJournal<T>;
      if (found) {
        journal = new RecordJournal(
          await AppendLog.openExisting(file, found.header, found.size, options),
          records,
        );
      } else {
        for (const [id, value] of Object.entries(seed ?? {})) records[id] = value;
        const ids = Object.keys(records);
        const lines = ids.map((id) => encode(id, records[id] as T));
        const { log } = await AppendLog.create(file, spec.kind, JOURNAL_SCHEMA_VERSION, lines, options);
        lines.forEach((line, index) => {
          lineBytes.set(ids[index] as string, Buffer.byteLength(line) + 1);
        });
        journal = new RecordJournal(log, records);
      }
      for (const [id, bytes] of lineBytes) journal.#track(id, bytes);
      return journal;
    };
    return { finish };
  }

  /** Persists the current state of `id` (its record, or its absence): see AppendLog.append. */
  async changed(id: string): Promise<void> {
    const value = this.records[id];
    const line = value === undefined ? JSON.stringify({ del: id }) : encode(id, value);
    this.#track(id, value === undefined ? 0 : Buffer.byteLength(line) + 1);
    await this.#log.append(line);
    this.#compactWhenWorthIt();
  }

  /** Forgets `id` without writing (e.g. expired dedup keys): the next compaction drops its line. */
  forget(id: string): void {
    this.#track(id, 0);
  }

  /** Rewrites the file with only the live records: superseded versions leave the disk. */
  async compact(): Promise<void> {
    await this.#compacting;
    // The lines are taken once the rewrite holds new appends back: a record changed before that
    // is copied as it is now, a change after it is appended to the new file.
    let ids: string[] = [];
    let lines: string[] = [];
    const records = this.records;
    await this.#log.rewrite(
      (function* () {
        ids = Object.keys(records);
        lines = ids.map((id) => encode(id, records[id] as T));
        yield* lines;
      })(),
    );
    this.#lineBytes.clear();
    this.#liveBytes = 0;
    lines.forEach((line, index) => {
      this.#track(ids[index] as string, Buffer.byteLength(line) + 1);
    });
  }

  async close(): Promise<void> {
    await this.#compacting?.catch(() => undefined);
    await this.#log.close();
  }

  #track(id: string, bytes: number): void {
    this.#liveBytes += bytes - (this.#lineBytes.get(id) ?? 0);
    if (bytes === 0) this.#lineBytes.delete(id);
    else this.#lineBytes.set(id, bytes);
  }

  #compactWhenWorthIt(): void {
    if (this.#compacting || !worthCompacting(this.#log.size, this.#liveBytes, MIN_GARBAGE_BYTES)) return;
    // In the background: the append that crossed the line does not wait for the rewrite.
    this.#compacting = this.compact()
      .catch(() => undefined)
      .finally(() => {
        this.#compacting = undefined;
      });
  }
}

/** Objects are stored as themselves; anything else (a timestamp string) with its id beside it. */
function encode<T>(id: string, value: T): string {
  return typeof value === 'object' && value !== null && (value as { id?: unknown }).id === id
    ? JSON.stringify({ put: value })
    : JSON.stringify({ id, value });
}
