import type { Coverage } from '../answer/extraction.js';
import type { Alternative, AnalyzedQuery, TermGroup } from '../language/query.js';
import { MEASURE_WORDS } from '../language/numerals.js';
import { isHanCharacter } from '../language/tokenizer.js';
import { contains, type TextView } from '../answer/view.js';
import type { Frequencies } from './retrieval.js';

/**
 * Scoring: how much of a question a passage covers.
 *
 *   coverage(text) = Σ_g w_g · s_g(text) / Σ_g w_g
 *
 * over the question's groups g (its words, figures, English words or phrases):
 *   s_g(text) = max over g's alternatives a of  weight_a · (tokens of a found / tokens of a)
 *     a token found only in the section's headline counts HEADLINE_CREDIT;
 *   w_g = FOCUS_WEIGHT (for the focus, unless it names an aspect: TermGroup.aspect; else 1) · rarity_g
 *   rarity_g = mean IDF of the user's own word's tokens; for a word reached only through other
 *     words (English, a typo, a word the corpus lacks), the best of its alternatives' known
 *     rarities; a word nothing in the corpus matches is UNKNOWN_SHARE of the rarest
 *     (UNKNOWN_CHARACTER_SHARE for a single Han character).
 *   IDF(t) = ln(1 + (N − df_t + 0.5) / (df_t + 0.5)), N the number of passages.
 *
 * Ranking adds BM25_SHARE · bm25 / best bm25 of the candidates to coverage.
 */

/** Credit for a term found only in the section's headline, not the passage's own text. */
export const HEADLINE_CREDIT = 0.5;
/** How much more the question's focus weighs than its other words (see TermGroup.focus). */
export const FOCUS_WEIGHT = 2;
/** Weight of BM25 (scaled to the best candidate) beside coverage when ranking. */
export const BM25_SHARE = 0.15;
/**
 * A word that nothing in the corpus matches weighs this share of the rarest word's rarity: it is
 * either what the report does not say (票价) or everyday wording (帮了), so it should lower the
 * coverage without swamping it. The focus rule and the answer type catch the first kind.
 */
export const UNKNOWN_SHARE = 0.5;

/**
 * A single character that nothing in the corpus matches weighs this share of the rarest word's
 * rarity: alone it is mostly an everyday verb or particle (去, 坐, 用), not what the report is about.
 */
export const UNKNOWN_CHARACTER_SHARE = 0.25;

/** The least length of a modifier taken for a name that an answer must hold (see Scorer.modifierHeld). */
export const MIN_NAME_CHARACTERS = 3;

/** The least focus score of a one-character focus (see Scorer.focusScore). */
export const SINGLE_CHARACTER_FOCUS = 0.5;

/** A measure word that counts (条, 种, 期, 个…): not a unit of time or an ordinal's (年, 月, 日, 号). */
const COUNTING_MEASURE = new RegExp(`^[${[...MEASURE_WORDS].filter((ch) => !'年月日天号'.includes(ch)).join('')}]`, 'u');

/** IDF as BM25 computes it. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Which of a question's tokens a text holds, by token index (see {@link Scorer.presence}): 1 in the
 * text, HEADLINE_CREDIT only in its section's headline, else 0. A text made of pieces (a window of
 * clauses) holds what any of its pieces holds: its presence is their element-wise maximum.
 */
export type Presence = readonly number[];

