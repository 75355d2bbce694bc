/** The injected clock: production reads the system time, tests move a fake one by hand. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
