import { expectationOf, namesReason, type AnswerType } from './answer-kinds.js';
import { bareMessage, cleanQuestion, type SmallTalk } from './cleanup.js';
import { ENGLISH_QUESTION_WORDS, englishWords, type EnglishWord } from './english.js';
import { EXPANSION_WEIGHT, type Lexicon } from '../corpus/lexicon.js';
import { normalizeText } from './normalize.js';
import { askedOfBot, askedOfRecord, askedWhere, type RecordField } from './meta.js';
import { asksOverview, overviewTopic } from './overview.js';
import { BoundedCache } from '../util/bounded-cache.js';
import { MEASURE_WORDS } from './numerals.js';
import { contentTokens, segmentRun, TOKEN_RUN, tokenizeNormalized, type RunItem } from './tokenizer.js';
import type { Correction } from './typos.js';

export type { AnswerType } from './answer-kinds.js';

/**
 * How much a word reached through general vocabulary counts against the user's own: an everyday
 * word's formal equivalent (data/colloquial.tsv), the same as a lexicon expansion.
 */
export const COLLOQUIAL_WEIGHT = EXPANSION_WEIGHT;
/** A corpus word read for a pinyin typo: same syllable, or a syllable one letter apart. */
export const TYPO_WEIGHT = 0.85;
export const NEAR_TYPO_WEIGHT = 0.7;
/**
 * Partial matching of a compound the corpus does not have (写完 ~ 完成): its characters, found one
 * by one, are worth this much at most, below any whole-word match.
 */
export const PARTIAL_WEIGHT = 0.3;
/**
 * Weight of a phrase that says a two-character word the corpus lacks by its characters in words of
 * their own (茶叶种植 for 种茶: CorpusVocabulary.recombined): below an everyday word's formal
 * equivalent, which a list vouches for, above the characters alone.
 */
export const RECOMBINED_WEIGHT = 0.5;

/** A word of the corpus that a question word (or English phrase) stands for, and how surely. */
export interface VocabularyTerm {
  word: string;
  /** 0-1: how close the meaning is (1: the dictionary gives the same sense). */
  weight: number;
}

/**
 * What question analysis may know of the corpus and of general language: which words the corpus
 * has, everyday words' formal equivalents, dictionary neighbours, English, and pinyin typos.
 * Without one, a question is read with its own words and the lexicon only.
 */
export interface QueryVocabulary {
  /** True when the corpus holds every token of the (normalized) word. */
  known(word: string): boolean;
  /** Everyday word -> formal words (normalized). */
  readonly colloquial: ReadonlyMap<string, readonly string[]>;
  /** The longest everyday word, in characters. */
  readonly longestColloquial: number;
  /** Corpus words that share a dictionary sense with a Chinese word the corpus lacks, best first. */
  related(word: string): VocabularyTerm[];
  /** The corpus's phrases that say a two-character word it lacks by its characters (茶叶种植 for 种茶), best first. */
  recombined?(word: string): string[];
  /** Corpus words for the English stems at the start of `stems` (longest phrase first), if any. */
  english(stems: readonly string[]): { length: number; terms: VocabularyTerm[] } | undefined;
  /** Pinyin typos in a run of Han characters; `skip` marks stop-word characters. */
  corrections(run: string, skip: (index: number) => boolean, wordOf: readonly number[]): Correction[];
}

/** One way of matching a group: tokens that must all appear, and what a full match is worth. */
export interface Alternative {
  /** The word these tokens come from (the user's, or a synonym or translation of it). */
  word: string;
  tokens: string[];
  weight: number;
  /**
   * False for partial matching (single characters of a compound): such tokens score coverage but
   * are not sent to retrieval, where they would match nearly everything.
   */
  retrieval?: boolean;
  /**
   * True for a dictionary neighbour of a Chinese word the corpus lacks (保险 ~ 确定, 容量 ~ 身份: a
   * sense of CC-CEDICT shared; see QueryVocabulary.related): a guess at what the word stands for,
   * which alone never shows that a text holds what the question is about (Scorer.contentHeld).
   */
  neighbour?: boolean;
}

/**
 * A unit of the question's meaning: a Chinese word, a figure, an English word or phrase. A passage
 * covers the group through its best alternative; the first alternative is what the user wrote.
 */
