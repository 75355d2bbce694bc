/**
 * Record collections with derived secondary indexes. The store engine keeps every record
 * collection in one of these so the memory and lowdb stores share a single version check and a
 * single index-maintenance path (the contract suite then tests the same logic twice).
 */
import type { SaveResult } from '../store.js';

export interface VersionedRecord {
  id: string;
  version: number;
}

/**
 * A dictionary without a prototype: record ids come from platform data, and an id such as
 * `__proto__` must be an ordinary key, not a prototype write. It is also the on-disk shape.
 */
export type Dict<T> = Record<string, T>;

export function createDict<T>(from?: Record<string, T>): Dict<T> {
  const dict = Object.create(null) as Dict<T>;
  if (from) for (const [key, value] of Object.entries(from)) dict[key] = value;
  return dict;
}

/** Index name → function giving the key a record is listed under. */
export type IndexKeys<T> = Record<string, (record: T) => string>;

/**
 * Records by id with secondary indexes, replaced unconditionally (for unversioned records such as
 * discussions). Copies go in and out, so callers never hold a reference to stored state.
 */
export class IndexedTable<T extends { id: string }> {
  readonly #records: Dict<T>;
  readonly #indexKeys: IndexKeys<T>;
  readonly #indexes = new Map<string, Map<string, Set<string>>>();

  /** `records` is used in place (for lowdb it is the object that gets serialised). */
  constructor(records: Dict<T>, indexKeys: IndexKeys<T>) {
    this.#records = records;
    this.#indexKeys = indexKeys;
    for (const name of Object.keys(indexKeys)) this.#indexes.set(name, new Map());
    for (const record of Object.values(records)) this.#index(record);
  }

  get(id: string): T | undefined {
    const stored = this.stored(id);
    return stored === undefined ? undefined : structuredClone(stored);
  }

  /**
   * Copies of the records listed under `key` that pass `keep`, in the order given by `compare`.
   * Only the records returned are copied.
   */
  list(indexName: string, key: string, compare: (a: T, b: T) => number, keep?: (record: T) => boolean): T[] {
    const ids = this.#indexes.get(indexName)?.get(key);
    if (!ids) return [];
    const found: T[] = [];
    for (const id of ids) {
      const record = this.#records[id];
      if (record && (keep === undefined || keep(record))) found.push(record);
    }
    return found.sort(compare).map((record) => structuredClone(record));
  }

  /** Inserts a copy of `record`, or replaces the record with its id (re-indexing it). */
  put(record: T): void {
    this.replace(structuredClone(record));
  }

  /** Returns whether a record was removed (no removal, no write needed). */
  delete(id: string): boolean {
    const current = this.stored(id);
    if (!current) return false;
    this.#unindex(current);
    delete this.#records[id];
    return true;
  }

  /** The stored object itself, not a copy: for subclasses that copy before handing it out. */
  protected stored(id: string): T | undefined {
    return Object.hasOwn(this.#records, id) ? this.#records[id] : undefined;
  }

  /** Stores `record` as given (already a private copy), keeping the indexes right. */
  protected replace(record: T): void {
    const current = this.stored(record.id);
    if (current) this.#unindex(current);
    this.#records[record.id] = record;
    this.#index(record);
  }

  #index(record: T): void {
    for (const [name, keyOf] of Object.entries(this.#indexKeys)) {
      const index = this.#indexes.get(name)!;
      const key = keyOf(record);
      let ids = index.get(key);
      if (!ids) {
        ids = new Set();
        index.set(key, ids);
      }
      ids.add(record.id);
    }
  }

  #unindex(record: T): void {
    for (const [name, keyOf] of Object.entries(this.#indexKeys)) {
      const index = this.#indexes.get(name)!;
      const key = keyOf(record);
      const ids = index.get(key);
      ids?.delete(record.id);
      if (ids?.size === 0) index.delete(key);
    }
  }
}

/** An IndexedTable whose writes are compare-and-set on `version`. */
export class RecordTable<T extends VersionedRecord> extends IndexedTable<T> {
  /**
   * Compare-and-set, synchronous on purpose: the check and the mutation happen in one turn of the
   * event loop, so two saves racing across awaits cannot both pass the check.
   */
  save(record: T, expectedVersion: number): SaveResult<T> {
    const current = this.stored(record.id);
    if ((current?.version ?? 0) !== expectedVersion) {
      return { kind: 'conflict', current: current === undefined ? undefined : structuredClone(current) };
    }
    const stored: T = { ...structuredClone(record), version: expectedVersion + 1 };
    this.replace(stored);
    return { kind: 'saved', record: structuredClone(stored) };
  }
}
