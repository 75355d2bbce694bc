/**
 * The journals of the embedded store (sessions.jsonl, processed.jsonl, assessments.jsonl and its
 * index snapshot): torn and damaged lines, unknown headers, the index snapshot being used and
 * being ignored when it does not fit, purging, saves racing a purge, and importing the lowdb
 * files of an older data directory.
 */
import { constants } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, type vi } from 'vitest';
import { AssessmentJournal } from '../../../storage/journal/assessment-journal.js';
import { spyOnFileHandles } from '../../helpers/file-handle-spy.js';
import {
  readSnapshotFile,
  type SnapshotFile,
  snapshotFileText,
  writeSnapshotFile,
} from '../../helpers/index-snapshot-file.js';
import { HAS_PROC_FDINFO, openFlagsOf } from '../../helpers/open-flags.js';
import { readJournal } from '../../helpers/read-journal.js';
import { refused, saved } from './contract-helpers.js';
import { openError, useStoreDir } from './lowdb-helpers.js';
import { buildAssessment, buildReminder, buildSession } from './records.js';

describe('lowdb store: journals on disk', () => {
  const { dir, file, openStore, closeAll } = useStoreDir();
  const read = (name: string) => readFile(file(name), 'utf8');

  it('cuts off a save torn by a crash at the end of a journal and keeps appending after it', async () => {
    const store = await openStore();
    saved(await store.saveSession(buildSession({ id: 's1' }), 0));
    await closeAll();
    await writeFile(file('sessions.jsonl'), `${await read('sessions.jsonl')}{"put":{"id":"s2","ver`);

    const reopened = await openStore();
    expect(await reopened.getSession('s2')).toBeUndefined();
    saved(await reopened.saveSession(buildSession({ id: 's3' }), 0));
    await closeAll();
    const journal = await readJournal(file('sessions.jsonl'));
    expect(journal?.tornBytes).toBe(0);
    expect([...(journal?.records.keys() ?? [])]).toEqual(['s1', 's3']);
  });

  it('hands out records read back from disk frozen, like saved ones', async () => {
    const store = await openStore();
    saved(await store.saveSession(buildSession({ id: 's1' }), 0));
    saved(await store.saveReminder(buildReminder({ id: 'r1' }), 0));
    await closeAll();
    const reopened = await openStore();
    const session = (await reopened.getSession('s1'))!;
    const reminder = (await reopened.getReminder('r1'))!;
    refused(() => {
      session.answers.title = 'changed';
    });
    refused(() => reminder.posts.push({ platform: 'teams', conversationId: 'c', messageId: 'm' }));
    expect((await reopened.getSession('s1'))?.answers.title).toBe(buildSession().answers.title);
  });

  it('refuses a damaged line before the end with STORE_CORRUPT, naming the file, and leaves it untouched', async () => {
    const store = await openStore();
    saved(await store.saveAssessment(buildAssessment({ id: 'a1' }), 0));
    await closeAll();
    const [header, line] = (await read('assessments.jsonl')).split('\n');
    const damaged = `${header}\n{"put":{"id":\n${line}\n`;
    await writeFile(file('assessments.jsonl'), damaged);
    await rm(file('assessments.index.json'), { force: true });

    const error = await openError(dir());
    expect(error).toMatchObject({ code: 'STORE_CORRUPT', file: file('assessments.jsonl') });
    expect(error.message).toContain('restore it from your backup or move it aside');
    expect(await read('assessments.jsonl')).toBe(damaged);
  });

  it('refuses a journal of another kind or schemaVersion with STORE_SCHEMA_UNKNOWN', async () => {
    const future = `${JSON.stringify({ schemaVersion: 2, kind: 'riskcheck-sessions', generation: 'g' })}\n`;
    await writeFile(file('sessions.jsonl'), future);
    expect(await openError(dir())).toMatchObject({
      code: 'STORE_SCHEMA_UNKNOWN',
      file: file('sessions.jsonl'),
    });
    await writeFile(
      file('sessions.jsonl'),
      `${JSON.stringify({ schemaVersion: 1, kind: 'riskcheck-assessments', generation: 'g' })}\n`,
    );
    expect(await openError(dir())).toMatchObject({ code: 'STORE_SCHEMA_UNKNOWN' });
    expect(await read('sessions.jsonl')).toContain('riskcheck-assessments');
  });

  it('refuses a journal record of the wrong shape with STORE_CORRUPT, saying which record', async () => {
    const header = JSON.stringify({ schemaVersion: 1, kind: 'riskcheck-reminders', generation: 'g' });
    const bad = JSON.stringify({ put: { ...buildReminder(), version: 1, status: 'maybe' } });
    await writeFile(file('reminders.jsonl'), `${header}\n${bad}\n`);
    const error = await openError(dir());
    expect(error).toMatchObject({ code: 'STORE_CORRUPT', file: file('reminders.jsonl') });
    expect(error.message).toContain(`reminder ${buildReminder().id} has an unknown status`);
  });

  it('starts from the index snapshot and replays only the lines after it', async () => {
    const store = await openStore();
    saved(await store.saveAssessment(buildAssessment({ id: 'a1' }), 0));
    await closeAll(); // close writes the snapshot
    const snapshot = await readSnapshotFile(file('assessments.index.json'));
    expect(snapshot.head).toMatchObject({ snapshotVersion: 3, rows: 1 });
    expect(snapshot.columns.id).toEqual(['a1']);

    // A summary changed only in the snapshot shows that start-up took it from there.
    snapshot.columns.title[0] = 'from the snapshot';
    await writeSnapshotFile(file('assessments.index.json'), snapshot);
    const reopened = await openStore();
    expect((await reopened.listAssessmentSummaries())[0]?.title).toBe('from the snapshot');
    // Lines appended after the snapshot are replayed on top of it.
    saved(
      await reopened.saveAssessment(buildAssessment({ id: 'a2', submittedAt: '2025-04-01T00:00:00Z' }), 0),
    );
    await closeAll();
    await writeSnapshotFile(file('assessments.index.json'), snapshot);
    const third = await openStore();
    expect((await third.listAssessmentSummaries()).map((s) => s.id)).toEqual(['a1', 'a2']);
    expect((await third.getAssessment('a2'))?.submittedAt).toBe('2025-04-01T00:00:00Z');
  });

  it('leaves a current index snapshot alone when nothing was saved, and rewrites it after a save', async () => {
    const store = await openStore();
    saved(await store.saveAssessment(buildAssessment({ id: 'a1' }), 0));
    await closeAll();
    const written = await stat(file('assessments.index.json'));
    await new Promise((resolve) => setTimeout(resolve, 20));

    await openStore();
    await closeAll();
    const untouched = await stat(file('assessments.index.json'));
    expect([untouched.mtimeMs, untouched.ino]).toEqual([written.mtimeMs, written.ino]);

    const reopened = await openStore();
    saved(await reopened.saveAssessment(buildAssessment({ id: 'a2' }), 0));
    await closeAll();
    const snapshot = await readSnapshotFile(file('assessments.index.json'));
    expect([...snapshot.columns.id].sort()).toEqual(['a1', 'a2']);
  });

  it('ignores an index snapshot that is damaged, cut short or of another generation, and replays the history', async () => {
    const store = await openStore();
    saved(await store.saveAssessment(buildAssessment({ id: 'a1', title: 'real' }), 0));
    saved(await store.saveAssessment(buildAssessment({ id: 'a2', title: 'also real' }), 0));
    await closeAll();
    const { head, columns } = await readSnapshotFile(file('assessments.index.json'));
    // A snapshot that does not fit must leave nothing behind: a record that is not in the file
    // at all ("ghost", in a1's place) would survive the replay.
    const ghostly = { ...columns, id: ['ghost', 'a2'], title: ['stale', 'stale'] };
    const text = (changes: { head?: Partial<SnapshotFile['head']>; columns?: Record<string, unknown> }) =>
      snapshotFileText({ head: { ...head, ...changes.head }, columns: { ...ghostly, ...changes.columns } });
    const dropped = (name: string) =>
      text({ head: { columns: head.columns.filter((other) => other !== name) } });
    const v2 = [
      JSON.stringify({ snapshotVersion: 2, generation: head.generation, size: head.size, rows: 1 }),
      JSON.stringify([0, 10, { id: 'ghost', version: 1, title: 'stale' }]),
    ].join('\n');
    const whole = text({});
    for (const bad of [
      whole.slice(0, whole.length - 20),
      text({ head: { columns: [...head.columns, 'more'] } }),
      text({ head: { rows: 3 } }),
      text({ head: { generation: 'other' } }),
      text({ head: { snapshotVersion: 2 } }),
      `${v2}\n`,
      text({ columns: { id: ['ghost', 'ghost'] } }),
      text({ columns: { version: ['1', 1] } }),
      text({ columns: { offset: [-1, columns.offset[1]] } }),
      text({ columns: { title: ['stale'] } }),
      text({ columns: { title: ['stale', null] } }),
      text({ columns: { departmentId: { values: [null, 'gph'], codes: [1, 7] } } }),
      text({
        columns: { submitterKey: { ...columns.submitterKey, codes: [columns.submitterKey.codes[0], 0] } },
      }),
      text({ columns: { submittedAt: { millis: [0, 'yesterday'], verbatim: [] } } }),
      text({ columns: { submittedAt: { millis: [0, 1], verbatim: [[1, 'yesterday']] } } }),
      // Written before decisions said whether their comment is still there.
      dropped('decision.hasComment'),
      dropped('id'),
    ]) {
      await writeFile(file('assessments.index.json'), bad);
      const reopened = await openStore();
      expect((await reopened.listAssessmentSummaries()).map((s) => [s.id, s.title])).toEqual([
        ['a1', 'real'],
        ['a2', 'also real'],
      ]);
      await closeAll();
    }
    // The same columns, well-formed: start-up takes them from the snapshot (ghost and all).
    await writeFile(file('assessments.index.json'), text({}));
    const trusting = await openStore();
    expect((await trusting.listAssessmentSummaries()).map((s) => [s.id, s.title]).sort()).toEqual([
      ['a2', 'stale'],
      ['ghost', 'stale'],
    ]);
  });

  it('purges superseded versions, keeping saves made while it runs', async () => {
    const store = await openStore();
    const v1 = saved(await store.saveAssessment(buildAssessment({ id: 'a1', title: 'secret plan' }), 0));
    saved(await store.saveAssessment({ ...v1, title: 'anonymised' }, 1));
    const racing = Array.from({ length: 20 }, (_, i) =>
      store.saveAssessment(buildAssessment({ id: `r${i}`, title: `racing ${i}` }), 0),
    );
    await Promise.all([store.purgeSuperseded(), ...racing]);
    expect(await read('assessments.jsonl')).not.toContain('secret plan');
    expect((await store.listAssessmentSummaries()).map((s) => s.id).sort()).toHaveLength(21);
    for (let i = 0; i < 20; i++) expect((await store.getAssessment(`r${i}`))?.title).toBe(`racing ${i}`);
    await closeAll();

    const reopened = await openStore();
    expect(await reopened.getAssessment('a1')).toMatchObject({ title: 'anonymised', version: 2 });
    expect(await reopened.listAssessmentSummaries()).toHaveLength(21);
  });

  it('answers reads made while a purge replaces the file', async () => {
    const store = await openStore();
    for (let i = 0; i < 30; i++) {
      const v1 = saved(await store.saveAssessment(buildAssessment({ id: `a${i}`, title: `first ${i}` }), 0));
      saved(await store.saveAssessment({ ...v1, title: `second ${i}` }, 1));
    }
    // Reads keep starting for as long as the purge runs, so some land while the file is swapped.
    const purge = store.purgeSuperseded();
    let purged = false;
    void purge.then(() => {
      purged = true;
    });
    const titles: (string | undefined)[] = [];
    do {
      const found = await Promise.all(Array.from({ length: 30 }, (_, i) => store.getAssessment(`a${i}`)));
      titles.push(...found.map((a) => a?.title));
    } while (!purged);
    await purge;
    expect(titles.filter((t) => !t?.startsWith('second '))).toEqual([]);
    expect(await read('assessments.jsonl')).not.toContain('first 1');
  });

  it('keeps a removal and a new record made while a purge copies the old lines', async () => {
    const files = { file: file('assessments.jsonl'), indexFile: file('assessments.index.json') };
    const journal = await (await AssessmentJournal.load(files)).finish();
    for (let i = 0; i < 200; i++)
      await journal.put(buildAssessment({ id: `a${i}`, title: `first ${i}`, version: 1 }));
    const purge = journal.purge();
    // Once the purge has started reading the old lines one by one: remove the last record, and
    // add a new one, which takes the removed record's place in memory.
    await new Promise((resolve) => setImmediate(resolve));
    const late = buildAssessment({ id: 'late', title: 'late', version: 1 });
    await Promise.all([purge, journal.delete('a199'), journal.put(late)]);
    expect(await journal.get('a199')).toBeUndefined();
    expect((await journal.get('late'))?.title).toBe('late');
    expect((await journal.get('a198'))?.title).toBe('first 198');
    await journal.close();

    const reopened = await (await AssessmentJournal.load(files)).finish();
    expect(reopened.summaries()).toHaveLength(200);
    expect(await reopened.get('a199')).toBeUndefined();
    expect((await reopened.get('late'))?.title).toBe('late');
    await reopened.close();
  });

  it('imports the lowdb files of an older data directory once, keeping a backup of each', async () => {
    const assessment = { ...buildAssessment(), version: 2 };
    const session = { ...buildSession(), version: 1 };
    await writeFile(
      file('assessments.json'),
      JSON.stringify({ schemaVersion: 1, assessments: { [assessment.id]: assessment } }),
    );
    await writeFile(
      file('sessions.json'),
      JSON.stringify({ schemaVersion: 1, sessions: { [session.id]: session } }),
    );
    await writeFile(
      file('processed.json'),
      JSON.stringify({ schemaVersion: 1, keys: { 'teams:activity:1': '2025-03-01T00:00:00Z' } }),
    );

    const reminder = { ...buildReminder(), version: 1 };
    await writeFile(
      file('reminders.json'),
      JSON.stringify({ schemaVersion: 1, reminders: { [reminder.id]: reminder } }),
    );

    const store = await openStore();
    expect(await store.getReminder(reminder.id)).toEqual(reminder);
    expect(await store.getAssessment(assessment.id)).toEqual(assessment);
    expect(await store.getSession(session.id)).toEqual(session);
    expect(await store.markProcessed('teams:activity:1', '2025-03-01T00:00:05Z')).toBe(false);
    await closeAll();

    const files = await readdir(dir());
    for (const legacy of ['assessments.json', 'sessions.json', 'processed.json', 'reminders.json']) {
      expect(files).not.toContain(legacy);
      expect(files.some((f) => f.startsWith(`${legacy}.v1.`) && f.endsWith('.bak'))).toBe(true);
    }
    const sizes = await Promise.all(
      ['assessments.jsonl', 'sessions.jsonl'].map(async (f) => (await stat(file(f))).size),
    );
    // Opening again reads the journals; nothing is imported twice.
    const again = await openStore();
    expect(await again.listAssessmentSummaries()).toHaveLength(1);
    await closeAll();
    expect(
      await Promise.all(['assessments.jsonl', 'sessions.jsonl'].map(async (f) => (await stat(file(f))).size)),
    ).toEqual(sizes);
  });
});