/** A question's scorer over one corpus: coverage of texts, the words matched, the focus's match. */
export interface Scorer extends Coverage {
  /** The groups a text matches, shown as typed, with the word that matched when it differs (school → 学校). */
  matched(text: TextView): string[];
  /** How well a text matches the question's focus (0-1), or 1 when the question has none. */
  focusScore(text: TextView, headline?: TextView): number;
  /**
   * False when a figure of the question's own (第2批, s11, 2019) is not in a text, given by its
   * presence (see Coverage.presence): a figure names one thing among its like, so a text without it
   * is about another.
   */
  figuresHeld(present: Presence): boolean;
  /**
   * False when the question's modifier (the word its focus belongs to) is a name of the corpus (a
   * word of MIN_NAME_CHARACTERS or more that the corpus has) that a text, given by its presence,
   * does not hold: 螺简路投资了多少钱 is not answered by another project's 投资. Shorter modifiers
   * are as often adverbs or verbs (直接报销, 办执照) that reports word otherwise; they only lower the
   * focus score (see focusOf).
   */
  modifierHeld(present: Presence): boolean;
  /**
   * False when a word of the question's own, of two characters or more, is nowhere in the corpus
   * (电影, 快递, 股市, France) and a text matches no other such word of the question (itself or
   * through a word of two characters or more that stands for it): what it shares with the question
   * is single characters (到, 部, 资 for "capital") or a stand-in for one (涨 → 增长). The question
   * is about something the reports do not hold.
   */
  contentHeld(present: Presence): boolean;
  /**
   * True when a text, given by its presence, holds every word of the question of two characters or
   * more (itself, or a word of two characters or more that stands for it: 德眉资 for 德阳, 轨道交通
   * for subway; a dictionary neighbour is a guess, and holds nothing): what a passage must hold to
   * mention a topic (成都的房价 is not mentioned by a passage that names 成都 and no 房价), in its text,
   * not only in its section's headline. Single characters are left out: they are particles or parts
   * of words.
   */
  wordsHeld(present: Presence): boolean;

  /** The share of the question's weight that is words the corpus has nothing for. */
  unknownShare: number;
  /** The question's groups' weights, in group order (see the formula above). */
  weights: readonly number[];
  /** {@link Coverage.coverageOf} with other weights of the same groups (a report's: see groupWeights). */
  coverageWeighted(weights: readonly number[]): (present: Presence) => number;
}

/** An alternative with its tokens as indexes into the question's distinct tokens. */
interface IndexedAlternative {
  alternative: Alternative;
  tokens: number[];
}

/** Whether a corpus (its document frequencies) has a token of an alternative that retrieval uses. */
function knownIn(df: Frequencies, alternative: Alternative): boolean {
  return alternative.retrieval !== false && alternative.tokens.some((token) => (df.get(token) ?? 0) > 0);
}

/** Whether nothing in a corpus matches a group. */
function unknownIn(df: Frequencies, group: TermGroup): boolean {
  return !group.alternatives.some((alternative) => knownIn(df, alternative));
}

/**
 * The weights w_g of a question's groups in a corpus of `passages` passages with these document
 * frequencies (see the formula above), in group order.
 */
export function groupWeights(query: AnalyzedQuery, df: Frequencies, passages: number): number[] {
  const idfOf = (token: string): number => idf(df.get(token) ?? 0, passages);
  const mean = (tokens: string[]): number => tokens.reduce((sum, token) => sum + idfOf(token), 0) / tokens.length;
  const rarest = idf(0, passages);
  return query.groups.map((group) => {
    let rarity: number;
    if (unknownIn(df, group)) rarity = (isHanCharacter(group.label) ? UNKNOWN_CHARACTER_SHARE : UNKNOWN_SHARE) * rarest;
    else if (group.translated || group.unknown) rarity = Math.max(...group.alternatives.filter((alternative) => knownIn(df, alternative)).map((alternative) => mean(alternative.tokens)));
    else rarity = mean(group.alternatives[0]!.tokens);
    return group.focus && !group.aspect ? FOCUS_WEIGHT * rarity : rarity;
  });
}

