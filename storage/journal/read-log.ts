/**
 * Reading an append-only JSON Lines file at start-up: its header is checked, then every complete
 * line after a given offset is handed to the owner in order, in chunks, so a large file is never
 * held in memory whole. A line cut short by a crash at the very end (never acknowledged: appends
 * resolve only after fdatasync) is cut off; damage anywhere else stops start-up untouched.
 */
import type { FileHandle } from 'node:fs/promises';
import { RESTORE_ADVICE, StoreError } from '../errors.js';
import { corrupt } from '../lowdb/data-files.js';
import type { LogHeader } from './append-log.js';
import { openIfExists, scanLines } from './file-lines.js';

export interface LogLine {
  text: string;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Byte length without the newline. */
  length: number;
}

export interface ReadLogResult {
  header: LogHeader;
  /** Where the header line ends (the first record's offset). */
  headerEnd: number;
  /** Length of the file up to its last complete line, after any torn tail was cut off. */
  size: number;
}

/**
 * undefined for a missing or empty file. Throws STORE_SCHEMA_UNKNOWN for a header of another kind
 * or version, and STORE_CORRUPT for an unreadable line (with its offset) or header.
 */
export async function readLog(
  file: string,
  expected: { kind: string; schemaVersion: number },
  onLine: (line: LogLine) => void,
  from?: (header: LogHeader, headerEnd: number, fileSize: number) => number | Promise<number>,
): Promise<ReadLogResult | undefined> {
  const handle = await openIfExists(file, 'r+');
  if (!handle) return undefined;
  try {
    const { size: fileSize } = await handle.stat();
    if (fileSize === 0) return undefined;
    const { header, headerEnd } = await readHeader(handle, file, expected);
    const start = Math.max(headerEnd, (await from?.(header, headerEnd, fileSize)) ?? headerEnd);
    const end = await eachLine(handle, file, start, fileSize, onLine);
    // Whatever follows the last complete line is an append a crash cut short.
    if (end < fileSize) {
      await handle.truncate(end);
      await handle.sync();
    }
    return { header, headerEnd, size: end };
  } finally {
    await handle.close();
  }
}

async function readHeader(
  handle: FileHandle,
  file: string,
  expected: { kind: string; schemaVersion: number },
): Promise<{ header: LogHeader; headerEnd: number }> {
  const buffer = Buffer.alloc(4096);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
  const newline = buffer.subarray(0, bytesRead).indexOf(10);
  if (newline < 0) throw corrupt(file, 'the header line is incomplete');
  let header: Partial<LogHeader>;
  try {
    header = JSON.parse(buffer.toString('utf8', 0, newline)) as Partial<LogHeader>;
  } catch (cause) {
    throw corrupt(file, 'the header line is not valid JSON', cause);
  }
  if (header?.kind !== expected.kind || header.schemaVersion !== expected.schemaVersion) {
    throw new StoreError(
      'STORE_SCHEMA_UNKNOWN',
      file,
      `riskcheck data file ${file} has schemaVersion ${JSON.stringify(header?.schemaVersion)} and kind ` +
        `${JSON.stringify(header?.kind)}, but this version of riskcheck reads only ${expected.kind} files of ` +
        `schemaVersion ${expected.schemaVersion}: run the riskcheck release that wrote it, or ${RESTORE_ADVICE}.`,
    );
  }
  if (typeof header.generation !== 'string') throw corrupt(file, 'the header has no generation');
  return { header: header as LogHeader, headerEnd: newline + 1 };
}

/** Calls `onLine` for each complete line in [start, fileSize); returns where the last one ended. */
function eachLine(
  handle: FileHandle,
  file: string,
  start: number,
  fileSize: number,
  onLine: (line: LogLine) => void,
): Promise<number> {
  return scanLines(handle, start, fileSize, (text, offset, length) => {
    try {
      onLine({ text, offset, length });
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw corrupt(file, `the line at byte ${offset} cannot be read (${errorText(cause)})`, cause);
    }
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
