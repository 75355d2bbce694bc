/**
 * `npm run manifest:zip`: builds build/riskcheck-teams.zip (manifest with your app id + icons)
 * to upload in Teams admin center or Developer Portal. Reads the app id from TEAMS_CLIENT_ID.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { MANIFEST_DIR, readManifest, validateManifest, withAppId } from './teams-manifest.js';

async function main(): Promise<void> {
  const appId = process.env.TEAMS_CLIENT_ID ?? '';
  const manifest = withAppId(readManifest(), appId);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new Error(`manifest.json is not valid:\n${errors.join('\n')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.addFile(icon, readFileSync(join(MANIFEST_DIR, icon)));
  }
  mkdirSync('build', { recursive: true });
  const out = join('build', 'riskcheck-teams.zip');
  zip.writeZip(out);
  console.log(
    `Wrote ${out} for app id ${appId}. Upload it in Teams admin center > Manage apps, or in Developer Portal.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
