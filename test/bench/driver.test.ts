/**
 * The load driver's settling: users arrive one by one, and nothing sent before measuring starts is
 * timed. A synthetic journey (no HTTP) records when each of its requests was sent.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type Recorder, runClosedLoop } from '../../bench/lib/driver.js';

function journeyLog() {
  const sent: { user: number; at: number }[] = [];
  const journey = async (user: number, recorder: Recorder) => {
    for (let request = 0; request < 2; request++) {
      const at = performance.now();
      sent.push({ user, at });
      await sleep(5);
      recorder.add('request', performance.now() - at);
    }
  };
  return { sent, journey };
}

describe('runClosedLoop', () => {
  it('lets users in one by one, and times only what is sent once measuring has started', async () => {
    const { sent, journey } = journeyLog();
    const begun = performance.now();
    let measuringAt = Number.POSITIVE_INFINITY;
    const result = await runClosedLoop(4, 100, journey, 10, {
      ms: 200,
      onMeasuring: async () => {
        measuringAt = performance.now();
      },
    });
    const firstOf = (user: number) => sent.find((s) => s.user === user)?.at ?? Number.NaN;
    // Users 10–13 start 25 ms apart over the first 100 ms (a timer may fire a little early).
    expect([10, 11, 12, 13].map(firstOf)).toEqual([10, 11, 12, 13].map(firstOf).sort((a, b) => a - b));
    expect(firstOf(13) - begun).toBeGreaterThanOrEqual(70);
    expect(measuringAt - begun).toBeGreaterThanOrEqual(195);
    const timed = sent.filter((s) => s.at >= measuringAt).length;
    expect(timed).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(timed);
    expect(result.requests).toBe(timed);
  });

  it('without settling starts every user at once and times everything', async () => {
    const { sent, journey } = journeyLog();
    const result = await runClosedLoop(4, 50, journey);
    const firsts = [0, 1, 2, 3].map((user) => sent.find((s) => s.user === user)?.at ?? Number.NaN);
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeLessThan(20);
    expect(result.requests).toBe(sent.length);
  });
});
