/**
 * Keeps track of work that continues after a request was answered (Slack handlers run on after
 * ack()), so shutdown can finish it before closing the store, and tests can wait for it instead
 * of sleeping.
 */
export interface WorkTracker {
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once nothing is in flight, including work started while waiting. */
  settled(): Promise<void>;
}

export function createWorkTracker(): WorkTracker {
  const inFlight = new Set<Promise<unknown>>();
  return {
    track(work) {
      inFlight.add(work);
      const done = () => inFlight.delete(work);
      work.then(done, done);
      return work;
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
