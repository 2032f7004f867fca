import { describe, expect, it } from 'vitest';
import { MAX_RETRIEVAL_TERMS, retrievalTerms, scanCandidates, scanCharacters } from '../../../src/core/search/retrieval.js';

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
