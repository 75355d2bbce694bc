/**
 * Spies on one method of every FileHandle, to inject disk failures (EIO, ENOSPC) or count fsyncs:
 * the class is not exported, so its prototype is reached through a handle on the null device.
 * Restore with `mockRestore()` after the test.
 */

import { type FileHandle, open } from 'node:fs/promises';
import { devNull } from 'node:os';
import { vi } from 'vitest';

export async function spyOnFileHandles(method: 'writev' | 'datasync' | 'sync') {
  const probe = await open(devNull, 'r');
  try {
    return vi.spyOn(Object.getPrototypeOf(probe) as FileHandle, method);
  } finally {
    await probe.close();
  }
}
