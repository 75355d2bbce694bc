/**
 * Reads a journal file (sessions.jsonl, processed.jsonl, assessments.jsonl) the way a person
 * checking the disk would, independently of the store's own reader: the header, then each
 * complete line; the last line for an id wins, `del` removes. Every complete line must parse; only
 * an unterminated last line (an append a crash cut short) is reported instead of parsed.
 */
import { readFile } from 'node:fs/promises';

export interface JournalContents {
  header: { schemaVersion: number; kind: string; generation: string };
  records: Map<string, unknown>;
  /** Bytes after the last newline (a torn append), normally 0. */
  tornBytes: number;
  lines: number;
}

export async function readJournal(file: string): Promise<JournalContents | undefined> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined || text === '') return undefined;
  const lines = text.split('\n');
  const torn = lines.pop() ?? '';
  const [headerLine, ...body] = lines;
  const header = JSON.parse(headerLine ?? '') as JournalContents['header'];
  const records = new Map<string, unknown>();
  for (const line of body) {
    const parsed = JSON.parse(line) as { put?: { id: string }; del?: string; id?: string; value?: unknown };
    if (typeof parsed.del === 'string') records.delete(parsed.del);
    else if (parsed.put) records.set(parsed.put.id, parsed.put);
    else if (typeof parsed.id === 'string') records.set(parsed.id, parsed.value);
    else throw new Error(`${file}: a line is neither a record nor a removal`);
  }
  return { header, records, tornBytes: Buffer.byteLength(torn), lines: body.length };
}
