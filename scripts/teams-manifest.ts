/**
 * Loads and validates the Teams app manifest offline against the schema bundled with
 * @microsoft/app-manifest (no network), and fills in the app id for a tenant's upload package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';

export const MANIFEST_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest', 'teams');
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readManifest(): TeamsAppManifest {
  return JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as TeamsAppManifest;
}

/** Validation errors against the manifest's own schema version, read from the package. */
export async function validateManifest(manifest: TeamsAppManifest): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = join(
    packageDir,
    'build',
    'json-schemas',
    'teams',
    `v${manifest.manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  // The published schema contains `\a` in a regex, which JSON.parse rejects; the package's own
  // fetcher applies the same replacement.
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\x07'));
  return ManifestUtil.validateManifestAgainstSchema(manifest, schema);
}

export function withAppId(manifest: TeamsAppManifest, appId: string): TeamsAppManifest {
  if (!GUID.test(appId) || appId === PLACEHOLDER_ID) {
    throw new Error(`TEAMS_CLIENT_ID must be your Azure Bot's app (client) id, a GUID; got "${appId}"`);
  }
  const copy = structuredClone(manifest);
  copy.id = appId;
  for (const bot of copy.bots ?? []) bot.botId = appId;
  return copy;
}
