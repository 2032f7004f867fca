import { ANSWER_AT, answerCandidates, decide, type AnswerFeatures, type AnswerSource } from './answer/confidence.js';
import { namesReason, typeCheck } from './language/answer-kinds.js';
import type { Corpus } from './corpus/corpus.js';
import { QueryError } from './errors.js';
import { extractableOf, type Coverage, type Extractable } from './answer/extraction.js';
import { BoundedCache } from './util/bounded-cache.js';
import { highlightSpans } from './answer/highlight.js';
import { normalizeText } from './language/normalize.js';
import type { IndexCache } from './search/index-cache.js';
import type { Lexicon } from './corpus/lexicon.js';
import { earlierPartIds, MAX_PASSAGE_CHARS, toPassages } from './corpus/passages.js';
import { contextWords, lastAnswered, marksFollowUp, MAX_CHAIN, MIN_OWN_COVERAGE, topicAlone, withContext, type Turn } from './language/conversation.js';
import { followUpTopic } from './language/overview.js';
import { analyzeQuery, questionWords, termsByWeight, type AnalyzedQuery } from './language/query.js';
import { bareMessage, type SmallTalk } from './language/cleanup.js';
import type { RecordField } from './language/meta.js';
import { CANDIDATES, candidates, searchedTerms, countedCandidates, lettersOnly, longestShared, retrievalTerms, SCAN_LIMIT, scanCandidates, scanCharacters, COUNTED_MIN_PASSAGES, type Candidate, type Frequencies } from './search/retrieval.js';
import { isHanCharacter } from './language/tokenizer.js';
import { BM25_SHARE, blendedCoverage, groupWeights, scorer, type Presence, type Scorer } from './search/scoring.js';
import { countedTerms, headlineViewOf, INDEX_OPTIONS, openSnapshot, type IndexedPassage } from './search/snapshot.js';
import { miniSearchOf } from './search/index-builder.js';
import type { SearchIndex } from './search/search-index.js';
import { CorpusVocabulary } from './language/vocabulary.js';
import { contains, viewOf, type IndexedView, type TextView } from './answer/view.js';
import type { Passage, ReportDocument, Section, SourceInfo } from './types.js';
import type MiniSearch from 'minisearch';

/** The longest question accepted, in characters (code points; Discord's /ask option allows 200). */
export const MAX_QUESTION_CHARS = 500;
/** The longest title or section keyword taken for a name a question may give (see Engine.subjectsIn). */
const MAX_SUBJECT_CHARS = 12;
/**
 * The least confidence an answer is given with (see README, "Confidence"); below it the engine
 * abstains. Kept under its old name for the CLI and tools that print it.
 */
export const ABSTAIN_BELOW = ANSWER_AT;
/**
 * An unmarked question with history keeps its own answer when it is at least this confident: it
 * stands on its own, and the history is ignored.
 */
export const SELF_CONTAINED = 0.8;
/** Ranking bonus of the passages of the previous answer's section, for a follow-up. */
export const CONTEXT_SECTION_BONUS = 0.05;
/**
 * On a corpus of more than COUNTED_MIN_PASSAGES passages: the weight, beside coverage, of the
 * share of the question a passage says verbatim in one run (see longestShared). Many passages of a
 * large corpus hold a question's words; the one that quotes them in order ranks first.
 */
export const ORDER_SHARE = 0.3;

/**
 * A word held by more passages than this is not counted report by report (see reportFrequencies):
 * its frequency in a report is taken to be its share of the corpus's. Such a word weighs little in
 * the corpus already, and counting it would walk a posting list as long as the corpus is large.
 */
export const REPORT_COUNT_MAX_POSTINGS = 1000;
/** How many passages' views and clauses are kept for reuse across questions. */
const VIEW_CACHE_SIZE = 5000;
/** The most passages a question asking where the reports say something (AskResult.locate) lists. */
export const LOCATED_PASSAGES = 5;
/**
 * The least share of a topic a passage must cover to mention it (AskResult.locate): its words, or
 * the formal words the everyday ones stand for (0.6), not single characters of a word the corpus
 * lacks (0.3).
 */
export const LOCATED_COVERAGE = 0.5;

