/**
 * `<collection>.index.json`: a cold journal's in-memory index (summaries and line places) as of a
 * byte length of one generation of its file. It is derived data: when it is missing, damaged or
 * of another generation, start-up ignores it and replays the file.
 *
 * JSON Lines: a head line (`snapshotVersion`, `generation`, `size`, row count), then one
 * `[offset, length, summary]` row per line. It is read row by row in chunks and written in
 * chunks, so neither start-up nor a snapshot ever holds the whole index as one string or one
 * array of objects (at 50,000 assessments that was about 60 MB of short-lived heap per read).
 * A version-1 snapshot (one JSON document) is ignored like a damaged one: one replay rewrites it.
 */
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { scanLines } from './file-lines.js';

/** `[offset, length, summary]` of a record's latest line: arrays, as they are on disk. */
export type SnapshotRow<S> = [offset: number, length: number, summary: S];

/** Which file state a snapshot describes: later lines of that generation are replayed. */
export interface SnapshotPoint {
  generation: string;
  /** The journal file's length this index describes. */
  size: number;
}

const SNAPSHOT_VERSION = 2;
/** Rows joined into one write: large enough for few writes, small enough to stay a few MB. */
const ROWS_PER_CHUNK = 2_000;

class Unusable extends Error {}

/**
 * Hands each row to `onRow` if the head names a point `accept`s, and returns that point once every
 * row was read and well-formed; undefined for a missing, damaged or unaccepted snapshot. Rows may
 * have been handed over before a damaged one was found: the caller discards them then.
 * Only each row's shape is checked (by hand: a schema library's per-row cost is a noticeable part
 * of start-up with 50,000 rows); a row wrong in a subtler way surfaces as a read error naming the
 * journal file, and deleting the snapshot rebuilds it.
 */
export async function readIndexSnapshot<S>(
  file: string,
  isSummary: (value: unknown) => value is S,
  accept: (point: SnapshotPoint) => boolean,
  onRow: (row: SnapshotRow<S>) => void,
): Promise<SnapshotPoint | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size: fileSize } = await handle.stat();
    let point: SnapshotPoint | undefined;
    let expectedRows = 0;
    let rows = 0;
    const end = await scanLines(handle, 0, fileSize, (text) => {
      const value: unknown = JSON.parse(text);
      if (!point) {
        point = headOf(value);
        if (!accept(point)) throw new Unusable();
        expectedRows = (value as { rows: number }).rows;
        return;
      }
      if (!isRow(value, isSummary)) throw new Unusable();
      rows++;
      onRow(value);
    });
    return point && end === fileSize && rows === expectedRows ? point : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

function headOf(value: unknown): SnapshotPoint {
  const head = value as { snapshotVersion?: unknown; generation?: unknown; size?: unknown; rows?: unknown };
  if (
    head?.snapshotVersion !== SNAPSHOT_VERSION ||
    typeof head.generation !== 'string' ||
    !isCount(head.size) ||
    !isCount(head.rows)
  )
    throw new Unusable();
  return { generation: head.generation, size: head.size };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRow<S>(value: unknown, isSummary: (value: unknown) => value is S): value is SnapshotRow<S> {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    isSummary(value[2])
  );
}

/**
 * The rows of a snapshot as text, collected in one turn of the event loop (a snapshot is one
 * consistent moment of the index) and joined every few thousand rows, so the summaries built to
 * write them are dropped at once and only the text is kept until it is written.
 */
export class SnapshotText<S> {
  readonly #chunks: string[] = [];
  #rows = 0;
  #lines: string[] = [];

  get rows(): number {
    return this.#rows;
  }

  add(row: SnapshotRow<S>): void {
    this.#lines.push(JSON.stringify(row));
    this.#rows++;
    if (this.#lines.length === ROWS_PER_CHUNK) this.#flush();
  }

  /** Every chunk, each ending with a newline. */
  finish(): readonly string[] {
    this.#flush();
    return this.#chunks;
  }

  #flush(): void {
    if (this.#lines.length > 0) this.#chunks.push(`${this.#lines.join('\n')}\n`);
    this.#lines = [];
  }
}

/**
 * Writes the head and the rows' text to a temp file and renames it into place: a crash leaves the
 * old snapshot or the new one, never half of one.
 */
export async function writeIndexSnapshot<S>(
  file: string,
  point: SnapshotPoint,
  text: SnapshotText<S>,
): Promise<void> {
  const chunks = text.finish();
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  try {
    const head = { snapshotVersion: SNAPSHOT_VERSION, ...point, rows: text.rows };
    await handle.write(`${JSON.stringify(head)}\n`);
    for (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