describe('lowdb store: when a save counts as done', () => {
  const { file, openStore } = useStoreDir();
  let datasync: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    datasync = await spyOnFileHandles('datasync');
  });
  afterEach(() => datasync.mockRestore());

  it('with a hot sync interval, answers and dedup keys resolve once written; the history waits for its fsync', async () => {
    const store = await openStore({ hotSyncIntervalMs: 60_000 });
    saved(await store.saveSession(buildSession({ id: 's1' }), 0));
    expect(await store.markProcessed('slack:trigger:1', new Date().toISOString())).toBe(true);
    expect(datasync).not.toHaveBeenCalled();
    // Written, so a crash of the process would not lose them: another reader already sees them.
    expect((await readJournal(file('sessions.jsonl')))?.records.has('s1')).toBe(true);
    expect((await readJournal(file('processed.jsonl')))?.records.has('slack:trigger:1')).toBe(true);

    saved(await store.saveAssessment(buildAssessment({ id: 'a1' }), 0));
    saved(await store.saveReminder(buildReminder({ id: 'r1' }), 0));
    if (DSYNC_VISIBLE) {
      // Each of their writes returned only once on disk: no fdatasync needed after it.
      expect(await openedWithDsync('assessments.jsonl')).toBe(true);
      expect(await openedWithDsync('reminders.jsonl')).toBe(true);
      expect(await openedWithDsync('sessions.jsonl')).toBe(false);
      expect(await openedWithDsync('processed.jsonl')).toBe(false);
      expect(datasync).not.toHaveBeenCalled();
    } else {
      expect(datasync).toHaveBeenCalledTimes(2);
    }
  });

  it('without one (the default of the store itself), every answer is on disk before it resolves', async () => {
    const store = await openStore();
    saved(await store.saveSession(buildSession({ id: 's1' }), 0));
    if (DSYNC_VISIBLE) {
      expect(await openedWithDsync('sessions.jsonl')).toBe(true);
      expect(await openedWithDsync('processed.jsonl')).toBe(true);
    } else {
      expect(datasync).toHaveBeenCalledTimes(1);
    }
  });

  /** Linux: the journals' handles are checked in /proc (the durable ones carry O_DSYNC). */
  const DSYNC_VISIBLE = constants.O_DSYNC !== undefined && HAS_PROC_FDINFO;

  async function openedWithDsync(name: string): Promise<boolean> {
    const flags = await openFlagsOf(file(name));
    expect(flags).toHaveLength(1);
    return ((flags[0] ?? 0) & constants.O_DSYNC) !== 0;
  }
});

describe('lowdb store: health', () => {
  const { openStore } = useStoreDir();
  let writev: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    writev = await spyOnFileHandles('writev');
  });
  afterEach(() => writev.mockRestore());

  it('reports the failed write that makes it refuse every later save, naming the file', async () => {
    const store = await openStore();
    expect(store.health()).toEqual({ ok: true });
    const failure = Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    writev.mockRejectedValueOnce(failure);
    await expect(store.saveSession(buildSession({ id: 's1' }), 0)).rejects.toBe(failure);
    expect(store.health()).toEqual({
      ok: false,
      problem: 'writing sessions.jsonl failed (EIO: i/o error, write)',
    });
    // Still refused, although the disk would take it now: the file's end is unknown.
    await expect(store.saveSession(buildSession({ id: 's2' }), 0)).rejects.toBe(failure);
    // Other journals still work; the store as a whole is reported failing all the same.
    saved(await store.saveAssessment(buildAssessment({ id: 'a1' }), 0));
    expect(store.health().ok).toBe(false);
  });
});