export interface TermGroup {
  /** The words as the user wrote them (normalized), for explaining a match. */
  label: string;
  alternatives: Alternative[];
  /**
   * True when the first alternative is not the user's own wording: an English word mapped to
   * Chinese, or a word the corpus lacks read through a typo correction.
   */
  translated: boolean;
  /** True when the user's own word is not in the corpus (only its alternatives can match). */
  unknown?: boolean;
  /**
   * True for the word right before the focus in the same stretch of content words (市域列车 in
   * 市域列车票价多少钱): what the focus belongs to, so an answer must match it as well.
   */
  modifier?: boolean;
  /** True when a stop word, a question word or the end of a run stands right before the group. */
  startsRun?: boolean;
  /**
   * True for the words of an English focus phrase (cross-city bus routes): the focus is its head,
   * and matching any of its words counts as matching what is asked about.
   */
  focusPhrase?: boolean;
  /** True for a word taken from the previous question of the conversation (see conversation.ts). */
  inherited?: boolean;
  /**
   * True for the question's focus: the content word right after a question word (多少人口, how
   * many schools), else right before one (GDP是多少, 开工了吗). It is what is asked about, so an
   * answer must cover it.
   */
  focus: boolean;
  /**
   * True for a focus that names the aspect asked about (特点 in 有什么特点, 作用, 职务: the noun of
   * 什么 in a question that expects no name, place, time or figure), or the class a which-question
   * asks one of (角色 in 哪一种角色, 部位 in 哪个部位). An answer describes the aspect, or names one
   * of the class (超级英雄, 树皮), and seldom says the noun, so in ranking it weighs as the
   * question's other words, not double (a passage that says 特点 of something else must not outrank
   * the one that describes the thing asked about); its presence still counts as the focus's in the
   * confidence.
   */
  aspect: boolean;
}

/** A question taken apart for retrieval. */
export interface AnalyzedQuery {
  text: string;
  /** The question normalized, its wrapping (greetings, thanks, framing) taken off. */
  cleaned: string;
  groups: TermGroup[];
  /** Retrieval terms and their weights (the best weight of each term over all groups). */
  terms: Map<string, number>;
  /** The kind of answer asked for, when the question says (多少 -> amount, 谁 -> agent, 哪些 -> list ...). */
  expects: AnswerType | null;
  /**
   * For amounts, the measure asked for as a regular-expression fragment (几条 -> 条 and its kind,
   * 多久 -> a unit of time), so that a figure with it is preferred.
   */
  measure: string | null;
  /** True when the answer must hold a filler of the kind asked for (see answer-kinds.ts). */
  strict: boolean;
  /** The term of a what-is question that names nothing but it (see termAlone in answer-kinds.ts). */
  term?: string;
  /** What the clean-up took off the question (greetings, thanks, framing). */
  removed: string[];
  /** Set when the question is small talk only (你好, 谢谢): it is answered as such, never from the reports. */
  social?: SmallTalk;
  /** Set when the question asks for the reports as a whole (总结一下, 这篇报告讲了什么; see asksOverview): a briefing answers it, no one sentence. */
  overview?: true;
  /** Set when the question asks for more of the answer just given (详细说说, 原文呢, tell me more; see askedOfBot). */
  more?: true;
  /** The topic a request asks to be summed up (交通 of 总结一下交通方面的进展; see overviewTopic): a briefing of the section of that name answers it, if a report has one. */
  overviewTopic?: string;
  /** Set when the question asks for a report's own record (这篇报道是哪天发的, 分为哪几部分; see askedOfRecord): its front matter or headings answer it, no sentence. */
  record?: RecordField;
  /** Set when the question asks where the reports say something (哪篇报告提到了地铁, 有没有提到房价; see askedWhere): the topic; the passages that mention it answer, no one sentence. */
  locate?: string;
}

/**
 * Tokens of lexicon words (expansions, glossary terms), kept per lexicon: its vocabulary is fixed,
 * and tokenizing a word that may hold a stop word costs an ICU segmentation (tens of µs).
 */
/** Words whose tokens are kept per lexicon: bounded, since every distinct question word adds one. */
const LEXICON_TOKENS_KEPT = 5000;
const lexiconTokenCache = new WeakMap<Lexicon, BoundedCache<string, string[]>>();

