/**
 * `<collection>.index.json`: a cold journal's in-memory index (ids, versions, line places and the
 * summaries' columns) as of a byte length of one generation of its file. It is derived data: when
 * it is missing, damaged or of another generation, start-up ignores it and replays the file.
 *
 * JSON Lines, by column: a head line (`snapshotVersion`, `generation`, `size`, `rows`, and the
 * names of the columns in the order they follow), then one line per column holding that
 * column's values for every record (columns.ts, cold-index.ts). Reading is a JSON.parse per
 * column and filling typed arrays, not building and taking apart an object per record: at 50,000
 * assessments 0.45–0.55 s with one row per line (version 2) against a few tens of milliseconds
 * (finding 17). An older version is ignored like a damaged snapshot: one replay rewrites it.
 */
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { isCount } from './columns.js';
import { scanLines } from './file-lines.js';

/** Which file state a snapshot describes: later lines of that generation are replayed. */
export interface SnapshotPoint {
  generation: string;
  /** The journal file's length this index describes. */
  size: number;
}

export interface IndexSnapshot {
  point: SnapshotPoint;
  /** How many records; every column holds one value (or one code) per record. */
  rows: number;
  /** Each column's JSON value by name, unchecked: the index and the summaries check their own. */
  columns: Record<string, unknown>;
}

const SNAPSHOT_VERSION = 3;

class Unusable extends Error {}

/**
 * The snapshot in `file` if its head names a point `accept`s and every column it names follows
 * whole; undefined for a missing, damaged, older or unaccepted snapshot.
 */
export async function readIndexSnapshot(
  file: string,
  accept: (point: SnapshotPoint) => boolean,
): Promise<IndexSnapshot | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size: fileSize } = await handle.stat();
    let head: Head | undefined;
    const columns: Record<string, unknown> = {};
    let read = 0;
    const end = await scanLines(handle, 0, fileSize, (text) => {
      const value: unknown = JSON.parse(text);
      if (!head) {
        head = headOf(value);
        if (!accept(head.point)) throw new Unusable();
        return;
      }
      const name = head.columns[read++];
      if (name === undefined) throw new Unusable();
      columns[name] = value;
    });
    if (!head || end !== fileSize || read !== head.columns.length) return undefined;
    return { point: head.point, rows: head.rows, columns };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

interface Head {
  point: SnapshotPoint;
  rows: number;
  columns: string[];
}

function headOf(value: unknown): Head {
  const head = value as {
    snapshotVersion?: unknown;
    generation?: unknown;
    size?: unknown;
    rows?: unknown;
    columns?: unknown;
  } | null;
  const columns = head?.columns;
  if (
    head?.snapshotVersion !== SNAPSHOT_VERSION ||
    typeof head.generation !== 'string' ||
    !isCount(head.size) ||
    !isCount(head.rows) ||
    !Array.isArray(columns) ||
    !columns.every((name) => typeof name === 'string') ||
    new Set(columns).size !== columns.length
  )
    throw new Unusable();
  return { point: { generation: head.generation, size: head.size }, rows: head.rows, columns };
}

/**
 * Writes the head and the columns (one JSON line each) to a temp file and renames it into place:
 * a crash leaves the old snapshot or the new one, never half of one. The columns are plain
 * arrays taken from the index at one moment, so writing them later still writes that moment.
 */
export async function writeIndexSnapshot(
  file: string,
  point: SnapshotPoint,
  rows: number,
  columns: Record<string, unknown>,
): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  try {
    const names = Object.keys(columns);
    const head = { snapshotVersion: SNAPSHOT_VERSION, ...point, rows, columns: names };
    await handle.write(`${JSON.stringify(head)}\n`);
    // One column's text at a time: the titles of 50,000 assessments are a few MB by themselves.
    for (const name of names) await handle.write(`${JSON.stringify(columns[name])}\n`);
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
