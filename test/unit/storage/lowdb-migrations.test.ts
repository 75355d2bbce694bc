/**
 * Schema migrations of the lowdb files: an older file is upgraded on open after its original bytes
 * were copied to a `.bak`, and a migration that fails (or yields an invalid file) leaves the file
 * untouched and stops startup with a coded error. Every file is still at schemaVersion 1, so the
 * migrations here are registered only for the test, from a made-up schemaVersion 0.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../storage/errors.js';
import { SCHEMA_VERSION } from '../../../storage/lowdb/data-files.js';
import { createLowdbStore } from '../../../storage/lowdb/lowdb-store.js';
import { backUp, MIGRATIONS, type Migration } from '../../../storage/lowdb/migrations.js';
import { readJournal } from '../../helpers/read-journal.js';
import { tempDir } from './lowdb-helpers.js';
import { buildAssessment, buildSession } from './records.js';

/** Version 0 of sessions.json (invented for the test) held the sessions as a list. */
const listToDict: Migration = {
  file: 'sessions.json',
  from: 0,
  to: 1,
  migrate: (data) => ({
    schemaVersion: 1,
    sessions: Object.fromEntries((data.list as Array<{ id: string }>).map((s) => [s.id, s])),
  }),
};
const oldSessions = JSON.stringify({ schemaVersion: 0, list: [{ ...buildSession(), version: 3 }] });

