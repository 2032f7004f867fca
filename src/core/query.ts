import { ENGLISH_AMOUNT, ENGLISH_QUESTION_WORDS, englishWords, type EnglishWord } from './english.js';
import { EXPANSION_WEIGHT, type Lexicon } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { MEASURE_WORDS } from './numerals.js';
import { contentTokens, segmentRun, TOKEN_RUN, tokenizeNormalized } from './tokenizer.js';

/** One way of matching a group: tokens that must all appear, and what a full match is worth. */
export interface Alternative {
  /** The word these tokens come from (the user's, or a synonym or translation of it). */
  word: string;
  tokens: string[];
  weight: number;
}

/**
 * A unit of the question's meaning: a Chinese word, a figure, an English word or phrase. A passage
 * covers the group through its best alternative; the first alternative is what the user wrote.
 */
export interface TermGroup {
  /** The words as the user wrote them (normalized), for explaining a match. */
  label: string;
  alternatives: Alternative[];
  /** True when no alternative is the user's own wording (an English word mapped to Chinese). */
  translated: boolean;
  /**
   * True for the question's focus: the content word right after a question word (多少人口, how
   * many schools), else right before one (GDP是多少, 开工了吗). It is what is asked about, so an
   * answer must cover it.
   */
  focus: boolean;
}

/** A question taken apart for retrieval. */
export interface AnalyzedQuery {
  text: string;
  groups: TermGroup[];
  /** Retrieval terms and their weights (the best weight of each term over all groups). */
  terms: Map<string, number>;
  /** The kind of answer asked for, when the question says (多少 -> amount, 谁 -> agent, 哪些 -> list ...). */
  expects: AnswerType | null;
  /**
   * For amounts, the measure asked for as a regular-expression character class or word (几条 -> 条,
   * 多久 -> a unit of time), so that a figure with it is preferred.
   */
  measure: string | null;
}

/** Kinds of answers a question can ask for. */
export type AnswerType = 'amount' | 'agent' | 'place' | 'time' | 'list';

const AMOUNT = /多少|几|多大|多高|多长|多久|多远|比例|占比|百分之|比重|增长率|增幅|降幅/u;
const MEASURE = new RegExp(`(?:多少|几)([${MEASURE_WORDS}])`, 'u');
const MONEY = /多少钱|花了多少|投资多少|how much money|\bcost\b|\bprice\b/iu;
const DURATION = /多久|多长时间|how long/iu;
const TIME_UNITS = '(?:分钟|小时|天|日|周|个月|月|年)';
const TIME = /什么时候|何时|哪年|哪一年|几月|哪天|哪一天|\bwhen\b|\bwhat (year|date|time)\b/iu;
const AGENT = /谁|哪个单位|哪家|哪些单位|哪个部门|哪些部门|哪所|哪个机构|哪些机构|由哪|\bwho\b|\bby whom\b|\bwhich (university|universities|organi[sz]ation|department|agency|institution|institute|body|bodies|company|companies|media)\b/iu;
const HAN_WORD = /^\p{Script=Han}+$/u;
const LIST = /哪些|包括什么|\bwhat are\b|\bwhich\b.*\b(are|were)\b/iu;
const PLACE = /哪里|哪儿|在哪|什么地方|哪个城市|哪些城市|哪个地方|\bwhere\b|\bwhich (city|cities|place|places|district|area|areas)\b/iu;

function expectedAnswer(normalized: string, text: string): Pick<AnalyzedQuery, 'expects' | 'measure'> {
  if (DURATION.test(normalized)) return { expects: 'amount', measure: TIME_UNITS };
  if (MONEY.test(normalized)) return { expects: 'amount', measure: '(?:元|万元|亿元|亿|万)' };
  if (TIME.test(normalized)) return { expects: 'time', measure: null };
  if (AGENT.test(normalized)) return { expects: 'agent', measure: null };
  if (PLACE.test(normalized)) return { expects: 'place', measure: null };
  if (LIST.test(normalized)) return { expects: 'list', measure: null };
  if (AMOUNT.test(normalized) || ENGLISH_AMOUNT.test(text)) return { expects: 'amount', measure: MEASURE.exec(normalized)?.[1] ?? null };
  return { expects: null, measure: null };
}

/**
 * Tokens of lexicon words (expansions, glossary terms), kept per lexicon: its vocabulary is fixed,
 * and tokenizing a word that may hold a stop word costs an ICU segmentation (tens of µs).
 */
const lexiconTokenCache = new WeakMap<Lexicon, Map<string, string[]>>();

function lexiconTokens(lexicon: Lexicon, word: string): string[] {
  let cache = lexiconTokenCache.get(lexicon);
  if (!cache) lexiconTokenCache.set(lexicon, (cache = new Map()));
  let tokens = cache.get(word);
  if (!tokens) cache.set(word, (tokens = tokenizeNormalized(word, 'query')));
  return tokens;
}

/** The alternative that is the user's own word: a Chinese content word, or a Latin or number run. */
function own(word: string): Alternative {
  return { word, tokens: HAN_WORD.test(word) ? contentTokens(word) : [word], weight: 1 };
}

/** Collects groups in question order, with where question words stand between them. */
class GroupBuilder {
  readonly groups: TermGroup[] = [];
  readonly terms = new Map<string, number>();
  private afterQuestion: number | null = null;
  private beforeQuestion: number | null = null;
  private questionPending = false;

  addTerms(tokens: string[], weight: number): void {
    for (const token of tokens) this.terms.set(token, Math.max(weight, this.terms.get(token) ?? 0));
  }

