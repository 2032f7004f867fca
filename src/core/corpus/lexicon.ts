import * as z from 'zod';
import { normalizeText } from '../language/normalize.js';
import { englishStems } from '../language/english.js';
import type { YamlSource } from './yaml-source.js';
import { parseYaml, validateYaml } from './yaml-source.js';
import { CorpusError } from '../errors.js';

/**
 * How much a term reached through the lexicon (a synonym, an expansion) counts against the
 * user's own word: enough to find the passage, never enough to outrank one that uses the word.
 */
export const EXPANSION_WEIGHT = 0.6;

const term = z.string().trim().min(1, 'must not be empty').max(40, 'at most 40 characters');
const englishKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9 '.+-]*$/, 'a glossary key is an English word or phrase');

/** A lexicon file as written. Every section is optional; unknown sections are rejected. */
export const lexiconFileSchema = z.strictObject({
  synonyms: z.array(z.array(term).min(2, 'a synonym group needs at least two words')).optional(),
  expansions: z.record(term, z.array(term).min(1, 'list at least one word')).optional(),
  glossary: z.record(englishKey, z.array(term).min(1, 'list at least one Chinese term')).optional(),
});

/** Lookup tables built from every lexicon of a corpus. */
export interface Lexicon {
  /** Normalized Chinese word -> the words a question using it also searches. */
  expansions: Map<string, Set<string>>;
  /** Stemmed English phrase (stems joined by spaces) -> normalized Chinese terms. */
  glossary: Map<string, Set<string>>;
  /** Longest glossary phrase, in words, to bound the phrase matching. */
  longestPhrase: number;
  /** Longest expansion key, in characters, to bound the search for lexicon words in a question. */
  longestWord: number;
}

/** An empty lexicon: questions are answered from their own words only. */
export function emptyLexicon(): Lexicon {
  return { expansions: new Map(), glossary: new Map(), longestPhrase: 0, longestWord: 0 };
}

function add(map: Map<string, Set<string>>, key: string, values: Iterable<string>): void {
  const set = map.get(key) ?? new Set<string>();
  for (const value of values) if (value !== key) set.add(value);
  map.set(key, set);
}

function describe(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'lexicon';
  const [section, entry] = path;
  return entry === undefined ? `"${String(section)}"` : `"${String(section)}" entry ${typeof entry === 'number' ? entry + 1 : `"${String(entry)}"`}`;
}

/**
 * Parses and validates a lexicon file (YAML) and adds its entries to `into`.
 *
 * @throws CorpusError naming the file, the entry's line and the entry
 */
export function addLexiconFile(into: Lexicon, text: string, file: string): void {
  const source: YamlSource = parseYaml(text, file, 1, 'lexicon');
  if (source.data === null || source.data === undefined) return;
  const data = validateYaml(source, lexiconFileSchema, file, describe);
  const norm = (word: string): string => normalizeText(word);
  for (const group of data.synonyms ?? []) {
    const words = group.map(norm);
    for (const word of words) add(into.expansions, word, words);
  }
  for (const [key, words] of Object.entries(data.expansions ?? {})) {
    add(into.expansions, norm(key), words.map(norm));
  }
  for (const key of into.expansions.keys()) into.longestWord = Math.max(into.longestWord, [...key].length);
  for (const [phrase, words] of Object.entries(data.glossary ?? {})) {
    const stems = englishStems(phrase, false);
    if (stems.length === 0) {
      throw new CorpusError(
        { file, line: source.lineOf(['glossary', phrase]), field: describe(['glossary', phrase]) },
        'the phrase is made only of stop words, so no question could reach it',
      );
    }
    into.longestPhrase = Math.max(into.longestPhrase, stems.length);
    add(into.glossary, stems.join(' '), words.map(norm));
  }
}
