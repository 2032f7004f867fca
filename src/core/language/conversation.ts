import { normalizeText } from './normalize.js';
import { followUpTopic } from './overview.js';
import { QUESTION_WORD } from './questions.js';
import type { AnalyzedQuery, TermGroup } from './query.js';
import { tag } from './tagger.js';
import type { Passage } from '../types.js';

/**
 * Conversation context: a follow-up question (那眉山呢, 那它每天拉多少人, 成交了多少宗) is read with
 * the topic words it lacks taken from the previous question. The new question's own words lead:
 * inherited words weigh INHERITED_WEIGHT of their own weight, are never the focus, and the kind of
 * answer asked for is inherited only loosely (never strict: 竹子呢 after 多少亩 may be answered in 个).
 */

/** One earlier turn of a conversation: what was asked, and the passages its answer came from. */
export interface Turn {
  question: string;
  /** The answer's passage ids (empty or absent when it had none). */
  passageIds?: readonly string[];
}

/**
 * The passage the conversation's last answer came from (what 详细说说, 你确定吗 and 谁写的这篇 are
 * about), when it had one and `reports` hold it.
 */
export function lastAnswered(reports: { passage(id: string): Passage | undefined }, history: readonly Turn[] | undefined): Passage | undefined {
  const id = history?.at(-1)?.passageIds?.[0];
  return id === undefined ? undefined : reports.passage(id);
}

/** How much an inherited word counts against the same word asked anew. */
export const INHERITED_WEIGHT = 0.5;
/**
 * How much the earlier question's focus counts when inherited: in 那资阳呢 after 眉山的学生有多少,
 * 学生 is still what is asked about.
 */
export const INHERITED_FOCUS_WEIGHT = 0.8;
/**
 * The least share of a follow-up's own words the answering passage's text must cover (its section's
 * headline left out): 那第二批呢 is not answered by the 首批 sentence however much of the earlier
 * question that covers.
 */
export const MIN_OWN_COVERAGE = 0.4;
/** How many earlier turns a chain of follow-ups reaches back (那它呢 after 那资阳呢 after …). */
export const MAX_CHAIN = 3;

/**
 * Openings and endings that mark a question as continuing the conversation. Matched on normalized
 * (lower-case) text, so without the i flag, which makes V8 match about ten times slower beside u.
 */
const OPENING = /^(?:那么|那(?![个些项])|它|它们|其|还有|另外|再问一下|此外|and\b|what about\b|how about\b)/u;
const ELLIPSIS = /呢[?.!]*\s*$/u;
const PRONOUN = /它|其中|\b(it|its|they|them|their)\b/u;
/** Demonstratives: they point back when they stand alone (这个多少钱), not when they name the thing (那个恳谈会). */
const DEMONSTRATIVE = /这个|那个|这些|那些|这项|那项|^该/gu;
/** A demonstrative, with nothing after it but a measure word: it names nothing (这个, 那些, 这项). */
const DEMONSTRATIVE_ALONE = /^[这那该此][个些项种样边里]?$/u;
/** Tags of a word a demonstrative names: nouns, verbal nouns, proper names, abbreviations, Latin words. */
const NAMED = /^(?:n|vn|j|eng)/;
const COMPARISON = /(?:和|与|跟|比).{1,16}(?:一样|相比|比较|区别|差别|哪个多|哪个快)/u;

/** True when a demonstrative of the text stands alone, pointing back (这个多少钱, 那些呢), rather than before a noun (那些项目). */
function demonstrativePointsBack(text: string): boolean {
  for (const match of text.matchAll(DEMONSTRATIVE)) {
    const [first, second] = tag(text.slice(match.index! + match[0].length));
    // a noun, or a verb or adjective before a noun (审批模式, 重点项目), is what the demonstrative names
    const names = first !== undefined && (NAMED.test(first.tag) || (/^[va]/.test(first.tag) && second !== undefined && /^n/.test(second.tag)));
    if (!names) return true;
  }
  return false;
}

/**
 * True when a question says it continues the conversation: it opens with 那/还有…, ends in 呢
 * (那眉山呢), points back with a pronoun (它) or a demonstrative standing alone (这个多少钱), or
 * compares with something (和成眉S5线一样吗). A demonstrative before a noun (那个恳谈会, 那些项目)
 * names what is asked about: such a question may stand on its own (see Engine.ask).
 */
export function marksFollowUp(question: string): boolean {
  const text = normalizeText(question).trim();
  return OPENING.test(text) || ELLIPSIS.test(text) || PRONOUN.test(text) || COMPARISON.test(text) || demonstrativePointsBack(text);
}

