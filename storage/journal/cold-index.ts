/**
 * Where each record of a cold journal is: a slot per record id, and per slot its version and the
 * place of its latest line (generation of the file, offset, length) in typed arrays, or the line
 * itself while it is still being written. A slot's `stamp` changes with every save, so a write
 * that finishes after the record was saved again (or removed and its slot reused) can tell that
 * its place is no longer the latest.
 */
import { grownTo, isArrayOf, isCount, type Restore } from './columns.js';

export interface LinePlace {
  generation: string;
  offset: number;
  length: number;
}

/** Which save of which slot: given by `put`, checked by `settle`. */
export interface SlotStamp {
  slot: number;
  stamp: number;
}

/** An index snapshot's own columns (the summaries' columns come from SummaryColumns). */
export interface IndexColumns {
  id: string[];
  version: number[];
  offset: number[];
  length: number[];
}

export class ColdIndex {
  readonly #slots = new Map<string, number>();
  readonly #freeSlots: number[] = [];
  #nextSlot = 0;
  #versions = new Float64Array(0);
  #offsets = new Float64Array(0);
  #lengths = new Uint32Array(0);
  #stamps = new Uint32Array(0);
  /** Index into #generationNames; 0 while the latest line is only in #pending. */
  #generations = new Uint32Array(0);
  readonly #generationNames: string[] = [''];
  readonly #pending = new Map<number, string>();

  slotOf(id: string): number | undefined {
    return this.#slots.get(id);
  }

  versionOf(id: string): number | undefined {
    const slot = this.#slots.get(id);
    return slot === undefined ? undefined : this.#versions[slot];
  }

  versionAt(slot: number): number {
    return this.#versions[slot] as number;
  }

  /** Every record as `[id, slot]`, oldest first. */
  entries(): IterableIterator<[string, number]> {
    return this.#slots.entries();
  }

  /**
   * Every record's id and slot, oldest first, without the `[id, slot]` pair `entries()` makes per
   * record: a scan for one person's assessments visits every record, and at 50,000 records those
   * pairs were megabytes of garbage per scan (delivering 200 reminders scanned 10 million).
   */
  forEach(visit: (id: string, slot: number) => void): void {
    this.#slots.forEach((slot, id) => {
      visit(id, slot);
    });
  }

  /** Records a new latest version whose line is already on disk at `place`. */
  putPlaced(id: string, version: number, place: LinePlace): number {
    const { slot } = this.#put(id, version);
    this.#place(slot, place);
    return slot;
  }

  /** Records a new latest version whose line is still being written. */
  putPending(id: string, version: number, line: string): SlotStamp {
    const stamped = this.#put(id, version);
    this.#generations[stamped.slot] = 0;
    this.#pending.set(stamped.slot, line);
    return stamped;
  }

  /** Gives the slot its line's place unless it was saved again or removed since; false then. */
  settle({ slot, stamp }: SlotStamp, place: LinePlace): boolean {
    // Removing a record changes its slot's stamp too, so a stale stamp also means "removed".
    if (this.#stamps[slot] !== stamp) return false;
    this.#place(slot, place);
    return true;
  }

  remove(id: string): number | undefined {
    const slot = this.#slots.get(id);
    if (slot === undefined) return undefined;
    this.#slots.delete(id);
    this.#pending.delete(slot);
    this.#generations[slot] = 0;
    this.#stamps[slot] = ((this.#stamps[slot] as number) + 1) >>> 0;
    this.#freeSlots.push(slot);
    return slot;
  }

  stampOf(slot: number): SlotStamp {
    return { slot, stamp: this.#stamps[slot] as number };
  }

  /** The line while it is being written, else undefined. */
  pendingLine(slot: number): string | undefined {
    return this.#pending.get(slot);
  }

  /** Where the latest line is on disk; undefined while it is being written. */
  placeOf(slot: number): LinePlace | undefined {
    const generation = this.#generations[slot] ?? 0;
    if (generation === 0) return undefined;
    return {
      generation: this.#generationNames[generation] as string,
      offset: this.#offsets[slot] as number,
      length: this.#lengths[slot] as number,
    };
  }

  /** Bytes the slot's line takes in the file (with its newline), 0 while it is being written. */
  bytesOf(slot: number): number {
    return this.#generations[slot] ? (this.#lengths[slot] as number) + 1 : 0;
  }

  /**
   * Every record's id, version and line place as columns, oldest first, with the slots in that
   * order (for the summaries' columns); undefined unless every latest line is on disk in
   * `generation` (a line still being written has no place yet).
   */
  dump(generation: string): { slots: number[]; columns: IndexColumns } | undefined {
    // -1 for a generation no line was placed in: then only an empty index can be dumped.
    const code = this.#generationNames.indexOf(generation);
    const slots = [...this.#slots.values()];
    if (slots.some((slot) => this.#generations[slot] !== code)) return undefined;
    return {
      slots,
      columns: {
        id: [...this.#slots.keys()],
        version: slots.map((slot) => this.#versions[slot] as number),
        offset: slots.map((slot) => this.#offsets[slot] as number),
        length: slots.map((slot) => this.#lengths[slot] as number),
      },
    };
  }

  /**
   * Fills an empty index with `count` records from `dump`'s columns, their lines in `generation`;
   * undefined if the columns are not that (an id twice, a place that is not a byte position).
   */
  restorer(
    columns: Partial<Record<keyof IndexColumns, unknown>>,
    count: number,
    generation: string,
  ): Restore | undefined {
    const { id: ids, version: versions, offset: offsets, length: lengths } = columns;
    if (
      !isArrayOf(ids, count, (id): id is string => typeof id === 'string') ||
      new Set(ids).size !== count ||
      !isArrayOf(versions, count, isCount) ||
      !isArrayOf(offsets, count, isCount) ||
      !isArrayOf(lengths, count, (length): length is number => isCount(length) && length <= 0xffffffff)
    )
      return undefined;
    return () => {
      ids.forEach((id, slot) => {
        this.#slots.set(id, slot);
      });
      this.#nextSlot = count;
      this.#versions = Float64Array.from(versions);
      this.#offsets = Float64Array.from(offsets);
      this.#lengths = Uint32Array.from(lengths);
      this.#stamps = new Uint32Array(count);
      this.#generations = new Uint32Array(count).fill(this.#generationCode(generation));
    };
  }

  #put(id: string, version: number): SlotStamp {
    let slot = this.#slots.get(id);
    if (slot === undefined) {
      slot = this.#freeSlots.pop() ?? this.#nextSlot++;
      this.#slots.set(id, slot);
      this.#grow(slot + 1);
    }
    this.#versions[slot] = version;
    const stamp = ((this.#stamps[slot] as number) + 1) >>> 0;
    this.#stamps[slot] = stamp;
    return { slot, stamp };
  }

  #place(slot: number, { generation, offset, length }: LinePlace): void {
    this.#pending.delete(slot);
    this.#generations[slot] = this.#generationCode(generation);
    this.#offsets[slot] = offset;
    this.#lengths[slot] = length;
  }

  /** Generations are few (one per rewrite of the file), so a short list is enough. */
  #generationCode(generation: string): number {
    const found = this.#generationNames.indexOf(generation);
    if (found > 0) return found;
    this.#generationNames.push(generation);
    return this.#generationNames.length - 1;
  }

  #grow(needed: number): void {
    this.#versions = grownTo(this.#versions, needed);
    this.#offsets = grownTo(this.#offsets, needed);
    this.#lengths = grownTo(this.#lengths, needed);
    this.#stamps = grownTo(this.#stamps, needed);
    this.#generations = grownTo(this.#generations, needed);
  }
}
