import { normalizeText } from './normalize.js';
import { LATIN_OR_DIGIT_CHAR, MEASURE_WORDS } from './numerals.js';

/**
 * Bumped whenever the tokens produced for the same text change, so that anything derived from
 * tokens (a cached index) is rebuilt.
 */
export const TOKENIZER_VERSION = 7;

/**
 * Words that ask: what kind of answer is wanted, not what it is about. The content word next to
 * one is the question's focus (see query.ts).
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  '什么', '啥', '多少', '多大', '多久', '多长', '多远', '多高', '怎么', '怎么样', '怎样', '如何', '哪些', '哪个',
  '哪里', '哪儿', '哪', '是否', '是不是', '有没有', '有无', '为什么', '为何', '几', '谁', '吗', '呢', '能不能', '能否',
  '可不可以', '会不会', '哪家', '哪所', '哪位', '哪天', '哪年', '哪座', '哪条', '哪种', '哪类', '哪样', '几时', '咋', '咋样',
  '怎么回事', '啥样', '多会儿', '没', '没有', '多少钱',
  // the written register asks with 何 (何时, 何处, 何人, 因何…) and counts with 第几
  '何时', '何处', '何地', '何人', '何年', '何者', '何种', '何物', '何事', '何职', '何故', '何以', '因何', '有何', '何谓', '第几',
]);

/**
 * Question words, particles, pronouns and modal verbs. They never become search terms (on either
 * side, so that bigrams never span them).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS,
  '是', '有', '了', '的', '吧', '啊', '呀', '么', '嘛', '哦', '请问', '一下', '告诉', '我', '你', '您',
  '我们', '他们', '它', '这', '那', '这个', '那个', '这些', '那些', '和', '与', '及', '或', '或者', '在', '对于', '关于',
  '被', '把', '给', '也', '还', '能', '可以', '会', '要', '需要', '没有', '做', '做了', '搞', '到了', '进展', '情况',
  '意思', '具体', '其中', '一共', '总共', '目前为止', '现在', '已经', '之', '时候', '啦', '呗', '哈', '嘞', '咯', '呐', '哇',
  '噢', '搞得', '弄得', '到底', '究竟', '大概', '大约', '左右', '一些', '这边', '那边', '一步', '之间',
]);

const QUESTION_PREFIXES = [...QUESTION_WORDS].filter((word) => word.length > 1 || word === '几').sort((a, b) => b.length - a.length);
const STOP_FIRST_CHARS = new Set([...STOP_WORDS].map((w) => w[0]));
/** ICU word segmentation for Chinese, shared by everything that reads questions. */
export const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const HAN = /\p{Script=Han}/u;
// Han runs, or Latin/number runs that keep decimals, joined plus signs and a trailing percent
// (pm2.5, 107.5, s3, 1+1+n, 7.9%).
const WORD_CHAR = LATIN_OR_DIGIT_CHAR;
export const TOKEN_RUN = new RegExp(String.raw`(\p{Script=Han}+)|(${WORD_CHAR}+(?:[.+]${WORD_CHAR}+)*%?)`, 'gu');

/**
 * A piece of a Han run: a content word, or a stop word (which may be a question word). `kind` marks
 * a question word whose noun may name the aspect asked about (什么 in 有什么特点: see DESCRIPTION_ASKERS).
 */
export type RunItem = { content: string } | { question: boolean; text: string; kind?: boolean };

/**
 * Nouns that name the kind of answer when they follow 哪个/哪些/什么 (哪个部门, 什么程度; 样 of
 * 什么样, which ICU cuts off): they are part of the question word, not what the question is about.
 */
const KIND_NOUNS: ReadonlySet<string> = new Set(['部门', '单位', '机构', '城市', '地方', '地区', '时间', '程度', '阶段', '方面', '情况', '级别', '水平', '样']);
const MEASURE_CHARACTERS: ReadonlySet<string> = new Set([...MEASURE_WORDS, '班', '趟', '步']);
const KIND_ASKERS: ReadonlySet<string> = new Set(['哪个', '哪些', '什么', '哪', '啥', '哪一个', '哪两个', '哪几个']);
/**
 * The question words whose noun names what kind of thing the answer is, not a word it must say: an
 * aspect (有什么特点, 什么作用: the answer describes it) or a class (哪一种角色, 哪个部位: the answer
 * names one of it, 超级英雄, 头, and seldom the class). See TermGroup.aspect: such a noun weighs as
 * the question's other words in ranking, not as its focus, when the question asks for no name, place,
 * time or figure.
 */
