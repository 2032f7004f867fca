import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

import { packIndex } from './packed-index.js';

/**
 * What a MiniSearch index can be built from: passage slots, their field lengths and the posting
 * lists of their terms. The {@link IndexBuilder} is one (while a corpus is indexed), the engine's
 * SearchIndex another (a packed index and the changes since).
 */
export interface PostingSource {
  readonly fields: number;
  /** One past the highest slot. */
  readonly slotCount: number;
  live(slot: number): boolean;
  fieldLength(slot: number, field: number): number;
  terms(): Iterable<string>;
  /** Each slot whose field holds the term, ascending (dead slots may be among them). */
  forEachPosting(term: string, field: number, visit: (slot: number) => void): void;
}

/**
 * Collects the postings of already tokenized documents in one pass, then packs them (see
 * packed-index.ts) or builds a MiniSearch index of them.
 */
export class IndexBuilder implements PostingSource {
  private readonly postings: Array<Map<string, number[]>>;
  private readonly lengths: number[][] = [];

  /** @param fieldNames - the index's fields, in the order of its `fields` option */
  constructor(private readonly fieldNames: readonly string[]) {
    this.postings = fieldNames.map(() => new Map());
  }

  get fields(): number {
    return this.fieldNames.length;
  }

  /** How many documents were added. */
  get count(): number {
    return this.lengths.length;
  }

  get slotCount(): number {
    return this.count;
  }

  live(slot: number): boolean {
    return slot >= 0 && slot < this.count;
  }

  fieldLength(slot: number, field: number): number {
    return this.lengths[slot]![field]!;
  }

  terms(): Iterable<string> {
    return new Set(this.postings.flatMap((byTerm) => [...byTerm.keys()]));
  }

  forEachPosting(term: string, field: number, visit: (slot: number) => void): void {
    for (const slot of this.postings[field]!.get(term) ?? []) visit(slot);
  }

  /**
   * Adds the next document; its id is the number of documents added before it.
   * @param fieldTokens - its distinct tokens, per field in the order of the constructor's `fields`
   */
  add(fieldTokens: ReadonlyArray<ReadonlySet<string>>): void {
    const id = this.count;
    this.lengths.push(
      this.fieldNames.map((_, field) => {
        const tokens = fieldTokens[field] ?? new Set<string>();
        const postings = this.postings[field]!;
        for (const token of tokens) {
          const list = postings.get(token);
          if (list) list.push(id);
          else postings.set(token, [id]);
        }
        return tokens.size;
      }),
    );
  }

  /** For each token, how many documents hold it in any field. */
  documentFrequencies(): Map<string, number> {
    const frequencies = new Map<string, number>();
    for (const byTerm of this.postings) {
      for (const term of byTerm.keys()) {
        if (frequencies.has(term)) continue;
        // a term of several fields counts each document once: the union of its sorted id lists
        let union: readonly number[] = [];
        for (const field of this.postings) {
          const list = field.get(term);
          if (list) union = union.length ? mergeSorted(union, list) : list;
        }
        frequencies.set(term, union.length);
      }
    }
    return frequencies;
  }

  /**
   * The documents added, packed (see packed-index.ts).
   * @param df - document frequencies: those of {@link documentFrequencies}, and any other counted term
   * @param texts - each document's text
   * @param records - each document's SLOT_WORDS numbers, end to end
   */
  pack(key: string, df: ReadonlyMap<string, number>, texts: readonly string[], records: Uint32Array): Uint8Array {
    return packIndex({ key, slots: this.count, postings: this.postings, df, fieldLengths: this.lengths, texts, records });
  }

  /**
   * The MiniSearch index of the documents added (see {@link miniSearchOf}).
   * @throws Error when the options do not match the builder
   */
  build<T>(options: Options<T>): MiniSearch<T> {
    if (options.fields.join('\u0000') !== this.fieldNames.join('\u0000')) {
      throw new Error(`IndexBuilder: the options' fields (${options.fields.join(', ')}) are not the builder's (${this.fieldNames.join(', ')})`);
    }
    return miniSearchOf(this, options);
  }
}

/**
 * The MiniSearch index of a posting source's live slots (each slot its document's id), equal to
 * the one `add` builds for the same documents in slot order (the test compares serializations). It
 * is built through MiniSearch's own deserialization, so that each distinct term enters MiniSearch's
 * radix tree once: `add` enters it once per document, scanning a tree node's children one by one.
 *
 * With `only`, the index holds those terms alone, each with all its postings, beside the whole
 * corpus's document count and field lengths: a search for them, with neither prefix nor fuzzy
 * matching, scores every passage exactly as in the whole index (a term's BM25 reads nothing of
 * other terms), for a fraction of the cost of entering every term (see Engine.miniSearchFor).
 *
 * @param options - the index's options: `fields` in the source's order, and a `tokenize` and
 * `processTerm` that leave the tokens as they are (queries go through them); `storeFields` is not
 * supported
 * @param only - the terms to enter (default: every term of the source)
 */
export function miniSearchOf<T>(source: PostingSource, options: Options<T>, only?: Iterable<string>): MiniSearch<T> {
  if (options.storeFields?.length) throw new Error('IndexBuilder: storeFields is not supported');
  if (options.fields.length !== source.fields) throw new Error(`IndexBuilder: the options name ${options.fields.length} fields, the postings have ${source.fields}`);
  const ids: number[] = [];
  for (let slot = 0; slot < source.slotCount; slot++) if (source.live(slot)) ids.push(slot);
  // MiniSearch's running mean, computed as it computes it, so that both indexes are equal
  const averages = options.fields.map((_, field) => ids.reduce((mean, slot, n) => (mean * n + source.fieldLength(slot, field)) / (n + 1), 0));
  // one term's plain entry at a time: MiniSearch.loadJS only iterates `index`, so a generator
  // spares a second, plain-object copy of every posting list
  function* entries(): Generator<[string, Record<string, Record<string, number>>]> {
    for (const term of only ? new Set(only) : source.terms()) {
      const data: Record<string, Record<string, number>> = {};
      for (let field = 0; field < source.fields; field++) {
        const list: number[] = [];
        source.forEachPosting(term, field, (slot) => {
          if (source.live(slot)) list.push(slot);
        });
        // V8 builds an object of integer keys from JSON far faster, and smaller, than key by key
        if (list.length) data[field] = JSON.parse(`{"${list.join('":1,"')}":1}`) as Record<string, number>;
      }
      if (Object.keys(data).length) yield [term, data];
    }
  }
  const snapshot: AsPlainObject = {
    documentCount: ids.length,
    nextId: source.slotCount,
    documentIds: Object.fromEntries(ids.map((id) => [id, id])),
    fieldIds: Object.fromEntries(options.fields.map((field, i) => [field, i])),
    fieldLength: Object.fromEntries(ids.map((id) => [id, options.fields.map((_, field) => source.fieldLength(id, field))])),
    averageFieldLength: averages,
    storedFields: {},
    dirtCount: 0,
    index: entries() as unknown as AsPlainObject['index'],
    serializationVersion: 2,
  };
  return MiniSearch.loadJS<T>(snapshot, options);
}

/** The union of two ascending lists of ids, ascending. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j === b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i === a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}