/** A candidate passage as ranking leaves it (see Engine.rank). */
interface Ranked {
  index: number;
  passage: Passage;
  present: Presence;
  coverage: number;
  order: number;
  score: number;
}

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
  /** [start, end) offsets into `answer` to bold: the part of the sentence that answers, or (when the answer is all of it) the words that matched the question. */
  highlights: Array<[number, number]>;
  /**
   * The question's words that the answering passage matched, as typed; a word matched through the
   * lexicon or the glossary shows what it matched (`schools → 学校`, `高铁 → 动车`).
   */
  matchedTerms: string[];
  /** Share of the question's weighted content covered by the answering (or best) passage (0-1). */
  coverage: number;
  /**
   * How likely the answer is right (0-1), calibrated on the dev sets: of answers given with
   * confidence about x, about x are right. An answer is given only at ANSWER_AT or above; when
   * abstaining it is the best passage's.
   */
  confidence: number;
  /** What the question clean-up took off the question (greetings, thanks, framing). */
  removed: string[];
  /** Words of the earlier question that the answer used (a follow-up's context: 动车), else empty. */
  context: string[];
  /** What the confidence was computed from (for evaluation and calibration), null without a candidate. */
  signals: AnswerFeatures | null;
  /** The sentence that answers or would have answered (also when abstaining): for evaluation and calibration. */
  candidate: string | null;
  /**
   * Set when the message is small talk (你好, 谢谢, bye) and asks nothing: `found` is false, there are
   * no passages, and the reply is a friendly line, never a sentence of a report.
   */
  smallTalk?: SmallTalk;
  /**
   * Set when the message asks for the reports as a whole (总结一下, 这篇报告讲了什么, summarize the
   * report): `found` is false and there are no passages, since no one sentence answers it; the
   * caller answers with a briefing of the scope asked about (briefReport, briefSection).
   */
  overview?: true;
  /**
   * Set when the message asks for more of the answer just given (详细说说, 原文呢, tell me more): the
   * id of that answer's passage, which is `passages`' only one. `found` is false: nothing new is
   * answered; the caller shows the passage in its section.
   */
  expands?: string;
  /**
   * Set when the message asks for a report's own record (这篇报道是哪天发的, 谁写的这篇, 原文链接,
   * 分为哪几部分): the field asked for and the reports asked about, which the caller answers from
   * their front matter (title, publisher, date, url) or headings. `found` is false and nothing is
   * quoted: no sentence of a report says these.
   */
  record?: { field: RecordField; documentIds: string[] };
  /**
   * Set when the message asks where the reports say something (哪篇报告提到了地铁, 地铁在哪一部分,
   * 有没有提到房价): the topic. `passages` are those that mention it (at most LOCATED_PASSAGES, none
   * when no report does) and `nearestSections` their sections; `found` is false: no one sentence
   * answers it.
   */
  locate?: string;
  /** With `overview`: the sections the request names (交通 of 总结一下交通方面), when it names one; the briefing is of these. */
  overviewSections?: SectionRef[];
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
  /**
   * The earlier turns of the same conversation, oldest first. A follow-up (那眉山呢, 成交了多少宗)
   * is read with the previous question's words it lacks; a question that stands on its own
   * ignores them.
   */
  history?: readonly Turn[];
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