function lexiconTokens(lexicon: Lexicon, word: string): string[] {
  let cache = lexiconTokenCache.get(lexicon);
  if (!cache) lexiconTokenCache.set(lexicon, (cache = new BoundedCache(LEXICON_TOKENS_KEPT)));
  return cache.get(word, () => tokenizeNormalized(word, 'query'));
}

const HAN_WORD = /^\p{Script=Han}+$/u;
/**
 * Classifiers that, after 多少/几, count what follows and rarely begin a word (人 does: 人口; 门
 * does: 门票).
 */
const CLASSIFIER = /^[个项家所座条件批届次位名辆艘架栋套份篇张户宗处]$/u;
/** Measure words and units: after a question word (几次, 多少公里) they say what is counted, not what is asked about. */
const UNIT_WORD = new RegExp(`^(?:[${MEASURE_WORDS}]|人次|公里|千米|分钟|小时|平方米|平方公里|公顷|万元|亿元|万人|万吨|吨|秒|个月|星期)$`, 'u');

/**
 * An alternative, always with every field: objects of one shape keep the scoring loops that read
 * them monomorphic in V8 (an optional field set on some alternatives only gives them another shape).
 */
function alternative(word: string, tokens: string[], weight: number, retrieval = true, neighbour = false): Alternative {
  return { word, tokens, weight, retrieval, neighbour };
}

/** The alternative that is the user's own word: a Chinese content word, or a Latin or number run. */
function own(word: string, weight = 1): Alternative {
  return alternative(word, HAN_WORD.test(word) ? contentTokens(word) : [word], weight);
}

/** A question that ends on its copula and a question mark (布里亚特共和国的首都为?): what it asks is left unsaid. */
const ASKS_AT_END = /(?:是|为)[?？]+\s*$/u;
/** The copula such a question ends on, when it was read as a word of its own. */
const COPULA = /^[是为]$/u;

/** Collects groups in question order, with where question words stand between them. */
class GroupBuilder {
  readonly groups: TermGroup[] = [];
  readonly terms = new Map<string, number>();
  private afterQuestion: number | null = null;
  private beforeQuestion: number | null = null;
  private questionPending = false;
  /** True right after a question word that takes a kind noun (see RunItem.kind), until a stop word. */
  private kindPending = false;
  /** The group that is such a kind noun (特点 in 有什么特点), if any. */
  private kindGroup: number | null = null;
  /** True while English content words follow each other (cross-city bus routes): a noun phrase. */
  private englishPhrase = false;

  addTerms(tokens: string[], weight: number): void {
    for (const token of tokens) this.terms.set(token, Math.max(weight, this.terms.get(token) ?? 0));
  }

  /** True when the next group starts a new stretch of content words. */
  private broken = true;

  /** An English stop word: the noun phrase being read, if any, ends. */
  endPhrase(): void {
    this.englishPhrase = false;
    this.broken = true;
  }

  /** A stop word or the end of a run: the next group starts a new stretch of content words. */
  breakRun(): void {
    this.broken = true;
    this.kindPending = false;
  }

  /**
   * Adds an English content word. In "how many cross-city bus routes", the focus is the phrase's
   * head, its last word: the focus moves along the phrase.
   */
  addEnglish(label: string, alternatives: Alternative[]): void {
    // a participle after a noun (media outlets joined) is the verb, not part of the phrase
    const verb = /(?:ed|ing)$/.test(label) && !label.includes(' ');
    const follows = this.englishPhrase && !verb && this.afterQuestion === this.groups.length - 1;
    const before = this.groups.length;
    this.add(label, alternatives, true);
    if (follows && this.groups.length > before) {
      this.groups[this.afterQuestion!]!.focusPhrase = true;
      this.groups[before]!.focusPhrase = true;
      this.afterQuestion = before;
    }
    this.englishPhrase = true;
  }

