/**
 * Golden-file helper for the Block Kit renderer: `UPDATE_GOLDEN=1 npx vitest run test/unit/cards`
 * rewrites the files; otherwise the value must equal the stored file, and a missing file fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const GOLDEN_DIR = new URL('./golden/', import.meta.url);

export function expectGolden(name: string, value: unknown): void {
  const file = new URL(`${name}.json`, GOLDEN_DIR);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`Golden file golden/${name}.json is missing: run with UPDATE_GOLDEN=1 and review it`);
  }
  expect(value).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
