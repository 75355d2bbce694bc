/**
 * Starting the real entry point as a process: production refuses to start without credentials,
 * development starts on loopback and says it is unauthenticated, and a second process on the
 * same data directory is refused.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotProcess } from '../helpers/bot-process.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];

function start(env: Record<string, string>) {
  const run = startBotProcess(['--import', 'tsx', 'bot/main.ts'], env);
  children.push(run.child);
  return run;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'riskcheck-start-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('starting riskcheck', () => {
  it('refuses production mode without Teams credentials, naming what to set', async () => {
    const run = start({ NODE_ENV: 'production', RISKCHECK_DATA_DIR: tempDir(), PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID/);
  });

  it('starts in development on loopback and warns that Teams traffic is unauthenticated', async () => {
    const run = start({ RISKCHECK_DATA_DIR: tempDir(), PORT: '0' });
    const output = await run.printed(/WITHOUT authentication/);
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
  });

  it('refuses a second process on the same data directory', async () => {
    const dataDir = tempDir();
    const first = start({ RISKCHECK_DATA_DIR: dataDir, PORT: '0' });
    await first.printed(/listening on/);
    const second = start({ RISKCHECK_DATA_DIR: dataDir, PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another riskcheck process/);
  });

  it('refuses a broken organisation file, naming the file', async () => {
    const run = start({
      RISKCHECK_DATA_DIR: tempDir(),
      PORT: '0',
      RISKCHECK_CONFIG: 'config/example/missing.yaml',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/missing\.yaml/);
  });
});
