/** A clock the test moves by hand, so nothing in a test waits on real time. */
import type { Clock } from '../../bot/clock.js';

export interface FakeClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function createFakeClock(startIso = '2026-11-20T09:00:00.000Z'): FakeClock {
  let current = new Date(startIso).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