describe('lowdb schema migrations', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const backups = async () => (await readdir(dir)).filter((name) => name.endsWith('.bak'));
  const openError = async (migrations: readonly Migration[]) => {
    const error = await createLowdbStore({ dataDir: dir, migrations }).then(
      () => new Error('expected createLowdbStore to throw'),
      (e: unknown) => e,
    );
    if (!(error instanceof StoreError)) throw error;
    return error;
  };

  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates an older file on open, keeping the original bytes in a backup', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    const store = await createLowdbStore({ dataDir: dir, migrations: [listToDict] });
    expect(await store.getSession('session-1')).toMatchObject({ id: 'session-1', version: 3 });
    expect((await store.saveSession(buildSession(), 3)).kind).toBe('saved');
    await store.close();

    // Two backups: the original bytes before the migration, and the migrated file before it was
    // imported into sessions.jsonl (the legacy file itself is then removed).
    const [original, imported, ...more] = (await backups()).sort();
    expect(more).toEqual([]);
    expect(original).toMatch(/^sessions\.json\.v0\.\d{8}T\d{9}Z\.bak$/);
    expect(await readFile(file(original!), 'utf8')).toBe(oldSessions);
    expect(imported).toMatch(/^sessions\.json\.v1\.\d{8}T\d{9}Z\.bak$/);
    expect(JSON.parse(await readFile(file(imported!), 'utf8'))).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      sessions: { 'session-1': { version: 3 } },
    });
    expect(await readdir(dir)).not.toContain('sessions.json');
    expect((await readJournal(file('sessions.jsonl')))?.records.get('session-1')).toMatchObject({
      version: 4,
    });
  });

  it('imports the migrated file at open, and a later open neither migrates nor backs up again', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    await (await createLowdbStore({ dataDir: dir, migrations: [listToDict] })).close();
    expect((await readJournal(file('sessions.jsonl')))?.records.get('session-1')).toMatchObject({
      version: 3,
    });

    // Without the migration registered: the file is already current.
    const store = await createLowdbStore({ dataDir: dir, migrations: [] });
    expect(await store.getSession('session-1')).toMatchObject({ version: 3 });
    await store.close();
    expect(await backups()).toHaveLength(2);
  });

  it('refuses with STORE_MIGRATION_FAILED and leaves the file untouched when a migration throws', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    const broken: Migration = {
      ...listToDict,
      migrate: () => {
        throw new Error('list is missing');
      },
    };
    const error = await openError([broken]);
    expect(error).toMatchObject({ code: 'STORE_MIGRATION_FAILED', file: file('sessions.json') });
    expect(error.message).toContain(file('sessions.json'));
    expect(error.message).toContain('list is missing');
    expect(error.message).toContain('restore it from your backup or move it aside');
    expect(await readFile(file('sessions.json'), 'utf8')).toBe(oldSessions);
    expect(await backups()).toEqual([]);
    // The failed open released the lock and created nothing.
    expect((await readdir(dir)).sort()).toEqual(['sessions.json']);
  });

  it('refuses a migration whose result the decoder rejects, before writing anything', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    const sloppy: Migration = { ...listToDict, migrate: () => ({ schemaVersion: 1, sessions: { x: 5 } }) };
    expect(await openError([sloppy])).toMatchObject({ code: 'STORE_MIGRATION_FAILED' });
    const wrongVersion: Migration = { ...listToDict, migrate: (data) => ({ ...data, sessions: {} }) };
    expect(await openError([wrongVersion])).toMatchObject({ code: 'STORE_MIGRATION_FAILED' });
    expect(await readFile(file('sessions.json'), 'utf8')).toBe(oldSessions);
    expect(await backups()).toEqual([]);
  });

  it('rewrites nothing when another file cannot be read', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    await writeFile(file('assessments.json'), '{"schemaVersion":1,"assess');
    expect(await openError([listToDict])).toMatchObject({
      code: 'STORE_CORRUPT',
      file: file('assessments.json'),
    });
    expect(await readFile(file('sessions.json'), 'utf8')).toBe(oldSessions);
    expect(await backups()).toEqual([]);
  });

  it('still refuses an older version with no migration, and a newer one, as STORE_SCHEMA_UNKNOWN', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    expect(await openError([])).toMatchObject({ code: 'STORE_SCHEMA_UNKNOWN', file: file('sessions.json') });
    const future = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, assessments: {} });
    await rm(file('sessions.json'));
    await writeFile(file('assessments.json'), future);
    const forAssessments: Migration = { ...listToDict, file: 'assessments.json' };
    expect(await openError([forAssessments])).toMatchObject({ code: 'STORE_SCHEMA_UNKNOWN' });
    expect(await readFile(file('assessments.json'), 'utf8')).toBe(future);
    expect(await backups()).toEqual([]);
  });

  it('refuses a chain with a gap as STORE_SCHEMA_UNKNOWN', async () => {
    const ancient = JSON.stringify({ schemaVersion: -1, assessments: {} });
    await writeFile(file('assessments.json'), ancient);
    const halfway: Migration = {
      file: 'assessments.json',
      from: -1,
      to: 0,
      migrate: (data) => ({ ...data, schemaVersion: 0 }),
    };
    const error = await openError([halfway]);
    expect(error).toMatchObject({ code: 'STORE_SCHEMA_UNKNOWN', file: file('assessments.json') });
    expect(error.message).toContain('cannot migrate it past schemaVersion 0');
    expect(await readFile(file('assessments.json'), 'utf8')).toBe(ancient);
  });

  it('runs a chain of steps in order', async () => {
    const ancient = JSON.stringify({ schemaVersion: -1, items: [{ ...buildAssessment(), version: 2 }] });
    await writeFile(file('assessments.json'), ancient);
    const steps: Migration[] = [
      {
        file: 'assessments.json',
        from: 0,
        to: 1,
        migrate: (data) => ({ schemaVersion: 1, assessments: data.byId }),
      },
      {
        file: 'assessments.json',
        from: -1,
        to: 0,
        migrate: (data) => ({
          schemaVersion: 0,
          byId: Object.fromEntries((data.items as Array<{ id: string }>).map((a) => [a.id, a])),
        }),
      },
    ];
    const store = await createLowdbStore({ dataDir: dir, migrations: steps });
    expect(await store.listAssessmentsByDepartment('gph')).toMatchObject([
      { id: 'assessment-1', version: 2 },
    ]);
    await store.close();
    const [backup] = await backups();
    expect(backup).toMatch(/^assessments\.json\.v-1\./);
    expect(await readFile(file(backup!), 'utf8')).toBe(ancient);
  });

  it('never replaces an existing backup', async () => {
    await writeFile(file('sessions.json'), oldSessions);
    const at = new Date('2025-03-01T09:00:00.000Z');
    const first = await backUp(file('sessions.json'), 0, at);
    await writeFile(file('sessions.json'), 'changed');
    await expect(backUp(file('sessions.json'), 0, at)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(first, 'utf8')).toBe(oldSessions);
  });

  it('registers only well-formed migrations', () => {
    for (const m of MIGRATIONS) {
      expect(m.to).toBeGreaterThan(m.from);
      expect(m.to).toBeLessThanOrEqual(SCHEMA_VERSION);
    }
  });
});
