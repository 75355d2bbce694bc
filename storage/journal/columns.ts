/**
 * Growable columns for the in-memory index of a cold journal: one slot per record, values in typed
 * arrays or shared strings instead of one object per record. An object with a dozen fields and
 * its own copies of the same department and people strings cost about 480 bytes per assessment;
 * tens of thousands of them were most of the embedded store's memory (docs/benchmarks.md, 14).
 *
 * Each column also has a snapshot form (`dump`) that an index snapshot stores as one JSON value
 * and `restorer` puts back without handling a record at a time: start-up reads 50,000 records'
 * columns in a few tens of milliseconds instead of half a second (finding 17).
 */

/** Puts a checked snapshot form in place: made only once every column of a snapshot was checked. */
export type Restore = () => void;

/** What each column offers an index snapshot: its form for some slots, and a way back. */
export interface SnapshotColumn {
  dump(slots: readonly number[]): unknown;
  /** Undefined if `dumped` is not `dump`'s form for `count` slots (or a `required` value is missing). */
  restorer(dumped: unknown, count: number, required?: boolean): Restore | undefined;
}

/** `value` as an array of `count` elements, or undefined. */
function arrayOf(value: unknown, count: number): unknown[] | undefined {
  return Array.isArray(value) && value.length === count ? value : undefined;
}

export function isArrayOf<T>(
  value: unknown,
  count: number,
  test: (element: unknown) => element is T,
): value is T[] {
  return Array.isArray(value) && value.length === count && value.every(test);
}

/** A whole number usable as a count, a byte position or a version. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCode(value: unknown, below: number): value is number {
  return isCount(value) && value < below;
}

/** A bigger copy of `array` holding at least `needed` slots (doubling, so growth is amortised). */
export function grownTo<A extends Float64Array | Uint32Array | Uint8Array>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => A)(Math.max(needed, array.length * 2, 64));
  bigger.set(array);
  return bigger;
}

/**
 * Strings with few distinct values (departments, people, levels, dates): each slot holds a code,
 * each distinct string is kept once. Codes are counted, so a value no slot uses any more (a person
 * erased) is dropped from memory at once and its code reused.
 */
export class DictColumn {
  #codes = new Uint32Array(0);
  /** Code 0 is "absent". */
  readonly #values: (string | undefined)[] = [undefined];
  readonly #uses: number[] = [0];
  readonly #codeOf = new Map<string, number>();
  readonly #freeCodes: number[] = [];

  set(slot: number, value: string | undefined): void {
    const code = value === undefined ? 0 : this.#acquire(value);
    this.#codes = grownTo(this.#codes, slot + 1);
    this.#release(this.#codes[slot] as number);
    this.#codes[slot] = code;
  }

  get(slot: number): string | undefined {
    return this.#values[this.#codes[slot] ?? 0];
  }

  /** The code that `value` has now (0 if no slot holds it), for comparing slots without strings. */
  codeOf(value: string): number {
    return this.#codeOf.get(value) ?? 0;
  }

  codeAt(slot: number): number {
    return this.#codes[slot] ?? 0;
  }

  /** The codes of `slots` (in that order) and the values they stand for; `values[0]` is null. */
  dump(slots: readonly number[]): { values: (string | null)[]; codes: number[] } {
    return {
      values: this.#values.map((value) => value ?? null),
      codes: slots.map((slot) => this.codeAt(slot)),
    };
  }

