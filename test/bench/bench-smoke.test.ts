/**
 * Runs the benchmark in smoke mode (tiny load, 100 assessments) and checks only that it completes
 * and writes a well-formed report: figures depend on the machine and are never asserted.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run bench -- --smoke', () => {
  it('completes and writes a report with every section and goal', async () => {
    dir = await mkdtemp(join(tmpdir(), 'riskcheck-bench-smoke-'));
    const out = join(dir, 'benchmarks.md');
    // NODE_ENV=test (set by vitest) must not reach the bot: production code path, as `npm run bench`.
    const env = { ...process.env, NODE_ENV: '', BENCH_SMOKE: '1', BENCH_OUT: out };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      env,
      timeout: 280_000,
    });
    expect(stdout).toContain('riskcheck');

    const report = await readFile(out, 'utf8');
    expect(report).toContain('smoke mode');
    for (const heading of [
      '## Machine',
      '## Turn latency and throughput',
      '## Store growth',
      '## Goals (2 cores)',
      '## Reproduce',
    ])
      expect(report).toContain(heading);
    for (const row of [
      '| teams | riskcheck |',
      '| teams | Agents SDK echo |',
      '| slack | riskcheck |',
      '| slack | Bolt echo |',
    ])
      expect(report).toContain(row);
    expect(report).toMatch(/\| 100 \| [\d.]+ \|/);
    // Every goal is stated with a verdict, whatever the figures are.
    const goals = report.split('## Goals')[1]?.split('## Findings')[0] ?? '';
    expect(goals.match(/\*\*(met|missed)\*\*|\| – \|/g)?.length).toBe(9);
    expect(report).not.toMatch(/NaN|undefined/);
  }, 300_000);
});
