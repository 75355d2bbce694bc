/** Who may export what: admins anything, heads their own department, everyone else refused and audited. */
import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../../../bot/app/handle-command.js';
import { EXPORT_PATH } from '../../../../bot/data-care/export-command.js';
import { ExportVault, registerExportDelivery } from '../../../../bot/data-care/export-vault.js';
import type { Actor } from '../../../../dialogs/session.js';
import { actorKey } from '../../../../dialogs/session.js';
import { assessment, makeDeps, PEOPLE } from './data-care-world.js';

async function world() {
  const deps = makeDeps();
  const vault = new ExportVault(deps.clock);
  registerExportDelivery(deps, { vault, publicUrl: 'https://riskcheck.example.edu' });
  await deps.store.saveAssessment(assessment({ id: 'g-1' }), 0);
  await deps.store.saveAssessment(assessment({ id: 'm-1', departmentId: 'meb' }), 0);
  const run = async (actor: Actor, text: string, channel = false) => {
    const reply = await handleCommand(
      deps,
      actor,
      text,
      channel ? { channel: { platform: actor.platform, conversationId: '19:x' } } : {},
    );
    if (reply.kind !== 'view' || reply.view.kind !== 'message') throw new Error(JSON.stringify(reply));
    return reply.view;
  };
  const download = (text: string) => {
    const token = new RegExp(`${EXPORT_PATH}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];
    return token ? vault.take(token) : undefined;
  };
  return { deps, run, download };
}

describe('riskcheck export', () => {
  it('gives an admin a link to any department or all of them', async () => {
    const { deps, run, download } = await world();
    const all = await run(PEOPLE.patti, 'export json');
    expect(all.tone).toBe('success');
    expect(all.text).toContain('https://riskcheck.example.edu/exports/');
    const file = download(all.text);
    expect(file?.contentType).toMatch(/^application\/json/);
    expect(
      JSON.parse(file!.body)
        .assessments.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual(['g-1', 'm-1']);
    const meb = download((await run(PEOPLE.patti, 'export meb csv')).text);
    expect(meb?.body).toContain('m-1');
    expect(meb?.body).not.toContain('g-1');
    const created = await deps.store.listAudit({ action: 'export.created' });
    expect(created.map((e) => e.details?.department)).toEqual(['all', 'meb']);
    expect(created[0]?.actor).toBe(actorKey(PEOPLE.patti));
  });

  it('gives a head their own department, by default too', async () => {
    const { run, download } = await world();
    expect(download((await run(PEOPLE.alex, 'export gph')).text)?.body).toContain('g-1');
    const byDefault = download((await run(PEOPLE.alex, 'export')).text);
    expect(byDefault?.body).toContain('g-1');
    expect(byDefault?.body).not.toContain('m-1');
  });

  it.each([
    ['a head asking for another department', PEOPLE.alex, 'export meb', 'meb'],
    ['a head asking for everything at once', PEOPLE.megan, 'export', undefined],
    ['someone with no role', PEOPLE.lynne, 'export gph', 'gph'],
    ['someone with no role and no department', PEOPLE.lynneSlack, 'export json', 'organisation'],
  ])('refuses %s and audits it', async (_label, actor, text, subject) => {
    const { deps, run } = await world();
    const view = await run(actor, text);
    if (subject === undefined) {
      // Megan heads two departments: asked which, nothing exported.
      expect(view.title).toBe('Which department?');
      expect(await deps.store.listAudit({ action: 'export.created' })).toEqual([]);
      return;
    }
    expect(view).toMatchObject({ tone: 'error', title: 'Not allowed' });
    expect(view.text).not.toContain('/exports/');
    expect(await deps.store.listAudit({ action: 'export.created' })).toEqual([]);
    expect(await deps.store.listAudit({ action: 'export.refused' })).toEqual([
      expect.objectContaining({ actor: actorKey(actor), subject }),
    ]);
  });

  it('keeps links out of channels, where everyone would see them', async () => {
    const { deps, run } = await world();
    const view = await run(PEOPLE.patti, 'export', true);
    expect(view.title).toBe('Ask me in a personal chat');
    expect(await deps.store.listAudit({ action: 'export.created' })).toEqual([]);
  });

  it('says so when no public address is configured', async () => {
    const deps = makeDeps();
    registerExportDelivery(deps, { vault: new ExportVault(deps.clock), publicUrl: undefined });
    const reply = await handleCommand(deps, PEOPLE.patti, 'export', {});
    expect(JSON.stringify(reply)).toContain('RISKCHECK_PUBLIC_URL');
  });
});