  /**
   * Fills slots 0…count-1 of an empty column from `dump`'s form; undefined if `dumped` is not that
   * form for `count` slots, or a `required` column has a slot without a value.
   */
  restorer(dumped: unknown, count: number, required = false): Restore | undefined {
    const form = dumped as { values?: unknown; codes?: unknown } | null;
    const values = Array.isArray(form?.values) ? (form.values as unknown[]) : undefined;
    const dumpedCodes = arrayOf(form?.codes, count);
    if (!values || values[0] !== null || !dumpedCodes) return undefined;
    const distinct = new Set<string>();
    for (let code = 1; code < values.length; code++) {
      const value = values[code];
      if (value === null) continue;
      if (typeof value !== 'string' || distinct.has(value)) return undefined;
      distinct.add(value);
    }
    const codes = new Uint32Array(count);
    const uses = new Array<number>(values.length).fill(0);
    for (let slot = 0; slot < count; slot++) {
      const code = dumpedCodes[slot];
      if (!isCode(code, values.length) || (code === 0 ? required : values[code] === null)) return undefined;
      codes[slot] = code;
      uses[code] = (uses[code] as number) + 1;
    }
    return () => {
      this.#codes = codes;
      this.#values.length = 1;
      this.#uses.length = 1;
      this.#codeOf.clear();
      this.#freeCodes.length = 0;
      for (let code = 1; code < values.length; code++) {
        // A value no slot uses (written while a record was being removed) is dropped, as `set` would.
        const value = (uses[code] as number) > 0 ? (values[code] as string) : undefined;
        this.#values[code] = value;
        this.#uses[code] = uses[code] as number;
        if (value === undefined) this.#freeCodes.push(code);
        else this.#codeOf.set(value, code);
      }
    };
  }

  #acquire(value: string): number {
    let code = this.#codeOf.get(value);
    if (code === undefined) {
      code = this.#freeCodes.pop() ?? this.#values.length;
      this.#values[code] = value;
      this.#uses[code] = 0;
      this.#codeOf.set(value, code);
    }
    this.#uses[code] = (this.#uses[code] as number) + 1;
    return code;
  }

  #release(code: number): void {
    if (code === 0) return;
    const uses = (this.#uses[code] as number) - 1;
    this.#uses[code] = uses;
    if (uses > 0) return;
    this.#codeOf.delete(this.#values[code] as string);
    this.#values[code] = undefined;
    this.#freeCodes.push(code);
  }
}

/**
 * ISO timestamps as numbers (8 bytes instead of a 24-character string). A string that would not
 * come back identical from `toISOString` (another format, a data file edited by hand) is kept as
 * it is, so reading a slot always gives back exactly what was written.
 */
export class TimeColumn {
  #millis = new Float64Array(0);
  readonly #verbatim = new Map<number, string>();

  set(slot: number, value: string | undefined): void {
    this.#millis = grownTo(this.#millis, slot + 1);
    this.#verbatim.delete(slot);
    const millis = value === undefined ? Number.NaN : Date.parse(value);
    if (value !== undefined && !(Number.isFinite(millis) && isIsoOf(value, millis))) {
      this.#verbatim.set(slot, value);
      this.#millis[slot] = Number.NaN;
      return;
    }
    this.#millis[slot] = millis;
  }

  get(slot: number): string | undefined {
    const millis = this.#millis[slot] ?? Number.NaN;
    if (!Number.isNaN(millis)) return new Date(millis).toISOString();
    return this.#verbatim.get(slot);
  }

  /** `slots`' timestamps as numbers (null if absent or kept verbatim) and the verbatim ones by position. */
  dump(slots: readonly number[]): { millis: (number | null)[]; verbatim: [number, string][] } {
    const verbatim: [number, string][] = [];
    const millis = slots.map((slot, position) => {
      const text = this.#verbatim.get(slot);
      if (text !== undefined) verbatim.push([position, text]);
      const value = this.#millis[slot] ?? Number.NaN;
      return Number.isNaN(value) ? null : value;
    });
    return { millis, verbatim };
  }

