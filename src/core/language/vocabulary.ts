import { tag } from './tagger.js';
import { BoundedCache } from '../util/bounded-cache.js';
import { cedictTables, colloquialWords, readCedictTables } from './general-data.js';
import type { QueryVocabulary, VocabularyTerm } from './query.js';
import { contentTokens, isHanCharacter } from './tokenizer.js';
import { TypoCorrector, type Correction } from './typos.js';

/**
 * General vocabulary, limited to one corpus: which words the corpus has, everyday words' formal
 * equivalents, CC-CEDICT's senses (English questions on any report; Chinese words that share a
 * sense, 看病 ~ 就诊), and pinyin typos. Built per corpus from its document frequencies; the
 * dictionary parts are made on first use (an English question, or a word the corpus lacks), so a
 * process that never needs them never reads the dictionary.
 */

/** How many corpus words one English word or one Chinese word may stand for. */
const MAX_TERMS = 3;
/** The least weight of a dictionary neighbour: below it, a shared sense says too little. */
const MIN_RELATED = 0.3;
/** What a neighbour sharing a whole sense (看病 "see doctor" ~ 就诊 "see doctor") is worth. */
const SAME_SENSE_WEIGHT = 0.6;
/**
 * The least specificity (summed stem weights) of a shared sense for two Chinese words to count as
 * neighbours: "people" alone (人口 ~ 万人) or "open" says too little; "see doctor" or "fare" enough.
 */
const MIN_SHARED_SPECIFICITY = 7;
/** The least weight of an English mapping (sense words covered by the question's word). */
const MIN_ENGLISH = 0.25;
const HAN = /^\p{Script=Han}+$/u;
/** How many words' presence in the corpus is remembered. */
const KNOWN_WORDS_KEPT = 20_000;

/** A dictionary sense of a corpus word: the word, how much of it the corpus holds, and the sense's stems. */
interface Sense {
  word: string;
  presence: number;
  /** The stems joined by spaces, as the dictionary writes the sense. */
  gloss: string;
  stems: string[];
}

/**
 * CC-CEDICT's senses of the words one corpus holds, looked up in the dictionary's tables when a
 * question needs them (see cedictTables): no index of the whole dictionary is built per corpus.
 */
class CorpusSenses {
  private readonly tables = cedictTables();
  private readonly withStem = new BoundedCache<string, Sense[]>(KNOWN_WORDS_KEPT);
  private readonly weights = new BoundedCache<string, number>(KNOWN_WORDS_KEPT);

  /** @param presence - share of a word's tokens that the corpus holds */
  constructor(private readonly presence: (word: string) => number) {}

  /** A headword's senses, each its stems joined by spaces (none for a word the dictionary lacks). */
  glosses(word: string): string[] {
    return this.tables.words.get(word)?.split('\t') ?? [];
  }

  /** How specific a stem is: inverse frequency over all senses of the dictionary. */
  stemWeight(stem: string): number {
    return this.weights.get(stem, () => {
      const line = this.tables.stems.get(stem);
      const count = line === undefined ? 1 : Number(line.slice(0, line.indexOf('\t')));
      return Math.log(1 + this.tables.senses / count);
    });
  }

  /**
   * The senses holding a stem of the words the corpus holds at least half of (a word the corpus half
   * holds may still be found in part: 公交车 in a report that says 公交), in dictionary order.
   */
  byStem(stem: string): Sense[] {
    return this.withStem.get(stem, () => {
      const line = this.tables.stems.get(stem);
      const found: Sense[] = [];
      if (line === undefined) return found;
      for (const word of line.slice(line.indexOf('\t') + 1).split(' ')) {
        const presence = this.presence(word);
        if (presence < 0.5) continue;
        for (const gloss of this.glosses(word)) {
          const stems = gloss.split(' ');
          if (stems.includes(stem)) found.push({ word, presence, gloss, stems });
        }
      }
      return found;
    });
  }

  /** The senses that are exactly this gloss (see byStem), in dictionary order. */
  bySense(gloss: string): Sense[] {
    const space = gloss.indexOf(' ');
    return this.byStem(space < 0 ? gloss : gloss.slice(0, space)).filter((sense) => sense.gloss === gloss);
  }
}

/** What a corpus vocabulary is built from: its document frequencies (bigrams, single characters, Latin runs). */
export interface CorpusTerms {
  frequency(token: string): number;
  /**
   * The distinct tokens that may be single Han characters, for the typo corrector: every token, or
   * any subset that holds all single characters (the rest are filtered out).
   */
  tokens(): Iterable<string>;
  /** Whether some passage holds the text (see CorpusLetters.occurs). */
  occurs?(text: string): boolean;
  /**
   * Every match of a global pattern in the passages' texts, its first group when it has one (so a
   * lookahead captures overlapping matches); a small corpus only (see Engine).
   */
  matches?(pattern: RegExp): string[];
}

