import { MAX_TYPE_BONUS, type TypeCheck } from '../language/answer-kinds.js';
import { normalizeText } from '../language/normalize.js';
import { splitClauses } from '../corpus/passages.js';
import { tag } from '../language/tagger.js';
import { joinViews, viewOf, type IndexedView, type TextView } from './view.js';

/** The longest run of clauses considered as one answer. */
const MAX_CLAUSES = 3;
/** Score lost per character, so that of two equally good answers the shorter wins. */
export const LENGTH_PENALTY = 0.003;
const TRAILING = /[，,、：:；;\s]+$/u;
const LEADING = /^[，,、：:；;\s]+/u;

/** How a question's groups are weighed and matched: shared by passage ranking and extraction. */
export interface Coverage {
  /** Share (0-1) of the question's weighted groups that a text covers (headline words count less). */
  of(text: TextView, headline?: TextView): number;
  /**
   * Which of the question's tokens a text holds (one number per token; see Presence in
   * scoring.ts). Computed once per clause, it scores every window over the clauses.
   */
  presence(text: TextView, headline?: TextView): readonly number[];
  /** {@link Coverage.of} from a presence. */
  coverageOf(present: readonly number[]): number;
  /** How well a text matches the question's focus (0-1; 1 without a focus), from a presence. */
  focusOf(present: readonly number[]): number;
}

/** What it is worth when a window holds the question's focus: the answer is about what was asked. */
export const FOCUS_BONUS = 0.1;

/** The part of a passage chosen as the answer, with its place in the passage text. */
export interface Extract {
  text: string;
  start: number;
  end: number;
  score: number;
  /** How the matcher sees the answer (its clauses' views: the edge commas hold no token). */
  view: TextView;
  /** Where the answering window stands in `text` ([start, end) code units): the whole of it, or the part of its sentence that answers, shown in bold. */
  part: [number, number];
}

/** A clause of a passage: its text, where it starts, and how the matcher sees it. */
export interface Clause {
  text: string;
  start: number;
  view: IndexedView;
}

/** A run of one to MAX_CLAUSES consecutive clauses of a passage: one candidate answer. */
export interface Window {
  /** Indexes of its first and last clause. */
  first: number;
  last: number;
  /** Its text without the commas at its edges (verbatim from the passage), and where that starts. */
  text: string;
  start: number;
  view: TextView;
}

/**
 * A passage made ready for {@link extractAnswer}: its clauses and every window over them. It does
 * not depend on the question, so it is worth keeping per passage.
 */
export interface Extractable {
  clauses: Clause[];
  windows: Window[];
}

/** The clauses and windows of a passage (see {@link Extractable}). */
export function extractableOf(passage: string): Extractable {
  let offset = 0;
  const clauses = splitClauses(passage).map((text) => {
    const clause = { text, start: offset, view: viewOf(normalizeText(text)) };
    offset += text.length;
    return clause;
  });
  const windows: Window[] = [];
  for (let first = 0; first < clauses.length; first++) {
    for (let last = first; last < Math.min(clauses.length, first + MAX_CLAUSES); last++) {
      const raw = passage.slice(clauses[first]!.start, clauses[last]!.start + clauses[last]!.text.length);
      const text = raw.replace(TRAILING, '').replace(LEADING, '');
      if (!text) continue;
      const view = first === last ? clauses[first]!.view : joinViews(clauses.slice(first, last + 1).map((clause) => clause.view));
      windows.push({ first, last, text, start: clauses[first]!.start + raw.indexOf(text), view });
    }
  }
  return { clauses, windows };
}

/**
 * Picks the run of clauses of a passage that best answers the question: most of the question
 * covered, what was asked for (a figure, an organization...) beyond the question's own words, and
 * no longer than it needs to be. The result is a verbatim substring of `passage`, without the commas
 * at its edges.
 */
