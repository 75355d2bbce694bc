/**
 * The real entry point on a data directory it cannot read: a damaged file or one from an unknown
 * (newer) schemaVersion makes the bot exit 1 with a message that names the file and how to restore
 * it, and the file is byte for byte what it was. Nothing else is created in the directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts bot/main.ts on `dataDir` and resolves with its exit code and everything it printed. */
function run(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', RISKCHECK_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d;
    // A bot that started anyway would run until killed: stop it so the assertions report it.
    if (/listening on/.test(output)) child.kill('SIGKILL');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

function dataDirWith(name: string, bytes: string): { dataDir: string; file: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'riskcheck-store-start-'));
  dirs.push(dataDir);
  const file = join(dataDir, name);
  writeFileSync(file, bytes);
  return { dataDir, file };
}

describe('starting riskcheck on an unreadable data file', () => {
  const cases = [
    [
      'a damaged assessments.json',
      'assessments.json',
      '{"schemaVersion":1,"assessments":{"a-1":{"id"',
      /damaged|not valid JSON/,
    ],
    [
      'an assessments.jsonl with a damaged line',
      'assessments.jsonl',
      '{"schemaVersion":1,"kind":"riskcheck-assessments","generation":"g"}\n{"put":{"id"\n{"del":"a-1"}\n',
      /damaged/,
    ],
    [
      'a sessions.jsonl from schemaVersion 99',
      'sessions.jsonl',
      '{"schemaVersion":99,"kind":"riskcheck-sessions","generation":"g"}\n',
      /schemaVersion 99/,
    ],
    [
      'sessions.json from schemaVersion 99',
      'sessions.json',
      '{"schemaVersion":99,"sessions":{}}',
      /schemaVersion 99/,
    ],
  ] as const;

  // Generous timeout: starting bot/main.ts under tsx takes seconds on a busy machine.
  it.each(cases)(
    'refuses %s, names the file and how to restore it, and never changes it',
    { timeout: 60_000 },
    async (_, name, bytes, why) => {
      const { dataDir, file } = dataDirWith(name, bytes);
      const { code, output } = await run(dataDir);
      expect(code, output).toBe(1);
      expect(output).toContain('riskcheck cannot start');
      expect(output).toContain(file);
      expect(output).toMatch(why);
      expect(output).toContain('restore it from your backup or move it aside; riskcheck never overwrites it');
      // No stack trace for the operator: one message that says what to do.
      expect(output).not.toMatch(/\n\s+at /);
      expect(readFileSync(file, 'utf8')).toBe(bytes);
      // Nothing was written next to it: no other data file, no backup, no lock left behind.
      expect(readdirSync(dataDir)).toEqual([name]);
    },
  );
});