  add(label: string, alternatives: Alternative[], translated = false, unknown = false): void {
    const usable = alternatives.filter((alternative) => alternative.tokens.length > 0);
    if (usable.length === 0) return;
    this.englishPhrase = false;
    for (const alternative of usable) if (alternative.retrieval !== false) this.addTerms(alternative.tokens, alternative.weight);
    // a measure word after a question word (几次, 多少个) says what is counted, not what is asked about
    const measure = UNIT_WORD.test(label);
    if (this.questionPending && this.afterQuestion === null && !measure) {
      this.afterQuestion = this.groups.length;
      if (this.kindPending) this.kindGroup = this.groups.length;
    }
    this.kindPending = false;
    if (!measure) this.questionPending = false;
    // every field set here, in one order, so that all groups share one shape (see alternative())
    this.groups.push({ label, alternatives: usable, translated, unknown, modifier: false, startsRun: this.broken, focusPhrase: false, inherited: false, focus: false, aspect: false });
    this.broken = false;
  }

  /** A question word; `kind` when it takes a kind noun (see RunItem.kind). */
  question(kind = false): void {
    if (this.groups.length && !this.questionPending) this.beforeQuestion = this.groups.length - 1;
    this.questionPending = true;
    this.broken = true;
    this.kindPending = kind;
  }

  /**
   * Marks the focus: the first group after a question word, else the last one before one. A yes/no
   * question (…共享吗) asks about its last word before 吗, whatever an earlier 几 counted.
   *
   * @param yesNo - a yes/no question (…吗)
   * @param described - the question expects no kind of filler (a name, place, time or figure): the
   *   noun of its 什么 is then the aspect asked about (see TermGroup.aspect), and so is a reason
   *   (原因, 理由) asked for by a question that ends on 是?, which an answer gives and seldom names
   * @param asksAtEnd - the question ends on 是? or 为? (see ASKS_AT_END)
   */
  finish(yesNo = false, described = false, asksAtEnd = false): TermGroup[] {
    const before = yesNo && this.beforeQuestion !== null;
    let focus = before ? this.beforeQuestion : (this.afterQuestion ?? this.beforeQuestion);
    // a question that ends on 是? or 为? and has no question word (…的首都为?, …的意义是?) asks what
    // its last word is: that word is its focus, as the word before 是多少 is
    let implicit = false;
    if (focus === null && asksAtEnd) {
      for (let i = this.groups.length - 1; i >= 0 && !implicit; i--) {
        if (COPULA.test(this.groups[i]!.label)) continue;
        focus = i;
        implicit = true;
      }
    }
    if (focus !== null) this.groups[focus]!.focus = true;
    if (focus !== null && described && !before && (focus === this.kindGroup || (implicit && namesReason(this.groups[focus]!.label)))) this.groups[focus]!.aspect = true;
    // a focus before its question word is a phrase's head: the word before it in the same stretch is its modifier
    if (focus !== null && (before || this.afterQuestion === null) && focus > 0 && !this.groups[focus]!.startsRun && !this.groups[focus]!.translated) this.groups[focus - 1]!.modifier = true;
    return this.groups;
  }
}

/** One Han run being read: its characters as typed and as corrected for typos (same length). */
interface RunText {
  chars: readonly string[];
  /** The characters as the user typed them (differ from `chars` where a typo was corrected). */
  typed: readonly string[];
  /** Per character: the weight of its typo correction, or 1 where it is read as typed. */
  typoWeight: readonly number[];
}

/** Everything a run's words are looked up in. */
interface Sources {
  lexicon: Lexicon;
  vocabulary: QueryVocabulary | undefined;
}

/** One verb character and the resultative complement 完 (finished): 写完, 修完, 建完, 干完. */
const RESULTATIVE_DONE = /^\p{Script=Han}完$/u;

/**
 * The group of one word of the question (`run.chars[start, end)`): the word itself (or its typo
 * correction), everyday words' formal equivalents, and, for a word the corpus lacks, dictionary
 * neighbours and partial matching of its characters.
 */