export function extractAnswer(passage: string, types: TypeCheck, coverage: Coverage, prepared: Extractable = extractableOf(passage)): Extract {
  // a window holds a token when one of its clauses does (a token never spans a clause's edge), so
  // the tokens are looked up once per clause and a window's presence is its clauses' maximum
  const clausePresence = prepared.clauses.map((clause) => coverage.presence(clause.view));
  const present: number[] = new Array<number>(clausePresence[0]?.length ?? 0).fill(0);
  const holds = clausePresence.map((tokens) => tokens.some((value) => value > 0));
  // which clauses hold the question's focus: read only for a question that asks for the subject (below)
  const holdsFocus = types.subjectSlot ? clausePresence.map((tokens, k) => holds[k]! && coverage.focusOf(tokens) > 0) : [];
  // most windows hold none of the question's words: they all match the same, computed once
  const nothing = coverage.coverageOf(present) + FOCUS_BONUS * coverage.focusOf(present);
  const candidates = prepared.windows.map((window, order) => {
    let matched = nothing;
    let any = false;
    for (let k = window.first; k <= window.last; k++) any ||= holds[k]!;
    if (any) {
      // the question's words are matched within one sentence: a window across a sentence's end
      // matches as well as its better part (words said of two things do not add up)
      matched = -Infinity;
      for (let from = window.first; from <= window.last; ) {
        let to = from;
        while (to < window.last && !FULL_STOP.test(prepared.clauses[to]!.text)) to++;
        present.fill(0);
        for (let k = from; k <= to; k++) {
          const clause = clausePresence[k]!;
          for (let i = 0; i < present.length; i++) if (clause[i]! > present[i]!) present[i] = clause[i]!;
        }
        matched = Math.max(matched, coverage.coverageOf(present) + FOCUS_BONUS * coverage.focusOf(present));
        from = to + 1;
      }
    }
    return { window, order, base: matched - LENGTH_PENALTY * window.text.length };
  });
  // what was asked for is looked for clause by clause (a figure with its unit never spans a comma);
  // a window holds it when one of its clauses does. Each clause's check (regular expressions) is
  // made only for windows that could still win with the largest bonus, best-matching first.
  const clauseBonus: Array<number | undefined> = [];
  const bonusOf = (k: number): number => (clauseBonus[k] ??= types.bonus(prepared.clauses[k]!.view.normalized));
  candidates.sort((a, b) => b.base - a.base || a.order - b.order);
  let best: (typeof candidates)[number] | undefined;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    if (candidate.base + MAX_TYPE_BONUS < bestScore) break;
    let bonus = 0;
    // the subject a question asks for (谁首先阐释…, 谁负责…) stands before what is said of it, or in its
    // clause (…，由市园林局负责管护): a clause after the last one holding the question's focus (the word
    // after 谁) holds no subject of it
    let upTo = candidate.window.last;
    if (types.subjectSlot) while (upTo > candidate.window.first && !holdsFocus[upTo]) upTo--;
    for (let k = candidate.window.first; k <= upTo; k++) bonus = Math.max(bonus, bonusOf(k));
    const score = candidate.base + bonus;
    // of equal scores, the window that comes first in the passage, as a plain scan would pick
    if (score > bestScore || (score === bestScore && best !== undefined && candidate.order < best.order)) {
      best = candidate;
      bestScore = score;
    }
  }
  // a passage of punctuation only has no window: it is its own answer
  if (!best) return { text: passage, start: 0, end: passage.length, score: bestScore, view: joinViews(prepared.clauses.map((clause) => clause.view)), part: [0, passage.length] };
  return sentenceOf(passage, prepared, best.window, bestScore, types.subjectSlot === true, bonusOf, types.describes === true ? DESCRIBING_ANSWER_CHARS : SENTENCE_ANSWER_CHARS);
}

/** An answer is the whole sentence that holds the best window, unless that sentence is longer than this. */
export const SENTENCE_ANSWER_CHARS = 80;
/**
 * …or than this, when the question asks why or how (TypeCheck.describes): the account that answers
 * it is the sentence, and its window alone gives a cause without what it caused, or the other way round.
 */
export const DESCRIBING_ANSWER_CHARS = 120;
/** A long sentence's answering window grows by its neighbouring clauses up to this many characters. */
export const GROWN_ANSWER_CHARS = 60;
/** What may close a sentence after its final mark: quotes and brackets. */
const CLOSERS = String.raw`[”’"'）)」』】]*$`;
const SENTENCE_END = new RegExp(`[。！？!?；;]${CLOSERS}`, 'u');
/** The end of a sentence that goes on to another subject (a semicolon's second part still speaks of the first's). */
const FULL_STOP = new RegExp(`[。！？!?]${CLOSERS}`, 'u');
/** How long an answer may grow by the sentence before it when that sentence names the subject a question asks for (TypeCheck.subjectSlot). */
export const SUBJECT_ANSWER_CHARS = 140;
/** A clause that refers to its subject rather than naming it. */
const PRONOUN_START = /^\s*(?:他|她|它|其|该|此|这|這|該)/u;
/** A clause that names what it speaks of by pointing back (瀧川的这一主张, 上述著作): what it points to was named before. */
const REFERS_BACK = /这一|这些|这项|这种|上述|该[\p{Script=Han}]/u;

