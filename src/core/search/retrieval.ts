import type MiniSearch from 'minisearch';
import type { Options } from 'minisearch';
import type { IndexedPassage } from './snapshot.js';
import type { SearchIndex } from './search-index.js';
import { isHanCharacter } from '../language/tokenizer.js';

/** Document frequencies as retrieval and scoring read them: a term's count, undefined for none. */
export interface Frequencies {
  get(term: string): number | undefined;
}

/**
 * Retrieval: which of the question's terms are worth a posting-list walk, and the candidates
 * MiniSearch (BM25) proposes for them. Ranking the candidates is scoring's job.
 */

/** How many passages MiniSearch hands to the reranker. */
export const CANDIDATES = 40;
/**
 * Retrieval leaves out query terms that are nearly stop words: in more than this share of the
 * passages, and in more than COMMON_MIN_PASSAGES of them (so small corpora keep every term). Their
 * posting lists are what makes a query slow on a large corpus, and they tell passages apart least;
 * coverage still counts them when ranking the candidates the other terms find.
 */
export const COMMON_SHARE = 0.1;
export const COMMON_MIN_PASSAGES = 500;
/** At most this many query terms go to retrieval. */
export const MAX_RETRIEVAL_TERMS = 4;
/**
 * Retrieval stops adding terms (rarest first) once their posting lists hold this many passages in
 * all: it bounds the candidate set, and so a query's cost, on any corpus size. The rarest term is
 * always kept.
 */
export const POSTING_BUDGET = 3000;

/**
 * The query terms worth a posting-list walk. Each word of the question gets its turn, weightiest
 * word first: its rarest term (among all its alternatives: 铁路 for railway), then the next word's,
 * and so on, then the words' other terms by rarity; near stop words are left out, and terms stop
 * being added at MAX_RETRIEVAL_TERMS or once their posting lists exceed the budget.
 *
 * @param groups - the terms of each word of the question, weightiest word first
 */
export function retrievalTerms(groups: ReadonlyArray<Iterable<string>>, df: Frequencies, passages: number): string[] {
  // a term no passage has cannot find anything; a question made only of near stop words cannot
  // single out a passage of a large corpus: it finds no candidates (and is answered "not found")
  // instead of walking half the index
  const usable = (term: string): number | undefined => {
    const count = df.get(term) ?? 0;
    return count > 0 && (count <= COMMON_MIN_PASSAGES || count <= COMMON_SHARE * passages) ? count : undefined;
  };
  // each word's usable terms, rarest first (a stable sort: equally rare terms keep their order);
  // loops rather than chained array methods, as this runs for every question
  const firsts: Array<{ term: string; df: number }> = [];
  const rest: Array<{ term: string; df: number }> = [];
  for (const terms of groups) {
    const list: Array<{ term: string; df: number }> = [];
    const seen = new Set<string>();
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      const count = usable(term);
      if (count !== undefined) list.push({ term, df: count });
    }
    list.sort((a, b) => a.df - b.df);
    if (list.length > 0) firsts.push(list[0]!);
    for (let i = 1; i < list.length; i++) rest.push(list[i]!);
  }
  rest.sort((a, b) => a.df - b.df);
  const order = firsts.concat(rest);
  const chosen: string[] = [];
  let postings = 0;
  for (const { term, df: count } of order) {
    if (chosen.includes(term)) continue;
    if (chosen.length === MAX_RETRIEVAL_TERMS || (chosen.length > 0 && postings + count > POSTING_BUDGET)) break;
    chosen.push(term);
    postings += count;
  }
  return chosen;
}

/**
 * Above this many passages, candidates are counted (see countedCandidates) rather than asked of
 * MiniSearch with a few rare terms, and ranking reads how much of the question a passage says in
 * its order. Smaller corpora search nearly every term in one MiniSearch query.
 */
export const COUNTED_MIN_PASSAGES = COMMON_MIN_PASSAGES;

