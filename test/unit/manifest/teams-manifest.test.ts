/** The Teams app manifest validates offline against its schema and gets the app id filled in. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_DIR, readManifest, validateManifest, withAppId } from '../../../scripts/teams-manifest.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';

describe('Teams manifest', () => {
  it('is valid against the schema version it declares', async () => {
    const manifest = readManifest();
    expect(manifest.manifestVersion).toBe('1.30');
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('still validates with a real app id filled in, everywhere the id appears', async () => {
    const manifest = withAppId(readManifest(), APP_ID);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots?.map((b) => b.botId)).toEqual([APP_ID]);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('offers the riskcheck commands in personal chat and link in teams, with slash triggers', () => {
    const lists = readManifest().bots?.[0]?.commandLists ?? [];
    const personal = lists.find((l) => l.scopes.includes('personal'));
    const team = lists.find((l) => l.scopes.includes('team'));
    expect(personal?.commands.map((c) => c.title)).toEqual([
      'riskcheck',
      'resume',
      'my assessments',
      'cancel',
      'help',
    ]);
    expect(team?.commands.map((c) => c.title)).toContain('link');
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(12);
      expect((list as { triggers?: string[] }).triggers).toContain('slash');
    }
    expect(readManifest().bots?.[0]?.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
  });

  it('refuses a placeholder or malformed app id', () => {
    expect(() => withAppId(readManifest(), '00000000-0000-0000-0000-000000000000')).toThrowError(
      /TEAMS_CLIENT_ID/,
    );
    expect(() => withAppId(readManifest(), 'my-bot')).toThrowError(/GUID/);
  });

  it('catches a broken manifest', async () => {
    const broken = { ...readManifest(), accentColor: 'purple' };
    expect((await validateManifest(broken)).length).toBeGreaterThan(0);
  });

  it('ships the icons it names', () => {
    const { icons } = readManifest();
    expect(existsSync(join(MANIFEST_DIR, icons.color))).toBe(true);
    expect(existsSync(join(MANIFEST_DIR, icons.outline))).toBe(true);
  });
});
