import { describe, expect, it } from 'vitest';
import { COUNT_POSTING_BUDGET, countedCandidates, lettersOnly, longestShared, MAX_RETRIEVAL_TERMS, retrievalTerms, scanCandidates, scanCharacters } from '../../../src/core/search/retrieval.js';
import { IndexBuilder } from '../../../src/core/search/index-builder.js';
import { PackedIndex, SLOT_WORDS } from '../../../src/core/search/packed-index.js';
import { SearchIndex } from '../../../src/core/search/search-index.js';

const df = new Map<string, number>([
  ['公园', 3],
  ['绿道', 1],
  ['造林', 2],
  ['口袋', 5],
  ['种', 4],
  ['茶', 2],
  ['地', 0],
]);

describe('retrieval terms', () => {
  it('GIVEN words of several terms THEN each word gives its rarest term first, then the rest go by rarity', () => {
    // word 1: 口袋 (5), 公园 (3); word 2: 造林 (2), 绿道 (1)
    expect(retrievalTerms([['口袋', '公园'], ['造林', '绿道']], df, 100)).toEqual(['公园', '绿道', '造林', '口袋']);
  });

  it('GIVEN terms no passage holds, or repeated THEN they are left out, and no more than the limit are taken', () => {
    expect(retrievalTerms([['不在', '公园', '公园'], ['地']], df, 100)).toEqual(['公园']);
    const many = [['口袋'], ['公园'], ['造林'], ['绿道'], ['种'], ['茶']];
    expect(retrievalTerms(many, df, 100)).toHaveLength(MAX_RETRIEVAL_TERMS);
  });
});

describe('the scan when the index finds nothing', () => {
  it('GIVEN a word the corpus lacks as a whole THEN the characters of its partial match are looked for, those the corpus has', () => {
    const groups = [
      { alternatives: [{ tokens: ['种茶'] }, { tokens: ['种', '茶'] }] },
      { alternatives: [{ tokens: ['地'] }] },
    ];
    expect(scanCharacters(groups, df)).toEqual(['种', '茶']);
  });

  it('GIVEN characters THEN the passages holding most of them come first', () => {
    const passages = ['全市茶叶种植面积26万亩', '新建公园9个', '茶园3个'];
    expect(scanCandidates(passages, ['种', '茶']).map((hit) => hit.index)).toEqual([0, 2]);
  });
});

/** A search index of space-separated texts (headlines as given, else empty), with the given document frequencies. */
function searchIndex(texts: string[], df: Map<string, number>, headlines: string[][] = []): SearchIndex {
  const builder = new IndexBuilder(['text', 'headline']);
  texts.forEach((text, i) => builder.add([new Set(text.split(' ')), new Set(headlines[i] ?? [])]));
  return new SearchIndex(PackedIndex.open(builder.pack('test', df, texts, new Uint32Array(texts.length * SLOT_WORDS)), 'test')!);
}

describe('the second round on a large corpus', () => {
  it('GIVEN a packed index THEN counting reads its posting lists: passages holding more of the rarer terms first, near stop words unread, removed passages and filtered ones left out', () => {
    const texts = ['绿道 公园 造林', '绿道 公园', '公园 造林', '公园', '口袋', '口袋', '口袋', '口袋', '口袋', '口袋'];
    // as if in a corpus of 1,000 passages, 口袋 in 600 of them: a near stop word, not counted
    const index = searchIndex(texts, new Map([['绿道', 2], ['公园', 4], ['造林', 3], ['口袋', 600]]));
    const weighted = ['绿道', '公园', '造林', '口袋'].map((term) => ({ term, weight: 1 }));
    expect(countedCandidates(index, weighted, 1000).map(({ index: id }) => id)).toEqual([0, 1, 2, 3]);
    index.remove(0, []);
    expect(countedCandidates(index, weighted, 1000).map(({ index: id }) => id)).toEqual([1, 2, 3]);
    expect(countedCandidates(index, weighted, 1000, (id) => id !== 2).map(({ index: id }) => id)).toEqual([1, 3]);
  });

  it('GIVEN a term in both fields of a passage, and a passage added after packing THEN each passage counts the term once, and the added one is found', () => {
    const index = searchIndex(['绿道 公园', '公园'], new Map([['绿道', 2], ['公园', 2]]), [['绿道'], []]);
    index.add([new Set(['绿道']), new Set()], ['绿道']);
    const counted = countedCandidates(index, [{ term: '绿道', weight: 1 }], 1000);
    expect(counted.map(({ index: id }) => id)).toEqual([0, 2]);
    expect(counted[0]!.bm25).toBeCloseTo(counted[1]!.bm25);
  });

  it('GIVEN terms whose lists exceed the counting budget THEN the rarest are read first and the walk stops there', () => {
    const index = searchIndex(['稀有 常见', '常见'], new Map([['稀有', 1], ['常见', COUNT_POSTING_BUDGET]]));
    // 常见 would take the walk past the budget: only 稀有 is read
    expect(countedCandidates(index, [{ term: '常见', weight: 1 }, { term: '稀有', weight: 1 }], COUNT_POSTING_BUDGET * 100).map(({ index: id }) => id)).toEqual([0]);
  });

  it('GIVEN a passage that quotes the question and one that has its words scattered THEN the quoting one holds the longer run', () => {
    const question = lettersOnly('实施。都市圈日开行动车');
    expect(question).toBe('实施都市圈日开行动车');
    expect(longestShared(lettersOnly('工作落地实施。都市圈日开行动车达107.5对'), question)).toBe(question.length);
    expect(longestShared(lettersOnly('都市圈日开行动车达107.5对,工作落地实施'), question)).toBe('都市圈日开行动车'.length);
    expect(longestShared('', question)).toBe(0);
  });
});
