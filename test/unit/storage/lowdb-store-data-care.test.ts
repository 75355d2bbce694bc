/** What only the file store can get wrong in data care: deletions and audit rewrites reach the disk. */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useStoreDir } from './lowdb-helpers.js';
import { buildAssessment, buildAudit, buildLink } from './records.js';

describe('lowdb store: data care on disk', () => {
  const { dir, file, openStore, closeAll } = useStoreDir();
  const read = (name: string) => readFile(file(name), 'utf8');

  it('removes deleted assessments and links from their files', async () => {
    const store = await openStore();
    await store.saveAssessment(buildAssessment(), 0);
    await store.saveLink(buildLink({ key: 'user:teams:aad-alice' }));
    await store.deleteAssessment('assessment-1');
    await store.deleteLink('user:teams:aad-alice');
    // The journal keeps the old line until it is purged, which erasure and retention ask for.
    expect(await read('assessments.jsonl')).toContain('assessment-1');
    await store.purgeSuperseded();
    expect(await read('assessments.jsonl')).not.toContain('assessment-1');
    expect(await read('links.json')).not.toContain('aad-alice');
  });

  it('rewrites audit.jsonl, keeps appending after it, and reopens with the rewritten trail', async () => {
    const store = await openStore();
    await store.appendAudit(buildAudit({ id: 'e1' }));
    // Appends racing the rewrite: none is lost, none is written twice.
    const racing = [
      store.appendAudit(buildAudit({ id: 'e2' })),
      store.rewriteAuditActors([{ from: 'teams:aad-alice', to: 'erased-1' }]),
      store.appendAudit(buildAudit({ id: 'e3' })),
    ];
    await Promise.all(racing);
    await store.appendAudit(buildAudit({ id: 'e4', actor: 'system' }));
    const lines = (await read('audit.jsonl')).trim().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ schemaVersion: 1 });
    expect(lines.slice(1).map((l) => [JSON.parse(l).id, JSON.parse(l).actor])).toEqual([
      ['e1', 'erased-1'],
      ['e2', 'erased-1'],
      ['e3', 'teams:aad-alice'],
      ['e4', 'system'],
    ]);
    await closeAll();
    const reopened = await openStore();
    expect((await reopened.listAudit()).map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('rewrites a trail of several read chunks in order, and leaves no temp file', async () => {
    // About 6 MB: more than one chunk of the streaming reader, so events of every chunk change.
    const events = Array.from({ length: 24_000 }, (_, i) =>
      buildAudit({ id: `e${i}`, actor: i % 2 === 0 ? 'teams:aad-alice' : 'system', action: 'x'.repeat(160) }),
    );
    await writeFile(
      file('audit.jsonl'),
      [{ schemaVersion: 1 }, ...events].map((line) => `${JSON.stringify(line)}\n`).join(''),
    );
    const store = await openStore();
    expect(await store.rewriteAuditActors([{ from: 'teams:aad-alice', to: 'erased-1' }])).toBe(12_000);
    const listed = await store.listAudit();
    expect(listed.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(listed.filter((e) => e.actor === 'erased-1')).toHaveLength(12_000);
    expect(listed.some((e) => e.actor === 'teams:aad-alice')).toBe(false);
    expect((await readdir(dir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Nothing to change: the file is not replaced.
    const before = await read('audit.jsonl');
    expect(await store.rewriteAuditActors([{ from: 'teams:aad-nobody', to: 'erased-2' }])).toBe(0);
    expect(await read('audit.jsonl')).toBe(before);
    expect((await readdir(dir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('lists the trail without an append that is still being written', async () => {
    const store = await openStore();
    await store.appendAudit(buildAudit({ id: 'e1' }));
    // Half an event at the end: what reading sees while another append is being written.
    await appendFile(file('audit.jsonl'), '{"id":"e2","at":"2025-');
    expect((await store.listAudit()).map((e) => e.id)).toEqual(['e1']);
  });
});