/** Letters and digits alone: what "the same words in the same order" compares, punctuation aside. */
export function lettersOnly(normalized: string): string {
  return normalized.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The length of the longest run of `question` that `passage` holds verbatim (both letters only): a
 * passage that says the question's words in its order, across its clauses, holds a long run; one
 * with the same words scattered, short ones. A sliding window: O(question length) substring tests.
 */
export function longestShared(passage: string, question: string): number {
  let best = 0;
  let start = 0;
  for (let end = 1; end <= question.length; end++) {
    while (start < end && !passage.includes(question.slice(start, end))) start++;
    best = Math.max(best, end - start);
  }
  return best;
}

/**
 * On a large corpus, the first round counts rather than asks MiniSearch: every usable term of the
 * question (not only each word's rarest) adds its inverse document frequency to each passage of its
 * posting list, rarest first, until the lists walked hold this many passages in all. A walk over a
 * posting list costs a fraction of MiniSearch's scoring of it, so many more of the question's terms
 * are read for the same time, and the passage that holds most of them is among the candidates.
 */
export const COUNT_POSTING_BUDGET = 300_000;
/**
 * How many counted passages go on to ranking (their order is read; CANDIDATES are ranked): one in
 * COUNTED_SHARE of the corpus, between COUNTED_MIN and COUNTED_MAX. The passages that hold a
 * question's words grow with the corpus, and the one that says them in order must be among those
 * read: on the bench's 100,000 passages, 200 kept the quoted passage in the top 5 for 0.63 of span
 * questions and 1,000 for 0.93 (p99 15 against 38 ms; plain MiniSearch 1,350 ms). On 10,000, 200
 * already find 0.98, and 1,000 would cost 20 ms a question instead of 1.5.
 */
export const COUNTED_MIN = 200;
export const COUNTED_MAX = 1000;
export const COUNTED_SHARE = 0.01;

/** How many counted candidates a corpus of `passages` reads (see COUNTED_MIN). */
export function countedCandidateCount(passages: number): number {
  return Math.min(COUNTED_MAX, Math.max(COUNTED_MIN, Math.round(passages * COUNTED_SHARE)));
}

/** Reusable buffers, grown to the index's slots: a question allocates nothing per passage. */
let scoreBuffer = new Float64Array(0);
/**
 * Per slot, the walk (a running number over all questions) that last reached it: a slot counts once
 * a term, and is listed once a question (reached after the question's first walk number).
 */
let stampBuffer = new Uint32Array(0);
let walkNumber = 0;

/**
 * The candidates by counting (see COUNT_POSTING_BUDGET): each term's inverse document frequency,
 * times its weight in the question, summed per passage; the best live passages, as many as
 * countedCandidateCount gives for the corpus.
 * The posting lists are read where they lie, in the packed index (see search-index.ts).
 */
export function countedCandidates(index: SearchIndex, terms: ReadonlyArray<{ term: string; weight: number }>, passages: number, filter?: (passage: number) => boolean): Candidate[] {
  const size = index.slotCount;
  if (scoreBuffer.length < size) {
    scoreBuffer = new Float64Array(Math.max(size, scoreBuffer.length * 2));
    stampBuffer = new Uint32Array(scoreBuffer.length);
    walkNumber = 0;
  }
  if (walkNumber > 0xffff0000) {
    stampBuffer.fill(0);
    walkNumber = 0;
  }
  const scores = scoreBuffer;
  const stamps = stampBuffer;
  const first = walkNumber;
  const touched: number[] = [];
  const ordered = terms
    .map(({ term, weight }) => ({ term, weight, count: index.frequency(term) }))
    // near stop words are left out, as from the MiniSearch query (see retrievalTerms)
    .filter(({ count }) => count > 0 && (count <= COMMON_MIN_PASSAGES || count <= COMMON_SHARE * passages))
    .sort((a, b) => a.count - b.count);
  let walked = 0;
  for (const { term, weight, count } of ordered) {
    if (walked > 0 && walked + count > COUNT_POSTING_BUDGET) break;
    walked += count;
    const gain = weight * Math.log(1 + passages / count);
    const walk = ++walkNumber;
    const visit = (slot: number): void => {
      const last = stamps[slot]!;
      if (last === walk) return;
      if (last <= first) touched.push(slot);
      stamps[slot] = walk;
      scores[slot]! += gain;
    };
    for (let field = 0; field < index.fields; field++) index.forEachPosting(term, field, visit);
  }
  const out: Candidate[] = [];
  for (const slot of touched) {
    const score = scores[slot]!;
    scores[slot] = 0;
    if (!index.live(slot) || (filter && !filter(slot))) continue;
    out.push({ index: slot, bm25: score });
  }
  out.sort((a, b) => b.bm25 - a.bm25);
  return out.slice(0, countedCandidateCount(passages));
}

/** One candidate: the passage's position in the passage list and its BM25 score. */
export interface Candidate {
  index: number;
  bm25: number;
}

/**
 * The index terms a MiniSearch search for `terms` looks up: the query string `candidates` passes,
 * as the search options tokenize and process it. With neither prefix nor fuzzy matching, these are
 * the only postings the search reads.
 */
export function searchedTerms(terms: readonly string[], options: Options<IndexedPassage>): string[] {
  const tokenize = options.searchOptions?.tokenize ?? options.tokenize;
  const processTerm = options.searchOptions?.processTerm ?? options.processTerm;
  if (!tokenize || !processTerm || options.searchOptions?.prefix || options.searchOptions?.fuzzy) {
    throw new Error('searchedTerms: the options must name tokenize and processTerm, with no prefix or fuzzy search');
  }
  return tokenize(terms.join(' ')).flatMap((token) => {
    const processed = processTerm(token);
    return Array.isArray(processed) ? processed : processed ? [processed] : [];
  });
}

/**
 * The candidates for a question: MiniSearch's best CANDIDATES passages for the chosen terms, each
 * term boosted by its weight in the question (a lexicon or dictionary word counts less).
 */
export function candidates(index: MiniSearch<IndexedPassage>, terms: readonly string[], weights: ReadonlyMap<string, number>, filter?: (passage: number) => boolean): Candidate[] {
  if (terms.length === 0) return [];
  return index
    .search(terms.join(' '), {
      boostTerm: (term) => weights.get(term) ?? 1,
      filter: filter ? (hit) => filter(hit.id as number) : undefined,
    })
    .slice(0, CANDIDATES)
    .map((hit) => ({ index: hit.id as number, bm25: hit.score }));
}

/**
 * Up to this many passages, a question whose terms find nothing in the index is matched by a scan
 * of the passages' text for its single characters (长 and 桥 for "how long is the bridge"): a single
 * Han character is indexed only where it stands alone, so the index cannot find it inside a word.
 */
export const SCAN_LIMIT = 2000;

/**
 * The characters a scan looks for: every single Han character among the question's terms, those of
 * the partial matches of words the corpus lacks included (种 and 茶 of 种茶, for a report that says
 * 茶叶种植), that some passage holds.
 */
export function scanCharacters(groups: ReadonlyArray<{ alternatives: ReadonlyArray<{ tokens: readonly string[] }> }>, df: Frequencies): string[] {
  const characters = new Set<string>();
  for (const group of groups) {
    for (const alternative of group.alternatives) {
      for (const token of alternative.tokens) if (isHanCharacter(token) && (df.get(token) ?? 0) > 0) characters.add(token);
    }
  }
  return [...characters];
}

/** The passages (positions) whose normalized text holds one of the characters, at most CANDIDATES. */
export function scanCandidates(normalized: readonly string[], characters: readonly string[], filter?: (passage: number) => boolean): Candidate[] {
  if (normalized.length > SCAN_LIMIT || characters.length === 0) return [];
  const found: Candidate[] = [];
  normalized.forEach((text, index) => {
    if (found.length >= CANDIDATES || (filter && !filter(index))) return;
    const hits = characters.filter((ch) => text.includes(ch)).length;
    if (hits > 0) found.push({ index, bm25: hits });
  });
  return found.sort((a, b) => b.bm25 - a.bm25);
}