  add(label: string, alternatives: Alternative[], translated = false): void {
    const usable = alternatives.filter((alternative) => alternative.tokens.length > 0);
    if (usable.length === 0) return;
    for (const alternative of usable) this.addTerms(alternative.tokens, alternative.weight);
    if (this.questionPending && this.afterQuestion === null) this.afterQuestion = this.groups.length;
    this.questionPending = false;
    this.groups.push({ label, alternatives: usable, translated, focus: false });
  }

  question(): void {
    if (this.groups.length && !this.questionPending) this.beforeQuestion = this.groups.length - 1;
    this.questionPending = true;
  }

  /** Marks the focus: the first group after a question word, else the last one before one. */
  finish(): TermGroup[] {
    const focus = this.afterQuestion ?? this.beforeQuestion;
    if (focus !== null) this.groups[focus]!.focus = true;
    return this.groups;
  }
}

/**
 * Adds the words of `chars[start, end)`, cut where the question's segmentation ended a word (or
 * where a lexicon word was taken out); runs of single characters (unknown names) stay together.
 */
function addWords(chars: readonly string[], start: number, end: number, wordEnds: ReadonlySet<number>, out: GroupBuilder): void {
  let singles = '';
  let wordStart = start;
  const flush = (): void => {
    if (singles) out.add(singles, [own(singles)]);
    singles = '';
  };
  for (let i = start; i < end; i++) {
    if (i + 1 < end && !wordEnds.has(i + 1)) continue;
    const word = chars.slice(wordStart, i + 1).join('');
    if (i === wordStart) {
      singles += word;
    } else {
      flush();
      out.add(word, [own(word)]);
    }
    wordStart = i + 1;
  }
  flush();
}

/**
 * Finds lexicon words in a run of content words (consecutive, as segmented), longest first, and
 * adds the rest as the segmentation's words.
 */
function addChineseRun(words: readonly string[], lexicon: Lexicon, out: GroupBuilder): void {
  const run = words.join('');
  // bigrams that span word boundaries still help retrieval, so the whole run is a term source
  out.addTerms(contentTokens(run), 1);
  const chars = [...run];
  // code-unit offset of each character, so that a candidate lexicon word is one slice of the run
  const offsets = [0];
  for (const ch of chars) offsets.push(offsets[offsets.length - 1]! + ch.length);
  const wordEnds = new Set<number>();
  let offset = 0;
  for (const word of words) wordEnds.add((offset += [...word].length));
  let restStart = 0;
  for (let i = 0; i < chars.length; ) {
    let matched = '';
    for (let end = Math.min(chars.length, i + lexicon.longestWord); end > i; end--) {
      const candidate = run.slice(offsets[i], offsets[end]);
      if (lexicon.expansions.has(candidate)) {
        matched = candidate;
        break;
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    addWords(chars, restStart, i, wordEnds, out);
    const alternatives = [...lexicon.expansions.get(matched)!].map((word) => ({ word, tokens: lexiconTokens(lexicon, word), weight: EXPANSION_WEIGHT }));
    out.add(matched, [own(matched), ...alternatives]);
    i += [...matched].length;
    restStart = i;
  }
  addWords(chars, restStart, chars.length, wordEnds, out);
}

/** Maps English words through the glossary, longest phrase first; other content words stay as typed. */
function addEnglish(words: EnglishWord[], lexicon: Lexicon, out: GroupBuilder): void {
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    if (word.stop) {
      if (ENGLISH_QUESTION_WORDS.has(word.word)) out.question();
      i++;
      continue;
    }
    let length = 0;
    const phrase: string[] = [];
    // a phrase is matched on content words only, so "pair up with" finds "pair up"
    const content: number[] = [];
    for (let j = i; j < words.length && content.length < lexicon.longestPhrase; j++) if (!words[j]!.stop) content.push(j);
    for (let n = content.length; n > 0; n--) {
      phrase.length = 0;
      for (const j of content.slice(0, n)) phrase.push(words[j]!.stem);
      const chinese = lexicon.glossary.get(phrase.join(' '));
      if (chinese) {
        const typed = content.slice(0, n).map((j) => words[j]!.word).join(' ');
        out.add(typed, [...chinese].map((term) => ({ word: term, tokens: lexiconTokens(lexicon, term), weight: 1 })), true);
        length = content[n - 1]! - i + 1;
        break;
      }
    }
    if (length > 0) {
      i += length;
      continue;
    }
    out.add(word.word, [{ word: word.word, tokens: [word.number ?? word.stem], weight: 1 }]);
    i++;
  }
}

/**
 * Takes a question apart: normalizes it, drops question words, finds lexicon words and their
 * expansions, maps English through the glossary, marks the focus, and notes whether an amount is
 * asked for.
 */
export function analyzeQuery(text: string, lexicon: Lexicon): AnalyzedQuery {
  const normalized = normalizeText(text);
  const out = new GroupBuilder();
  let english: EnglishWord[] = [];
  const flushEnglish = (): void => {
    if (english.length) addEnglish(english, lexicon, out);
    english = [];
  };
  for (const match of normalized.matchAll(TOKEN_RUN)) {
    if (match[1]) {
      flushEnglish();
      // the run is segmented once; its content words are reused below, never segmented again
      let content: string[] = [];
      for (const item of segmentRun(match[1])) {
        if ('content' in item) {
          content.push(item.content);
          continue;
        }
        if (content.length) addChineseRun(content, lexicon, out);
        content = [];
        if (item.question) out.question();
      }
      if (content.length) addChineseRun(content, lexicon, out);
    } else if (match[2] && /^[a-z]+$/.test(match[2])) {
      english.push(...englishWords(match[2]));
    } else if (match[2]) {
      flushEnglish();
      out.add(match[2], [own(match[2])]);
    }
  }
  flushEnglish();
  return {
    text,
    groups: out.finish(),
    terms: out.terms,
    ...expectedAnswer(normalized, text),
  };
}