const DESCRIPTION_ASKERS: ReadonlySet<string> = new Set(['什么', '啥']);
/** 哪 and the question words made with it that take a noun (哪个, 哪种, 哪一; not 哪里, 哪儿). */
const WHICH_ASKER = /^哪(?!里|儿)/u;
const asksKind = (segment: string): boolean => DESCRIPTION_ASKERS.has(segment) || WHICH_ASKER.test(segment);

/**
 * The words of a text by ICU, in order. Walked with `containing` rather than the iterator: the
 * same segments, without the iterator's per-segment objects (about a third faster in V8).
 */
function segments(text: string): string[] {
  const found = segmenter.segment(text);
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const { segment, index } = found.containing(at)!;
    // ICU cuts the written register's question words into characters (因|何, 何|处): joined again
    const last = out.at(-1);
    if (last !== undefined && last.length === 1 && segment.length === 1 && QUESTION_WORDS.has(last + segment)) out[out.length - 1] = last + segment;
    // ICU may cut a stop word's first character off and join its last to the next (一|共有 for
    // 一共|有): when both halves are stop words that way, the stop words win
    else if (last !== undefined && last.length === 1 && segment.length === 2 && STOP_WORDS.has(last + segment[0]!) && STOP_WORDS.has(segment[1]!)) {
      out[out.length - 1] = last + segment[0]!;
      out.push(segment[1]!);
    } else out.push(segment);
    at = index + segment.length;
  }
  return out;
}

/**
 * 为什么 that ends its clause after a verb (命名为什么, 被称为什么, 改组为什么，…; before 及, 和, 与 or
 * 的 too) is 为 + 什么, "as what", never "why", which asks about what follows it (为什么封锁了隘道);
 * 是为什么 (这是为什么) still asks why. The one reading of it: the segmentation (segmentRun) and the
 * kind of answer expected (answer-kinds.ts) both test it.
 */
export const AS_WHAT = /(?<=\p{Script=Han})(?<!是)为什么(?=[及和与的]|[^\p{L}\p{N}]*$|[^\p{L}\p{N}\s]+)/gu;
const AS_WHAT_AT = new RegExp(AS_WHAT.source, 'uy');

/** 哪, or 哪 with the count one (哪一, 哪1 as normalization writes it). */
const WHICH_ONE = /^哪[一1]?$/u;

/** Splits a Han run into content words and stop words (ICU word segmentation). */
export function segmentRun(run: string): RunItem[] {
  const items: RunItem[] = [];
  let previous = '';
  let at = 0;
  for (const segment of segments(run)) {
    const after = previous;
    previous = segment;
    const start = at;
    at += segment.length;
    // 为什么 read as 为 + 什么, "as what" (see AS_WHAT)
    if (segment === '为什么' && ((AS_WHAT_AT.lastIndex = start), AS_WHAT_AT.test(run))) {
      items.push({ question: false, text: '为' }, { question: true, text: '什么', kind: true });
      continue;
    }
    // 哪 + a measure word (哪家, 哪所, 哪一级) asks which one: the measure word is part of the question word
    if (KIND_NOUNS.has(segment) && KIND_ASKERS.has(after)) {
      items.push({ question: true, text: segment });
      continue;
    }
    if (WHICH_ONE.test(after) && [...segment].length === 1 && MEASURE_CHARACTERS.has(segment)) {
      items.push({ question: true, text: segment, kind: true });
      continue;
    }
    // ICU may keep 一 on 哪 (哪一|级): which one is asked, never a word to search
    if (WHICH_ONE.test(segment)) {
      items.push({ question: true, text: segment, kind: true });
      continue;
    }
    if (STOP_WORDS.has(segment)) {
      items.push({ question: QUESTION_WORDS.has(segment), text: segment, kind: asksKind(segment) });
      continue;
    }
    if (madeOfStopWords(segment)) {
      items.push({ question: [...segment].some((ch) => QUESTION_WORDS.has(ch)), text: segment });
      continue;
    }
    // after 多少 or 几, ICU may join the measure word to the noun (多少|个班): split it off
    if ((after === '多少' || after === '几') && segment.length > 1 && MEASURE_CHARACTERS.has(segment[0]!) && !STOP_WORDS.has(segment.slice(1))) {
      items.push({ content: segment[0]! }, { content: segment.slice(1) });
      continue;
    }
    // ICU keeps some question words on their measure word (多少个, 几条): split them off
    // (几何 is a word of its own: geometry)
    const prefix = QUESTION_PREFIXES.find((word) => segment.startsWith(word) && segment.length > word.length && !segment.startsWith('几何'));
    if (prefix) items.push({ question: true, text: prefix });
    let word = prefix ? segment.slice(prefix.length) : segment;
    // a trailing 了 (开工了, 到了) is a particle of its own
    const particle = word.length > 1 && word.endsWith('了');
    if (particle) word = word.slice(0, -1);
    items.push(STOP_WORDS.has(word) ? { question: QUESTION_WORDS.has(word), text: word } : { content: word });
    if (particle) items.push({ question: false, text: '了' });
  }
  return items;
}

