/**
 * `<collection>.index.json`: a cold journal's in-memory index (summaries and line places) as of a
 * byte length of one generation of its file. It is derived data: when it is missing, damaged or
 * of another generation, start-up ignores it and replays the file.
 */
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';

/** `[offset, length, summary]` of a record's latest line: arrays, as they are on disk. */
export type SnapshotRow<S> = [offset: number, length: number, summary: S];

export interface IndexSnapshot<S> {
  generation: string;
  /** The journal file's length this index describes; later lines are replayed. */
  size: number;
  rows: SnapshotRow<S>[];
}

const SNAPSHOT_VERSION = 1;

/**
 * Only the envelope and each row's shape are checked (by hand: a schema library's per-row cost is
 * a noticeable part of start-up with 50,000 rows). A row that is wrong in a subtler way surfaces as
 * a read error naming the journal file, and deleting the snapshot rebuilds it.
 */
export async function readIndexSnapshot<S>(
  file: string,
  isSummary: (value: unknown) => value is S,
): Promise<IndexSnapshot<S> | undefined> {
  let raw: { snapshotVersion?: unknown; generation?: unknown; size?: unknown; rows?: unknown };
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  const { snapshotVersion, generation, size, rows } = raw ?? {};
  if (
    snapshotVersion !== SNAPSHOT_VERSION ||
    typeof generation !== 'string' ||
    typeof size !== 'number' ||
    !Number.isSafeInteger(size) ||
    size < 0 ||
    !Array.isArray(rows)
  )
    return undefined;
  for (const row of rows as unknown[]) {
    if (
      !Array.isArray(row) ||
      row.length !== 3 ||
      typeof row[0] !== 'number' ||
      typeof row[1] !== 'number' ||
      !isSummary(row[2])
    )
      return undefined;
  }
  // Checked row by row above: the parsed arrays are used as they are, not copied.
  return { generation, size, rows: rows as SnapshotRow<S>[] };
}

/** Temp file and rename: a crash leaves the old snapshot or the new one, never half of one. */
export async function writeIndexSnapshot<S>(file: string, snapshot: IndexSnapshot<S>): Promise<void> {
  const text = JSON.stringify({
    snapshotVersion: SNAPSHOT_VERSION,
    generation: snapshot.generation,
    size: snapshot.size,
    rows: snapshot.rows,
  });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