  /** As DictColumn.restorer. */
  restorer(dumped: unknown, count: number, required = false): Restore | undefined {
    const form = dumped as { millis?: unknown; verbatim?: unknown } | null;
    const dumpedMillis = arrayOf(form?.millis, count);
    if (!dumpedMillis || !Array.isArray(form?.verbatim)) return undefined;
    const millis = new Float64Array(count);
    for (let slot = 0; slot < count; slot++) {
      const value = dumpedMillis[slot];
      if (value === null) millis[slot] = Number.NaN;
      else if (typeof value === 'number' && Number.isFinite(value)) millis[slot] = value;
      else return undefined;
    }
    const verbatim = new Map<number, string>();
    for (const entry of form.verbatim as unknown[]) {
      const [slot, text] = Array.isArray(entry) && entry.length === 2 ? entry : [];
      if (
        !isCode(slot, count) ||
        typeof text !== 'string' ||
        !Number.isNaN(millis[slot]) ||
        verbatim.has(slot)
      )
        return undefined;
      verbatim.set(slot, text);
    }
    if (required && millis.some((value, slot) => Number.isNaN(value) && !verbatim.has(slot)))
      return undefined;
    return () => {
      this.#millis = millis;
      this.#verbatim.clear();
      for (const [slot, text] of verbatim) this.#verbatim.set(slot, text);
    };
  }
}

/** Positions of the digits in `YYYY-MM-DDTHH:mm:ss.sssZ`. */
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * `new Date(millis).toISOString() === value` for `millis = Date.parse(value)`, without building
 * the string: start-up runs this for every timestamp of the history (finding 16). In that shape
 * Date.parse checks every field's range except a day past the month's end (30 February) and hour
 * 24, which it rolls over into the next month or day; those two are what is compared.
 */
export function isIsoOf(value: string, millis: number): boolean {
  if (
    value.length !== 24 ||
    value[4] !== '-' ||
    value[7] !== '-' ||
    value[10] !== 'T' ||
    value[13] !== ':' ||
    value[16] !== ':' ||
    value[19] !== '.' ||
    value[23] !== 'Z'
  )
    return false;
  for (const i of ISO_DIGITS) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  const twoDigits = (i: number) => (value.charCodeAt(i) - 48) * 10 + (value.charCodeAt(i + 1) - 48);
  const date = new Date(millis);
  return date.getUTCDate() === twoDigits(8) && date.getUTCHours() === twoDigits(11);
}

/** Strings that are mostly distinct (titles) or mostly absent (links to an earlier record). */
export class TextColumn {
  // A plain array: 8 bytes a slot when dense, and V8 stores it as a dictionary when sparse.
  readonly #values: (string | undefined)[] = [];

  set(slot: number, value: string | undefined): void {
    if (value !== undefined || slot < this.#values.length) this.#values[slot] = value;
  }

  get(slot: number): string | undefined {
    return this.#values[slot];
  }

  dump(slots: readonly number[]): (string | null)[] {
    return slots.map((slot) => this.#values[slot] ?? null);
  }

  /** As DictColumn.restorer. */
  restorer(dumped: unknown, count: number, required = false): Restore | undefined {
    const values = arrayOf(dumped, count);
    if (!values?.every((value) => typeof value === 'string' || (value === null && !required)))
      return undefined;
    return () => {
      this.#values.length = 0;
      // As `set` does: absent values are not stored, so a mostly absent column stays sparse.
      values.forEach((value, slot) => {
        if (value !== null) this.#values[slot] = value as string;
      });
    };
  }
}

/** Yes or no per slot, one byte each. */
export class FlagColumn {
  #flags = new Uint8Array(0);

  set(slot: number, value: boolean): void {
    this.#flags = grownTo(this.#flags, slot + 1);
    this.#flags[slot] = value ? 1 : 0;
  }

  get(slot: number): boolean {
    return this.#flags[slot] === 1;
  }

  dump(slots: readonly number[]): number[] {
    return slots.map((slot) => this.#flags[slot] ?? 0);
  }

  /** As DictColumn.restorer. */
  restorer(dumped: unknown, count: number): Restore | undefined {
    const values = arrayOf(dumped, count);
    if (!values?.every((value) => value === 0 || value === 1)) return undefined;
    return () => {
      this.#flags = Uint8Array.from(values as number[]);
    };
  }
}