/**
 * A segment of two characters or more, each a stop word of its own (的是 in 指的是什么, 是在, 还有):
 * ICU joins such particles and verbs, and the pair means no more than its characters do.
 */
function madeOfStopWords(segment: string): boolean {
  return segment.length > 1 && [...segment].every((ch) => STOP_WORDS.has(ch));
}

/** Splits a Han run into the runs left once stop words are taken out. */
export function contentRuns(run: string): string[] {
  // a run without a stop word's first character has no stop word: no need to segment it
  if (![...run].some((ch) => STOP_FIRST_CHARS.has(ch))) return [run];
  const runs: string[] = [];
  let current = '';
  for (const item of segmentRun(run)) {
    if ('content' in item) {
      current += item.content;
    } else if (current) {
      runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

/**
 * How a text is tokenized. Both give overlapping bigrams of Han runs, and a single Han character
 * only where it stands alone between non-Han characters (9条, S3线: the measure word after a figure
 * is found by a question about it). `document` keeps stop words: a question never asks for them, so
 * they cost index space only, and indexing needs no word segmentation. `query` drops question words
 * and particles so that no bigram spans them.
 */
export type TokenMode = 'document' | 'query';

function hanTokens(run: string, out: string[]): void {
  const chars = [...run];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.push(chars[0]!);
}

/**
 * The tokens of a run of Han characters that holds no stop word (a content word or a stretch of
 * them): its bigrams, or the character when it stands alone. Unlike the `query` mode of
 * {@link tokenizeNormalized}, it does not segment the run again.
 */
export function contentTokens(run: string): string[] {
  const out: string[] = [];
  hanTokens(run, out);
  return out;
}

/**
 * Tokens of an already normalized text (see {@link normalizeText}): Han runs as overlapping
 * bigrams (with single characters per `mode`), Latin and number runs whole.
 */
export function tokenizeNormalized(text: string, mode: TokenMode): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN_RUN)) {
    if (match[1]) {
      if (mode === 'document') hanTokens(match[1], out);
      else for (const run of contentRuns(match[1])) hanTokens(run, out);
    } else if (match[2]) {
      out.push(match[2]);
    }
  }
  return out;
}

/** The document tokenizer: normalizes, then {@link tokenizeNormalized} in `document` mode. */
export function tokenizeDocument(text: string): string[] {
  return tokenizeNormalized(normalizeText(text), 'document');
}

/** The query tokenizer: the same normalization, then {@link tokenizeNormalized} in `query` mode. */
export function tokenizeQuery(text: string): string[] {
  return tokenizeNormalized(normalizeText(text), 'query');
}

/** True when a token is made of Han characters. */
export function isHanToken(token: string): boolean {
  return HAN.test(token);
}

const ONE_HAN = /^\p{Script=Han}$/u;

/** True when a text is a single Han character (one code point: 𠀀 is one). */
export function isHanCharacter(text: string): boolean {
  return ONE_HAN.test(text);
}