/** The most phrases a word the corpus lacks is read as by its characters (see recombined). */
export const MAX_RECOMBINED = 3;

/** See the module comment. */
export class CorpusVocabulary implements QueryVocabulary {
  readonly colloquial = colloquialWords();
  readonly longestColloquial: number;
  private senseTables: CorpusSenses | undefined;
  private corrector: TypoCorrector | undefined;
  // words recur from question to question; the corpus does not change under a vocabulary
  private readonly relatedCache = new BoundedCache<string, VocabularyTerm[]>(KNOWN_WORDS_KEPT);
  private readonly knownWords = new BoundedCache<string, boolean>(KNOWN_WORDS_KEPT);
  private readonly recombinedCache = new BoundedCache<string, string[]>(KNOWN_WORDS_KEPT);
  // an English word's senses are walked once (a common stem has hundreds); null: none found
  private readonly englishCache = new BoundedCache<string, { length: number; terms: VocabularyTerm[] } | null>(KNOWN_WORDS_KEPT);

  constructor(private readonly terms: CorpusTerms) {
    this.longestColloquial = Math.max(0, ...[...this.colloquial.keys()].map((key) => [...key].length));
  }

  /** Reads the dictionary's tables and builds the typo corrector now (a service does it before its first question). */
  warm(): void {
    readCedictTables();
    this.typos();
  }

  known(word: string): boolean {
    return this.knownWords.get(word, () => (HAN.test(word) ? contentTokens(word) : [word]).every((token) => this.terms.frequency(token) > 0));
  }

  /** Share of a Han word's tokens (its bigrams, or the character alone) that the corpus holds. */
  private presence(word: string): number {
    // called for every headword of the dictionary: no arrays for the common short words
    if (word.length === 1 || (word.length === 2 && word.codePointAt(0)! > 0xffff)) return this.terms.frequency(word) > 0 ? 1 : 0;
    if (word.length === 2) return this.terms.frequency(word) > 0 ? 1 : 0;
    const tokens = contentTokens(word);
    let found = 0;
    for (const token of tokens) if (this.terms.frequency(token) > 0) found += 1;
    return found / tokens.length;
  }

  private senses(): CorpusSenses {
    this.senseTables ??= new CorpusSenses((word) => this.presence(word));
    return this.senseTables;
  }

  private typos(): TypoCorrector {
    this.corrector ??= new TypoCorrector({
      characters: () => [...this.terms.tokens()].filter(isHanCharacter),
      bigramFrequency: (bigram) => this.terms.frequency(bigram),
      occurs: this.terms.occurs?.bind(this.terms),
    });
    return this.corrector;
  }

  related(word: string): VocabularyTerm[] {
    return this.relatedCache.get(word, () => this.neighbours(word));
  }

  /**
   * The phrases of four characters in which the corpus says a two-character word it lacks by its two
   * characters, each in a word of its own, side by side in either order: 种茶 (to grow tea) is said
   * 茶叶种植 (tea growing), 修路 道路修建. The phrase is two words of two characters as the
   * segmenter cuts it, each holding one of the characters, in either order (not 县茶叶种: 县/茶叶/种).
   * The most frequent MAX_RECOMBINED, most frequent first; none for a large corpus (no passage scan).
   */
  recombined(word: string): string[] {
    const [a, b, ...rest] = [...word];
    if (!this.terms.matches || a === undefined || b === undefined || rest.length > 0 || a === b || !HAN.test(a) || !HAN.test(b)) return [];
    return this.recombinedCache.get(word, () => {
      const half = (c: string): string => `(?:${c}\\p{Script=Han}|\\p{Script=Han}${c})`;
      // a lookahead: every four characters that fit, overlapping (全县茶叶种植 holds 县茶叶种 and 茶叶种植)
      const pattern = new RegExp(`(?=(${half(a)}${half(b)}|${half(b)}${half(a)}))`, 'gu');
      const counts = new Map<string, number>();
      for (const phrase of this.terms.matches!(pattern)) if (!phrase.includes(word)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      for (const phrase of counts.keys()) {
        const words = tag(phrase).map((item) => item.word);
        const split = words.length === 2 && words.every((item) => [...item].length === 2) && ((words[0]!.includes(a) && words[1]!.includes(b)) || (words[0]!.includes(b) && words[1]!.includes(a)));
        if (!split) counts.delete(phrase);
      }
      return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_RECOMBINED).map(([phrase]) => phrase);
    });
  }

