import { PackedIndex } from './packed-index.js';

/**
 * The engine's index of passage slots: a packed index (read from the cache or just built, see
 * packed-index.ts) and what changed since (a report added, changed or removed while running).
 *
 * Changes never rewrite the packed buffer: a leaving passage's slot is marked dead (its postings
 * stay, and are skipped), an arriving one gets a new slot whose postings and lengths are kept
 * beside the buffer, and document frequencies carry a delta. So a report added to 100,000 passages
 * costs its own passages, and the next start packs the whole corpus again under its new key.
 */
export class SearchIndex {
  /** How many fields each passage has (text, headline). */
  readonly fields: number;
  private readonly dead = new Set<number>();
  private readonly addedPostings: Array<Map<string, number[]>>;
  private readonly addedLengths = new Map<number, readonly number[]>();
  private readonly dfDelta = new Map<string, number>();
  /** Frequencies looked up in the buffer, kept: a question asks the same terms many times. */
  private memo = new Map<string, number>();
  private nextSlot: number;

  constructor(private readonly base: PackedIndex) {
    this.fields = base.fields;
    this.addedPostings = Array.from({ length: base.fields }, () => new Map());
    this.nextSlot = base.slots;
  }

  /** One past the highest slot ever given (dead ones included). */
  get slotCount(): number {
    return this.nextSlot;
  }

  /** Whether a slot holds a passage (it was given and has not left). */
  live(slot: number): boolean {
    return slot >= 0 && slot < this.nextSlot && !this.dead.has(slot);
  }

  /** In how many live passages a term occurs (0 when none). */
  frequency(term: string): number {
    let count = this.memo.get(term);
    if (count === undefined) {
      const id = this.base.termId(term);
      count = (id < 0 ? 0 : this.base.frequency(id)) + (this.dfDelta.get(term) ?? 0);
      // bounded: a long-running process meets ever new words
      if (this.memo.size >= MEMO_ENTRIES) this.memo = new Map();
      this.memo.set(term, count);
    }
    return count;
  }

  /** `frequency` as a map's `get` (undefined for 0), for code that reads frequencies as a map. */
  readonly frequencies = {
    get: (term: string): number | undefined => this.frequency(term) || undefined,
  };

  /** A slot's distinct-token count in a field. */
  fieldLength(slot: number, field: number): number {
    return slot < this.base.slots ? this.base.fieldLength(slot, field) : (this.addedLengths.get(slot)?.[field] ?? 0);
  }

  /**
   * Calls `visit` with each slot whose field holds the term, ascending; dead slots included (the
   * caller skips them with {@link live}: a posting walk need not test every slot).
   */
  forEachPosting(term: string, field: number, visit: (slot: number) => void): void {
    const id = this.base.termId(term);
    if (id >= 0) {
      const list = this.base.postings(id, field);
      for (let i = 0; i < list.length; i++) visit(list[i]!);
    }
    const added = this.addedPostings[field]!.get(term);
    if (added) for (const slot of added) visit(slot);
  }

  /** Every term some live passage holds (for building MiniSearch's index of a small corpus). */
  terms(): Generator<string> {
    return this.shortTerms(Number.POSITIVE_INFINITY);
  }

  /**
   * The terms of at most `maxBytes` utf-8 bytes that some live passage holds (4: the single Han
   * characters and short Latin runs, read without decoding the longer terms).
   */
  *shortTerms(maxBytes: number): Generator<string> {
    for (let id = 0; id < this.base.termCount; id++) {
      if (this.base.termByteLength(id) > maxBytes) continue;
      const term = this.base.term(id);
      if (this.base.frequency(id) + (this.dfDelta.get(term) ?? 0) > 0) yield term;
    }
    for (const [term, delta] of this.dfDelta) if (delta > 0 && Buffer.byteLength(term) <= maxBytes && this.base.termId(term) < 0) yield term;
  }

  /**
   * Gives a passage a new slot.
   * @param fieldTokens - its distinct tokens per field
   * @param counted - the terms its document frequency counts (tokens and Han characters)
   * @returns the slot
   */
  add(fieldTokens: ReadonlyArray<ReadonlySet<string>>, counted: Iterable<string>): number {
    const slot = this.nextSlot++;
    fieldTokens.forEach((tokens, field) => {
      const postings = this.addedPostings[field]!;
      for (const token of tokens) {
        const list = postings.get(token);
        if (list) list.push(slot);
        else postings.set(token, [slot]);
      }
    });
    this.addedLengths.set(slot, fieldTokens.map((tokens) => tokens.size));
    this.count(counted, 1);
    return slot;
  }

  /**
   * Takes a live slot out: its postings are skipped from now on.
   * @param counted - the terms its document frequency counted (as given to `add`, or of its text)
   */
  remove(slot: number, counted: Iterable<string>): void {
    if (!this.live(slot)) return;
    this.count(counted, -1);
    this.dead.add(slot);
  }

  private count(terms: Iterable<string>, sign: 1 | -1): void {
    for (const term of terms) this.dfDelta.set(term, (this.dfDelta.get(term) ?? 0) + sign);
    this.memo = new Map();
  }
}

/** How many looked-up frequencies are kept before the memo starts again. */
const MEMO_ENTRIES = 200_000;
