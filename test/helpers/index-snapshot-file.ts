/**
 * Reads and writes a cold journal's index snapshot (`<collection>.index.json`, JSON Lines: a head
 * line naming the columns, then one line per column with its values for every record) the way a
 * person editing the disk would, independently of the store's own reader.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface SnapshotFile {
  head: { snapshotVersion: number; generation: string; size: number; rows: number; columns: string[] };
  /** Each column's JSON value by name: an array per record, or `{values, codes}`, `{millis, verbatim}`. */
  columns: Record<string, any>;
}

export async function readSnapshotFile(file: string): Promise<SnapshotFile> {
  const [head, ...lines] = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
  const columns: Record<string, unknown> = {};
  (head.columns as string[]).forEach((name, i) => {
    columns[name] = lines[i];
  });
  return { head, columns };
}

/**
 * The head, then the columns it names in its order; a named column missing from `columns` is
 * left out (a test may give a head that does not fit the columns).
 */
export function snapshotFileText({ head, columns }: SnapshotFile): string {
  const lines = [head, ...head.columns.filter((name) => name in columns).map((name) => columns[name])];
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

export async function writeSnapshotFile(file: string, snapshot: SnapshotFile): Promise<void> {
  await writeFile(file, snapshotFileText(snapshot));
}
