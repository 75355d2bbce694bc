/**
 * The open flags of this process's file descriptors on `file`, read from Linux's
 * /proc/self/fdinfo, to check how the store opened a file (O_DSYNC: every write reaches the disk
 * before it returns). Empty where /proc is missing; callers skip on other platforms.
 */
import { readdir, readFile, readlink, realpath } from 'node:fs/promises';

export const HAS_PROC_FDINFO = process.platform === 'linux';

export async function openFlagsOf(file: string): Promise<number[]> {
  const path = await realpath(file);
  const flags: number[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => undefined);
    if (target !== path) continue;
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    const octal = /^flags:\s*([0-7]+)$/m.exec(info)?.[1];
    if (octal !== undefined) flags.push(Number.parseInt(octal, 8));
  }
  return flags;
}