/** Builds the scorer of an analyzed question, given the corpus's document frequencies. */
export function scorer(query: AnalyzedQuery, df: Frequencies, passages: number): Scorer {
  const unknownGroup = (group: TermGroup): boolean => unknownIn(df, group);
  const weights = groupWeights(query, df, passages);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const unknownWeight = query.groups.reduce((sum, group, i) => sum + (unknownGroup(group) ? weights[i]! : 0), 0);

  // each distinct token is looked up once per text; groups read the lookups by index
  const tokens: string[] = [];
  const indexOf = new Map<string, number>();
  // by group position: scoring a text reads every group's, for every passage and clause
  const indexed: IndexedAlternative[][] = query.groups.map((group) =>
    group.alternatives.map((alternative) => ({
      alternative,
      tokens: alternative.tokens.map((token) => {
        let at = indexOf.get(token);
        if (at === undefined) indexOf.set(token, (at = tokens.push(token) - 1));
        return at;
      }),
    })),
  );
  const indexedOf = (group: TermGroup): IndexedAlternative[] => indexed[query.groups.indexOf(group)]!;
  const presence = (text: TextView, headline?: TextView): Presence => {
    // a plain array: small typed arrays each get an ArrayBuffer, which V8 collects far more slowly
    const present = new Array<number>(tokens.length).fill(0);
    for (let i = 0; i < tokens.length; i++) {
      if (contains(text, tokens[i]!)) present[i] = 1;
      else if (headline && contains(headline, tokens[i]!)) present[i] = HEADLINE_CREDIT;
    }
    return present;
  };

  /** The group's best score in a text; `via` receives the alternative that gave it, when asked. */
  const groupScore = (alternatives: readonly IndexedAlternative[], present: Presence, via?: { alternative?: Alternative }): number => {
    let best = 0;
    for (const { alternative, tokens: at } of alternatives) {
      let found = 0;
      for (let k = 0; k < at.length; k++) found += present[at[k]!]!;
      const score = (alternative.weight * found) / at.length;
      if (score > best) {
        best = score;
        if (via) via.alternative = alternative;
      }
    }
    return best;
  };
  let focus = query.groups.find((group) => group.focus);
  // an English phrase's head the corpus has no word for (media outlets) leaves the focus to the
  // last word of the phrase it does know (media)
  if (focus?.focusPhrase && unknownGroup(focus)) focus = query.groups.filter((group) => group.focusPhrase && !unknownGroup(group)).pop() ?? focus;
  // a one-character focus (开 in 开了几次, 修 in 修了多长) is mostly a verb the report words
  // otherwise: weak evidence either way
  const singleCharacterFocus = focus !== undefined && isHanCharacter(focus.label);

  const focusAlternatives = focus ? indexedOf(focus) : undefined;
  const modifier = query.groups.find((group) => group.modifier);
  const modifierAlternatives = modifier ? indexedOf(modifier) : undefined;
  const nameModifier = modifier !== undefined && !unknownGroup(modifier) && [...modifier.label].length >= MIN_NAME_CHARACTERS;
  // "1" is mostly 一个 said in passing (扫一个码), not a figure that names something
  // a count said in passing (三条河, 分成两种, 3期: a number then a measure word) describes the question's
  // subject; only a figure that names something (第2批, S11, 1457年, 3号线) must be held
  const counted = (i: number): boolean => /^\d+$/.test(query.groups[i]!.label) && query.groups[i - 1]?.label !== '第' && COUNTING_MEASURE.test(query.groups[i + 1]?.label ?? '');
  const figures = query.groups.filter((group, i) => !group.inherited && !group.translated && /\d/.test(group.label) && group.label !== '1' && !counted(i)).map(indexedOf);
  const weightedCoverage = (by: readonly number[], byTotal: number, present: Presence): number => {
    if (byTotal === 0) return 0;
    let sum = 0;
    for (let i = 0; i < indexed.length; i++) sum += by[i]! * groupScore(indexed[i]!, present);
    return sum / byTotal;
  };
  const coverageOf = (present: Presence): number => weightedCoverage(weights, total, present);
  // a word of the question's own (not an earlier question's), two characters or more, that the
  // corpus has no token of
  const absentOwnWord = query.groups.some((group) => {
    const own = group.alternatives[0]!.tokens;
    return !group.inherited && [...group.label].length > 1 && own.length > 0 && own.every((token) => (df.get(token) ?? 0) === 0);
  });
  // a group a text holds through a word of two characters or more (its own or an alternative)
  // (a dictionary neighbour of a word the corpus lacks counts only beside a word the question itself
  // says: 蓍 + 别名 ~ 又名 holds the content; 容量 ~ 身份 alone, or 保险 ~ 确定 alone, is a guess)
  const held = ({ tokens: at }: IndexedAlternative, present: Presence): boolean => at.length > 0 && at.every((k) => present[k]! > 0);
  const strongMatch = (alternatives: readonly IndexedAlternative[], present: Presence, besideOwn: boolean): boolean =>
    alternatives.some((item) => item.alternative.retrieval !== false && (besideOwn || !item.alternative.neighbour) && [...item.alternative.word].length > 1 && held(item, present));
  const ownHeld = (present: Presence): boolean => query.groups.some((group, i) => !group.translated && !group.inherited && indexed[i]![0] !== undefined && held(indexed[i]![0]!, present));
  const focusOf = (present: Presence): number => {
    if (!focusAlternatives) return 1;
    let score = groupScore(focusAlternatives, present);
    // what the focus belongs to must be there too: 市域列车票价 is not answered by a bus fare
    if (modifierAlternatives) score = Math.min(score, groupScore(modifierAlternatives, present));
    return singleCharacterFocus ? Math.max(score, SINGLE_CHARACTER_FOCUS) : score;
  };
  return {
    weights,
    unknownShare: total === 0 ? 0 : unknownWeight / total,
    presence,
    coverageOf,
    coverageWeighted: (by) => {
      const byTotal = by.reduce((sum, weight) => sum + weight, 0);
      return (present) => weightedCoverage(by, byTotal, present);
    },
    focusOf,
    of: (text, headline) => coverageOf(presence(text, headline)),
    matched(text) {
      const present = presence(text);
      return query.groups.flatMap((group, i) => {
        const via: { alternative?: Alternative } = {};
        // partial matches of single characters explain nothing to a reader
        const word = groupScore(indexed[i]!, present, via) > 0 && via.alternative?.retrieval !== false ? via.alternative?.word : undefined;
        if (word === undefined) return [];
        return [word === group.label ? group.label : `${group.label} → ${word}`];
      });
    },
    figuresHeld: (present) => figures.every((alternatives) => groupScore(alternatives, present) > 0),
    contentHeld: (present) => {
      if (!absentOwnWord) return true;
      const besideOwn = ownHeld(present);
      return query.groups.some((group, i) => [...group.label].length > 1 && strongMatch(indexed[i]!, present, besideOwn));
    },
    wordsHeld: (present) => {
      // in the text itself: a section's headline names what its passages are about, not what each says
      const said = present.map((value) => (value === 1 ? 1 : 0));
      let words = 0;
      for (let i = 0; i < indexed.length; i++) {
        if ([...query.groups[i]!.label].length < 2) continue;
        words++;
        if (!strongMatch(indexed[i]!, said, false)) return false;
      }
      return words > 0;
    },
    modifierHeld: (present) => !nameModifier || groupScore(modifierAlternatives!, present) > 0,
    focusScore: (text, headline) => focusOf(presence(text, headline)),
  };
}

