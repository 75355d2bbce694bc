/**
 * An installation serving one platform does not load the other platform's SDK: each costs tens
 * of megabytes once imported (docs/benchmarks.md). Each case starts the real server in a fresh
 * process, so nothing another test imported counts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function startWith(platforms: 'teams' | 'slack' | 'both') {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    'test/helpers/loaded-packages-child.ts',
    platforms,
  ]);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    loaded: string[];
    routes: { teams: number; slack: number };
  };
}

describe('loading only the enabled platforms', () => {
  it('Teams only: the Agents SDK and the card templating, not Bolt', async () => {
    const { loaded, routes } = await startWith('teams');
    expect(loaded).toEqual(['@microsoft/agents-hosting', 'adaptivecards-templating']);
    expect(routes.slack).toBe(404);
    // An empty activity: refused by the Teams route, which exists.
    expect(routes.teams).toBe(400);
  });

  it('Slack only: Bolt, neither the Agents SDK nor the card templating', async () => {
    const { loaded, routes } = await startWith('slack');
    expect(loaded).toEqual(['@slack/bolt']);
    expect(routes.teams).toBe(404);
    // Unsigned: refused by the Slack route, which exists.
    expect(routes.slack).toBe(401);
  });

  it('both platforms: all three', async () => {
    const { loaded, routes } = await startWith('both');
    expect(loaded).toEqual(['@microsoft/agents-hosting', '@slack/bolt', 'adaptivecards-templating']);
    expect(routes).toEqual({ teams: 400, slack: 401 });
  });
});
