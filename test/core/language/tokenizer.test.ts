import { describe, expect, it } from 'vitest';
import { isHanCharacter, tokenizeDocument, tokenizeQuery } from '../../../src/core/language/tokenizer.js';
import * as OpenCC from 'opencc-js/t2cn';
import { normalizeText, simplify } from '../../../src/core/language/normalize.js';
import { arabicizeCounts, parseChineseNumber } from '../../../src/core/language/numerals.js';

describe('tokenizer', () => {
  it('GIVEN mixed Han and Latin THEN Latin runs stay whole and Han runs become bigrams', () => {
    expect(tokenizeQuery('成资S3线开工')).toEqual(['成资', 's3', '线开', '开工']);
  });

  it('GIVEN decimals, percents and plus signs THEN each figure is one token', () => {
    expect(tokenizeQuery('PM2.5下降7.9%')).toEqual(['pm2.5', '下降', '7.9%']);
    expect(tokenizeQuery('日开行107.5对')).toContain('107.5');
    expect(tokenizeQuery('“1+1+N”规划')).toContain('1+1+n');
  });

  it('GIVEN traditional characters THEN they match the simplified text', () => {
    expect(tokenizeQuery('成資S3線')).toEqual(tokenizeQuery('成资S3线'));
    expect(normalizeText('就醫一碼通')).toBe('就医一码通');
  });

  it('GIVEN simplified, traditional, mixed or random text THEN the shortcut gives exactly what the full converter gives', () => {
    const converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const made = ['市民去外地看病可以直接结算', '跨市公交開行了幾條線路', '乾隆年间的著作', '這個項目甚麼時候開工', '公交一码通，全部覆盖了吗？', 'Hello 𠀀 world'];
    // seeded random CJK strings, so that characters no sentence here holds are tried too
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const random = Array.from({ length: 3000 }, () => Array.from({ length: 6 }, () => String.fromCodePoint(0x4e00 + (next() % 0x5200))).join(''));
    for (const text of [...made, ...random]) expect(simplify(text)).toBe(converter(text));
    // and a text no entry changes is not converted at all
    expect(simplify(made[0]!)).toBe(made[0]);
  });

  it('GIVEN full-width letters and digits THEN they fold to half-width', () => {
    expect(tokenizeQuery('ＰＭ２.５')).toEqual(['pm2.5']);
    expect(tokenizeQuery('Ｓ３线')).toEqual(['s3', '线']);
  });

  it('GIVEN question words and particles THEN they are not tokens and bigrams do not span them', () => {
    const tokens = tokenizeQuery('成都的人口有多少');
    expect(tokens).toEqual(['成都', '人口']);
    expect(tokenizeQuery('跨市公交增加到了几条')).not.toContain('几条');
  });

  it('GIVEN particles the segmenter joins (的是 in 指的是什么) THEN the pair is no token either', () => {
    expect(tokenizeQuery('一轴指的是什么')).not.toContain('的是');
    expect(tokenizeQuery('一轴指的是什么')).toContain('一轴');
    // a word of which only some characters are particles stays
    expect(tokenizeQuery('是否开通')).toContain('开通');
  });

  it('GIVEN 一共有 (cut by ICU as 一|共有) THEN a question reads 一共 and 有, two stop words: no token 共有; 公司共有 keeps its word', () => {
    expect(tokenizeQuery('联盟目前一共有多少人')).not.toContain('共有');
    expect(tokenizeQuery('公司共有多少员工')).toContain('共有');
  });

  it('GIVEN a word with a character that is also a particle THEN the word stays whole', () => {
    expect(tokenizeQuery('异地看病')).toContain('异地');
  });

  it('GIVEN a document or a query THEN a single character is a token only where it stands alone', () => {
    expect(tokenizeDocument('开工')).toEqual(['开工']);
    expect(tokenizeDocument('9条、S3线')).toEqual(['9', '条', 's3', '线']);
    expect(tokenizeQuery('开工')).toEqual(['开工']);
    expect(tokenizeQuery('多少对')).toEqual(['对']);
  });

  it('GIVEN any text without words THEN no tokens and no error', () => {
    expect(tokenizeQuery('')).toEqual([]);
    expect(tokenizeQuery('？！…　 ')).toEqual([]);
  });
});

describe('numerals', () => {
  it('GIVEN Chinese numerals THEN their values', () => {
    expect(parseChineseNumber('四')).toBe(4);
    expect(parseChineseNumber('十四')).toBe(14);
    expect(parseChineseNumber('二十')).toBe(20);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('三四')).toBeNull();
  });

  it('GIVEN a counted numeral THEN it becomes digits, but names keep their numerals', () => {
    expect(arabicizeCounts('举办四届恳谈会')).toBe('举办4届恳谈会');
    expect(arabicizeCounts('为以前的三倍')).toBe('为以前的3倍');
    expect(arabicizeCounts('两环三射')).toBe('两环三射');
    expect(arabicizeCounts('一码通')).toBe('一码通');
  });

  it('GIVEN a count right after a Latin word (API两种, S3两条) THEN its digits stay apart: no token joins the word and the count', () => {
    expect(arabicizeCounts('API两种访问方式')).toBe('API 2种访问方式');
    expect(tokenizeQuery('Java API两种访问类型')).toEqual(expect.arrayContaining(['api', '2']));
    expect(tokenizeQuery('Java API两种访问类型')).not.toContain('api2');
    expect(tokenizeQuery('S3两条支线')).toContain('s3');
    expect(arabicizeCounts('共三届')).toBe('共3届');
  });

  it('GIVEN 四届 and 4届 THEN they tokenize alike', () => {
    expect(tokenizeQuery('四届')).toEqual(tokenizeQuery('4届'));
    expect(tokenizeQuery('三倍')).toEqual(tokenizeQuery('3倍'));
  });
});

describe('single Han characters', () => {
  it('GIVEN texts THEN only one Han code point is a single Han character, astral ones included', () => {
    for (const text of ['园', '𠀀', '〇']) expect(isHanCharacter(text), text).toBe(true);
    for (const text of ['公园', 'a', '1', '、', '']) expect(isHanCharacter(text), text).toBe(false);
  });
});
