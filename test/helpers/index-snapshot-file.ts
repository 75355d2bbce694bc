/**
 * Reads and writes a cold journal's index snapshot (`<collection>.index.json`, JSON Lines: a head
 * line, then one `[offset, length, summary]` row per line) the way a person editing the disk
 * would, independently of the store's own reader.
 */
import { readFile, writeFile } from 'node:fs/promises';

export type SnapshotFileRow = [number, number, { id: string; version: number; [field: string]: unknown }];

export interface SnapshotFile {
  head: { snapshotVersion: number; generation: string; size: number; rows: number };
  rows: SnapshotFileRow[];
}

export async function readSnapshotFile(file: string): Promise<SnapshotFile> {
  const [head, ...rows] = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
  return { head, rows };
}

/** Writes `head` and `rows` as they are (a test may give a head that does not fit the rows). */
export function snapshotFileText({ head, rows }: SnapshotFile): string {
  return [head, ...rows].map((line) => `${JSON.stringify(line)}\n`).join('');
}

export async function writeSnapshotFile(file: string, snapshot: SnapshotFile): Promise<void> {
  await writeFile(file, snapshotFileText(snapshot));
}
