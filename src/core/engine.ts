import MiniSearch, { type Options } from 'minisearch';
import type { Corpus } from './corpus.js';
import { QueryError } from './errors.js';
import { extractableOf, extractAnswer, type Coverage, type Extractable } from './extract.js';
import { BoundedCache } from './bounded-cache.js';
import { highlightSpans } from './highlight.js';
import type { Lexicon } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { MAX_PASSAGE_CHARS, toPassages } from './passages.js';
import { cacheKey, type IndexCache } from './index-cache.js';
import { IndexBuilder } from './index-builder.js';
import { analyzeQuery, type Alternative, type AnalyzedQuery, type TermGroup } from './query.js';
import { CharacterFrequencies, contains, viewOf, type IndexedView, type TextView } from './view.js';
import type { Passage, ReportDocument, Section, SourceInfo } from './types.js';

/** The longest question accepted, in characters (Discord's option allows 200; the CLI the same). */
export const MAX_QUESTION_CHARS = 500;
/**
 * The least share of the question's weighted content that the best passage must cover for an
 * answer to be given (see README, "Abstention"). Chosen on the dev set and eval/extra.jsonl.
 */
export const ABSTAIN_BELOW = 0.37;
/** How many passages MiniSearch hands to the reranker. */
const CANDIDATES = 40;
/**
 * Retrieval leaves out query terms that are nearly stop words: in more than this share of the
 * passages, and in more than COMMON_MIN_PASSAGES of them (so small corpora keep every term). Their
 * posting lists are what makes a query slow on a large corpus, and they tell passages apart least;
 * coverage still counts them when ranking the candidates the other terms find.
 */
const COMMON_SHARE = 0.1;
const COMMON_MIN_PASSAGES = 500;
/** At most this many query terms (the rarest) go to retrieval. */
const MAX_RETRIEVAL_TERMS = 4;
/**
 * Retrieval stops adding terms (rarest first) once their posting lists hold this many passages in
 * all: it bounds the candidate set, and so a query's cost, on any corpus size. The rarest term is
 * always kept.
 */
const POSTING_BUDGET = 3000;
/** Weight of the headline field (section keyword and headline) in BM25. */
const HEADLINE_BOOST = 1.5;
/** Credit for a term found only in the section's headline, not the passage's own text. */
const HEADLINE_CREDIT = 0.5;
/** How much more the question's focus weighs than its other words (see TermGroup.focus). */
const FOCUS_WEIGHT = 2;
/** How many passages' views and clauses are kept for reuse across questions. */
const VIEW_CACHE_SIZE = 5000;
/** Weight of BM25 (scaled to the best candidate) beside coverage when ranking. */
const BM25_SHARE = 0.15;

/** Where an answer comes from, as shown to users and in the JSON contract. */
export interface Citation {
  passageId: string;
  documentId: string;
  section: Pick<Section, 'number' | 'keyword' | 'headline'>;
  source: Pick<SourceInfo, 'title' | 'publisher' | 'date' | 'url'>;
}

/** A passage with its rank score and the share of the question it covers. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  coverage: number;
}

/** A section close to the question, offered when the report has no answer. */
export interface SectionRef {
  documentId: string;
  section: Section;
}

/** The engine's answer to one question. */
export interface AskResult {
  query: string;
  /** False when the corpus does not answer the question (then `answer` is null). */
  found: boolean;
  /** The answering sentence or clauses, verbatim from the passage. */
  answer: string | null;
  /** [start, end) offsets into `answer` of the words that matched the question. */
  highlights: Array<[number, number]>;
  /**
   * The question's words that the answering passage matched, as typed; a word matched through the
   * lexicon or the glossary shows what it matched (`schools → 学校`, `高铁 → 动车`).
   */
  matchedTerms: string[];
  /** Share of the question's weighted content covered by the best passage (0-1). */
  coverage: number;
  citations: Citation[];
  /** Best first. */
  passages: RankedPassage[];
  /** Sections of the best passages, for browsing on when nothing was found. */
  nearestSections: SectionRef[];
}

/** Options of {@link Engine.ask}. */
export interface AskOptions {
  /** Only passages of this report. */
  documentId?: string;
  /** Only passages of sections with this number. */
  section?: number;
  /** How many ranked passages to return (default 5). */
  limit?: number;
}

