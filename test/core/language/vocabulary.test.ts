import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { emptyLexicon } from '../../../src/core/corpus/lexicon.js';
import { analyzeQuery } from '../../../src/core/language/query.js';
import { tokenizeNormalized } from '../../../src/core/language/tokenizer.js';
import { CorpusVocabulary } from '../../../src/core/language/vocabulary.js';

/** The vocabulary of made-up sentences (document frequencies of their tokens and characters). */
function vocabularyOf(...sentences: string[]): CorpusVocabulary {
  const df = new Map<string, number>();
  for (const sentence of sentences) {
    const normalized = normalizeText(sentence);
    const tokens = new Set([...tokenizeNormalized(normalized, 'document'), ...[...normalized].filter((ch) => /\p{Script=Han}/u.test(ch))]);
    for (const token of tokens) df.set(token, (df.get(token) ?? 0) + 1);
  }
  return new CorpusVocabulary({ frequency: (token) => df.get(token) ?? 0, tokens: () => df.keys() });
}

const vocabulary = vocabularyOf('社区医院新增就诊窗口', '江边新建铁路桥一座', '新区新增就业岗位', '货运枢纽年吞吐量增长');

describe('general vocabulary limited to a corpus', () => {
  it('GIVEN an English word THEN it maps to the corpus word the dictionary gives for it', () => {
    expect(vocabulary.english(['railwai'])?.terms.map((term) => term.word)).toContain('铁路');
    expect(vocabulary.english(['freight'])?.terms[0]?.word).toBe('货运');
  });

  it('GIVEN an English word whose Chinese the corpus lacks THEN there is no mapping', () => {
    expect(vocabulary.english(['volcano'])).toBeUndefined();
  });

  it('GIVEN a Chinese word the corpus lacks THEN corpus words sharing a specific sense are its neighbours', () => {
    // CC-CEDICT: 看病 "to visit a doctor", 就诊 "to see a doctor"
    expect(vocabulary.related('看病').map((term) => term.word)).toContain('就诊');
  });

  it('GIVEN a word that shares only a vague sense THEN it has no neighbour through it', () => {
    // 人口 and 万人 share only "people"
    expect(vocabularyOf('全市常住万人以上').related('人口').map((term) => term.word)).not.toContain('万人');
  });

  it('GIVEN an everyday word THEN the question also searches its formal equivalents, below the user\'s word', () => {
    const query = analyzeQuery('打工的岗位有多少', emptyLexicon(), vocabulary);
    const group = query.groups.find((item) => item.label === '打工')!;
    expect(group.alternatives.map((alternative) => alternative.word)).toEqual(expect.arrayContaining(['打工', '就业', '务工']));
    expect(group.alternatives.find((alternative) => alternative.word === '就业')!.weight).toBeLessThan(1);
  });

  it('GIVEN a question in English on a corpus without a glossary THEN its words map through the dictionary', () => {
    const query = analyzeQuery('How much does the freight hub handle?', emptyLexicon(), vocabulary);
    expect(query.groups.map((group) => group.alternatives[0]!.word)).toEqual(expect.arrayContaining(['货运', '枢纽']));
  });

  it('GIVEN a pinyin typo THEN the group shows what was typed and matches the corpus word below an exact match', () => {
    const query = analyzeQuery('铁鹿桥', emptyLexicon(), vocabulary);
    const group = query.groups[0]!;
    expect(group.label).toBe('铁鹿');
    expect(group.alternatives[0]).toMatchObject({ word: '铁路' });
    expect(group.alternatives[0]!.weight).toBeLessThan(1);
  });

  it('GIVEN a compound the corpus does not have THEN its characters match in part, not sent to retrieval', () => {
    const query = analyzeQuery('研究机构有几家', emptyLexicon(), vocabularyOf('新区设立产业研究所2家'));
    // 研究机构 is read as 研究 (which the corpus has) and 机构 (which it does not)
    const partial = query.groups.find((group) => group.label === '机构')!.alternatives.find((alternative) => alternative.retrieval === false);
    expect(partial?.tokens).toEqual(['机', '构']);
    expect(partial!.weight).toBeLessThan(0.5);
    expect(query.terms.has('机')).toBe(false);
  });
});

describe('a word the corpus lacks, said by its characters', () => {
  /** A vocabulary whose passages can be scanned (a small corpus), of made-up sentences. */
  const scanned = (...sentences: string[]): CorpusVocabulary => {
    const texts = sentences.map((sentence) => normalizeText(sentence));
    const df = new Map<string, number>();
    for (const text of texts) for (const token of new Set(tokenizeNormalized(text, 'document'))) df.set(token, (df.get(token) ?? 0) + 1);
    return new CorpusVocabulary({ frequency: (token) => df.get(token) ?? 0, tokens: () => df.keys(), matches: (pattern) => texts.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1] ?? match[0])) });
  };

  it('GIVEN 种茶 and a corpus that writes 茶叶种植 THEN the phrase stands for the word; the word itself in a phrase does not', () => {
    const tea = scanned('全县茶叶种植面积达到12万亩', '茶叶种植户增收明显', '新建道路修建工程三项');
    expect(tea.recombined('种茶')).toEqual(['茶叶种植']);
    expect(tea.recombined('修路')).toEqual(['道路修建']);
    // 茶叶 alone, or a character twice, is no reading of a two-character word
    expect(tea.recombined('茶茶')).toEqual([]);
    expect(tea.recombined('种稻')).toEqual([]);
  });

  it('GIVEN a corpus too large to scan (no passages to match) THEN no phrase is offered', () => {
    expect(vocabularyOf('全县茶叶种植面积达到12万亩').recombined('种茶')).toEqual([]);
  });

  it('GIVEN the phrase in the corpus THEN the question\'s word is held by it in its analysis, below its own weight', () => {
    const tea = scanned('全县茶叶种植面积达到12万亩');
    const group = analyzeQuery('种茶的地有多少', emptyLexicon(), tea).groups.find((candidate) => candidate.label === '种茶');
    expect(group?.alternatives.map((alternative) => [alternative.word, alternative.weight])).toContainEqual(['茶叶种植', 0.5]);
  });
});