/** Words that go on from what was said (还有呢, 然后呢, 别的呢): they name no topic. */
const GOING_ON = /^(?:还有|然后|其他|其它|别的|另外|以外|之后|后来|接下来|再|more|else|next|then|the rest)/u;

/**
 * The topic of a message that says nothing but it as a follow-up (德阳呢, 那学校呢, 眉山的情况呢, what
 * about Deyang?), read as bareMessage gives it, for when nothing was said before: with no earlier
 * question to take the rest from, it asks what the reports say of the topic (the caller lists where
 * they mention it). Undefined for any other message, and when the topic asks or points back itself
 * (那它每天拉多少人, 那个呢), is a pronoun (你们呢) or only goes on (还有呢).
 */
export function topicAlone(question: string, bare: string): string | undefined {
  if (!marksFollowUp(question)) return undefined;
  const topic = followUpTopic(bare)?.trim();
  if (!topic || QUESTION_WORD.test(topic) || GOING_ON.test(topic) || marksFollowUp(topic) || DEMONSTRATIVE_ALONE.test(topic)) return undefined;
  // a pronoun (你们呢, 自己呢, 这里呢) names nothing the reports could mention
  return tag(topic).every((word) => word.tag.startsWith('r')) ? undefined : topic;
}

/** A group is already asked when the new question has the same word, or one holding it. */
function alreadyAsked(group: TermGroup, current: AnalyzedQuery): boolean {
  return current.groups.some((own) => own.label === group.label || own.label.includes(group.label) || group.label.includes(own.label));
}

/** The analysis of a question with the previous question's words it lacks (see the module comment). */
export function withContext(current: AnalyzedQuery, previous: AnalyzedQuery): AnalyzedQuery & { inherited: TermGroup[] } {
  const inherited = previous.groups
    .filter((group) => !alreadyAsked(group, current))
    .map((group): TermGroup => ({
      ...group,
      focus: false,
      aspect: false,
      focusPhrase: false,
      modifier: false,
      inherited: true,
      alternatives: group.alternatives.map((alternative) => ({ ...alternative, weight: alternative.weight * (group.focus ? INHERITED_FOCUS_WEIGHT : INHERITED_WEIGHT) })),
    }));
  const terms = new Map(current.terms);
  for (const group of inherited) {
    for (const alternative of group.alternatives) {
      if (alternative.retrieval === false) continue;
      for (const token of alternative.tokens) terms.set(token, Math.max(terms.get(token) ?? 0, alternative.weight));
    }
  }
  // the kind a follow-up asks for is the earlier question's (那二期呢 asks what 一期 was asked); a
  // what-is question's term is its own, and a which-question keeps its noun (哪个港 -> 港)
  const loose = current.expects === null && previous.expects !== null && previous.expects !== 'definition';
  return {
    ...current,
    groups: [...current.groups, ...inherited],
    terms,
    ...(loose ? { expects: previous.expects, measure: previous.expects === 'which' ? previous.measure : null, strict: false } : {}),
    inherited,
  };
}

/**
 * The context label of a follow-up's answer: the earlier questions' words the answer used, as the
 * earlier question says them. Matched words that stand side by side there make one run (都市圈日开行动车
 * for 都市圈日开行动车多少对, where segmentation cut 都市 · 圈日开 · 行动 · 车: the reader sees the phrase
 * asked before, not the cuts); a run of one character (个, 车) says nothing a reader can check.
 * @param earlier - the conversation's earlier questions, oldest first
 * @param matched - the inherited words (group labels) the answer's passage matched
 */
export function contextWords(earlier: readonly string[], matched: readonly string[]): string[] {
  const runs: string[] = [];
  let left = [...new Set(matched)];
  // the latest question that says a word is where it comes from
  for (const question of [...earlier].reverse()) {
    if (left.length === 0) break;
    const text = normalizeText(question);
    const spans: Array<[number, number]> = [];
    left = left.filter((label) => {
      const at = text.indexOf(label);
      if (at < 0) return true;
      spans.push([at, at + label.length]);
      return false;
    });
    spans.sort((a, b) => a[0] - b[0]);
    let run: [number, number] | undefined;
    for (const span of spans) {
      if (run && span[0] <= run[1]) run[1] = Math.max(run[1], span[1]);
      else {
        if (run) runs.push(text.slice(run[0], run[1]).trim());
        run = [...span];
      }
    }
    if (run) runs.push(text.slice(run[0], run[1]).trim());
  }
  return [...new Set([...runs, ...left].filter((word) => [...word].length > 1))];
}
