/** What only the file store can get wrong in data care: deletions and audit rewrites reach the disk. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useStoreDir } from './lowdb-helpers.js';
import { buildAssessment, buildAudit, buildLink } from './records.js';

describe('lowdb store: data care on disk', () => {
  const { file, openStore, closeAll } = useStoreDir();
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
});
