import { ConverterBuilder, type DictGroup } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import { arabicizeCounts } from './numerals.js';

// Taiwan-standard input to mainland simplified covers both 繁體 and 正體 spellings users type.
const FROM = 'tw';
const toSimplified = ConverterBuilder(t2cn)({ from: FROM, to: 'cn' });

/**
 * Every character that some dictionary entry would change: a character of an entry's source whose
 * replacement differs at its position (all of an entry's characters when the lengths differ). A
 * text holding none of them is its own conversion: every entry that matches in it maps to itself.
 */
function changingCharacters(groups: readonly DictGroup[]): Set<number> {
  const changing = new Set<number>();
  const add = (source: string, replacement: string): void => {
    const from = [...source];
    const to = [...replacement];
    from.forEach((ch, i) => {
      if (from.length !== to.length || ch !== to[i]) changing.add(ch.codePointAt(0)!);
    });
  };
  for (const group of groups) {
    for (const dict of group) {
      // a dictionary is [source, replacement] pairs, or the same as "source replacement|…"
      const entries = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
      for (const [source = '', replacement = ''] of entries) add(source, replacement);
    }
  }
  return changing;
}

// the dictionaries of the same configuration the converter above runs (ConverterBuilder names it tw2s)
const config = t2cn.configs[`${FROM}2s`] as { normalizationChain?: DictGroup[]; conversionChain: readonly DictGroup[] } | undefined;
if (!config) throw new Error(`opencc-js has no ${FROM}2s configuration`);
const CHANGING = changingCharacters([...(config.normalizationChain ?? []), ...config.conversionChain]);

/**
 * Traditional to simplified. Most questions and passages are simplified already: the converter
 * (a segmentation, then a trie walk per character for each of its three dictionary stages) runs
 * only when a character of the text is one that some entry changes.
 */
export function simplify(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (CHANGING.has(code)) return toSimplified(text);
    if (code > 0xffff) i++;
  }
  return text;
}

/**
 * Folds a text to the form that documents and queries are compared in: NFKC (full-width letters,
 * digits and punctuation to half-width), lower case, traditional to simplified characters.
 * Counted Chinese numerals become digits unless `counts` is false.
 */
export function normalizeText(text: string, counts = true): string {
  const folded = simplify(text.normalize('NFKC').toLowerCase());
  return counts ? arabicizeCounts(folded) : folded;
}
