import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeText } from './normalize.js';

/**
 * The general language data under data/ (see data/README.md for sources and licences): words that
 * wrap a question, everyday words mapped to the formal register, and CC-CEDICT's English glosses.
 * None of it is about a report. Each file is read once per process, on first use.
 */

/** data/ beside src/ and dist/: both sit one level below the package root. */
const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

function lines(name: string): string[] {
  return readFileSync(`${DATA_DIR}${name}`, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() && !line.startsWith('#'));
}

let fillers: readonly string[] | undefined;
let colloquial: ReadonlyMap<string, readonly string[]> | undefined;

/** data/fillers.txt: greetings, politeness, thanks and framing, normalized, longest first. */
export function fillerPhrases(): readonly string[] {
  fillers ??= [...new Set(lines('fillers.txt').map((line) => normalizeText(line.trim(), false)))].sort((a, b) => b.length - a.length);
  return fillers;
}

/**
 * data/colloquial.tsv: everyday word -> the formal words a report uses for it (normalized); with
 * data/region-abbreviations.tsv: a province's full name -> its one-character abbreviations.
 */
export function colloquialWords(): ReadonlyMap<string, readonly string[]> {
  if (!colloquial) {
    const map = new Map<string, string[]>();
    // a province named in full also finds its abbreviation (上海 -> 沪), as an everyday word its formal one
    for (const line of [...lines('colloquial.tsv'), ...lines('region-abbreviations.tsv')]) {
      const [word, formal] = line.split('\t');
      if (!word || !formal) continue;
      const key = normalizeText(word.trim(), false);
      const words = formal.split(/[,，]/).map((item) => normalizeText(item.trim(), false)).filter((item) => item && item !== key);
      map.set(key, [...(map.get(key) ?? []), ...words]);
    }
    colloquial = map;
  }
  return colloquial;
}

/** data/cedict-glosses.json, as scripts/derive-cedict.ts writes it. */
export interface CedictData {
  /** How many senses the dictionary has, and how many of them hold each stem. */
  senses: number;
  stems: Readonly<Record<string, number>>;
  /** Simplified headword -> its senses, each the stems of its English words, joined by tabs. */
  words: Readonly<Record<string, string>>;
}

let cedict: CedictData | undefined;

/** CC-CEDICT's senses of Chinese words, as stems of their English glosses (read once). */
export function cedictGlosses(): CedictData {
  cedict ??= JSON.parse(readFileSync(`${DATA_DIR}cedict-glosses.json`, 'utf8')) as CedictData;
  return cedict;
}