/**
 * The share of a word's weight, when the answering window of a passage is chosen, that comes from
 * how rare the word is within the passage's own report (the rest from its rarity in the whole
 * corpus). A report names its subject in nearly every passage (长谷川町子, 都安县): across the
 * corpus that name is rare and outweighs the rest of the question, within the report it says
 * nothing of which sentence answers, and the question's other words (从师于, 焦点) do. Equal parts:
 * a window is still chosen for the subject a question names when the report names others.
 */
export const REPORT_WEIGHT_SHARE = 0.5;

/**
 * A coverage whose weights blend the corpus's and a report's (see REPORT_WEIGHT_SHARE): the
 * report's weights are the same question's groups weighed within the report (groupWeights), and a
 * text's presence is the same for both.
 */
export function blendedCoverage(corpus: Scorer, reportWeights: readonly number[], share = REPORT_WEIGHT_SHARE): Coverage {
  const mix = (a: number, b: number): number => a * (1 - share) + b * share;
  const report = corpus.coverageWeighted(reportWeights);
  const coverageOf = (present: Presence): number => mix(corpus.coverageOf(present), report(present));
  return {
    of: (text, headline) => coverageOf(corpus.presence(text, headline)),
    presence: (text, headline) => corpus.presence(text, headline),
    coverageOf,
    focusOf: (present) => corpus.focusOf(present),
  };
}
