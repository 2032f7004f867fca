import { describe, expect, it } from 'vitest';
import { lettersOnly, longestShared, MAX_RETRIEVAL_TERMS, MAX_WORD_TERMS, retrievalTerms, scanCandidates, scanCharacters, WORD_POSTING_BUDGET, wordTerms } from '../../../src/core/search/retrieval.js';

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

describe('the second round on a large corpus', () => {
  it('GIVEN words of a question THEN the rarest usable term of each, single characters and near stop words left out, rarest first within the budget', () => {
    const counts = new Map<string, number>([['公园', 30], ['绿道', 10], ['造林', 20], ['口袋', 50], ['种', 4], ['新区', 900]]);
    // 新区 is in 90% of 1,000 passages: a near stop word; 种 is a single character
    expect(wordTerms([['口袋', '公园'], ['造林'], ['种'], ['新区'], ['绿道']], counts, 1000)).toEqual(['绿道', '造林', '公园']);
    expect(wordTerms(Array.from({ length: 10 }, (_, i) => [`词${i}`]), new Map(Array.from({ length: 10 }, (_, i) => [`词${i}`, 10 + i])), 1000)).toHaveLength(MAX_WORD_TERMS);
  });

  it('GIVEN the posting budget THEN terms stop being added once their lists hold that many passages, two kept at least', () => {
    const big = WORD_POSTING_BUDGET;
    const counts = new Map<string, number>([['甲乙', big], ['丙丁', big], ['戊己', 1]]);
    expect(wordTerms([['甲乙'], ['丙丁'], ['戊己']], counts, big * 100)).toEqual(['戊己', '甲乙']);
  });

  it('GIVEN a passage that quotes the question and one that has its words scattered THEN the quoting one holds the longer run', () => {
    const question = lettersOnly('实施。都市圈日开行动车');
    expect(question).toBe('实施都市圈日开行动车');
    expect(longestShared(lettersOnly('工作落地实施。都市圈日开行动车达107.5对'), question)).toBe(question.length);
    expect(longestShared(lettersOnly('都市圈日开行动车达107.5对,工作落地实施'), question)).toBe('都市圈日开行动车'.length);
    expect(longestShared('', question)).toBe(0);
  });
});
