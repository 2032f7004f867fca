import fc from 'fast-check';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { INDEX_OPTIONS, type IndexedPassage } from '../../../src/core/search/snapshot.js';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { IndexBuilder } from '../../../src/core/search/index-builder.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { toPassages } from '../../../src/core/corpus/passages.js';
import { viewOf } from '../../../src/core/answer/view.js';

// the engine's own index options: the builder must build the index the engine searches
type Doc = IndexedPassage;
const OPTIONS = INDEX_OPTIONS;

/** The real report's passages as distinct tokens per field, as the engine indexes them. */
function documents(): Array<[ReadonlySet<string>, ReadonlySet<string>]> {
  const corpus = loadCorpus('corpus');
  return corpus.documents.flatMap((document) =>
    toPassages(document).map((passage): [ReadonlySet<string>, ReadonlySet<string>] => [
      viewOf(normalizeText(passage.text)).tokens,
      viewOf(normalizeText(`${passage.section.keyword} ${passage.section.headline}`)).tokens,
    ]),
  );
}

/** A serialized index with its terms in one order (the radix tree's order follows insertion). */
function canonical(index: MiniSearch<Doc>): AsPlainObject {
  const json = index.toJSON();
  return { ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

describe('index builder', () => {
  it('GIVEN the passages of the report THEN the index is the one MiniSearch add builds', () => {
    const docs = documents();
    const added = new MiniSearch<Doc>(OPTIONS);
    docs.forEach(([text, headline], id) => added.add({ id, text: [...text].join(' '), headline: [...headline].join(' ') }));
    const builder = new IndexBuilder(['text', 'headline']);
    for (const fields of docs) builder.add(fields);
    const built = builder.build(OPTIONS);
    expect(canonical(built)).toEqual(canonical(added));
    for (const query of ['成资 开工', '同城 化', '德阳 眉山 资阳', '关键']) {
      expect(built.search(query)).toEqual(added.search(query));
    }
  });

  it('GIVEN any documents THEN the index and the search results are those of MiniSearch add', () => {
    // tokens from a small alphabet (with an astral character) so that terms share documents and prefixes
    const token = fc.string({ unit: fc.constantFrom('成', '都', '资', '线', 's', '3', '𠀀'), minLength: 1, maxLength: 3 });
    const field = fc.uniqueArray(token, { maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 30 }), fc.array(token, { minLength: 1, maxLength: 3 }), (docs, query) => {
        const added = new MiniSearch<Doc>(OPTIONS);
        const builder = new IndexBuilder(['text', 'headline']);
        docs.forEach(([text, headline], id) => {
          added.add({ id, text: text.join(' '), headline: headline.join(' ') });
          builder.add([new Set(text), new Set(headline)]);
        });
        const built = builder.build(OPTIONS);
        expect(canonical(built)).toEqual(canonical(added));
        expect(built.search(query.join(' '))).toEqual(added.search(query.join(' ')));
        const frequencies = new Map<string, number>();
        for (const [text, headline] of docs) for (const term of new Set([...text, ...headline])) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
        expect(builder.documentFrequencies()).toEqual(frequencies);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN a term in the text and the headline of a document THEN its document frequency counts that document once', () => {
    const builder = new IndexBuilder(['text', 'headline']);
    builder.add([new Set(['成都', '德阳']), new Set(['成都'])]);
    builder.add([new Set(['德阳']), new Set(['成都'])]);
    builder.add([new Set(['眉山']), new Set()]);
    expect(Object.fromEntries(builder.documentFrequencies())).toEqual({ 成都: 2, 德阳: 2, 眉山: 1 });
  });

  it('GIVEN options whose fields differ THEN building fails with a message naming both', () => {
    const builder = new IndexBuilder(['text', 'headline']);
    builder.add([new Set(['成都']), new Set()]);
    expect(() => builder.build({ ...OPTIONS, fields: ['text'] })).toThrow(/^IndexBuilder: the options' fields \(text\) are not the builder's \(text, headline\)$/);
    expect(() => builder.build({ ...OPTIONS, storeFields: ['text'] })).toThrow(/^IndexBuilder: storeFields/);
  });
});
