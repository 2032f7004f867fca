import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * Builds a MiniSearch index in one pass over already tokenized documents.
 *
 * The result is the index that `add` would build for the same documents (ids 0, 1, 2... in order,
 * every term counted once per document): the test compares their serializations. It is built
 * through MiniSearch's own deserialization, so that each distinct term enters MiniSearch's radix
 * tree once. `add` enters it once per document, and a tree node's children are scanned one by one:
 * on 100,000 passages that costs about 4 µs a token, most of the index build.
 */
export class IndexBuilder {
  private readonly postings: Array<Map<string, number[]>>;
  private readonly lengths: number[][] = [];
  private readonly averages: number[];

  /** @param fields - the index's fields, in the order of its `fields` option */
  constructor(private readonly fields: readonly string[]) {
    this.postings = fields.map(() => new Map());
    this.averages = fields.map(() => 0);
  }

  /** How many documents were added. */
  get count(): number {
    return this.lengths.length;
  }

  /**
   * Adds the next document; its id is the number of documents added before it.
   * @param fieldTokens - its distinct tokens, per field in the order of the constructor's `fields`
   */
  add(fieldTokens: ReadonlyArray<ReadonlySet<string>>): void {
    const id = this.count;
    const lengths = this.fields.map((_, field) => {
      const tokens = fieldTokens[field] ?? new Set<string>();
      const postings = this.postings[field]!;
      for (const token of tokens) {
        const list = postings.get(token);
        if (list) list.push(id);
        else postings.set(token, [id]);
      }
      // MiniSearch's running mean, computed as it computes it, so that both indexes are equal
      this.averages[field] = (this.averages[field]! * id + tokens.size) / (id + 1);
      return tokens.size;
    });
    this.lengths.push(lengths);
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
   * The MiniSearch index of the documents added.
   * @param options - the index's options: the same `fields`, and a `tokenize` and `processTerm` that
   * leave these tokens as they are (queries go through them); `storeFields` is not supported
   * @throws Error when the options do not match the builder
   */
  build<T>(options: Options<T>): MiniSearch<T> {
    if (options.fields.join('\u0000') !== this.fields.join('\u0000')) {
      throw new Error(`IndexBuilder: the options' fields (${options.fields.join(', ')}) are not the builder's (${this.fields.join(', ')})`);
    }
    if (options.storeFields?.length) throw new Error('IndexBuilder: storeFields is not supported');
    const count = this.count;
    const ids = Array.from({ length: count }, (_, id) => id);
    const postings = this.postings;
    const terms = new Set(postings.flatMap((byTerm) => [...byTerm.keys()]));
    // one term's plain entry at a time: MiniSearch.loadJS only iterates `index`, so a generator
    // spares a second, plain-object copy of every posting list
    function* entries(): Generator<[string, Record<string, Record<string, number>>]> {
      for (const term of terms) {
        const data: Record<string, Record<string, number>> = {};
        postings.forEach((byTerm, field) => {
          const list = byTerm.get(term);
          if (!list) return;
          // V8 builds an object of integer keys from JSON far faster, and smaller, than key by key
          data[field] = JSON.parse(`{"${list.join('":1,"')}":1}`) as Record<string, number>;
        });
        yield [term, data];
      }
    }
    const snapshot: AsPlainObject = {
      documentCount: count,
      nextId: count,
      documentIds: Object.fromEntries(ids.map((id) => [id, id])),
      fieldIds: Object.fromEntries(this.fields.map((field, i) => [field, i])),
      fieldLength: Object.fromEntries(ids.map((id) => [id, this.lengths[id]!])),
      averageFieldLength: [...this.averages],
      storedFields: {},
      dirtCount: 0,
      index: entries() as unknown as AsPlainObject['index'],
      serializationVersion: 2,
    };
    return MiniSearch.loadJS<T>(snapshot, options);
  }
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
