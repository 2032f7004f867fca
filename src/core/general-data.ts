import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeText } from './normalize.js';

/**
 * The general language data under data/ (see data/README.md for sources and licences): words that
 * wrap a question, everyday words mapped to the formal register, and CC-CEDICT's English glosses.
 * None of it is about a report. Each file is read once per process, on first use.
 */

/** data/ beside src/ and dist/: both sit one level below the package root. */
const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

function lines(name: string): string[] {
  return readFileSync(`${DATA_DIR}${name}`, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() && !line.startsWith('#'));
}

let fillers: readonly string[] | undefined;
let colloquial: ReadonlyMap<string, readonly string[]> | undefined;
let glosses: ReadonlyMap<string, readonly string[]> | undefined;

/** data/fillers.txt: greetings, politeness, thanks and framing, normalized, longest first. */
export function fillerPhrases(): readonly string[] {
  fillers ??= [...new Set(lines('fillers.txt').map((line) => normalizeText(line.trim(), false)))].sort((a, b) => b.length - a.length);
  return fillers;
}

/** data/colloquial.tsv: everyday word -> the formal words a report uses for it (normalized). */
export function colloquialWords(): ReadonlyMap<string, readonly string[]> {
  if (!colloquial) {
    const map = new Map<string, string[]>();
    for (const line of lines('colloquial.tsv')) {
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

/**
 * data/cedict-glosses.tsv: a simplified headword -> its senses, each the stems of its English
 * words (space-separated), as derived by scripts/derive-cedict.ts.
 */
export function cedictGlosses(): ReadonlyMap<string, readonly string[]> {
  if (!glosses) {
    const map = new Map<string, string[]>();
    for (const line of lines('cedict-glosses.tsv')) {
      const tab = line.indexOf('\t');
      if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1).split('\t'));
    }
    glosses = map;
  }
  return glosses;
}
