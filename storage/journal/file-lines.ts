/**
 * Reads the complete lines of a file region in fixed-size chunks, so a file of any size is
 * scanned with a few megabytes of memory and every line's text can be dropped once handled.
 */
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK_BYTES = 4 << 20;

/**
 * Calls `onLine` for each newline-terminated line in [start, end), with its byte offset and byte
 * length (without the newline), and `afterChunk` once the lines of each chunk were handed over (to
 * write out what they produced); returns where the last complete line ended. Errors thrown by
 * `onLine` stop the scan and reach the caller as they are.
 */
export async function scanLines(
  handle: FileHandle,
  start: number,
  end: number,
  onLine: (text: string, offset: number, length: number) => void,
  afterChunk?: () => Promise<void>,
): Promise<number> {
  let carry = Buffer.alloc(0);
  let carryOffset = start;
  let position = start;
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, end - start)));
  while (position < end) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, end - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data =
      carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let lineStart = 0;
    for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10, lineStart)) {
      onLine(data.toString('utf8', lineStart, newline), carryOffset + lineStart, newline - lineStart);
      lineStart = newline + 1;
    }
    // Copy: `chunk` is reused by the next read.
    carry = Buffer.from(data.subarray(lineStart));
    carryOffset += lineStart;
    await afterChunk?.();
  }
  return carryOffset;
}

/** The file opened with `flags`, or undefined when it does not exist (any other error is thrown). */
export async function openIfExists(file: string, flags: 'r' | 'r+'): Promise<FileHandle | undefined> {
  try {
    return await open(file, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
