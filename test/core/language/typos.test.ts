import { describe, expect, it } from 'vitest';
import { oneEditApart, TypoCorrector, type CorpusLetters } from '../../../src/core/language/typos.js';

/** The letters of made-up sentences: their characters and bigrams. */
function letters(...sentences: string[]): CorpusLetters {
  const bigrams = new Map<string, number>();
  const characters = new Set<string>();
  for (const sentence of sentences) {
    const chars = [...sentence];
    chars.forEach((ch, i) => {
      characters.add(ch);
      if (i + 1 < chars.length) bigrams.set(ch + chars[i + 1]!, (bigrams.get(ch + chars[i + 1]!) ?? 0) + 1);
    });
  }
  return { characters: () => characters, bigramFrequency: (bigram) => bigrams.get(bigram) ?? 0, occurs: (text) => sentences.some((sentence) => sentence.includes(text)) };
}

const corpus = letters('湖心码头已经开工建设', '新建观景栈道两公里', '茶园采用一码溯源');

describe('pinyin typos', () => {
  it('GIVEN a character typed as another of the same sound THEN it is read as the corpus word', () => {
    const corrector = new TypoCorrector(corpus);
    expect(corrector.correct('码头开公了')).toEqual([{ index: 3, from: '公', to: '工', exact: true }]);
    expect(corrector.correct('一马溯源')).toEqual([{ index: 1, from: '马', to: '码', exact: true }]);
  });

  it('GIVEN a syllable one letter off that fits every neighbour THEN it is corrected, marked inexact', () => {
    const corrector = new TypoCorrector(corpus);
    // 暂 zan is one letter away from 栈 zhan, and 观景栈道 is what the corpus has
    expect(corrector.correct('观景暂道')).toEqual([{ index: 2, from: '暂', to: '栈', exact: false }]);
  });

  it('GIVEN words the corpus has THEN nothing is corrected', () => {
    expect(new TypoCorrector(corpus).correct('湖心码头')).toEqual([]);
  });

  it('GIVEN a stop word beside a character THEN it is no neighbour and never a correction', () => {
    const corrector = new TypoCorrector(corpus);
    expect(corrector.correct('开公了', (index) => index === 2)).toEqual([{ index: 1, from: '公', to: '工', exact: true }]);
  });

  it('GIVEN a two-character word that only a neighbouring word would make sense of THEN it is left alone', () => {
    // 写 xie as 协 would make 划协 (of 规划协同), but 协完 is nothing: 写完 is a word of its own
    const corrector = new TypoCorrector(letters('规划协同推进'));
    expect(corrector.correct('规划写完', () => false, [0, 0, 1, 1])).toEqual([]);
  });

  it('GIVEN a word of two characters the segmentation knows THEN a syllable one letter off does not replace its characters; the same syllable still does when it fits on both sides', () => {
    // 疆 jiang is one letter from 建 jian, and 新建 is in the corpus; 新疆 is a word of its own
    const corrector = new TypoCorrector(letters('新建观景栈道两公里', '茶园采用一码溯源'));
    expect(corrector.correct('新疆的栈道', (index) => index === 2, [0, 0, 1, 2, 2])).toEqual([]);
    // 一马 taken as one word by the segmentation: 马 ma is 码 ma, the same syllable
    expect(corrector.correct('一马溯源', () => false, [0, 0, 1, 1])).toEqual([{ index: 1, from: '马', to: '码', exact: true }]);
    // but not by one bigram alone: 职 zhi is 至 zhi, and the corpus says 官至, yet 官职 is a word with nothing after it
    const officials = new TypoCorrector(letters('官至太仆少卿', '任九江推官'));
    expect(officials.correct('担任什么官职', (index) => index === 2 || index === 3, [0, 0, 1, 1, 2, 2])).toEqual([]);
    // typed alone, as typos are, 疆 near 建 would still be read (the weaker reading, every neighbour fitting)
    expect(corrector.correct('新疆', () => false, [0, 1])).toEqual([{ index: 1, from: '疆', to: '建', exact: false }]);
  });

  it('GIVEN a neighbour joined to the next character by a corpus bigram THEN a reading pairing with it counts only when the whole stretch occurs', () => {
    const corrector = new TypoCorrector(letters('市民活动中心开放', '动车加密到每日80班', '三星堆博物馆开放'));
    // 坐 zuo is one letter from 活 huo, and 活动 is in the corpus, but 动 belongs to 动车: 活动车 is nowhere
    expect(corrector.correct('坐动车')).toEqual([]);
    // 推 tui is one letter from 堆 dui: 星 belongs to 三星, and 三星堆 is what the corpus writes
    expect(corrector.correct('三星推')).toEqual([{ index: 2, from: '推', to: '堆', exact: false }]);
  });

  it('GIVEN syllables THEN one edit apart is a changed, added or removed letter', () => {
    expect(oneEditApart('tui', 'dui')).toBe(true);
    expect(oneEditApart('ban', 'bang')).toBe(true);
    expect(oneEditApart('ji', 'jie')).toBe(true);
    expect(oneEditApart('zhan', 'can')).toBe(false);
    expect(oneEditApart('lu', 'lu')).toBe(false);
  });
});
