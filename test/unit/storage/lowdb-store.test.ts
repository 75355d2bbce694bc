/**
 * The lowdb store against the shared contract, plus what only a file store can get wrong:
 * persistence, the hot/cold file split, unreadable files, the directory lock and pruning.
 * Every test uses a real temp directory (JSONFilePreset would have silently used memory here).
 * Reminder and discussion files are tested in lowdb-store-reminders.test.ts.
 */
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLowdbStore } from '../../../storage/lowdb/lowdb-store.js';
import type { RiskcheckStore } from '../../../storage/store.js';
import { readJournal } from '../../helpers/read-journal.js';
import { openError, tempDir } from './lowdb-helpers.js';
import { buildAssessment, buildAudit, buildLink, buildSession } from './records.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('lowdb', async () => {
  const dir = await tempDir();
  const store = await createLowdbStore({ dataDir: dir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('lowdb store on disk', () => {
  let dir: string;
  const open: RiskcheckStore[] = [];
  const openStore = async () => {
    const store = await createLowdbStore({ dataDir: dir });
    open.push(store);
    return store;
  };
  const file = (name: string) => path.join(dir, name);

  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps everything across close and reopen, with indexes rebuilt', async () => {
    const first = await openStore();
    await first.saveSession(buildSession(), 0);
    await first.saveAssessment(buildAssessment(), 0);
    await first.saveLink(buildLink());
    await first.appendAudit(buildAudit());
    await first.markProcessed('activity-1', '2025-03-01T00:00:00Z');
    await first.close();
    await first.close(); // idempotent

    const second = await openStore();
    expect(await second.getSession('session-1')).toEqual({ ...buildSession(), version: 1 });
    expect(await second.listSessionsByOwner('teams:aad-alice')).toHaveLength(1);
    expect(await second.listAssessmentsByDepartment('gph')).toEqual([{ ...buildAssessment(), version: 1 }]);
    expect(await second.listAssessmentsBySubmitter('teams:aad-alice')).toHaveLength(1);
    expect(await second.getLink('dept:gph:teams')).toEqual(buildLink());
    expect(await second.listAudit()).toEqual([buildAudit()]);
    expect(await second.markProcessed('activity-1', '2025-03-01T00:00:01Z')).toBe(false);
    expect((await second.saveSession(buildSession(), 1)).kind).toBe('saved');
  });

  it('journals carry a header with kind and schemaVersion 1, then one compact line per save', async () => {
    const store = await openStore();
    const v1 = await store.saveSession(buildSession(), 0);
    if (v1.kind !== 'saved') throw new Error('expected saved');
    await store.saveSession({ ...v1.record, stepId: 'partner' }, 1);
    await store.deleteSession('session-1');
    const lines = (await readFile(file('sessions.jsonl'), 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    const [header, ...records] = lines.map((line) => JSON.parse(line));
    expect(header).toMatchObject({
      schemaVersion: 1,
      kind: 'riskcheck-sessions',
      generation: expect.any(String),
    });
    expect(records).toEqual([
      { put: expect.objectContaining({ id: 'session-1', version: 1 }) },
      { put: expect.objectContaining({ id: 'session-1', version: 2, stepId: 'partner' }) },
      { del: 'session-1' },
    ]);
    const [auditHeader] = (await readFile(file('audit.jsonl'), 'utf8')).split('\n');
    expect(JSON.parse(auditHeader!)).toEqual({ schemaVersion: 1 });
  });

  it('saving a session appends to sessions.jsonl only, never touching the assessment history', async () => {
    const store = await openStore();
    await store.saveAssessment(buildAssessment(), 0);
    await store.saveLink(buildLink());
    const names = ['assessments.jsonl', 'links.json'];
    const before = await Promise.all(names.map((f) => stat(file(f))));
    const content = await readFile(file('assessments.jsonl'), 'utf8');
    const sessionsBefore = (await stat(file('sessions.jsonl'))).size;
    await new Promise((resolve) => setTimeout(resolve, 20));

    const v1 = await store.saveSession(buildSession(), 0);
    if (v1.kind !== 'saved') throw new Error('expected saved');
    await store.saveSession({ ...v1.record, stepId: 'partner' }, 1);

    const after = await Promise.all(names.map((f) => stat(file(f))));
    expect(after.map((s) => [s.mtimeMs, s.ino])).toEqual(before.map((s) => [s.mtimeMs, s.ino]));
    expect(await readFile(file('assessments.jsonl'), 'utf8')).toBe(content);
    const sessionsText = await readFile(file('sessions.jsonl'), 'utf8');
    // Appended: the second save added one line of about the first one's size, nothing rewritten.
    expect(sessionsText.split('\n')).toHaveLength(4);
    expect(Buffer.byteLength(sessionsText)).toBeGreaterThan(sessionsBefore);
  });

  it('keeps every one of many concurrent writes (coalesced writes lose nothing)', async () => {
    const store = await openStore();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.saveSession(buildSession({ id: `s-${i}` }), 0)),
    );
    await store.close();
    const reopened = await openStore();
    expect(await reopened.listSessionsByOwner('teams:aad-alice')).toHaveLength(40);
  });

  it('refuses a file that is not JSON with STORE_CORRUPT, naming it, and leaves it untouched', async () => {
    const damaged = '{"schemaVersion":1,"sessions":{"s';
    await writeFile(file('sessions.json'), damaged);
    const error = await openError(dir);
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.file).toBe(file('sessions.json'));
    expect(error.message).toContain(file('sessions.json'));
    expect(error.message).toContain('restore it from your backup or move it aside');
    expect(await readFile(file('sessions.json'), 'utf8')).toBe(damaged);
    // Nothing else was created, and the failed open released the lock.
    await rm(file('sessions.json'));
    await expect(openStore()).resolves.toBeDefined();
  });

  it('refuses JSON whose records are malformed with STORE_CORRUPT', async () => {
    await writeFile(file('assessments.json'), JSON.stringify({ schemaVersion: 1, assessments: { a: 5 } }));
    expect((await openError(dir)).code).toBe('STORE_CORRUPT');
  });

  it('refuses an unknown schemaVersion with STORE_SCHEMA_UNKNOWN and leaves the file alone', async () => {
    const future = JSON.stringify({ schemaVersion: 2, assessments: {} });
    await writeFile(file('assessments.json'), future);
    const error = await openError(dir);
    expect(error).toMatchObject({ code: 'STORE_SCHEMA_UNKNOWN', file: file('assessments.json') });
    expect(error.message).toContain(file('assessments.json'));
    expect(await readFile(file('assessments.json'), 'utf8')).toBe(future);
  });

  it('refuses a second open of the same directory with STORE_LOCKED, and reopens after close', async () => {
    const first = await openStore();
    const error = await openError(dir);
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toContain('Another riskcheck process is using data directory');
    await first.close();
    const second = await openStore();
    expect(await second.getSession('session-1')).toBeUndefined();
  });

  it('takes over a stale lock left by a killed process', async () => {
    await mkdir(file('.riskcheck.lock'));
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(file('.riskcheck.lock'), minuteAgo, minuteAgo);
    await expect(openStore()).resolves.toBeDefined();
  });

  it('prunes processed keys older than the retention window from processed.jsonl when compacted', async () => {
    const store = await openStore();
    await store.markProcessed('old', '2025-03-09T00:00:00Z');
    await store.markProcessed('recent', '2025-03-09T00:30:00Z');
    await store.markProcessed('new', '2025-03-09T01:10:00Z');
    await store.purgeSuperseded();
    const journal = await readJournal(file('processed.jsonl'));
    expect([...(journal?.records.keys() ?? [])].sort()).toEqual(['new', 'recent']);
    expect(journal?.lines).toBe(2);
  });

  it('drops an audit append torn by a crash; a damaged line before the end is reported, never rewritten', async () => {
    const store = await openStore();
    await store.appendAudit(buildAudit({ id: 'e1' }));
    await store.close();
    const good = await readFile(file('audit.jsonl'), 'utf8');
    await writeFile(file('audit.jsonl'), `${good}{"id":"e2","at":"20`);
    const reopened = await openStore();
    expect((await reopened.listAudit()).map((e) => e.id)).toEqual(['e1']);
    await reopened.appendAudit(buildAudit({ id: 'e3' }));
    await reopened.close();
    expect((await (await openStore()).listAudit()).map((e) => e.id)).toEqual(['e1', 'e3']);
    await Promise.all(open.splice(0).map((s) => s.close()));

    // Damaged last complete line: start-up refuses, as before any append could follow it.
    const damagedEnd = `${good}{"id":"e5"}\n{"id":\n`;
    await writeFile(file('audit.jsonl'), damagedEnd);
    expect(await openError(dir)).toMatchObject({ code: 'STORE_CORRUPT', file: file('audit.jsonl') });
    expect(await readFile(file('audit.jsonl'), 'utf8')).toBe(damagedEnd);

    // Damaged further up: start-up reads only the ends; reading the trail reports it, and
    // erasure's rewrite refuses rather than write a trail without that line.
    const damaged = `${good}{"id":\n${JSON.stringify(buildAudit({ id: 'e4' }))}\n`;
    await writeFile(file('audit.jsonl'), damaged);
    const store2 = await openStore();
    await expect(store2.listAudit()).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      file: file('audit.jsonl'),
    });
    await expect(store2.rewriteAuditActors([{ from: 'a', to: 'b' }])).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
    });
    await store2.appendAudit(buildAudit({ id: 'e6' }));
    await store2.close();
    expect(await readFile(file('audit.jsonl'), 'utf8')).toBe(
      `${damaged}${JSON.stringify(buildAudit({ id: 'e6' }))}\n`,
    );
  });

  it('opens an audit trail longer than the tail it checks, and checks its last line', async () => {
    const store = await openStore();
    const events = Array.from({ length: 600 }, (_, i) =>
      buildAudit({ id: `e${i}`, action: 'x'.repeat(150) }),
    );
    for (const event of events) await store.appendAudit(event);
    await store.close();
    const reopened = await openStore();
    expect((await reopened.listAudit()).length).toBe(600);
    await reopened.close();
    open.splice(0);
    const good = await readFile(file('audit.jsonl'), 'utf8');
    expect(good.length).toBeGreaterThan(64 * 1024);
    await writeFile(file('audit.jsonl'), `${good}[1,2]\n`);
    expect(await openError(dir)).toMatchObject({ code: 'STORE_CORRUPT', file: file('audit.jsonl') });
  });

  it('rejects use after close', async () => {
    const store = await openStore();
    await store.close();
    await expect(store.getSession('x')).rejects.toThrow('closed');
  });
});
