/**
 * A map that forgets its oldest entries past `capacity` (insertion order), so that what is cached
 * for the passages queries meet stays bounded on any corpus size.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value for `key`, computed with `make` and kept when missing. */
  get(key: K, make: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** The value kept for `key`, if any (nothing is computed). */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps `value` for `key`, replacing what was there. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
