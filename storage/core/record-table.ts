/**
 * Record collections with derived secondary indexes. The store engine keeps every record
 * collection in one of these so the memory and lowdb stores share a single version check and a
 * single index-maintenance path (the contract suite then tests the same logic twice).
 */
import { freezeInPlace } from '../../dialogs/freeze.js';
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

/**
 * An immutable copy of a JSON-like value, sharing the parts that are already frozen: a record
 * built by spreading a stored one (`{ ...session, stepId }`) copies only what changed. The store
 * hands its records out as they are, frozen, instead of cloning them on every read (cloning every
 * session, link and reminder read was a tenth of a busy server's CPU); a caller that tries to
 * change one gets a TypeError instead of silently changing stored state.
 *
 * A frozen object is taken to be frozen all the way down (see dialogs/freeze.ts).
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  let copy: object;
  if (Array.isArray(value)) copy = value.map(frozenCopy);
  else {
    const source = value as Record<string, unknown>;
    const target: Record<string, unknown> = Object.getPrototypeOf(source) === null ? Object.create(null) : {};
    for (const key of Object.keys(source)) target[key] = frozenCopy(source[key]);
    copy = target;
  }
  return Object.freeze(copy) as T;
}

/** Index name → function giving the key a record is listed under. */
export type IndexKeys<T> = Record<string, (record: T) => string>;

/**
 * Records by id with secondary indexes, replaced unconditionally (for unversioned records such as
 * discussions). Records are stored as frozen copies (`frozenCopy`) and handed out as they are:
 * callers can keep them, never change them.
 */
export class IndexedTable<T extends { id: string }> {
  readonly #records: Dict<T>;
  readonly #indexes = new Map<string, Map<string, Set<string>>>();
  /**
   * Each index with the function giving its key, listed once: `Object.entries` per indexed record
   * made a few arrays per save and per record read at start-up (39,000 reminders at 50,000
   * assessments).
   */
  readonly #keyed: { keyOf: (record: T) => string; index: Map<string, Set<string>> }[] = [];

  /** `records` is used in place (for lowdb it is the object that gets serialised). */
  constructor(records: Dict<T>, indexKeys: IndexKeys<T>) {
    this.#records = records;
    for (const [name, keyOf] of Object.entries(indexKeys)) {
      const index = new Map<string, Set<string>>();
      this.#indexes.set(name, index);
      this.#keyed.push({ keyOf, index });
    }
    for (const record of Object.values(records)) this.#index(freezeInPlace(record));
  }

  get(id: string): T | undefined {
    return this.stored(id);
  }

  /** The records listed under `key` that pass `keep`, in the order given by `compare`. */
  list(indexName: string, key: string, compare: (a: T, b: T) => number, keep?: (record: T) => boolean): T[] {
    const ids = this.#indexes.get(indexName)?.get(key);
    if (!ids) return [];
    const found: T[] = [];
    for (const id of ids) {
      const record = this.#records[id];
      if (record && (keep === undefined || keep(record))) found.push(record);
    }
    return found.sort(compare);
  }

  /** Every record that passes `keep`, in the order given by `compare`. */
  all(compare: (a: T, b: T) => number, keep?: (record: T) => boolean): T[] {
    const found: T[] = [];
    for (const record of Object.values(this.#records))
      if (keep === undefined || keep(record)) found.push(record);
    return found.sort(compare);
  }

  /** The ids listed under `key` (a copy of the index entry). */
  ids(indexName: string, key: string): Set<string> {
    return new Set(this.#indexes.get(indexName)?.get(key));
  }

  /** Inserts a copy of `record`, or replaces the record with its id (re-indexing it). */
  put(record: T): void {
    this.replace(frozenCopy(record));
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

  /** Stores `record` as given (already a frozen copy), keeping the indexes right. */
  protected replace(record: T): void {
    const current = this.stored(record.id);
    if (current) this.#unindex(current);
    this.#records[record.id] = record;
    this.#index(record);
  }

  #index(record: T): void {
    for (const { keyOf, index } of this.#keyed) {
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
    for (const { keyOf, index } of this.#keyed) {
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
      return { kind: 'conflict', current };
    }
    const stored: T = frozenCopy({ ...record, version: expectedVersion + 1 });
    this.replace(stored);
    return { kind: 'saved', record: stored };
  }
}
