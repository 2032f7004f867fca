import { escapePattern } from '../util/pattern.js';
import { fillerPhrases } from './general-data.js';
import { normalizeText } from './normalize.js';

/**
 * Question clean-up: what wraps a question (greetings, politeness, thanks, hedges, "my boss asked
 * me to look this up") is taken off before the question is analysed, so that it never counts as
 * content and never anchors an answer (领导让我查一下 must not find the 领导小组 sentence).
 *
 * Filler is removed only at the edges of a clause (clauses end at punctuation), repeatedly: a
 * filler word inside a clause may be part of a name or a content word (急 in 应急, 各位 in 各位于),
 * while at a clause's edge it is what people type around a question.
 */

/** What the clean-up kept and what it took away. */
export interface CleanedQuestion {
  /** The question without its wrapping; the input itself when nothing else would be left. */
  text: string;
  /** The pieces taken off, in order. */
  removed: string[];
  /** Set when the question is wrapping and nothing else (你好, 谢谢, bye): what kind of small talk it is. */
  social?: SmallTalk;
}

/**
 * Small talk: a message that greets, thanks, praises or takes leave and asks nothing of the reports; one
 * that asks about the bot itself: how to use it (`help`) or which reports it has (`sources`); or
 * one that says an answer was wrong (`feedback`: 答错了, that's wrong; see askedOfBot).
 */
export type SmallTalk = 'greeting' | 'thanks' | 'farewell' | 'praise' | 'help' | 'sources' | 'feedback';

const THANKS = /谢|感谢|多谢|辛苦|好的|好吧|行吧|原来如此|这样啊|没问题|知道了|明白了|懂了|收到|了解了|thank|thx|\bty\b|cheers|\bok\b|okay|got it/u;
const FAREWELL = /再见|拜拜|回见|晚安|告辞|\bbye\b|goodbye|good night|see you/u;

/** Particles that are left of a greeting once its words went (大家好呀 -> 呀): no question. */
const ONLY_PARTICLES = /[呀啊吧呢嘛哦哈啦了哇噢嗯~]/gu;

/** Pictographs that thank or praise (👍, 🙏, 👏); any other sent alone (👋, 😀) greets. */
const THANKING_PICTOGRAPHS = /[👍🙏👌❤💯🎉]/u;
const PRAISING_PICTOGRAPHS = /[👏💪🏆]/u;

/** What kind of small talk a question made only of filler, or of pictographs, is. */
function smallTalkOf(text: string): SmallTalk {
  if (!/[\p{L}\p{N}]/u.test(text)) return PRAISING_PICTOGRAPHS.test(text) ? 'praise' : THANKING_PICTOGRAPHS.test(text) ? 'thanks' : 'greeting';
  return THANKS.test(text) ? 'thanks' : FAREWELL.test(text) ? 'farewell' : 'greeting';
}