/** The sections of the first three distinct (report, section) pairs among ranked passages. */
export function nearestSectionsOf(ranked: ReadonlyArray<Pick<RankedPassage, 'passage'>>): SectionRef[] {
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

/**
 * The retrieval engine over one corpus: passages, a MiniSearch index over their tokens, and the
 * answer logic. `ask` is a short pipeline: analysis (language/query.ts), retrieval
 * (search/retrieval.ts), scoring (search/scoring.ts), answer (answer/confidence.ts,
 * answer/extraction.ts). Build it once; `ask` is cheap.
 */
export class Engine {
  /** The live passages, in corpus order. */
  passages: readonly Passage[];
  documents: ReadonlyMap<string, ReportDocument>;
  private lexicon: Lexicon;
  /**
   * Passages by their id in the index (their slot): a report loaded again gets new slots and its
   * old ones are emptied, so that an id is never reused while a cache may still hold it.
   */
  private readonly slots: Array<Passage | undefined>;
  /** Each report's file text, to tell which reports a reload changed. */
  private readonly fileTexts = new Map<string, string>();
  /** The options the engine was built with (passage size). */
  private readonly maxPassageChars: number;
  /** The slot of each live passage, by passage id. */
  private slotById: Map<string, number>;
  /** Postings and document frequencies by slot: packed, plus what changed since (search-index.ts). */
  private readonly index: SearchIndex;
  /**
   * The MiniSearch index a corpus of up to COUNTED_MIN_PASSAGES passages is searched with, made
   * from the packed postings for the second question (and again after an update).
   */
  private miniSearchMemo: MiniSearch<IndexedPassage> | undefined;
  /** Whether a question has been searched with MiniSearch (see miniSearchFor). */
  private searchedOnce = false;
  /** Every slot's normalized text, for the scans of a corpus of up to SCAN_LIMIT passages (made on need). */
  private textsMemo: string[] | undefined;
  /** General vocabulary limited to this corpus (dictionary, everyday words, typos). */
  private vocabulary: CorpusVocabulary;
  /** True when the index was loaded from the cache rather than built. */
  readonly fromCache: boolean;
  private readonly headlineViews = new Map<Section, IndexedView>();
  /** Views and answer windows of passages met in queries; bounded so a large corpus does not keep them all. */
  private readonly passageViews = new BoundedCache<number, TextView>(VIEW_CACHE_SIZE);
  private readonly passageExtractables = new BoundedCache<number, Extractable>(VIEW_CACHE_SIZE);
  private readonly passageLetters = new BoundedCache<number, string>(VIEW_CACHE_SIZE);

  private constructor(corpus: Corpus, options: EngineOptions) {
    this.lexicon = corpus.lexicon;
    this.documents = new Map(corpus.documents.map((document) => [document.id, document]));
    this.maxPassageChars = options.maxPassageChars ?? MAX_PASSAGE_CHARS;
    for (const document of corpus.documents) this.fileTexts.set(document.id, corpus.files.get(document.file) ?? '');
    const split = (): Passage[] => corpus.documents.flatMap((document) => toPassages(document, this.maxPassageChars));
    const snapshot = openSnapshot(corpus, split, (section) => this.headlineView(section), {
      maxPassageChars: this.maxPassageChars,
      cache: options.cache,
      onCacheProblem: options.onCacheProblem,
    });
    this.passages = snapshot.passages;
    this.slots = [...this.passages];
    this.slotById = this.liveSlots();
    this.index = snapshot.index;
    this.fromCache = snapshot.fromCache;
    this.vocabulary = this.makeVocabulary();
  }

  private makeVocabulary(): CorpusVocabulary {
    const index = this.index;
    // whether a text occurs is read off the passages themselves, so only up to SCAN_LIMIT of them
    // (on a large corpus the typo corrector goes by bigrams alone; see CorpusLetters.occurs)
    const occurs = this.passages.length <= SCAN_LIMIT ? (text: string) => this.occurs(text) : undefined;
    // the single Han characters: terms of at most 4 utf-8 bytes, read without decoding the rest
    const matches = this.passages.length <= SCAN_LIMIT ? (pattern: RegExp) => this.texts().flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1] ?? match[0])) : undefined;
    return new CorpusVocabulary({ frequency: (token) => index.frequency(token), tokens: () => index.shortTerms(4), occurs, matches });
  }

  /** Whether some passage's text or its section's headline holds a normalized text. */
  private occurs(text: string): boolean {
    // a slot whose passage left holds '' (see update)
    if (this.texts().some((normalized) => normalized.includes(text))) return true;
    for (const view of this.headlineViews.values()) if (view.normalized.includes(text)) return true;
    return false;
  }

  /**
   * Brings the engine to a newly loaded corpus in place, in time proportional to what changed: the
   * passages of a removed or changed report leave the index (their slots die), those of an added
   * or changed one enter it (new slots), and document frequencies follow (see search-index.ts).
   * Asking is synchronous, so no question ever sees half an update. The index cache on disk is not rewritten (the next start
   * rebuilds or finds its own key).
   *
   * @returns the ids of the reports added, changed and removed
   */
  update(corpus: Corpus): { added: string[]; changed: string[]; removed: string[] } {
    const next = new Map(corpus.documents.map((document) => [document.id, document]));
    const removed = [...this.documents.keys()].filter((id) => !next.has(id));
    const added = [...next.keys()].filter((id) => !this.documents.has(id));
    const changed = [...next.keys()].filter((id) => this.documents.has(id) && this.fileTexts.get(id) !== (corpus.files.get(next.get(id)!.file) ?? ''));
    const leaving = new Set([...removed, ...changed]);
    this.slots.forEach((passage, slot) => {
      if (!passage || !leaving.has(passage.documentId)) return;
      // a leaving passage's terms are counted out as they were counted in: from its text
      this.index.remove(slot, countedTerms(viewOf(this.normalizedOf(slot)), this.headlineView(passage.section)));
      this.slots[slot] = undefined;
    });
    for (const id of [...added, ...changed]) {
      const document = next.get(id)!;
      for (const passage of toPassages(document, this.maxPassageChars)) {
        const text = viewOf(normalizeText(passage.text));
        const headline = this.headlineView(passage.section);
        const slot = this.index.add([text.tokens, headline.tokens], countedTerms(text, headline));
        this.slots[slot] = passage;
      }
    }
    for (const id of removed) this.fileTexts.delete(id);
    for (const document of corpus.documents) this.fileTexts.set(document.id, corpus.files.get(document.file) ?? '');
    // the live passages in corpus order: reports as the folder lists them, each in its own order
    const slotsByDocument = new Map<string, Passage[]>();
    for (const passage of this.slots) {
      if (!passage) continue;
      const list = slotsByDocument.get(passage.documentId);
      if (list) list.push(passage);
      else slotsByDocument.set(passage.documentId, [passage]);
    }
    this.passages = corpus.documents.flatMap((document) => slotsByDocument.get(document.id) ?? []);
    this.reportSizes = undefined;
    // sections of reports that left are not asked about again
    const liveSections = new Set(this.passages.map((passage) => passage.section));
    for (const section of this.headlineViews.keys()) if (!liveSections.has(section)) this.headlineViews.delete(section);
    this.slotById = this.liveSlots();
    this.miniSearchMemo = undefined;
    this.subjectsMemo = undefined;
    this.textsMemo = undefined;
    this.documents = next;
    this.lexicon = corpus.lexicon;
    // general vocabulary is limited to the corpus's words: it is made again for the new words
    this.vocabulary = this.makeVocabulary();
    return { added, changed, removed };
  }

  /**
   * Reads the general dictionary and builds the typo corrector now. Without it they are made on the
   * first question that needs them; a long-running service calls it once at start.
   */
  warm(): void {
    this.vocabulary.warm();
  }

  /**
   * Builds the engine for a loaded corpus.
   * @param corpus - from {@link loadCorpus}
   * @param options - see {@link EngineOptions}
   */
  static build(corpus: Corpus, options: EngineOptions = {}): Engine {
    return new Engine(corpus, options);
  }

  /**
   * The MiniSearch index to search for a question's terms. The first question an engine is asked
   * is searched in an index of its own terms alone (see miniSearchOf's `only`: the same scores),
   * so that a process asking one question (the CLI) never enters the corpus's other terms; from the
   * second question on, the whole index is made once and shared (see miniSearchMemo).
   */
  private miniSearchFor(terms: readonly string[]): MiniSearch<IndexedPassage> {
    if (!this.miniSearchMemo && !this.searchedOnce) {
      this.searchedOnce = true;
      return miniSearchOf(this.index, INDEX_OPTIONS, searchedTerms(terms, INDEX_OPTIONS));
    }
    this.miniSearchMemo ??= miniSearchOf(this.index, INDEX_OPTIONS);
    return this.miniSearchMemo;
  }

  /**
   * The reports' titles and sections' keywords in subject form (see subjectForm; 2 to
   * MAX_SUBJECT_CHARS characters) by their first two characters, the names a question may give of
   * what a report or section is about; each report's title in the same form; and the sections (not
   * a lead) by their keyword's and their label's form. Made on the first question, again after an
   * update.
   */
  private subjectsMemo: { byStart: Map<string, string[]>; titles: Map<string, string>; sections: Map<string, SectionRef[]> } | undefined;

  private subjects(): { byStart: Map<string, string[]>; titles: Map<string, string>; sections: Map<string, SectionRef[]> } {
    if (!this.subjectsMemo) {
      const byStart = new Map<string, string[]>();
      const titles = new Map<string, string>();
      const sections = new Map<string, SectionRef[]>();
      for (const document of this.documents.values()) {
        const keywords = document.sections.map((section) => subjectForm(section.keyword));
        document.sections.forEach((section, i) => {
          if (section.number === 0) return;
          for (const form of new Set([keywords[i]!, subjectForm(section.label)])) {
            const list = sections.get(form) ?? [];
            list.push({ documentId: document.id, section });
            sections.set(form, list);
          }
        });
        const title = subjectForm(document.source.title);
        titles.set(document.id, title);
        // a title ending in the kind of thing it names (浮龙属, 拉萨河, 南华县) is named by a question
        // without its last character too (浮龙最初由谁命名)
        const named = [...title].length >= 3 ? [title, [...title].slice(0, -1).join('')] : [title];
        for (const subject of [...named, ...keywords]) {
          const length = [...subject].length;
          if (length < 2 || length > MAX_SUBJECT_CHARS) continue;
          const list = byStart.get(subject.slice(0, 2)) ?? [];
          if (!list.includes(subject)) list.push(subject);
          byStart.set(subject.slice(0, 2), list);
        }
      }
      this.subjectsMemo = { byStart, titles, sections };
    }
    return this.subjectsMemo;
  }

  /**
   * Whether the turn at `i` asked where the reports mention something: 哪篇报告提到了地铁, a topic and 呢
   * with nothing before it (德阳呢), or such a topic after a turn that did (眉山呢 after 德阳呢), up to
   * MAX_CHAIN turns back.
   */
  private askedWhereAt(history: readonly Turn[], i: number, depth = 1): boolean {
    const question = history[i]!.question;
    const analysis = analyzeQuery(question, this.lexicon, this.vocabulary);
    if (analysis.locate !== undefined) return true;
    if (topicAlone(question, bareMessage(analysis.cleaned)) === undefined) return false;
    return i === 0 || (depth < MAX_CHAIN && this.askedWhereAt(history, i - 1, depth + 1));
  }

  /** Whether a question was a request to sum up: the reports as a whole, or a section it names. */
  private summedUp(question: string, options: AskOptions): boolean {
    const earlier = analyzeQuery(question, this.lexicon, this.vocabulary);
    return earlier.overview === true || (earlier.overviewTopic !== undefined && this.sectionsNamed(earlier.overviewTopic, options).length > 0);
  }

  /** The sections (not a lead) whose keyword or label is the name given, in scope. */
  private sectionsNamed(name: string, options: AskOptions): SectionRef[] {
    return (this.subjects().sections.get(subjectForm(name)) ?? []).filter(
      ({ documentId, section }) => (options.documentId === undefined || documentId === options.documentId) && (options.section === undefined || section.number === options.section),
    );
  }

  /** The titles and keywords (see subjectsMemo) that a normalized question holds, the longest of overlapping ones. */
  private subjectsIn(text: string): string[] {
    const { byStart } = this.subjects();
    const found = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) for (const subject of byStart.get(text.slice(i, i + 2)) ?? []) if (text.startsWith(subject, i)) found.add(subject);
    return [...found].filter((subject) => ![...found].some((other) => other !== subject && other.includes(subject)));
  }

  /** Whether a passage names a subject: in its text, its section's keyword and headline, or its report's title. */
  private holdsSubject(index: number, passage: Passage, subject: string): boolean {
    return this.viewOf(index).normalized.includes(subject) || this.headlineView(passage.section).normalized.includes(subject) || (this.subjects().titles.get(passage.documentId) ?? '').includes(subject);
  }

  /** Every slot's normalized text ('' for a slot whose passage left), for a small corpus's scans. */
  private texts(): string[] {
    this.textsMemo ??= Array.from({ length: this.index.slotCount }, (_, slot) => this.normalizedOf(slot));
    return this.textsMemo;
  }

  /** The normalized text of the passage in a slot ('' for a slot whose passage left): callers keep what they derive. */
  private normalizedOf(slot: number): string {
    const passage = this.slots[slot];
    return passage ? normalizeText(passage.text) : '';
  }

  /** Live passages per report (see reportFrequencies): counted on first need after a change. */
  private reportSizes: Map<string, number> | undefined;

  private reportSizesNow(): Map<string, number> {
    if (!this.reportSizes) {
      this.reportSizes = new Map();
      for (const passage of this.passages) this.reportSizes.set(passage.documentId, (this.reportSizes.get(passage.documentId) ?? 0) + 1);
    }
    return this.reportSizes;
  }

  /**
   * How many passages of one report hold each word (in their text or headline), counted from the
   * word's posting lists, and how many passages the report has. A single Han character has postings
   * only where it stands alone, so it cannot be counted: it is taken to be in every passage, and
   * weighs nothing within the report (its weight in the corpus still counts, see blendedCoverage).
   */
  private reportFrequencies(documentId: string): { frequencies: Frequencies; passages: number } {
    const passages = this.reportSizesNow().get(documentId) ?? 0;
    // the scorer asks for a token more than once (its rarity, whether it is known): counted once
    const counted = new Map<string, number>();
    const get = (token: string): number => {
      let found = counted.get(token);
      if (found === undefined) {
        found = count(token);
        counted.set(token, found);
      }
      return found;
    };
    const count = (token: string): number => {
      if (isHanCharacter(token)) return passages;
      const corpusWide = this.index.frequency(token);
      if (corpusWide > REPORT_COUNT_MAX_POSTINGS) return (corpusWide * passages) / Math.max(1, this.passages.length);
      const holding = new Set<number>();
      for (let field = 0; field < this.index.fields; field++) {
        this.index.forEachPosting(token, field, (slot) => {
          if (this.slots[slot]?.documentId === documentId) holding.add(slot);
        });
      }
      return holding.size;
    };
    return { frequencies: { get }, passages };
  }

  /** The letters and digits of the passage at `index` (see lettersOnly), kept for the next questions that meet it. */
  private lettersOf(index: number): string {
    return this.passageLetters.get(index, () => lettersOnly(this.normalizedOf(index)));
  }

  /** The view of the passage at `index`, kept for the next questions that meet it. */
  private viewOf(index: number): TextView {
    return this.passageViews.get(index, () => viewOf(this.normalizedOf(index)));
  }

  private headlineView(section: Section): IndexedView {
    let view = this.headlineViews.get(section);
    if (!view) {
      view = headlineViewOf(section);
      this.headlineViews.set(section, view);
    }
    return view;
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
    // counted in characters (code points), as every caller cuts questions: 𠀀 is one, not two
    const length = [...text].length;
    if (length > MAX_QUESTION_CHARS) {
      throw new QueryError(`the question is ${length} characters long; at most ${MAX_QUESTION_CHARS} are accepted`);
    }
    const alone = analyzeQuery(text, this.lexicon, this.vocabulary);
    if (alone.social) return unquotedResult(text, alone.removed, { smallTalk: alone.social });
    if (alone.overview) return unquotedResult(text, alone.removed, { overview: true });
    if (alone.record) return unquotedResult(text, alone.removed, { record: { field: alone.record, documentIds: this.recordScope(options) } });
    if (alone.locate !== undefined) return this.located(text, alone.removed, alone.locate, options);
    // 详细说说 after an answer: that answer's passage, whole (without one, how to ask)
    if (alone.more) {
      const passage = lastAnswered(this, options.history);
      if (!passage) return unquotedResult(text, alone.removed, { smallTalk: 'help' });
      return { ...unquotedResult(text, alone.removed, { expands: passage.id }), passages: [{ passage, score: 0, coverage: 0 }] };
    }
    // 总结一下交通方面: briefed when a report has a section of that name, else asked as any question
    const named = alone.overviewTopic === undefined ? [] : this.sectionsNamed(alone.overviewTopic, options);
    if (named.length) return unquotedResult(text, alone.removed, { overview: true, overviewSections: named });
    const history = options.history ?? [];
    const bare = bareMessage(alone.cleaned);
    // a topic and 呢 alone (德阳呢): with nothing said before, no earlier question gives the rest, so
    // it asks where the reports speak of 德阳, not for the one sentence that best matches the name;
    // after a question asking where the reports mention something, it asks the same of its topic
    const whereTopic = topicAlone(text, bare);
    if (whereTopic !== undefined && (history.length === 0 || this.askedWhereAt(history, history.length - 1))) return this.located(text, alone.removed, whereTopic, options);
    if (history.length === 0) return this.answer(text, alone, options);
    // after a request to sum up, a follow-up naming a section (那交通呢) asks for that one summed up
    const topic = followUpTopic(bare);
    const following = topic === undefined ? [] : this.sectionsNamed(topic, options);
    if (following.length && this.summedUp(history[history.length - 1]!.question, options)) return unquotedResult(text, alone.removed, { overview: true, overviewSections: following });
    // a follow-up: the earlier question's words it lacks, weighted lower, and its answer's section preferred
    const asFollowUp = (): AskResult => {
      const last = history[history.length - 1]!;
      const earlier = this.resolveTurn(history, history.length - 1, 1);
      // after 什么是成德眉资, 那同城化呢 asks what 同城化 is: a question of its own, with its own term
      if (topic !== undefined && earlier.term !== undefined) {
        const asked = analyzeQuery(`${topic}是什么`, this.lexicon, this.vocabulary);
        if (asked.term !== undefined) return this.answer(text, { ...asked, removed: alone.removed }, options);
      }
      const merged = withContext(alone, earlier);
      const preferred = new Set((last.passageIds ?? []).map((id) => this.passage(id)?.section).filter((section): section is Section => section !== undefined));
      return this.answer(text, merged, options, preferred, alone);
    };
    if (marksFollowUp(text)) return asFollowUp();
    // unmarked: a question that stands on its own keeps its own answer, and the history is not read
    const single = this.answer(text, alone, options);
    if (single.found && single.confidence >= SELF_CONTAINED) return single;
    const followUp = asFollowUp();
    return followUp.confidence > single.confidence ? followUp : single;
  }

  /** The reply to a question asking where the reports mention a topic: the passages that do (see mentioning). */
  private located(text: string, removed: string[], topic: string, options: AskOptions): AskResult {
    const mentioning = this.mentioning(topic, options);
    return { ...unquotedResult(text, removed, { locate: topic }), passages: mentioning, nearestSections: nearestSectionsOf(mentioning) };
  }

  /**
   * The passages that mention a topic (地铁 of 哪篇报告提到了地铁), best first: retrieved as a question
   * of the topic alone, each covering at least LOCATED_COVERAGE of it and holding every word of it
   * (not single characters of one, nor a dictionary neighbour: see Scorer.wordsHeld).
   */
  private mentioning(topic: string, options: AskOptions): RankedPassage[] {
    const query = analyzeQuery(topic, this.lexicon, this.vocabulary);
    if (query.groups.length === 0) return [];
    const score = scorer(query, this.index.frequencies, this.passages.length);
    return this.rank(query, score, options, new Set())
      .filter(({ present, coverage }) => coverage >= LOCATED_COVERAGE && score.wordsHeld(present))
      .sort((a, b) => b.score - a.score)
      .slice(0, LOCATED_PASSAGES)
      .map(({ passage, coverage, score: value }) => ({ passage, coverage, score: value }));
  }

  /**
   * The reports a question about a report's record asks of: the one it is asked within, else the one
   * the conversation's last answer stands in (谁写的这篇 after an answer), else every report.
   */
  private recordScope(options: AskOptions): string[] {
    if (options.documentId !== undefined) return this.documents.has(options.documentId) ? [options.documentId] : [];
    const talkedOf = lastAnswered(this, options.history)?.documentId;
    return talkedOf !== undefined ? [talkedOf] : [...this.documents.keys()];
  }

  /** The analysis of an earlier turn, with its own predecessors' words when it was itself a follow-up. */
  private resolveTurn(history: readonly Turn[], i: number, depth: number): AnalyzedQuery {
    const analysis = analyzeQuery(history[i]!.question, this.lexicon, this.vocabulary);
    if (i === 0 || depth >= MAX_CHAIN || !marksFollowUp(history[i]!.question)) return analysis;
    return withContext(analysis, this.resolveTurn(history, i - 1, depth + 1));
  }

  /**
   * Retrieval and scoring of an analyzed question: its candidate passages in scope, best first, each
   * with what it holds of the question (`present`), its coverage and its rank score (a passage
   * naming a subject the question names first, when one does).
   */
  private rank(query: AnalyzedQuery, score: Scorer, options: AskOptions, preferred: ReadonlySet<Section>): Ranked[] {
    // retrieval
    const large = this.passages.length > COUNTED_MIN_PASSAGES;
    const scoped = options.section !== undefined || options.documentId !== undefined;
    const filter = scoped ? (index: number) => this.inScope(this.slots[index]!, options) : undefined;
    // on a large corpus many passages hold a question's words; the one that says them in its order
    // wins: the share of the question (its wrapping off) each candidate says verbatim in one run
    const asked = large ? lettersOnly(query.cleaned) : '';
    const orders = new Map<number, number>();
    let hits: Candidate[];
    if (large) {
      // recall first: every usable term of the question is counted (see countedCandidates), and of
      // the passages holding most of them, those that say most of the question in its order go on
      const counted = countedCandidates(this.index, [...query.terms].map(([term, weight]) => ({ term, weight })), this.passages.length, filter);
      for (const { index } of counted) orders.set(index, asked.length > 1 ? longestShared(this.lettersOf(index), asked) / asked.length : 0);
      hits = counted
        .sort((a, b) => orders.get(b.index)! - orders.get(a.index)! || b.bm25 - a.bm25)
        .slice(0, CANDIDATES)
        .sort((a, b) => b.bm25 - a.bm25);
    } else {
      const terms = retrievalTerms(termsByWeight(query, score.weights), this.index.frequencies, this.passages.length);
      hits = candidates(this.miniSearchFor(terms), terms, query.terms, filter);
    }
    if (hits.length === 0 && this.passages.length <= SCAN_LIMIT) hits = scanCandidates(this.texts(), scanCharacters(query.groups, this.index.frequencies), filter);
    // scoring
    const top = hits[0]?.bm25 ?? 1;
    const ranked = hits
      .map(({ index, bm25 }) => {
        const passage = this.slots[index]!;
        // which question tokens the passage (or its headline) holds: ranking and the answer step both read it
        const present = score.presence(this.viewOf(index), this.headlineView(passage.section));
        const share = score.coverageOf(present);
        const bonus = preferred.has(passage.section) ? CONTEXT_SECTION_BONUS : 0;
        const order = orders.get(index) ?? 0;
        return { index, passage, present, coverage: share, order, score: share + (BM25_SHARE * bm25) / top + bonus + ORDER_SHARE * order };
      })
      .sort((a, b) => b.score - a.score);
    // a question naming what a report or section is about (its title or keyword) is answered from a
    // passage that holds the name, when one of the candidates does: not from another report's
    // passage that happens to share the question's other words
    const subjects = this.subjectsIn(query.cleaned);
    if (subjects.length) {
      const holds = new Map(ranked.map(({ index, passage }) => [index, subjects.some((subject) => this.holdsSubject(index, passage, subject))]));
      if ([...holds.values()].some(Boolean)) ranked.sort((a, b) => Number(holds.get(b.index)) - Number(holds.get(a.index)) || b.score - a.score);
    }
    return ranked;
  }

  /** Retrieval, scoring and the answer for an analyzed question. */
  private answer(text: string, query: AnalyzedQuery, options: AskOptions, preferred: ReadonlySet<Section> = new Set(), own?: AnalyzedQuery): AskResult {
    const limit = options.limit ?? 5;
    const score = scorer(query, this.index.frequencies, this.passages.length);
    const ranked = this.rank(query, score, options, preferred);
    // answer
    // the answering window is chosen with the words weighed within the passage's report as well
    // (in a corpus of one report, those are the corpus's weights)
    const withinReport = this.reportSizesNow().size > 1 ? new Map<string, Coverage>() : undefined;
    const within = (documentId: string): Coverage | undefined => {
      if (!withinReport) return undefined;
      let coverage = withinReport.get(documentId);
      if (!coverage) {
        const report = this.reportFrequencies(documentId);
        coverage = blendedCoverage(score, groupWeights(query, report.frequencies, report.passages));
        // a report's title names what each of its passages is about: in choosing the window, its
        // words count as a headline's do (HEADLINE_CREDIT), so that a window is not chosen for
        // repeating the subject, but for the question's other words (入口, 最高峰)
        const title = this.subjects().titles.get(documentId);
        if (title) {
          const titleView = viewOf(title);
          const blended = coverage;
          coverage = { ...blended, presence: (text, headline) => blended.presence(text, headline ?? titleView) };
        }
        withinReport.set(documentId, coverage);
      }
      return coverage;
    };
    const sources: AnswerSource[] = ranked.slice(0, answerCandidates(ranked.map(({ coverage }) => coverage))).map(({ index, passage, present, coverage, order }) => ({
      order,
      text: passage.text,
      coverage,
      present,
      // a figure said once in a split paragraph (民国35年…同年11月) holds for its later parts: read
      // only when the passage itself lacks one
      earlier: () => earlierPartIds(passage.id).flatMap((id) => this.slotById.get(id) ?? []).map((slot) => score.presence(this.viewOf(slot))),
      prepared: this.passageExtractables.get(index, () => extractableOf(passage.text)),
      within: within(passage.documentId),
      report: passage.documentId,
    }));
    // a list's class (有哪些支流) and a reason's noun (分手的理由) name the kind of answer asked for
    const focusIsKind = query.expects === 'list' || (query.expects === 'reason' && query.groups.some((group) => group.focus && namesReason(group.label)));
    const decision = decide(sources, score, typeCheck(query, questionWords(query)), focusIsKind);
    // the answering passage leads the list; the others keep their rank
    if (decision && decision.source > 0) ranked.unshift(...ranked.splice(decision.source, 1));
    const passages = ranked.slice(0, limit).map(({ passage, coverage: share, score: value }) => ({ passage, coverage: share, score: value }));
    const nearestSections = nearestSectionsOf(ranked);
    const best = ranked[0];
    let confidence = decision?.confidence ?? 0;
    // a follow-up's own words must be answered, not just the earlier question's, and by the passage's
    // own text: a headline naming the new word beside the earlier topic (茶叶和柑橘) says nothing of it
    if (own && best && decision) {
      const ownCoverage = scorer(own, this.index.frequencies, this.passages.length).of(this.viewOf(best.index));
      if (ownCoverage < MIN_OWN_COVERAGE) confidence = Math.min(confidence, ownCoverage);
    }
    const coverage = best?.coverage ?? 0;
    const signals = decision?.features ?? null;
    // both results are written out in full rather than spread from a shared part: V8 copies a
    // spread object on a slow path, a measurable share of a question on a small corpus
    if (!decision || !best || confidence < ANSWER_AT) {
      return { query: text, coverage, confidence, removed: query.removed, signals, candidate: decision?.extract.text ?? null, passages, nearestSections, found: false, answer: null, highlights: [], matchedTerms: [], context: [], citations: [] };
    }
    const { extract } = decision;
    // every query term found in the answer is bolded, so that 线开 joins 成资S3 and 开工
    const matchedTokens: string[] = [];
    for (const token of query.terms.keys()) if (contains(extract.view, token)) matchedTokens.push(token);
    const matched = score.matched(this.viewOf(best.index));
    const inherited = new Set<string>();
    for (const group of query.groups) if (group.inherited) inherited.add(group.label);
    const typed = (term: string): string => term.split(' → ')[0]!;
    return {
      query: text,
      coverage,
      confidence,
      removed: query.removed,
      signals,
      candidate: extract.text,
      passages,
      nearestSections,
      found: true,
      answer: extract.text,
      // the part of the sentence that answers is bold; an answer that is all answer shows its matched words
      highlights: extract.part[1] - extract.part[0] < extract.text.length ? [extract.part] : highlightSpans(extract.text, matchedTokens),
      // the words of the previous question that the answer used are listed apart, as context
      matchedTerms: inherited.size === 0 ? matched : matched.filter((term) => !inherited.has(typed(term))),
      // as the earlier question says them (都市圈日开行动车, not 都市 · 圈日开 · 行动)
      context: inherited.size === 0 ? [] : contextWords((options.history ?? []).slice(-MAX_CHAIN).map((turn) => turn.question), matched.filter((term) => inherited.has(typed(term))).map(typed)),
      citations: [this.cite(best.passage)],
    };
  }

  private inScope(passage: Passage, options: AskOptions): boolean {
    return (options.section === undefined || passage.section.number === options.section) && (options.documentId === undefined || passage.documentId === options.documentId);
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
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  private liveSlots(): Map<string, number> {
    const slots = new Map<string, number>();
    this.slots.forEach((passage, slot) => {
      if (passage) slots.set(passage.id, slot);
    });
    return slots;
  }

  /** The passages of one section of one report, in order. */
  sectionPassages(documentId: string, section: number): Passage[] {
    return this.passages.filter((passage) => passage.documentId === documentId && passage.section.number === section);
  }
}

/** A title or keyword as a question would name it: normalized, without spaces, quotes or title marks. */
function subjectForm(name: string): string {
  return normalizeText(name).replace(/[\s"'“”‘’《》「」]/gu, '');
}

/**
 * The result for a message no sentence of a report answers: small talk (nothing shown from the
 * reports), a request for the reports as a whole (the caller briefs), for more of the last answer,
 * for a report's record, or for where the reports say something. Nothing found or quoted.
 */
function unquotedResult(query: string, removed: string[], kind: { smallTalk: SmallTalk } | { overview: true; overviewSections?: SectionRef[] } | { expands: string } | { record: NonNullable<AskResult['record']> } | { locate: string }): AskResult {
  return { query, coverage: 0, confidence: 0, removed, signals: null, candidate: null, passages: [], nearestSections: [], found: false, answer: null, highlights: [], matchedTerms: [], context: [], citations: [], ...kind };
}
