/**
 * A per-user sliding window: at most `max` hits per `windowMs`. Users whose hits have all expired
 * are forgotten, so memory follows the active users, not everyone ever seen.
 */
export class Cooldown {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hit; returns 0 when allowed, else the whole seconds to wait (the hit is not counted). */
  hit(userId: string): number {
    const now = this.now();
    const recent = (this.hits.get(userId) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(userId, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(userId, recent);
    if (this.hits.size > 1000) this.sweep(now);
    return 0;
  }

  /** The whole seconds `userId` would wait now (0: allowed), without counting a hit. */
  wait(userId: string): number {
    const now = this.now();
    const recent = (this.hits.get(userId) ?? []).filter((at) => now - at < this.windowMs);
    return recent.length >= this.max ? Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) : 0;
  }

  /** How many users are tracked (for tests and memory checks). */
  get size(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    for (const [user, times] of this.hits) if (times.every((at) => now - at >= this.windowMs)) this.hits.delete(user);
  }
}