function addWord(run: RunText, start: number, end: number, sources: Sources, out: GroupBuilder): void {
  const word = run.chars.slice(start, end).join('');
  const label = run.typed.slice(start, end).join('');
  const typo = Math.min(...run.typoWeight.slice(start, end));
  const alternatives: Alternative[] = [own(word, typo)];
  const { vocabulary } = sources;
  const colloquial = vocabulary?.colloquial.get(word);
  if (colloquial) for (const formal of colloquial) alternatives.push(alternative(formal, lexiconTokens(sources.lexicon, formal), COLLOQUIAL_WEIGHT));
  const unknown = vocabulary !== undefined && HAN_WORD.test(word) && !vocabulary.known(word);
  // a verb with the resultative 完 (写完, 修完, 建完: "finished V-ing") is what reports write 完成 (V)
  const completed = unknown ? RESULTATIVE_DONE.exec(word) : null;
  if (completed) alternatives.push(alternative('完成', lexiconTokens(sources.lexicon, '完成'), COLLOQUIAL_WEIGHT));
  if (unknown) {
    for (const term of vocabulary.related(word)) alternatives.push(alternative(term.word, lexiconTokens(sources.lexicon, term.word), term.weight, true, true));
    for (const phrase of vocabulary.recombined?.(word) ?? []) alternatives.push(alternative(phrase, lexiconTokens(sources.lexicon, phrase), RECOMBINED_WEIGHT));
  }
  const chars = [...word];
  if (unknown && chars.length > 1) alternatives.push(alternative(word, chars, PARTIAL_WEIGHT, false));
  out.add(label, alternatives, label !== word, unknown);
}

/**
 * Adds a stretch of characters that segmentation left single (an unknown name, or everyday words
 * it could not place): where the corpus knows a stretch of them as a word (all its bigrams occur),
 * that stretch is one word (坐跨市公交 -> 坐, 跨市公交); the rest stay together as one name.
 */
function addSingles(run: RunText, start: number, end: number, sources: Sources, out: GroupBuilder): void {
  const vocabulary = sources.vocabulary;
  if (!vocabulary || end - start < 3) {
    addWord(run, start, end, sources, out);
    return;
  }
  const known = (from: number, to: number): boolean => vocabulary.known(run.chars.slice(from, to).join(''));
  let rest = start;
  for (let i = start; i < end; ) {
    let to = i + 1;
    while (to < end && known(i, to + 1)) to++;
    if (to - i < 2) {
      i++;
      continue;
    }
    if (rest < i) addWord(run, rest, i, sources, out);
    addWord(run, i, to, sources, out);
    i = to;
    rest = to;
  }
  if (rest < end) addWord(run, rest, end, sources, out);
}

/**
 * Adds the words of `run.chars[start, end)`, cut where the question's segmentation ended a word (or
 * where a lexicon word was taken out); runs of single characters (unknown names) stay together.
 */
function addWords(run: RunText, start: number, end: number, wordEnds: ReadonlySet<number>, sources: Sources, out: GroupBuilder): void {
  let singlesStart = -1;
  let wordStart = start;
  const flush = (at: number): void => {
    if (singlesStart >= 0) addSingles(run, singlesStart, at, sources, out);
    singlesStart = -1;
  };
  for (let i = start; i < end; i++) {
    if (i + 1 < end && !wordEnds.has(i + 1)) continue;
    if (i === wordStart) {
      if (singlesStart < 0) singlesStart = i;
    } else {
      flush(wordStart);
      addWord(run, wordStart, i + 1, sources, out);
    }
    wordStart = i + 1;
  }
  flush(end);
}

/**
 * The first character of every key of a map, kept per map (a lexicon's, the everyday words') and
 * made again if the map has grown since (a lexicon is filled file by file as a corpus loads).
 */
const firstCharactersKept = new WeakMap<ReadonlyMap<string, unknown>, { size: number; firsts: ReadonlySet<string> }>();
function firstCharacters(map: ReadonlyMap<string, unknown>): ReadonlySet<string> {
  let kept = firstCharactersKept.get(map);
  if (!kept || kept.size !== map.size) {
    kept = { size: map.size, firsts: new Set([...map.keys()].map((key) => String.fromCodePoint(key.codePointAt(0)!))) };
    firstCharactersKept.set(map, kept);
  }
  return kept.firsts;
}

/** The longest key of `map` that starts at `chars[i]`, within `longest` characters. */
function longestKey(run: string, offsets: readonly number[], i: number, longest: number, has: (key: string) => boolean): string {
  for (let end = Math.min(offsets.length - 1, i + longest); end > i; end--) {
    const candidate = run.slice(offsets[i], offsets[end]);
    if (has(candidate)) return candidate;
  }
  return '';
}

