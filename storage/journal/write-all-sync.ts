/**
 * Writes appended lines with one synchronous `pwritev` instead of `FileHandle.writev`. A write of
 * a few lines into the page cache takes a few microseconds; the same write through libuv's thread
 * pool cost 30–100 µs of CPU on these machines (a queue, a worker woken, a promise settled), about
 * a third of what saving one answer cost in `bench/micro/teams-turns.ts` (docs/benchmarks.md,
 * finding 16). What makes an append durable, the fdatasync, stays asynchronous: it waits for the
 * disk and must not hold the event loop. The data directory is expected on a local disk: on a
 * network file system each write would wait for the network with the event loop held.
 */
import { writevSync } from 'node:fs';

/** Writes every byte of `buffers` at `position` (the current offset when omitted) or throws. */
export function writeAllSync(fd: number, buffers: readonly Buffer[], position?: number): void {
  let total = 0;
  for (const buffer of buffers) total += buffer.length;
  const written = writevSync(fd, buffers as Buffer[], position);
  // A regular file only writes short when the disk is full or the file hit a size limit.
  if (written !== total) throw new Error(`wrote ${written} of ${total} bytes (disk full?)`);
}
