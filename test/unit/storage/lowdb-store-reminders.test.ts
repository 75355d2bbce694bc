/**
 * The lowdb store's reminders.json and discussions.json: persistence, the file split (a reminder
 * never rewrites sessions or assessments), older data directories without them, and unreadable files.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLowdbStore } from '../../../storage/lowdb/lowdb-store.js';
import type { RiskcheckStore } from '../../../storage/store.js';
import { readJournal } from '../../helpers/read-journal.js';
import { ids, saved } from './contract-helpers.js';
import { openError, tempDir } from './lowdb-helpers.js';
import { buildAssessment, buildDiscussion, buildReminder, buildSession } from './records.js';

describe('lowdb store: reminders and discussions on disk', () => {
  let dir: string;
  const open: RiskcheckStore[] = [];
  const openStore = async () => {
    const store = await createLowdbStore({ dataDir: dir });
    open.push(store);
    return store;
  };
  const file = (name: string) => path.join(dir, name);
  const fingerprint = (names: string[]) =>
    Promise.all(
      names.map(async (name) => {
        const s = await stat(file(name));
        return { name, mtimeMs: s.mtimeMs, ino: s.ino, text: await readFile(file(name), 'utf8') };
      }),
    );

  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps reminders and discussions across close and reopen, with indexes rebuilt', async () => {
    const first = await openStore();
    const v1 = saved(await first.saveReminder(buildReminder(), 0));
    saved(await first.saveReminder({ ...v1, attempts: 1 }, 1));
    saved(await first.saveReminder(buildReminder({ id: 'sent', status: 'sent', departmentId: 'law' }), 0));
    await first.saveDiscussion(buildDiscussion());
    await first.saveDiscussion(buildDiscussion({ id: 'law-1', departmentId: 'law' }));
    await first.close();

    const second = await openStore();
    expect(await second.getReminder(v1.id)).toEqual({ ...buildReminder(), attempts: 1, version: 2 });
    expect(ids(await second.listDueReminders('2025-12-31T00:00:00.000Z'))).toEqual([v1.id]);
    expect(await second.listReminderIds('law')).toEqual(new Set(['sent']));
    expect(await second.getReminder('sent')).toMatchObject({ status: 'sent', departmentId: 'law' });
    expect(await second.listDiscussions('gph')).toEqual([buildDiscussion()]);
    expect(ids(await second.listDiscussions('law'))).toEqual(['law-1']);
    expect((await second.saveReminder(buildReminder(), 1)).kind).toBe('conflict');
    expect(saved(await second.saveReminder(buildReminder(), 2)).version).toBe(3);
  });

  it('journals pending reminders in reminders.jsonl, done ones in reminders-done.jsonl, and a compact discussions.json', async () => {
    const store = await openStore();
    const v1 = saved(await store.saveReminder(buildReminder(), 0));
    expect((await readJournal(file('reminders.jsonl')))?.records.get(v1.id)).toEqual(v1);
    saved(await store.saveReminder({ ...v1, status: 'sent', sentAt: '2025-03-03T08:00:01Z' }, 1));
    await store.saveDiscussion(buildDiscussion());
    const pending = await readJournal(file('reminders.jsonl'));
    expect(pending?.header).toMatchObject({ schemaVersion: 1, kind: 'riskcheck-reminders' });
    expect(pending?.lines).toBe(2);
    expect(pending?.records.size).toBe(0);
    const done = await readJournal(file('reminders-done.jsonl'));
    expect(done?.header).toMatchObject({ schemaVersion: 1, kind: 'riskcheck-reminders-done' });
    expect(done?.records.get(buildReminder().id)).toEqual({
      ...buildReminder(),
      status: 'sent',
      sentAt: '2025-03-03T08:00:01Z',
      version: 2,
    });
    expect(JSON.parse(await readFile(file('discussions.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      discussions: { 'discussion-1': buildDiscussion() },
    });
  });

  it('opens a data directory written before reminders existed, without creating their files', async () => {
    const first = await openStore();
    saved(await first.saveSession(buildSession(), 0));
    await first.close();
    const before = (await readdir(dir)).sort();
    expect(before).not.toContain('discussions.json');

    const second = await openStore();
    expect(await second.getSession('session-1')).toMatchObject({ version: 1 });
    expect(await second.listDueReminders('2099-01-01T00:00:00.000Z')).toEqual([]);
    expect(await second.listDiscussions('gph')).toEqual([]);
    expect((await readdir(dir)).filter((f) => f !== '.riskcheck.lock').sort()).toEqual(before);
  });

  it('saving a reminder or a discussion rewrites only its own file', async () => {
    const store = await openStore();
    saved(await store.saveSession(buildSession(), 0));
    saved(await store.saveAssessment(buildAssessment(), 0));
    const history = ['sessions.jsonl', 'assessments.jsonl'];
    const before = await fingerprint(history);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const v1 = saved(await store.saveReminder(buildReminder(), 0));
    saved(await store.saveReminder({ ...v1, status: 'sent', sentAt: '2025-03-03T08:00:01Z' }, 1));
    expect(await fingerprint(history)).toEqual(before);

    const withReminders = await fingerprint([...history, 'reminders.jsonl']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.saveDiscussion(buildDiscussion());
    expect(await fingerprint([...history, 'reminders.jsonl'])).toEqual(withReminders);
  });

  it('keeps every one of many concurrent reminder saves', async () => {
    const store = await openStore();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.saveReminder(buildReminder({ id: `r-${i}` }), 0)),
    );
    await store.close();
    expect(await (await openStore()).listPendingReminders('gph')).toHaveLength(30);
  });

  for (const name of ['reminders.json', 'discussions.json']) {
    it(`refuses a damaged ${name} with STORE_CORRUPT, naming it, and leaves it untouched`, async () => {
      const damaged = `{"schemaVersion":1,"${name.replace('.json', '')}":{"x`;
      await writeFile(file(name), damaged);
      const error = await openError(dir);
      expect(error).toMatchObject({ code: 'STORE_CORRUPT', file: file(name) });
      expect(error.message).toContain(file(name));
      expect(error.message).toContain('restore it from your backup or move it aside');
      expect(await readFile(file(name), 'utf8')).toBe(damaged);
      expect(await readdir(dir)).toEqual([name]);
    });

    it(`refuses ${name} with an unknown schemaVersion with STORE_SCHEMA_UNKNOWN`, async () => {
      const future = JSON.stringify({ schemaVersion: 2, [name.replace('.json', '')]: {} });
      await writeFile(file(name), future);
      const error = await openError(dir);
      expect(error).toMatchObject({ code: 'STORE_SCHEMA_UNKNOWN', file: file(name) });
      expect(error.message).toContain(file(name));
      expect(await readFile(file(name), 'utf8')).toBe(future);
    });
  }

  it('refuses malformed reminder records with STORE_CORRUPT', async () => {
    const cases = [
      { id: 'r', version: 1, departmentId: 'gph', dueAt: '2025-03-03T08:00:00Z', status: 'done' },
      { id: 'r', version: 0, departmentId: 'gph', dueAt: '2025-03-03T08:00:00Z', status: 'pending' },
      { id: 'r', version: 1, dueAt: '2025-03-03T08:00:00Z', status: 'pending' },
      { id: 'other', version: 1, departmentId: 'gph', dueAt: '2025-03-03T08:00:00Z', status: 'pending' },
    ];
    for (const record of cases) {
      const text = JSON.stringify({ schemaVersion: 1, reminders: { r: record } });
      await writeFile(file('reminders.json'), text);
      expect(await openError(dir)).toMatchObject({ code: 'STORE_CORRUPT', file: file('reminders.json') });
      expect(await readFile(file('reminders.json'), 'utf8')).toBe(text);
    }
  });

  it('refuses malformed discussion records with STORE_CORRUPT', async () => {
    await writeFile(
      file('discussions.json'),
      JSON.stringify({ schemaVersion: 1, discussions: { d: { id: 'd' } } }),
    );
    expect(await openError(dir)).toMatchObject({ code: 'STORE_CORRUPT', file: file('discussions.json') });
  });
});