/**
 * Finds lexicon words in a run of content words (consecutive, as segmented), longest first, then
 * everyday words of the general vocabulary, and adds the rest as the segmentation's words. The
 * report's lexicon comes first: it overrides general vocabulary.
 */
function addChineseRun(words: readonly string[], run: RunText, sources: Sources, out: GroupBuilder): void {
  const text = words.join('');
  // bigrams that span word boundaries still help retrieval, so the whole run is a term source
  out.addTerms(contentTokens(text), 1);
  const chars = run.chars;
  // code-unit offset of each character, so that a candidate lexicon word is one slice of the run
  const offsets = [0];
  for (const ch of chars) offsets.push(offsets[offsets.length - 1]! + ch.length);
  const wordEnds = new Set<number>();
  let offset = 0;
  for (const word of words) wordEnds.add((offset += [...word].length));
  const { lexicon, vocabulary } = sources;
  let restStart = 0;
  // a word can start only at a character some word starts with: the others are not looked up
  const lexiconFirsts = firstCharacters(lexicon.expansions);
  const everydayFirsts = vocabulary ? firstCharacters(vocabulary.colloquial) : undefined;
  for (let i = 0; i < chars.length; ) {
    const fromLexicon = lexiconFirsts.has(chars[i]!) ? longestKey(text, offsets, i, lexicon.longestWord, (key) => lexicon.expansions.has(key)) : '';
    // an everyday word is taken whole only when it is not a word of the corpus itself
    const everyday = fromLexicon || !vocabulary || !everydayFirsts!.has(chars[i]!) ? '' : longestKey(text, offsets, i, vocabulary.longestColloquial, (key) => vocabulary.colloquial.has(key) && [...key].length > 1 && !vocabulary.known(key));
    const matched = fromLexicon || everyday;
    if (!matched) {
      i++;
      continue;
    }
    addWords(run, restStart, i, wordEnds, sources, out);
    const length = [...matched].length;
    if (fromLexicon) {
      const alternatives = [...lexicon.expansions.get(matched)!].map((word) => alternative(word, lexiconTokens(lexicon, word), EXPANSION_WEIGHT));
      out.add(run.typed.slice(i, i + length).join(''), [own(matched), ...alternatives]);
    } else {
      addWord(run, i, i + length, sources, out);
    }
    i += length;
    restStart = i;
  }
  addWords(run, restStart, chars.length, wordEnds, sources, out);
}

/**
 * Maps English words through the glossary (the report's own), then the general dictionary, longest
 * phrase first; other content words stay as typed.
 */
function addEnglish(words: EnglishWord[], sources: Sources, out: GroupBuilder): void {
  const { lexicon, vocabulary } = sources;
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    if (word.stop) {
      if (ENGLISH_QUESTION_WORDS.has(word.word)) out.question();
      out.endPhrase();
      i++;
      continue;
    }
    // a phrase is matched on content words only, so "pair up with" finds "pair up"
    const content: number[] = [];
    for (let j = i; j < words.length && content.length < Math.max(lexicon.longestPhrase, 3); j++) if (!words[j]!.stop) content.push(j);
    const typed = (n: number): string => content.slice(0, n).map((j) => words[j]!.word).join(' ');
    let length = 0;
    for (let n = Math.min(content.length, lexicon.longestPhrase); n > 0; n--) {
      const chinese = lexicon.glossary.get(content.slice(0, n).map((j) => words[j]!.stem).join(' '));
      if (chinese) {
        out.addEnglish(typed(n), [...chinese].map((term) => alternative(term, lexiconTokens(lexicon, term), 1)));
        length = content[n - 1]! - i + 1;
        break;
      }
    }
    if (length === 0 && vocabulary && word.number === null) {
      const found = vocabulary.english(content.map((j) => words[j]!.stem));
      if (found) {
        const alternatives = found.terms.map((term) => alternative(term.word, lexiconTokens(lexicon, term.word), term.weight));
        // the word itself stays an alternative: reports quote some English (APP, ETC)
        if (found.length === 1) alternatives.push(...asTyped(word));
        out.addEnglish(typed(found.length), alternatives);
        length = content[found.length - 1]! - i + 1;
      }
    }
    if (length > 0) {
      i += length;
      continue;
    }
    if (word.number !== null) out.add(word.word, [alternative(word.word, [word.number], 1)]);
    else out.addEnglish(word.word, asTyped(word));
    i++;
  }
}

