/**
 * When an append counts as done: by default once on disk (written with O_DSYNC where the
 * platform has it, else fdatasynced); with a sync interval once it is
 * written to the operating system (readable by any other process, kept through a crash of this
 * one), with one fdatasync for everything written in that interval, and a last one on close.
 */
import { constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppendLog } from '../../../storage/journal/append-log.js';
import { spyOnFileHandles } from '../../helpers/file-handle-spy.js';
import { HAS_PROC_FDINFO, openFlagsOf } from '../../helpers/open-flags.js';

let dir: string;
let datasync: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'riskcheck-append-log-'));
  datasync = await spyOnFileHandles('datasync');
});

afterEach(async () => {
  datasync.mockRestore();
  await rm(dir, { recursive: true, force: true });
});

const lines = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').slice(1);

describe('AppendLog durability', () => {
  const O_DSYNC = constants.O_DSYNC;

  it.runIf(O_DSYNC !== undefined && HAS_PROC_FDINFO)(
    'without an interval, writes through an O_DSYNC handle (on disk when the write returns), also after a rewrite',
    async () => {
      const file = join(dir, 'strict.jsonl');
      const { log } = await AppendLog.create(file, 'test', 1);
      const dsync = async () => (await openFlagsOf(file)).map((flags) => (flags & O_DSYNC) !== 0);
      expect(await dsync()).toEqual([true]);
      for (let i = 0; i < 3; i++) await log.append(`{"n":${i}}`);
      // The write itself waited for the disk: an fdatasync after it would only cost a second call.
      expect(datasync).not.toHaveBeenCalled();
      await log.rewrite(['{"n":2}']);
      expect(await dsync()).toEqual([true]);
      await log.append('{"n":3}');
      await log.close();
      expect(await lines(file)).toEqual(['{"n":2}', '{"n":3}']);
    },
  );

  it.runIf(O_DSYNC === undefined)(
    'without an interval and O_DSYNC, fdatasyncs before an append resolves',
    async () => {
      const file = join(dir, 'strict.jsonl');
      const { log } = await AppendLog.create(file, 'test', 1);
      for (let i = 0; i < 3; i++) {
        const before = datasync.mock.calls.length;
        await log.append(`{"n":${i}}`);
        expect(datasync.mock.calls.length).toBe(before + 1);
      }
      await log.close();
      expect(await lines(file)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
    },
  );

  it.runIf(HAS_PROC_FDINFO)(
    'with an interval, writes through a plain handle (the fdatasync comes later)',
    async () => {
      const file = join(dir, 'deferred.jsonl');
      const { log } = await AppendLog.create(file, 'test', 1, [], { syncIntervalMs: 30 });
      expect((await openFlagsOf(file)).map((flags) => (flags & (O_DSYNC ?? 0)) !== 0)).toEqual([false]);
      await log.close();
    },
  );

  it('with an interval, resolves once written and syncs everything of that interval once', async () => {
    const file = join(dir, 'deferred.jsonl');
    const { log } = await AppendLog.create(file, 'test', 1, [], { syncIntervalMs: 30 });
    for (let i = 0; i < 5; i++) await log.append(`{"n":${i}}`);
    await Promise.all([log.append('{"n":5}'), log.append('{"n":6}')]);
    // Written: another reader of the file sees every line before any fdatasync ran.
    expect(datasync).not.toHaveBeenCalled();
    expect(await lines(file)).toHaveLength(7);
    await vi.waitFor(() => expect(datasync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(datasync).toHaveBeenCalledTimes(1);

    // Close does not wait for the timer: it syncs what is pending at once, and nothing more.
    await log.append('{"n":7}');
    await log.close();
    expect(datasync).toHaveBeenCalledTimes(2);
    expect(await lines(file)).toHaveLength(8);
  });

  it('closes without a sync when everything written was already synced', async () => {
    const { log } = await AppendLog.create(join(dir, 'idle.jsonl'), 'test', 1, [], { syncIntervalMs: 10 });
    await log.append('{"n":1}');
    await vi.waitFor(() => expect(datasync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
    await log.close();
    expect(datasync).toHaveBeenCalledTimes(1);
  });

  it('refuses further appends after a deferred fdatasync failed (the written lines may be lost)', async () => {
    const { log } = await AppendLog.create(join(dir, 'failing.jsonl'), 'test', 1, [], { syncIntervalMs: 10 });
    const failure = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    datasync.mockRejectedValueOnce(failure);
    await log.append('{"n":1}');
    await vi.waitFor(() => expect(datasync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
    await expect(log.append('{"n":2}')).rejects.toBe(failure);
    await log.close();
  });

  it.runIf(existsSync('/dev/full'))(
    'rejects an append the disk refused, and every append after it (the tail is unknown)',
    async () => {
      // /dev/full answers every write with ENOSPC: a full disk, for real.
      const log = await AppendLog.openExisting(
        '/dev/full',
        { schemaVersion: 1, kind: 'test', generation: 'g' },
        0,
      );
      await expect(log.append('{"n":1}')).rejects.toMatchObject({ code: 'ENOSPC' });
      await expect(log.append('{"n":2}')).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(log.size).toBe(0);
      await log.close();
    },
  );

  it('keeps lines appended during a rewrite, and syncs the new file', async () => {
    const file = join(dir, 'rewritten.jsonl');
    const { log } = await AppendLog.create(file, 'test', 1, [], { syncIntervalMs: 20 });
    await log.append('{"old":1}');
    const rewriting = log.rewrite(['{"kept":1}']);
    const during = log.append('{"during":1}');
    await rewriting;
    await during;
    await vi.waitFor(() => expect(datasync).toHaveBeenCalled(), { timeout: 2000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    // The pending sync ran on the new file's handle: on the replaced (closed) one it would have
    // failed, and a failed sync refuses every later append.
    await log.append('{"after":1}');
    await log.close();
    expect(await lines(file)).toEqual(['{"kept":1}', '{"during":1}', '{"after":1}']);
  });
});