/** Options of {@link Engine.build}. */
export interface EngineOptions {
  /** Paragraphs longer than this are cut into passages (default MAX_PASSAGE_CHARS, 200). */
  maxPassageChars?: number;
  /**
   * Where the serialized index is kept between runs, keyed by a hash of the corpus and the
   * tokenizer's version: an unchanged corpus is not indexed again. A corrupt entry is rebuilt.
   */
  cache?: IndexCache;
  /** Told when a cached index had to be rebuilt because it was unreadable. */
  onCacheProblem?: (message: string) => void;
}


interface IndexedPassage {
  id: number;
  text: string;
  headline: string;
}

const INDEX_OPTIONS: Options<IndexedPassage> = {
  fields: ['text', 'headline'],
  // passages are handed over already tokenized, joined by spaces
  tokenize: (text: string) => (text ? text.split(' ') : []),
  processTerm: (term: string) => term,
  searchOptions: { boost: { headline: HEADLINE_BOOST }, combineWith: 'OR' },
};

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * The retrieval engine over one corpus: passages, a MiniSearch index over their tokens, and the
 * answer logic (ranking, extraction, abstention). Build it once; `ask` is cheap.
 */
export class Engine {
  readonly passages: readonly Passage[];
  readonly documents: ReadonlyMap<string, ReportDocument>;
  private readonly lexicon: Lexicon;
  private readonly byId: Map<string, Passage>;
  private readonly index: MiniSearch<IndexedPassage>;
  private readonly df: Map<string, number>;
  /** Each passage's normalized text, by index: reranking re-reads it without normalizing again. */
  private readonly normalized: string[];
  /** True when the index was loaded from the cache rather than built. */
  readonly fromCache: boolean;
  private readonly headlineViews = new Map<Section, IndexedView>();
  /** Views and answer windows of passages met in queries; bounded so a large corpus does not keep them all. */
  private readonly passageViews = new BoundedCache<number, TextView>(VIEW_CACHE_SIZE);
  private readonly passageExtractables = new BoundedCache<number, Extractable>(VIEW_CACHE_SIZE);

  private constructor(corpus: Corpus, options: EngineOptions) {
    this.lexicon = corpus.lexicon;
    this.documents = new Map(corpus.documents.map((document) => [document.id, document]));
    this.passages = corpus.documents.flatMap((document) => toPassages(document, options.maxPassageChars));
    this.byId = new Map(this.passages.map((passage) => [passage.id, passage]));
    const maxPassageChars = options.maxPassageChars ?? MAX_PASSAGE_CHARS;
    const key = options.cache ? cacheKey(corpus, maxPassageChars) : '';
    const cached = options.cache?.load(key);
    const snapshot = cached === undefined ? undefined : this.readSnapshot(cached, key);
    if (snapshot) {
      this.index = snapshot.index;
      this.normalized = snapshot.normalized;
      this.df = snapshot.df;
      this.fromCache = true;
    } else {
      if (cached !== undefined) options.onCacheProblem?.(`the cached index for key ${key} is unreadable; rebuilding it`);
      this.normalized = this.passages.map((passage) => normalizeText(passage.text));
      const characters = new CharacterFrequencies();
      const builder = new IndexBuilder(INDEX_OPTIONS.fields);
      // one passage at a time, so that no second copy of the corpus's tokens is ever held
      this.passages.forEach((passage, id) => {
        const text = viewOf(this.normalized[id]!);
        const headline = this.headlineView(passage.section);
        characters.nextText();
        characters.add(text.normalized);
        characters.add(headline.normalized);
        // distinct tokens only: coverage, not term frequency, ranks, and indexing costs half as much
        builder.add([text.tokens, headline.tokens]);
      });
      // a passage holds a word when its text or its headline does; a single Han character, anywhere
      this.df = builder.documentFrequencies();
      characters.copyTo(this.df);
      this.index = builder.build(INDEX_OPTIONS);
      this.fromCache = false;
      if (options.cache) {
        try {
          options.cache.save(key, JSON.stringify({ key, passages: this.passages.length, normalized: this.normalized, df: [...this.df], index: this.index }));
        } catch (error) {
          // a cache that cannot be written (read-only folder, full disk) costs start-up time, not answers
          options.onCacheProblem?.(`the index could not be cached: ${(error as Error).message}`);
        }
      }
    }
  }

