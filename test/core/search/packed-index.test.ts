import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { IndexBuilder, miniSearchOf } from '../../../src/core/search/index-builder.js';
import { searchedTerms } from '../../../src/core/search/retrieval.js';
import { PackedIndex, SLOT_WORDS } from '../../../src/core/search/packed-index.js';
import { SearchIndex } from '../../../src/core/search/search-index.js';
import { INDEX_OPTIONS, type IndexedPassage } from '../../../src/core/search/snapshot.js';

// tokens from a small alphabet (with an astral character) so that terms share documents and prefixes
const token = fc.string({ unit: fc.constantFrom('成', '都', '资', '线', 's', '3', '𠀀', 'é'), minLength: 1, maxLength: 3 });
const field = fc.uniqueArray(token, { maxLength: 8 });
const documents = fc.array(fc.tuple(field, field, fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 30 });

type Doc = [text: string[], headline: string[], body: string];

/** The builder and the packed buffer of documents, each record numbering its document. */
function packed(docs: readonly Doc[], key = 'key'): { builder: IndexBuilder; bytes: Uint8Array; df: Map<string, number> } {
  const builder = new IndexBuilder(['text', 'headline']);
  for (const [text, headline] of docs) builder.add([new Set(text), new Set(headline)]);
  const df = builder.documentFrequencies();
  // a counted term with no postings (as a single character counted anywhere in a text)
  df.set('只在文中', 7);
  const records = new Uint32Array(docs.length * SLOT_WORDS).map((_, i) => i * 3 + 1);
  return { builder, bytes: builder.pack(key, df, docs.map(([, , body]) => body), records), df };
}

describe('packed index', () => {
  it('GIVEN any documents THEN the packed index gives back every term\'s frequency and postings, each slot\'s text, lengths and record, and no term it lacks', () => {
    fc.assert(
      fc.property(documents, fc.array(token, { maxLength: 5 }), (docs, others) => {
        const { builder, bytes, df } = packed(docs);
        const index = PackedIndex.open(bytes, 'key')!;
        expect(index.slots).toBe(docs.length);
        expect(index.termCount).toBe(df.size);
        for (const [term, count] of df) {
          const id = index.termId(term);
          expect(index.term(id)).toBe(term);
          expect(index.frequency(id)).toBe(count);
          for (let f = 0; f < 2; f++) {
            const expected: number[] = [];
            builder.forEachPosting(term, f, (slot) => expected.push(slot));
            expect([...index.postings(id, f)]).toEqual(expected);
          }
        }
        for (const other of others) if (!df.has(other)) expect(index.termId(other)).toBe(-1);
        docs.forEach(([text, headline, body], slot) => {
          expect(index.text(slot)).toBe(body);
          expect([index.fieldLength(slot, 0), index.fieldLength(slot, 1)]).toEqual([new Set(text).size, new Set(headline).size]);
          expect([...index.record(slot)]).toEqual(Array.from({ length: SLOT_WORDS }, (_, i) => (slot * SLOT_WORDS + i) * 3 + 1));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('GIVEN a buffer of another key, another format, cut short, or not at a 4-byte boundary THEN it is refused, or read from a copy', () => {
    const { bytes } = packed([[['成都'], ['资阳'], '成都资阳']]);
    expect(PackedIndex.open(bytes, 'other key')).toBeUndefined();
    expect(PackedIndex.open(bytes.slice(0, bytes.length - 8), 'key')).toBeUndefined();
    expect(PackedIndex.open(bytes.slice(0, 10), 'key')).toBeUndefined();
    const otherFormat = bytes.slice();
    otherFormat[4] = 99;
    expect(PackedIndex.open(otherFormat, 'key')).toBeUndefined();
    expect(PackedIndex.open(new TextEncoder().encode('{"not": "an index"}'), 'key')).toBeUndefined();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const index = PackedIndex.open(shifted.subarray(1), 'key')!;
    expect(index.frequency(index.termId('资阳'))).toBe(1);
    expect(index.text(0)).toBe('成都资阳');
  });
});

describe('search index', () => {
  it('GIVEN passages removed and added after packing THEN frequencies follow, and its MiniSearch index (whole, or of the query\'s terms alone) searches as one built from the live passages alone', () => {
    fc.assert(
      fc.property(documents, documents, fc.array(fc.nat(), { maxLength: 10 }), fc.array(token, { minLength: 1, maxLength: 3 }), (before, after, leaving, query) => {
        const index = new SearchIndex(PackedIndex.open(packed(before).bytes, 'key')!);
        const live = new Map<number, Doc>(before.map((doc, slot) => [slot, doc]));
        const counted = ([text, headline]: Doc) => new Set([...text, ...headline]);
        for (const pick of leaving) {
          const slot = pick % before.length;
          if (!live.has(slot)) continue;
          index.remove(slot, counted(live.get(slot)!));
          live.delete(slot);
        }
        for (const doc of after) live.set(index.add([new Set(doc[0]), new Set(doc[1])], counted(doc)), doc);
        // frequencies: those of the live passages
        const expected = new Map<string, number>();
        for (const doc of live.values()) for (const term of counted(doc)) expected.set(term, (expected.get(term) ?? 0) + 1);
        for (const term of new Set([...expected.keys(), ...query])) expect(index.frequency(term)).toBe(expected.get(term) ?? 0);
        expect(new Set(index.terms())).toEqual(new Set([...expected.keys(), '只在文中']));
        // searching: as MiniSearch over the live passages, each under its slot
        const fresh = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
        for (const [slot, [text, headline]] of live) fresh.add({ id: slot, text: text.join(' '), headline: headline.join(' ') });
        const search = (engine: MiniSearch<IndexedPassage>) => engine.search(query.join(' ')).map(({ id, score }) => [id, Math.round(score * 1e9)]);
        expect(search(miniSearchOf(index, INDEX_OPTIONS))).toEqual(search(fresh));
        // the first question's index: its own terms only, the same scores
        const own = miniSearchOf(index, INDEX_OPTIONS, searchedTerms(query, INDEX_OPTIONS));
        expect(own.termCount).toBeLessThanOrEqual(new Set(query).size);
        expect(search(own)).toEqual(search(fresh));
      }),
      { numRuns: 100 },
    );
  });
});