  /** CC-CEDICT neighbours of a word that the corpus holds (see related). */
  private neighbours(word: string): VocabularyTerm[] {
    // a single character has too many senses for any of them to stand for it
    const index = [...word].length > 1 ? this.senses() : undefined;
    const glosses = index?.glosses(word) ?? [];
    const best = new Map<string, number>();
    const offer = (candidate: string, weight: number): void => {
      if (candidate !== word && weight > (best.get(candidate) ?? 0)) best.set(candidate, weight);
    };
    for (const gloss of glosses) {
      const stems = gloss.split(' ');
      const weightOf = (list: readonly string[]): number => list.reduce((sum, stem) => sum + index!.stemWeight(stem), 0);
      const own = weightOf(stems);
      if (own < MIN_SHARED_SPECIFICITY) continue;
      for (const sense of index!.bySense(gloss)) if (sense.presence === 1 && [...sense.word].length > 1) offer(sense.word, SAME_SENSE_WEIGHT);
      const seen = new Set<Sense>();
      for (const stem of new Set(stems)) {
        for (const sense of index!.byStem(stem)) {
          if (sense.presence < 1 || seen.has(sense) || [...sense.word].length < 2) continue;
          seen.add(sense);
          const shared = weightOf(sense.stems.filter((item) => stems.includes(item)));
          if (shared < MIN_SHARED_SPECIFICITY) continue;
          // the shared part against the larger of the two senses: "visit doctor" ~ "see doctor"
          offer(sense.word, SAME_SENSE_WEIGHT * (shared / Math.max(own, weightOf(sense.stems))));
        }
      }
    }
    return top(best, MIN_RELATED, (candidate) => this.frequencyOf(candidate));
  }

  english(stems: readonly string[]): { length: number; terms: VocabularyTerm[] } | undefined {
    if (stems.length === 0) return undefined;
    // the answer depends on the first three stems only (the longest phrase looked up)
    const key = stems.slice(0, 3).join(' ');
    return this.englishCache.get(key, () => this.translate(stems.slice(0, 3)) ?? null) ?? undefined;
  }

  /** See english(): the dictionary walk for its first three stems. */
  private translate(stems: readonly string[]): { length: number; terms: VocabularyTerm[] } | undefined {
    const index = this.senses();
    // a phrase of several words is a whole sense (ring road -> 环线)
    for (let n = Math.min(3, stems.length); n > 1; n--) {
      const senses = index.bySense(stems.slice(0, n).join(' '));
      if (!senses.length) continue;
      const best = new Map<string, number>();
      for (const sense of senses) best.set(sense.word, Math.max(best.get(sense.word) ?? 0, sense.presence));
      const terms = top(best, MIN_ENGLISH, (candidate) => this.frequencyOf(candidate));
      if (terms.length) return { length: n, terms };
    }
    const stem = stems[0]!;
    const best = new Map<string, number>();
    let multi = false;
    for (const sense of index.byStem(stem)) {
      // the share of the sense that the word is: railway is all of 铁路's "railway", part of 轨道's "railway track"
      const weight = (sense.presence * index.stemWeight(stem)) / sense.stems.reduce((sum, item) => sum + index.stemWeight(item), 0);
      if (weight > (best.get(sense.word) ?? 0)) best.set(sense.word, weight);
      if ([...sense.word].length > 1 && weight >= MIN_ENGLISH) multi = true;
    }
    // a single character stands for an English word only where no word of two or more does
    if (multi) for (const word of [...best.keys()]) if ([...word].length === 1) best.delete(word);
    const terms = top(best, MIN_ENGLISH, (candidate) => this.frequencyOf(candidate));
    return terms.length ? { length: 1, terms } : undefined;
  }

  corrections(run: string, skip: (index: number) => boolean, wordOf: readonly number[]): Correction[] {
    return this.typos().correct(run, skip, wordOf);
  }

  /** How often the corpus has a word: the frequency of its rarest token. */
  private frequencyOf(word: string): number {
    return Math.min(...contentTokens(word).map((token) => this.terms.frequency(token)));
  }
}

/** The best candidates at or above `least`, by weight, then by how often the corpus uses them. */
function top(weights: Map<string, number>, least: number, frequency: (word: string) => number): VocabularyTerm[] {
  return [...weights]
    .filter(([, weight]) => weight >= least)
    .sort((a, b) => b[1] - a[1] || frequency(b[0]) - frequency(a[0]))
    .slice(0, MAX_TERMS)
    .map(([word, weight]) => ({ word, weight: Math.min(1, weight) }));
}