  /** A snapshot read back from the cache, or undefined when it is corrupt or not this corpus's. */
  private readSnapshot(text: string, key: string): { index: MiniSearch<IndexedPassage>; normalized: string[]; df: Map<string, number> } | undefined {
    try {
      const data = JSON.parse(text) as { key?: unknown; passages?: unknown; normalized?: unknown; df?: unknown; index?: unknown };
      if (data.key !== key || data.passages !== this.passages.length) return undefined;
      if (!Array.isArray(data.normalized) || data.normalized.length !== this.passages.length || !data.normalized.every((item) => typeof item === 'string')) return undefined;
      if (!Array.isArray(data.df) || typeof data.index !== 'object' || data.index === null) return undefined;
      const index = MiniSearch.loadJS<IndexedPassage>(data.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
      if (index.documentCount !== this.passages.length) return undefined;
      return { index, normalized: data.normalized as string[], df: new Map(data.df as Array<[string, number]>) };
    } catch {
      return undefined;
    }
  }

  /**
   * Builds the engine for a loaded corpus.
   * @param corpus - from {@link loadCorpus}
   * @param options - see {@link EngineOptions}
   */
  static build(corpus: Corpus, options: EngineOptions = {}): Engine {
    return new Engine(corpus, options);
  }

  /** The view of the passage at `index`, kept for the next questions that meet it. */
  private viewOf(index: number): TextView {
    return this.passageViews.get(index, () => viewOf(this.normalized[index]!));
  }

  private headlineView(section: Section): IndexedView {
    let view = this.headlineViews.get(section);
    if (!view) {
      view = viewOf(normalizeText(`${section.keyword} ${section.headline}`));
      this.headlineViews.set(section, view);
    }
    return view;
  }

  private idfOf(token: string): number {
    return idf(this.df.get(token) ?? 0, this.passages.length);
  }

  /** The weight of a group: how rare its words are (unknown words are the rarest). */
  private importance(group: TermGroup): number {
    const mean = (tokens: string[]): number => tokens.reduce((sum, token) => sum + this.idfOf(token), 0) / tokens.length;
    const rarity = group.translated
      ? Math.max(...group.alternatives.map((alternative) => mean(alternative.tokens)))
      : mean(group.alternatives[0]!.tokens);
    return group.focus ? FOCUS_WEIGHT * rarity : rarity;
  }

  private coverage(query: AnalyzedQuery): Coverage & { matched(text: TextView): string[] } {
    const weights = query.groups.map((group) => this.importance(group));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    /** The group's best score in a text; `via` receives the alternative that gave it, when asked. */
    const groupScore = (group: TermGroup, text: TextView, headline?: TextView, via?: { alternative?: Alternative }): number => {
      let best = 0;
      for (const alternative of group.alternatives) {
        let found = 0;
        for (const token of alternative.tokens) {
          if (contains(text, token)) found += 1;
          else if (headline && contains(headline, token)) found += HEADLINE_CREDIT;
        }
        const score = (alternative.weight * found) / alternative.tokens.length;
        if (score > best) {
          best = score;
          if (via) via.alternative = alternative;
        }
      }
      return best;
    };
    return {
      of(text, headline) {
        if (total === 0) return 0;
        let sum = 0;
        query.groups.forEach((group, i) => {
          sum += weights[i]! * groupScore(group, text, headline);
        });
        return sum / total;
      },
      /** The groups a text matches, shown as typed, with the word that matched when it differs (school → 学校). */
      matched(text) {
        return query.groups.flatMap((group) => {
          const via: { alternative?: Alternative } = {};
          const word = groupScore(group, text, undefined, via) > 0 ? via.alternative?.word : undefined;
          if (word === undefined) return [];
          return [word === group.label ? group.label : `${group.label} → ${word}`];
        });
      },
    };
  }

  /**
   * Answers a question: ranks passages, extracts the answering clauses from the best one, and
   * abstains (found: false) when too little of the question is covered.
   *
   * @throws QueryError when the question is empty, blank or longer than {@link MAX_QUESTION_CHARS}
   */
  ask(question: string, options: AskOptions = {}): AskResult {
    const text = question.trim();
    if (!text) throw new QueryError('the question is empty: type what you want to know, e.g. 成资S3线开工了吗');
    if (text.length > MAX_QUESTION_CHARS) {
      throw new QueryError(`the question is ${text.length} characters long; at most ${MAX_QUESTION_CHARS} are accepted`);
    }
    const limit = options.limit ?? 5;
    const query = analyzeQuery(text, this.lexicon);
    const coverage = this.coverage(query);
    const terms = this.retrievalTerms([...query.terms.keys()]);
    const hits = terms.length
      ? this.index
          .search(terms.join(' '), {
            boostTerm: (term) => query.terms.get(term) ?? 1,
            filter: options.section === undefined && options.documentId === undefined ? undefined : (hit) => this.inScope(this.passages[hit.id as number]!, options),
          })
          .slice(0, CANDIDATES)
      : [];
    const top = hits[0]?.score ?? 1;
    // `index` is the passage's place in this.passages, kept for the view caches; it is not returned
    const ranked: Array<RankedPassage & { index: number }> = hits
      .map((hit) => {
        const index = hit.id as number;
        const share = coverage.of(this.viewOf(index), this.headlineView(this.passages[index]!.section));
        return { index, passage: this.passages[index]!, coverage: share, score: share + (BM25_SHARE * hit.score) / top };
      })
      .sort((a, b) => b.score - a.score);
    const passages = ranked.slice(0, limit).map(({ passage, coverage: share, score }) => ({ passage, coverage: share, score }));

    const best = ranked[0];
    const bestCoverage = best?.coverage ?? 0;
    const found = best !== undefined && bestCoverage >= ABSTAIN_BELOW;
    const nearestSections = this.nearestSections(ranked);
    if (!found) {
      return { query: text, found: false, answer: null, highlights: [], matchedTerms: [], coverage: bestCoverage, citations: [], passages, nearestSections };
    }
    const prepared = this.passageExtractables.get(best.index, () => extractableOf(best.passage.text));
    const extract = extractAnswer(best.passage.text, query, coverage, prepared);
    const matched = coverage.matched(this.viewOf(best.index));
    // every query term found in the answer is bolded, so that 线开 joins 成资S3 and 开工
    const matchedTokens = [...query.terms.keys()].filter((token) => contains(extract.view, token));
    return {
      query: text,
      found: true,
      answer: extract.text,
      highlights: highlightSpans(extract.text, matchedTokens),
      matchedTerms: matched,
      coverage: bestCoverage,
      citations: [this.cite(best.passage)],
      passages,
      nearestSections,
    };
  }

  /** The query terms worth a posting-list walk: the rarest, without near stop words, within the posting budget. */
  private retrievalTerms(terms: string[]): string[] {
    const n = this.passages.length;
    // a term no passage has cannot find anything
    const byRarity = terms.map((term) => ({ term, df: this.df.get(term) ?? 0 })).filter(({ df }) => df > 0).sort((a, b) => a.df - b.df);
    // a question made only of near stop words cannot single out a passage of a large corpus: it
    // finds no candidates (and is answered "not found") instead of walking half the index
    const useful = byRarity.filter(({ df }) => df <= COMMON_MIN_PASSAGES || df <= COMMON_SHARE * n);
    const chosen: string[] = [];
    let postings = 0;
    for (const { term, df } of useful) {
      if (chosen.length === MAX_RETRIEVAL_TERMS || (chosen.length > 0 && postings + df > POSTING_BUDGET)) break;
      chosen.push(term);
      postings += df;
    }
    return chosen;
  }

  private inScope(passage: Passage, options: AskOptions): boolean {
    return (options.section === undefined || passage.section.number === options.section) && (options.documentId === undefined || passage.documentId === options.documentId);
  }

  private nearestSections(ranked: RankedPassage[]): SectionRef[] {
    const seen = new Set<string>();
    const out: SectionRef[] = [];
    for (const { passage } of ranked) {
      const key = `${passage.documentId}#${passage.section.number}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ documentId: passage.documentId, section: passage.section });
      if (out.length === 3) break;
    }
    return out;
  }

  /** The citation of a passage: its section and its report's source. */
  cite(passage: Passage): Citation {
    const { source } = this.documents.get(passage.documentId)!;
    const { number, keyword, headline } = passage.section;
    return {
      passageId: passage.id,
      documentId: passage.documentId,
      section: { number, keyword, headline },
      source: { title: source.title, publisher: source.publisher, date: source.date, url: source.url },
    };
  }

  /** A passage by id, or undefined. */
  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** The passages of one section of one report, in order. */
  sectionPassages(documentId: string, section: number): Passage[] {
    return this.passages.filter((passage) => passage.documentId === documentId && passage.section.number === section);
  }
}