/** Clause punctuation (after NFKC: full-width marks are half-width already). */
const PUNCTUATION = /[,.!?;:~、。!?;:…\s"'“”‘’()\[\]【】《》<>\-—_*#@]+/u;
/** Clause breaks: punctuation, and spaces except one between two Latin words (good morning, thank you stay one phrase). */
const SPLIT = /((?:[,.!?;:~、。!?;:…"'“”‘’()\[\]【】《》<>\-—_*#@]|(?<![a-z0-9])\s|\s(?![a-z0-9]))+)/u;
const LEADING_PUNCTUATION = new RegExp(`^(?:${PUNCTUATION.source})`, 'u');
const ALL_PUNCTUATION = new RegExp(PUNCTUATION.source, 'gu');
/**
 * Framing that reports who wants to know: [someone]让/叫/要我[帮忙]查/问/看/了解/确认[一下]. The
 * someone is at most four characters at the start of a clause (领导, 我们老板).
 */
const FRAMING = /^\p{Script=Han}{0,4}?(?:让|叫|要|请)我(?:帮忙|帮|来)?(?:查|问|看|找|搜|了解|确认|核实)(?:一下|一查|一问|一看|下|查|问|看)?/u;
/** Trailing particles of chat (啦, 哈, 呗...): dropped when they end a clause. */
const TRAILING_PARTICLES = /[啦呗哈嘞咯呐哇噢喔呀啊吖嘛]+$/u;
const LATIN = /[a-z]/;

/** One alternation of phrases, longest first, anchored at a clause's start or end. */
interface EdgePatterns {
  start: RegExp;
  end: RegExp;
}

const patternCache = new WeakMap<readonly string[], EdgePatterns>();

/**
 * The phrases as two regular expressions: one test per clause edge instead of one per phrase. An
 * English phrase must stand as a word of its own (hi is not the start of high).
 */
function edgePatterns(phrases: readonly string[]): EdgePatterns {
  let patterns = patternCache.get(phrases);
  if (!patterns) {
    const alternatives = phrases.map((phrase) => (LATIN.test(phrase) ? `${escapePattern(phrase)}(?![a-z0-9])` : escapePattern(phrase)));
    const endAlternatives = phrases.map((phrase) => (LATIN.test(phrase) ? `(?<![a-z0-9])${escapePattern(phrase)}` : escapePattern(phrase)));
    patterns = { start: new RegExp(`^(?:${alternatives.join('|')})`, 'u'), end: new RegExp(`(?:${endAlternatives.join('|')})$`, 'u') };
    patternCache.set(phrases, patterns);
  }
  return patterns;
}

function stripEdges(clause: string, phrases: readonly string[], removed: string[]): string {
  const { start, end } = edgePatterns(phrases);
  let rest = clause;
  for (let changed = true; changed && rest; ) {
    changed = false;
    const framing = FRAMING.exec(rest);
    if (framing && framing[0].length > 0) {
      removed.push(framing[0]);
      rest = rest.slice(framing[0].length);
      changed = true;
      continue;
    }
    const head = start.exec(rest);
    if (head) {
      removed.push(head[0]);
      rest = rest.slice(head[0].length).replace(/^\s+/, '');
      changed = true;
      continue;
    }
    const tail = end.exec(rest);
    if (tail && tail[0].length < rest.length) {
      removed.push(tail[0]);
      rest = rest.slice(0, -tail[0].length).replace(/\s+$/, '');
      changed = true;
      continue;
    }
    if (rest !== clause) {
      // a particle left at the end once a filler went (谢谢啦 -> 啦) goes too
      const particle = TRAILING_PARTICLES.exec(rest);
      if (particle && particle[0].length < rest.length) {
        rest = rest.slice(0, -particle[0].length);
        changed = true;
      }
    }
  }
  return rest;
}

/**
 * Takes the wrapping off a normalized question (see {@link normalizeText}): clauses made only of
 * filler go, and filler at the edges of the other clauses. The punctuation between the clauses
 * that stay is kept, so that the question reads as before.
 *
 * @param normalized - the question, folded by normalizeText
 * @param phrases - filler phrases, longest first (default: data/fillers.txt)
 */
export function cleanQuestion(normalized: string, phrases: readonly string[] = fillerPhrases()): CleanedQuestion {
  const removed: string[] = [];
  const pieces = normalized.split(SPLIT);
  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const clause = pieces[i]!;
    const separator = pieces[i + 1] ?? '';
    const rest = stripEdges(clause, phrases, removed);
    if (rest) kept.push(rest, separator);
  }
  const text = kept.join('').replace(LEADING_PUNCTUATION, '').trim();
  // a question made only of filler ("谢谢", "大家好呀") is left as it is, marked as small talk: it asks nothing
  if (!text || !/[\p{L}\p{N}]/u.test(text.replace(ONLY_PARTICLES, ''))) return { text: normalized, removed: [], ...(/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(normalized) ? { social: smallTalkOf(normalized) } : {}) };
  return { text, removed };
}

/**
 * A question's grouping key: folded (case, width, traditional characters), its wrapping taken off,
 * and punctuation and spaces dropped, so that 请问票价多少? and 票价多少 count as one question in
 * the log of unanswered questions.
 */
export function questionKey(question: string): string {
  return cleanQuestion(normalizeText(question)).text.replace(ALL_PUNCTUATION, '');
}

/** Marks, chat particles and pictographs that do not change what a whole message asks (总结一下吧!, 你能做什么呀?, help!, 你真棒👍). */
const MESSAGE_NOISE = /[\s,.!?;:~、。!?;:…"'“”‘’()\[\]【】《》<>/呀啊吧呢嘛哦啦吗\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]+/gu;

/**
 * A cleaned question as the whole-message patterns read it (requests to sum up, questions about the
 * bot: overview.ts, meta.ts): without marks or chat particles, Chinese without spaces, English words
 * one space apart.
 */
export function bareMessage(cleaned: string): string {
  return cleaned.replace(MESSAGE_NOISE, ' ').trim().replace(/\s+/gu, ' ').replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, '');
}
