import MiniSearch from 'minisearch';
import type { Corpus } from './corpus.js';
import { QueryError } from './errors.js';
import { extractAnswer, type Coverage } from './extract.js';
import { highlightSpans } from './highlight.js';
import type { Lexicon } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { toPassages } from './passages.js';
import { analyzeQuery, type AnalyzedQuery, type TermGroup } from './query.js';
import { tokenizeNormalized } from './tokenizer.js';
import type { Passage, ReportDocument, Section, SourceInfo } from './types.js';

/** The longest question accepted, in characters (Discord's option allows 200; the CLI the same). */
export const MAX_QUESTION_CHARS = 500;
/**
 * The least share of the question's weighted content that the best passage must cover for an
 * answer to be given (see README, "Abstention"). Chosen on the dev set and eval/extra.jsonl.
 */
export const ABSTAIN_BELOW = 0.42;
/** How many passages MiniSearch hands to the reranker. */
const CANDIDATES = 64;
/** Weight of the headline field (section keyword and headline) in BM25. */
const HEADLINE_BOOST = 1.5;
/** Credit for a term found only in the section's headline, not the passage's own text. */
const HEADLINE_CREDIT = 0.5;
/** How much more the question's focus weighs than its other words (see TermGroup.focus). */
const FOCUS_WEIGHT = 2;
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
  /** The question's words (or English phrases) that the answering passage matched. */
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

interface IndexedPassage {
  id: number;
  text: string;
  headline: string;
}

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
  private readonly df = new Map<string, number>();
  private readonly tokenCache = new Map<number, { text: Set<string>; headline: Set<string> }>();
  private readonly headlineTokens = new Map<Section, string[]>();

  private constructor(corpus: Corpus) {
    this.lexicon = corpus.lexicon;
    this.documents = new Map(corpus.documents.map((document) => [document.id, document]));
    this.passages = corpus.documents.flatMap((document) => toPassages(document));
    this.byId = new Map(this.passages.map((passage) => [passage.id, passage]));
    this.index = new MiniSearch<IndexedPassage>({
      fields: ['text', 'headline'],
      // passages are handed over already tokenized, joined by spaces
      tokenize: (text) => (text ? text.split(' ') : []),
      processTerm: (term) => term,
      searchOptions: { boost: { headline: HEADLINE_BOOST }, combineWith: 'OR' },
    });
    const docs = this.passages.map((passage, id) => {
      const text = tokenizeNormalized(normalizeText(passage.text), 'all');
      const headline = this.sectionTokens(passage.section);
      for (const token of new Set([...text, ...headline])) this.df.set(token, (this.df.get(token) ?? 0) + 1);
      return { id, text: text.join(' '), headline: headline.join(' ') };
    });
    this.index.addAll(docs);
  }

  /**
   * Builds the engine for a loaded corpus.
   * @param corpus - from {@link loadCorpus}
   */
  static build(corpus: Corpus): Engine {
    return new Engine(corpus);
  }

  private sectionTokens(section: Section): string[] {
    let tokens = this.headlineTokens.get(section);
    if (!tokens) {
      tokens = tokenizeNormalized(normalizeText(`${section.keyword} ${section.headline}`), 'all');
      this.headlineTokens.set(section, tokens);
    }
    return tokens;
  }

  private tokensOf(id: number): { text: Set<string>; headline: Set<string> } {
    let entry = this.tokenCache.get(id);
    if (!entry) {
      const passage = this.passages[id]!;
      entry = {
        text: new Set(tokenizeNormalized(normalizeText(passage.text), 'all')),
        headline: new Set(this.sectionTokens(passage.section)),
      };
      // bounded so that a large corpus does not keep every passage's tokens twice
      if (this.tokenCache.size >= 20_000) this.tokenCache.clear();
      this.tokenCache.set(id, entry);
    }
    return entry;
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

  private coverage(query: AnalyzedQuery): Coverage & { matched(text: ReadonlySet<string>): TermGroup[] } {
    const weights = query.groups.map((group) => this.importance(group));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const groupScore = (group: TermGroup, text: ReadonlySet<string>, headline?: ReadonlySet<string>): number => {
      let best = 0;
      for (const alternative of group.alternatives) {
        let found = 0;
        for (const token of alternative.tokens) {
          if (text.has(token)) found += 1;
          else if (headline?.has(token)) found += HEADLINE_CREDIT;
        }
        best = Math.max(best, (alternative.weight * found) / alternative.tokens.length);
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
      matched(text) {
        return query.groups.filter((group) => groupScore(group, text) > 0);
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
    const terms = [...query.terms.keys()];
    const hits = terms.length
      ? this.index
          .search(terms.join(' '), {
            boostTerm: (term) => query.terms.get(term) ?? 1,
            filter: options.section === undefined && options.documentId === undefined ? undefined : (hit) => this.inScope(this.passages[hit.id as number]!, options),
          })
          .slice(0, CANDIDATES)
      : [];
    const top = hits[0]?.score ?? 1;
    const ranked: RankedPassage[] = hits
      .map((hit) => {
        const tokens = this.tokensOf(hit.id as number);
        const share = coverage.of(tokens.text, tokens.headline);
        return { passage: this.passages[hit.id as number]!, coverage: share, score: share + (BM25_SHARE * hit.score) / top };
      })
      .sort((a, b) => b.score - a.score);

    const best = ranked[0];
    const bestCoverage = best?.coverage ?? 0;
    const found = best !== undefined && bestCoverage >= ABSTAIN_BELOW;
    const nearestSections = this.nearestSections(ranked);
    if (!found) {
      return { query: text, found: false, answer: null, highlights: [], matchedTerms: [], coverage: bestCoverage, citations: [], passages: ranked.slice(0, limit), nearestSections };
    }
    const extract = extractAnswer(best.passage.text, query, coverage);
    const answerTokens = new Set(tokenizeNormalized(normalizeText(extract.text), 'all'));
    const matched = coverage.matched(new Set(tokenizeNormalized(normalizeText(best.passage.text), 'all')));
    // every query term found in the answer is bolded, so that 线开 joins 成资S3 and 开工
    const matchedTokens = [...query.terms.keys()].filter((token) => answerTokens.has(token));
    return {
      query: text,
      found: true,
      answer: extract.text,
      highlights: highlightSpans(extract.text, matchedTokens),
      matchedTerms: matched.map((group) => group.label),
      coverage: bestCoverage,
      citations: [this.cite(best.passage)],
      passages: ranked.slice(0, limit),
      nearestSections,
    };
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