/**
 * A Latin word as a text may have it: the index holds words as written (Princeps, stops), so the word
 * is searched as typed, and by its stem when that differs (a question's "stops" finds a text's "stop").
 */
function asTyped(word: EnglishWord): Alternative[] {
  const typed = alternative(word.word, [word.word], 1);
  return word.stem === word.word ? [typed] : [typed, alternative(word.word, [word.stem], 1)];
}

/** Per character of a run: which segment it belongs to, and whether that segment is a stop word. */
function segmentation(items: readonly RunItem[]): { stops: Set<number>; wordOf: number[] } {
  const stops = new Set<number>();
  const wordOf: number[] = [];
  items.forEach((item, segment) => {
    const length = [...('content' in item ? item.content : item.text)].length;
    for (let k = 0; k < length; k++) {
      if (!('content' in item)) stops.add(wordOf.length);
      wordOf.push(segment);
    }
  });
  return { stops, wordOf };
}

/**
 * Reads a Han run: corrects pinyin typos (where a vocabulary knows the corpus), segments it, and
 * adds its content words; question words mark where the focus is.
 */
function addHanRun(typedRun: string, sources: Sources, out: GroupBuilder): void {
  let items = segmentRun(typedRun);
  const typed = [...typedRun];
  let chars = typed;
  const typoWeight = typed.map(() => 1);
  const vocabulary = sources.vocabulary;
  // a run whose every content word the corpus has holds no typo: the corrector is not asked
  const suspect = vocabulary !== undefined && items.some((item) => 'content' in item && !vocabulary.known(item.content));
  let corrections: Correction[] = [];
  if (suspect) {
    const { stops, wordOf } = segmentation(items);
    corrections = vocabulary.corrections(typedRun, (index) => stops.has(index), wordOf);
  }
  if (corrections.length) {
    chars = [...typed];
    for (const correction of corrections) {
      chars[correction.index] = correction.to;
      typoWeight[correction.index] = correction.exact ? TYPO_WEIGHT : NEAR_TYPO_WEIGHT;
    }
    // the corrected run is segmented again: its words are the corpus's (项目, not 项 and 木)
    items = segmentRun(chars.join(''));
  }
  // the run's content words come in stretches between stop words; positions keep typed and corrected aligned
  let content: string[] = [];
  let contentStart = 0;
  let at = 0;
  const flush = (): void => {
    if (!content.length) return;
    const length = content.reduce((sum, word) => sum + [...word].length, 0);
    const run: RunText = { chars: chars.slice(contentStart, contentStart + length), typed: typed.slice(contentStart, contentStart + length), typoWeight: typoWeight.slice(contentStart, contentStart + length) };
    addChineseRun(content, run, sources, out);
    content = [];
  };
  let afterQuestion = false;
  for (const item of items) {
    if ('content' in item) {
      // a measure word right after 多少/几 (多少个班) counts what follows: it is a word of its own,
      // never joined with the next character into a name
      const measure = afterQuestion && CLASSIFIER.test(item.content);
      if (measure) flush();
      if (!content.length) contentStart = at;
      content.push(item.content);
      at += [...item.content].length;
      if (measure) flush();
      afterQuestion = false;
      continue;
    }
    afterQuestion = item.question;
    flush();
    if (item.question) out.question(item.kind === true);
    else out.breakRun();
    at += [...item.text].length;
  }
  flush();
  out.breakRun();
}

/**
 * Takes a question apart: normalizes it, takes off its wrapping (greetings, thanks), drops question
 * words, corrects pinyin typos, finds lexicon words and everyday words with their formal
 * equivalents, maps English through the glossary and the dictionary, marks the focus, and notes
 * what kind of answer is asked for.
 *
 * @param vocabulary - what is known of the corpus and general language; without it, the question's
 *   own words and the lexicon only
 */
