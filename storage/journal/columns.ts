/**
 * Growable columns for the in-memory index of a cold journal: one slot per record, values in typed
 * arrays or shared strings instead of one object per record. An object with a dozen fields and
 * its own copies of the same department and people strings cost about 480 bytes per assessment;
 * tens of thousands of them were most of the embedded store's memory (docs/benchmarks.md, 14).
 */

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
}
