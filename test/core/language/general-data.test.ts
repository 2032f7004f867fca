import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { cedictTables, pinyinReadings } from '../../../src/core/language/general-data.js';
import { changingCharacters, converterDictionaries, foldWidthAndCase, normalizeText, simplify } from '../../../src/core/language/normalize.js';

describe('the general language data under data/', () => {
  it('GIVEN each word list THEN every line is already simplified: folding it without the converter loses nothing', () => {
    for (const name of ['fillers.txt', 'colloquial.tsv', 'region-abbreviations.tsv']) {
      const lines = readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8').split('\n');
      const unsimplified = lines.filter((line) => normalizeText(line, false) !== foldWidthAndCase(line));
      expect(unsimplified, name).toEqual([]);
    }
  });

  it('GIVEN a traditional line THEN the check above would catch it', () => {
    expect(normalizeText('羣眾 醫院', false)).not.toBe(foldWidthAndCase('羣眾 醫院'));
  });

  it('GIVEN the installed opencc-js THEN data/opencc-changing.txt lists exactly the characters its dictionaries change (regenerate it with scripts/derive-opencc.ts after an upgrade)', () => {
    const listed = readFileSync(new URL('../../../data/opencc-changing.txt', import.meta.url), 'utf8').split('\n').filter((line) => !line.startsWith('#')).join('');
    const expected = [...changingCharacters(converterDictionaries())].sort((a, b) => a - b).map((code) => String.fromCodePoint(code)).join('');
    expect(listed).toBe(expected);
    // and simplify converts through them: a traditional text changes, a text of other characters is returned as it is
    expect(simplify('體育場館')).toBe('体育场馆');
    const untouched = '成都东部新区规划建设';
    expect([...untouched].some((ch) => listed.includes(ch))).toBe(false);
    expect(simplify(untouched)).toBe(untouched);
  });
});

describe('the dictionary tables (data/cedict-*.tsv, data/pinyin-readings.tsv)', () => {
  it('GIVEN the CC-CEDICT tables THEN each stem lists exactly the headwords with a sense holding it, and counts those senses', () => {
    const { words, stems, senses } = cedictTables();
    const lines = readFileSync(new URL('../../../data/cedict-stems.tsv', import.meta.url), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    let total = 0;
    for (const line of lines.filter((_, i) => i % 50 === 0)) {
      const [stem, count, holders] = line.split('\t') as [string, string, string];
      expect(stems.get(stem)).toBe(`${count}\t${holders}`);
      const holding = holders.split(' ').map((word) => words.get(word)!.split('\t').filter((gloss) => gloss.split(' ').includes(stem)).length);
      expect(holding.every((n) => n > 0), stem).toBe(true);
      expect(holding.reduce((a, b) => a + b, 0)).toBe(Number(count));
    }
    for (const line of lines) total += Number(line.split('\t')[1]);
    // each sense counted once per distinct stem: more stem counts than senses
    expect(total).toBeGreaterThan(senses);
    expect(words.get('看病')).toMatch(/doctor/);
  });

  it('GIVEN Han characters THEN the readings table gives what pinyin-pro gives (regenerate it with scripts/derive-pinyin.ts after an upgrade)', () => {
    const table = pinyinReadings();
    const report = readFileSync(new URL('../../../corpus/cdms-2021-04-15.md', import.meta.url), 'utf8');
    const characters = new Set([...report].filter((ch) => /\p{Script=Han}/u.test(ch)));
    for (let code = 0x4e00; code <= 0x9fff; code += 97) characters.add(String.fromCodePoint(code));
    for (const ch of ['㑇', '𠀀', '乐', '行']) characters.add(ch);
    for (const ch of characters) {
      const expected = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).filter((syllable) => /^[a-zü]+$/.test(syllable));
      expect(table.get(ch)?.split(' ') ?? [], ch).toEqual(expected);
    }
  });
});
