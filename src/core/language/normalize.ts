import type * as OpenCC from 'opencc-js/t2cn';
import type { DictGroup } from 'opencc-js/core';
import { readFileSync } from 'node:fs';
import { arabicizeCounts } from './numerals.js';
import { DATA_DIR } from '../util/data-dir.js';
import { lazyModule } from '../util/lazy-module.js';

// Taiwan-standard input to mainland simplified covers both 繁體 and 正體 spellings users type.
const FROM = 'tw';
// the one-file bundle: it loads in a fifth of the time of the package's per-dictionary modules; it
// is loaded (some 7 ms, 110 KB of dictionaries) and the converter made (its dictionaries made into
// tries, some 20 ms) for the first text that needs them: a start that reads simplified text alone
// (npm run ask 成资S3线开工了吗) needs neither
const openCC = lazyModule<typeof OpenCC>('opencc-js/t2cn');
let converter: ((text: string) => string) | undefined;
const toSimplified = (text: string): string => (converter ??= openCC().Converter({ from: FROM, to: 'cn' }))(text);

/**
 * Every character that some dictionary entry would change: a character of an entry's source whose
 * replacement differs at its position (all of an entry's characters when the lengths differ). A
 * text holding none of them is its own conversion: every entry that matches in it maps to itself.
 */
export function changingCharacters(groups: readonly DictGroup[]): Set<number> {
  const changing = new Set<number>();
  // walked by code point without splitting: the dictionaries hold some 6,000 entries, read at start-up
  const add = (source: string, replacement: string): void => {
    const sameLength = [...source].length === [...replacement].length;
    for (let i = 0, j = 0; i < source.length; ) {
      const from = source.codePointAt(i)!;
      const to = replacement.codePointAt(j);
      if (!sameLength || from !== to) changing.add(from);
      i += from > 0xffff ? 2 : 1;
      j += to !== undefined && to > 0xffff ? 2 : 1;
    }
  };
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict !== 'string') {
        for (const [source, replacement] of dict) add(source, replacement);
        continue;
      }
      // "source replacement|source replacement|…"
      for (let at = 0; at < dict.length; ) {
        const space = dict.indexOf(' ', at);
        const bar = dict.indexOf('|', at);
        const end = bar < 0 ? dict.length : bar;
        if (space < 0 || space > end) throw new Error(`opencc-js dictionary entry without a replacement: ${dict.slice(at, end)}`);
        add(dict.slice(at, space), dict.slice(space + 1, end));
        at = end + 1;
      }
    }
  }
  return changing;
}

/** The dictionaries of the configuration the converter above runs (opencc-js names it tw2s), in order. */
export function converterDictionaries(): DictGroup[] {
  const config = openCC().Locale.configs[`${FROM}2s`] as { normalizationChain?: DictGroup[]; conversionChain: readonly DictGroup[] } | undefined;
  if (!config) throw new Error(`opencc-js has no ${FROM}2s configuration`);
  return [...(config.normalizationChain ?? []), ...config.conversionChain];
}

/**
 * The changing characters, as scripts/derive-opencc.ts wrote them to data/opencc-changing.txt
 * (computing them from the dictionaries took some 6 ms of every start; a test holds the file to
 * what the installed opencc-js gives).
 */
let changing: ReadonlySet<number> | undefined;
function changingSet(): ReadonlySet<number> {
  if (!changing) {
    const text = readFileSync(`${DATA_DIR}opencc-changing.txt`, 'utf8').split('\n').filter((line) => !line.startsWith('#')).join('');
    changing = new Set([...text].map((ch) => ch.codePointAt(0)!));
    if (changing.size === 0) throw new Error('data/opencc-changing.txt lists no character');
  }
  return changing;
}

/**
 * Traditional to simplified. Most questions and passages are simplified already: the converter
 * (a segmentation, then a trie walk per character for each of its three dictionary stages) runs
 * only when a character of the text is one that some entry changes.
 */
export function simplify(text: string): string {
  const changes = changingSet();
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (changes.has(code)) return toSimplified(text);
    if (code > 0xffff) i++;
  }
  return text;
}

/**
 * 甚麼 (甚么), Taiwan's and Hong Kong's everyday spelling of 什么, which the converter keeps: folded,
 * so that 为甚么 and 甚么时候 are the question words they are. 甚 stays where it is no such word (甚至).
 */
function foldVariants(text: string): string {
  return text.includes('甚么') ? text.replaceAll('甚么', '什么') : text;
}

/** NFKC (full-width letters, digits and punctuation to half-width) and lower case: normalizeText without its conversions. */
export function foldWidthAndCase(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Folds a text to the form that documents and queries are compared in: NFKC (full-width letters,
 * digits and punctuation to half-width), lower case, traditional to simplified characters.
 * Counted Chinese numerals become digits unless `counts` is false.
 */
export function normalizeText(text: string, counts = true): string {
  const folded = foldVariants(simplify(foldWidthAndCase(text)));
  return counts ? arabicizeCounts(folded) : folded;
}