/** A clause that opens on an adverb, a verb or a conjunction (首度阐释了…, 因此…): its subject was named before it. */
function opensOnPredicate(normalized: string): boolean {
  const opening = tag(normalized.trimStart()).find((word) => word.word.trim());
  return opening !== undefined && /^(?:d|v|c)$/u.test(opening.tag);
}

/**
 * The answer a person needs: the sentence the best window stands in, verbatim (a year or a subject
 * said in its other clauses comes with it), or the window alone when that sentence is long.
 */
function sentenceOf(passage: string, prepared: Extractable, window: Window, score: number, subjectSlot: boolean, bonusOf: (clause: number) => number, sentenceChars: number): Extract {
  const { clauses } = prepared;
  let first = window.first;
  while (first > 0 && !SENTENCE_END.test(clauses[first - 1]!.text)) first--;
  let last = window.last;
  while (last < clauses.length - 1 && !SENTENCE_END.test(clauses[last]!.text)) last++;
  // the clauses from `from` to `to` as the passage has them, and without the commas at their edges
  const raw = (from: number, to: number): string => passage.slice(clauses[from]!.start, clauses[to]!.start + clauses[to]!.text.length);
  const span = (from: number, to: number): string => raw(from, to).replace(LEADING, '').replace(/[，,、：:\s]+$/u, '');
  const holdsKind = (from: number, to: number): boolean => {
    for (let k = from; k <= to; k++) if (bonusOf(k) > 0) return true;
    return false;
  };
  // the first clause of the sentence before the one `first` opens
  const sentenceBefore = (): number => {
    let before = first - 1;
    while (before > 0 && !SENTENCE_END.test(clauses[before - 1]!.text)) before--;
    return before;
  };
  if ([...span(first, last)].length > sentenceChars) {
    // a long sentence: the window, with as many of the sentence's clauses around it as fit (the one
    // after first: what a question asks about is mostly said after the words it repeats)
    let from = window.first;
    let to = window.last;
    // what a colon introduces is read with the words before it (主要支流有：…, 女儿：…)
    while (from > first && /[：:]\s*$/u.test(clauses[from - 1]!.text) && [...span(from - 1, to)].length <= GROWN_ANSWER_CHARS) from--;
    for (let grown = true; grown; ) {
      grown = false;
      for (const [f, t] of [[from, to + 1], [from - 1, to]] as const) {
        if (f < first || t > last || [...span(f, t)].length > GROWN_ANSWER_CHARS) continue;
        [from, to] = [f, t];
        grown = true;
        break;
      }
    }
    // a question asking for the subject (哪个城市不仅为…) is answered at the sentence's start: the
    // window reaches back to it when both fit
    if (subjectSlot && from > first && [...span(first, to)].length <= SUBJECT_ANSWER_CHARS) from = first;
    first = from;
    last = to;
  }
  // a sentence that opens on a pronoun (他是…, 该城为…) names its subject in the sentence before:
  // that one comes along when both fit in an answer
  if (first > 0 && (PRONOUN_START.test(clauses[first]!.text) || (subjectSlot && (opensOnPredicate(clauses[first]!.view.normalized) || REFERS_BACK.test(clauses[first]!.view.normalized))))) {
    const before = sentenceBefore();
    if ([...span(before, last)].length <= (subjectSlot ? SUBJECT_ANSWER_CHARS : SENTENCE_ANSWER_CHARS)) first = before;
  }
  // what was asked for (a year, a name) said once in the sentence before (民国二年，…。自此…): that
  // sentence comes along when the answer holds nothing of the kind and both fit
  if (first > 0 && !holdsKind(first, last)) {
    const before = sentenceBefore();
    if (holdsKind(before, first - 1) && [...span(before, last)].length <= SUBJECT_ANSWER_CHARS) first = before;
  }
  const text = span(first, last);
  if ((first === window.first && last === window.last) || !text) {
    return { text: window.text, start: window.start, end: window.start + window.text.length, score, view: window.view, part: [0, window.text.length] };
  }
  const start = clauses[first]!.start + raw(first, last).indexOf(text);
  const part: [number, number] = [window.start - start, window.start - start + window.text.length];
  return { text, start, end: start + text.length, score, view: joinViews(clauses.slice(first, last + 1).map((clause) => clause.view)), part };
}
