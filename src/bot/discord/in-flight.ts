/** A handler that keeps count of the work it has started, so that a stop can wait for it. */
export type Tracked<T> = ((item: T) => Promise<void>) & {
  /** Resolves when nothing started is still running (for a graceful shutdown). */
  idle(): Promise<void>;
};

/** Wraps a handler so that every call is tracked until it settles. */
export function trackInFlight<T>(handle: (item: T) => Promise<void>): Tracked<T> {
  const inFlight = new Set<Promise<void>>();
  const tracked = (item: T): Promise<void> => {
    const job = handle(item).finally(() => inFlight.delete(job));
    inFlight.add(job);
    return job;
  };
  return Object.assign(tracked, {
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  });
}
