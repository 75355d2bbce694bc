/**
 * When an audit event counts as stored: fsynced before it resolves by default; an event about a
 * dialog in progress ('like-sessions'), with a sync interval, once written, with one fsync within
 * the interval for all of them, or sooner with the next event that waits for the disk.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../storage/lowdb/audit-log.js';
import { spyOnFileHandles } from '../../helpers/file-handle-spy.js';
import { buildAudit } from './records.js';

let dir: string;
let file: string;
let fsync: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'riskcheck-audit-log-'));
  file = join(dir, 'audit.jsonl');
  fsync = await spyOnFileHandles('sync');
});

afterEach(async () => {
  fsync.mockRestore();
  await rm(dir, { recursive: true, force: true });
});

const idsOnDisk = async () =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => (JSON.parse(line) as { id: string }).id);

async function openLog(syncIntervalMs: number): Promise<AuditLog> {
  const { log } = await AuditLog.open(file, dir, syncIntervalMs);
  fsync.mockClear(); // creating the file fsyncs it once
  return log;
}

describe('AuditLog durability', () => {
  it('fsyncs every event before it resolves when no interval is set, whatever it asks', async () => {
    const log = await openLog(0);
    await log.append(buildAudit({ id: 'e1' }), 'like-sessions');
    expect(fsync).toHaveBeenCalledTimes(1);
    await log.append(buildAudit({ id: 'e2' }));
    expect(fsync).toHaveBeenCalledTimes(2);
    await log.close();
    expect(fsync).toHaveBeenCalledTimes(2);
  });

  it('with an interval, resolves a dialog event once written and fsyncs the interval once', async () => {
    const log = await openLog(30);
    for (let n = 1; n <= 4; n++) await log.append(buildAudit({ id: `e${n}` }), 'like-sessions');
    // Written: any reader of the file sees them before an fsync ran.
    expect(fsync).not.toHaveBeenCalled();
    expect(await idsOnDisk()).toEqual(['e1', 'e2', 'e3', 'e4']);
    await vi.waitFor(() => expect(fsync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fsync).toHaveBeenCalledTimes(1);
    await log.close();
    expect(fsync).toHaveBeenCalledTimes(1);
  });

  it('an event that waits for the disk also syncs the dialog events written before it', async () => {
    const log = await openLog(60_000);
    await log.append(buildAudit({ id: 'e1' }), 'like-sessions');
    expect(fsync).not.toHaveBeenCalled();
    // Queued together: the batch waits for its fsync, the dialog event included.
    const both = Promise.all([
      log.append(buildAudit({ id: 'e2' }), 'like-sessions'),
      log.append(buildAudit({ id: 'e3' }), 'on-disk'),
    ]);
    await both;
    expect(fsync).toHaveBeenCalledTimes(1);
    // Nothing is left to sync: closing adds none, and the minute's timer is gone with it.
    await log.close();
    expect(fsync).toHaveBeenCalledTimes(1);
    expect(await idsOnDisk()).toEqual(['e1', 'e2', 'e3']);
  });

  it('closing syncs dialog events still waiting for their interval', async () => {
    const log = await openLog(60_000);
    await log.append(buildAudit({ id: 'e1' }), 'like-sessions');
    await log.close();
    expect(fsync).toHaveBeenCalledTimes(1);
  });

  it('a rewrite while dialog events wait for their fsync keeps them; the fsync uses the new file', async () => {
    const log = await openLog(30);
    await log.append(buildAudit({ id: 'e1', actor: 'slack:U0ALICE' }), 'like-sessions');
    const changed = await log.rewrite((event) => {
      if (event.actor !== 'slack:U0ALICE') return false;
      event.actor = 'pseudonym:1';
      return true;
    });
    expect(changed).toBe(1);
    fsync.mockClear(); // the rewrite fsynced its temp file
    await log.append(buildAudit({ id: 'e2' }), 'like-sessions');
    await vi.waitFor(() => expect(fsync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
    // On the handle of the file now in place, not the replaced one (closed by the rewrite).
    await expect(fsync.mock.results[0]?.value).resolves.toBeUndefined();
    await log.append(buildAudit({ id: 'e3' }));
    await log.close();
    expect(await idsOnDisk()).toEqual(['e1', 'e2', 'e3']);
    expect(await readFile(file, 'utf8')).toContain('pseudonym:1');
  });

  describe('while an fsync runs', () => {
    /** Makes the next fsync wait until released (without syncing: only the order is tested). */
    function holdNextFsync(): () => void {
      let release = () => {};
      fsync.mockImplementationOnce(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      );
      return () => release();
    }

    it('a dialog event is written and resolves without waiting for a submission’s fsync', async () => {
      const log = await openLog(60_000);
      const release = holdNextFsync();
      let submitted = false;
      const submission = log.append(buildAudit({ id: 'e1' })).then(() => {
        submitted = true;
      });
      await vi.waitFor(() => expect(fsync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
      await log.append(buildAudit({ id: 'e2' }), 'like-sessions');
      expect(await idsOnDisk()).toEqual(['e1', 'e2']);
      expect(submitted).toBe(false);
      release();
      await submission;
      await log.close();
    });

    it('events that wait for the disk share the one fsync that starts after it, and resolve after that', async () => {
      const log = await openLog(60_000);
      const release = holdNextFsync();
      const first = log.append(buildAudit({ id: 'e1' }));
      await vi.waitFor(() => expect(fsync).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
      const resolved: string[] = [];
      const later: Promise<void>[] = [];
      // One at a time, as requests arrive: each is written before the next is appended.
      for (const id of ['e2', 'e3', 'e4']) {
        later.push(log.append(buildAudit({ id })).then(() => void resolved.push(id)));
        await vi.waitFor(async () => expect(await idsOnDisk()).toContain(id), { timeout: 2000, interval: 5 });
      }
      // Written, but their fsync has not started: it waits for the running one.
      expect(fsync).toHaveBeenCalledTimes(1);
      expect(resolved).toEqual([]);
      release();
      await first;
      await Promise.all(later);
      expect(fsync).toHaveBeenCalledTimes(2);
      await log.close();
      expect(fsync).toHaveBeenCalledTimes(2);
    });
  });
});
