/**
 * `assessments.index.json`: the assessment history's in-memory index (summaries and line
 * places) as of a byte length of one generation of `assessments.jsonl`. It is derived data: when
 * it is missing, damaged or of another generation, start-up ignores it and replays the history.
 */
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { AssessmentSummary } from '../../dialogs/assessment-summary.js';

export interface IndexEntry {
  summary: AssessmentSummary;
  offset: number;
  length: number;
}

export interface IndexSnapshot {
  generation: string;
  /** The history file's length this index describes; later lines are replayed. */
  size: number;
  entries: IndexEntry[];
}

const SNAPSHOT_VERSION = 1;

/**
 * Only the envelope and each row's shape are checked (by hand: a schema library's per-row cost is
 * a noticeable part of start-up with 50,000 rows). A row that is wrong in a subtler way surfaces as
 * a read error naming the history file, and deleting the snapshot rebuilds it.
 */
export async function readIndexSnapshot(file: string): Promise<IndexSnapshot | undefined> {
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
  const entries: IndexEntry[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown;
    if (!Array.isArray(row) || row.length !== 3) return undefined;
    const [offset, length, summary] = row as [unknown, unknown, Partial<AssessmentSummary> | null];
    if (
      typeof offset !== 'number' ||
      typeof length !== 'number' ||
      typeof summary?.id !== 'string' ||
      typeof summary.version !== 'number' ||
      typeof summary.departmentId !== 'string' ||
      typeof summary.submitterKey !== 'string' ||
      typeof summary.submittedAt !== 'string'
    )
      return undefined;
    entries[i] = { offset, length, summary: summary as AssessmentSummary };
  }
  return { generation, size, entries };
}

/** Temp file and rename: a crash leaves the old snapshot or the new one, never half of one. */
export async function writeIndexSnapshot(file: string, snapshot: IndexSnapshot): Promise<void> {
  const text = JSON.stringify({
    snapshotVersion: SNAPSHOT_VERSION,
    generation: snapshot.generation,
    size: snapshot.size,
    rows: snapshot.entries.map((e) => [e.offset, e.length, e.summary]),
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
