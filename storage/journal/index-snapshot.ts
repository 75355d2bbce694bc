/**
 * `assessments.index.json`: the assessment history's in-memory index (summaries and line
 * places) as of a byte length of one generation of `assessments.jsonl`. It is derived data: when
 * it is missing, damaged or of another generation, start-up ignores it and replays the history.
 */
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
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

// Only the envelope is checked: every entry is checked as it is used (a wrong one is a read error).
const snapshotShape = z.object({
  snapshotVersion: z.literal(SNAPSHOT_VERSION),
  generation: z.string(),
  size: z.number().int().nonnegative(),
  /** [offset, length, summary] rows: half the size of objects with field names. */
  rows: z.array(z.tuple([z.number(), z.number(), z.looseObject({ id: z.string(), version: z.number() })])),
});

export async function readIndexSnapshot(file: string): Promise<IndexSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = snapshotShape.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    const { generation, size, rows } = parsed.data;
    return {
      generation,
      size,
      entries: rows.map(([offset, length, summary]) => ({
        offset,
        length,
        summary: summary as unknown as AssessmentSummary,
      })),
    };
  } catch {
    return undefined;
  }
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
