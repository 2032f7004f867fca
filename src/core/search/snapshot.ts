import MiniSearch, { type Options } from 'minisearch';
import { ALTERED_ENTRY, cacheKey, type IndexCache } from './index-cache.js';
import { IndexBuilder } from './index-builder.js';
import { normalizeText } from '../language/normalize.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Passage, Section } from '../types.js';
import { CharacterFrequencies, viewOf, type IndexedView } from '../answer/view.js';

/**
 * The index snapshot of a corpus: a MiniSearch index over the passages' tokens, each passage's
 * normalized text, and document frequencies. Built in one pass, or loaded from the index cache
 * (keyed by a hash of the corpus, the tokenizer's version and the format).
 */

/** Weight of the headline field (section keyword and headline) in BM25. */
export const HEADLINE_BOOST = 1.5;

/** A passage as MiniSearch indexes it: its tokens, joined by spaces, per field. */
export interface IndexedPassage {
  id: number;
  text: string;
  headline: string;
}

// passages are handed over already tokenized, joined by spaces
const tokenize = (text: string): string[] => (text ? text.split(' ') : []);
const processTerm = (term: string): string => term;

/**
 * The engine's MiniSearch options. Passages are handed over already tokenized (see
 * {@link tokenizeNormalized}), so MiniSearch's own tokenizer and term processing are identities.
 *
 * `searchOptions` also names every key a search is given or derives (tokenize, processTerm,
 * boostTerm, filter), at their defaults: MiniSearch merges its search options into each search's
 * once per query term, and V8 copies an object that only overwrites keys it already has about ten
 * times faster than one that adds keys (measured 0.5 against 7 µs a term on Node 20, a fifth of a
 * question's time on the shipped report).
 */
export const INDEX_OPTIONS: Options<IndexedPassage> = {
  fields: ['text', 'headline'],
  tokenize,
  processTerm,
  searchOptions: { boost: { headline: HEADLINE_BOOST }, combineWith: 'OR', tokenize, processTerm, boostTerm: undefined, filter: undefined },
};

/** What a snapshot holds. */
export interface IndexSnapshot {
  index: MiniSearch<IndexedPassage>;
  /** Each passage's normalized text, by position in the passage list. */
  normalized: string[];
  /**
   * In how many passages each token occurs (text or headline), and each single Han character
   * anywhere in a passage (a one-character question word is matched anywhere).
   */
  df: Map<string, number>;
  /** True when it was loaded from the cache rather than built. */
  fromCache: boolean;
}

/** Options of {@link openSnapshot}. */
export interface SnapshotOptions {
  maxPassageChars: number;
  cache?: IndexCache;
  onCacheProblem?: (message: string) => void;
}

/** The view of a section's keyword and headline: a field of each of its passages. */
export function headlineViewOf(section: Section): IndexedView {
  return viewOf(normalizeText(`${section.keyword} ${section.headline}`));
}

/** Loads the corpus's snapshot from the cache, or builds (and caches) it. */
export function openSnapshot(corpus: Corpus, passages: readonly Passage[], headlineView: (section: Section) => IndexedView, options: SnapshotOptions): IndexSnapshot {
  const key = options.cache ? cacheKey(corpus, options.maxPassageChars) : '';
  const cached = options.cache?.load(key);
  const restored = cached === undefined ? undefined : readSnapshot(cached, key, passages.length);
  if (restored) return restored;
  if (cached !== undefined) options.onCacheProblem?.(cached === ALTERED_ENTRY ? `the cached index for key ${key} was altered (checksum mismatch); rebuilding it` : `the cached index for key ${key} is unreadable; rebuilding it`);
  const built = buildSnapshot(passages, headlineView);
  if (options.cache) {
    try {
      options.cache.save(key, JSON.stringify({ key, passages: passages.length, normalized: built.normalized, df: [...built.df], index: built.index }));
    } catch (error) {
      // a cache that cannot be written (read-only folder, full disk) costs start-up time, not answers
      options.onCacheProblem?.(`the index could not be cached: ${(error as Error).message}`);
    }
  }
  return built;
}

/** Builds the snapshot: one passage at a time, so that no second copy of the corpus's tokens is held. */
export function buildSnapshot(passages: readonly Passage[], headlineView: (section: Section) => IndexedView): IndexSnapshot {
  const normalized = passages.map((passage) => normalizeText(passage.text));
  const characters = new CharacterFrequencies();
  const builder = new IndexBuilder(INDEX_OPTIONS.fields);
  passages.forEach((passage, id) => {
    const text = viewOf(normalized[id]!);
    const headline = headlineView(passage.section);
    characters.nextText();
    characters.add(text.normalized);
    characters.add(headline.normalized);
    // distinct tokens only: coverage, not term frequency, ranks, and indexing costs half as much
    builder.add([text.tokens, headline.tokens]);
  });
  // a passage holds a word when its text or its headline does; a single Han character, anywhere
  const df = builder.documentFrequencies();
  characters.copyTo(df);
  return { index: builder.build(INDEX_OPTIONS), normalized, df, fromCache: false };
}

/** A snapshot read back from the cache, or undefined when it is corrupt or not this corpus's. */
function readSnapshot(text: string, key: string, passages: number): IndexSnapshot | undefined {
  try {
    const data = JSON.parse(text) as { key?: unknown; passages?: unknown; normalized?: unknown; df?: unknown; index?: unknown };
    if (data.key !== key || data.passages !== passages) return undefined;
    if (!Array.isArray(data.normalized) || data.normalized.length !== passages || !data.normalized.every((item) => typeof item === 'string')) return undefined;
    if (!Array.isArray(data.df) || typeof data.index !== 'object' || data.index === null) return undefined;
    const index = MiniSearch.loadJS<IndexedPassage>(data.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
    if (index.documentCount !== passages) return undefined;
    return { index, normalized: data.normalized as string[], df: new Map(data.df as Array<[string, number]>), fromCache: true };
  } catch {
    return undefined;
  }
}