export function analyzeQuery(text: string, lexicon: Lexicon, vocabulary?: QueryVocabulary): AnalyzedQuery {
  const cleaned = cleanQuestion(normalizeText(text));
  // 哪两个城市 is folded to 哪2个城市; the count belongs to the question word, not to the topic; so
  // does the 1 of 哪一年, 哪一天, 哪一届 (哪1年: which year), which was searched as a figure and even
  // taken for the focus. 哪一支, 哪一场 keep theirs: their 一支 may be the text's (…为蒙古族的一支)
  const normalized = cleaned.text.replace(/哪\d+(?=[个位家所座条项种类])|哪1(?=[年月日天届期代])/gu, '哪');
  const sources: Sources = { lexicon, vocabulary };
  const out = new GroupBuilder();
  const { expects, measure, strict, term } = expectationOf(normalized);
  // what does X mean, what is meant by X, define X: their frame is no content of an English question
  const searched = term !== undefined && !/\p{Script=Han}/u.test(term) ? term : normalized;
  let english: EnglishWord[] = [];
  const flushEnglish = (): void => {
    if (english.length) addEnglish(english, sources, out);
    english = [];
  };
  for (const match of searched.matchAll(TOKEN_RUN)) {
    if (match[1]) {
      flushEnglish();
      addHanRun(match[1], sources, out);
    } else if (match[2] && /^[a-z]+$/.test(match[2])) {
      english.push(...englishWords(match[2]));
    } else if (match[2]) {
      flushEnglish();
      out.add(match[2], [own(match[2])]);
    }
  }
  flushEnglish();
  return { text, cleaned: cleaned.text, groups: out.finish(/[吗么][?!.,]*\s*$/u.test(normalized), expects === null || expects === 'reason' || expects === 'which' || expects === 'definition', ASKS_AT_END.test(normalized)), terms: out.terms, expects, measure, strict, ...(term === undefined ? {} : { term }), removed: cleaned.removed, ...(cleaned.social ? { social: cleaned.social } : unquotedKind(bareMessage(cleaned.text), /[吗么?]\s*$/u.test(cleaned.text))) };
}

/**
 * What a question that is more than wrapping asks when no sentence answers it: about the bot itself
 * (help, 有哪些报告, 答错了), more of the answer just given (详细说说), a report's own record (这篇报道是
 * 哪天发的, 分为哪几部分), where the reports say something (哪篇报告提到了地铁), the reports as a whole (总结一下) or one topic summed up; nothing for a
 * question about what the reports say.
 * @param bare - the cleaned question as the whole-message patterns read it (bareMessage)
 * @param asks - the cleaned question ended as a question does (吗, ?)
 */
function unquotedKind(bare: string, asks: boolean): { social?: SmallTalk; more?: true; overview?: true; overviewTopic?: string; record?: RecordField; locate?: string } {
  const asked = askedOfBot(bare, asks);
  if (asked === 'more') return { more: true };
  if (asked) return { social: asked };
  const record = askedOfRecord(bare);
  if (record) return { record };
  const locate = askedWhere(bare);
  if (locate) return { locate };
  if (asksOverview(bare)) return { overview: true };
  const topic = overviewTopic(bare);
  return topic === undefined ? {} : { overviewTopic: topic };
}

/**
 * The question's own words and their equivalents (not the bigrams that span words): what an answer
 * holds of these is not news to the asker, so the type check looks past them.
 */
export function questionWords(query: AnalyzedQuery): string[] {
  const words = new Set<string>();
  for (const group of query.groups) for (const alternative of group.alternatives) if (alternative.retrieval !== false) words.add(alternative.word);
  return [...words];
}

/**
 * The question's retrieval terms per word, weightiest word first (partial-match characters left
 * out), then the terms that belong to no single word (bigrams across word boundaries).
 */
export function termsByWeight(query: AnalyzedQuery, weights: readonly number[]): string[][] {
  // loops rather than flatMap: this runs for every question, and V8's flatMap allocates per element
  const order = query.groups.map((group, i) => ({ group, weight: weights[i] ?? 0 })).sort((a, b) => b.weight - a.weight);
  const inGroups = new Set<string>();
  const lists = order.map(({ group }) => {
    const list: string[] = [];
    for (const alternative of group.alternatives) {
      if (alternative.retrieval === false) continue;
      for (const token of alternative.tokens) {
        list.push(token);
        inGroups.add(token);
      }
    }
    return list;
  });
  const rest: string[] = [];
  for (const term of query.terms.keys()) if (!inGroups.has(term)) rest.push(term);
  lists.push(rest);
  return lists;
}
