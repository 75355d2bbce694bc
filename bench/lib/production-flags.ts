/**
 * The node flags `npm run start:prod` starts the bot with (package.json), so that the benchmark
 * runs riskcheck as production does, V8 heap settings included. The echo baselines run with
 * node's defaults: they stand for what the SDKs cost as shipped.
 */
import { readFile } from 'node:fs/promises';

export async function productionNodeFlags(packageFile = 'package.json'): Promise<string[]> {
  const manifest = JSON.parse(await readFile(packageFile, 'utf8')) as { scripts?: Record<string, string> };
  const words = (manifest.scripts?.['start:prod'] ?? '').trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error('package.json start:prod must run `node [flags] <script>`');
  return words.slice(1).filter((word) => word.startsWith('--'));
}
