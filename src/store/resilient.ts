import type { Logger } from '../logger.js';

/** What became of a write (or one of its attempts). */
export type WriteOutcome = 'written' | 'retried' | 'dropped';

/** Delays between attempts of a failed write: it is dropped after the last. */
export const RETRY_DELAYS_MS = [250, 1000, 4000] as const;
/** Writes waiting at once; past this a new write is dropped at once (the database is down). */
export const MAX_PENDING = 1000;

/**
 * Writes that must never slow down or break an answer: each runs in the background, is retried
 * with backoff when the database fails, and is dropped with a warning after the last attempt. The
 * caller never awaits it; {@link flush} waits for those in flight (shutdown, tests).
 */
export class ResilientWrites {
  private readonly pending = new Set<Promise<void>>();
  private readonly listeners: Array<(outcome: WriteOutcome) => void> = [];
  dropped = 0;

  /** Writes waiting now (for metrics). */
  get waiting(): number {
    return this.pending.size;
  }

  /** Calls `listener` with each write's outcome and each retry (for metrics). */
  observe(listener: (outcome: WriteOutcome) => void): void {
    this.listeners.push(listener);
  }

  private tell(outcome: WriteOutcome): void {
    for (const listener of this.listeners) listener(outcome);
  }

  constructor(
    private readonly logger: Logger,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** Starts a write named `what` (for the log); never rejects. */
  write(what: string, work: () => Promise<void>): void {
    if (this.pending.size >= MAX_PENDING) {
      this.dropped += 1;
      this.tell('dropped');
      this.logger.warn({ what, pending: this.pending.size }, 'store write dropped: too many writes waiting for the database');
      return;
    }
    const done = this.attempt(what, work).finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  private async attempt(what: string, work: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await work();
        this.tell('written');
        return;
      } catch (error) {
        const delay = this.delays[attempt];
        if (delay === undefined) {
          this.dropped += 1;
          this.tell('dropped');
          this.logger.warn({ what, attempts: attempt + 1, err: error }, 'store write dropped after retries');
          return;
        }
        this.tell('retried');
        this.logger.debug({ what, attempt: attempt + 1, err: error }, 'store write failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  /** Resolves when every write started so far has been written or dropped. */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
