import type { TypeCheck } from '../language/answer-kinds.js';
import { extractAnswer, type Coverage, type Extract, type Extractable } from './extraction.js';
import type { Scorer } from '../search/scoring.js';

/**
 * The answer: for the best few ranked passages, the answering clauses (extraction), whether they
 * hold what was asked for (the type check), how well the passage matches the question's focus, and
 * from these a calibrated confidence. The most confident passage answers, unless even it is below
 * ANSWER_AT: then the engine abstains.
 */

/** How many of the best-ranked passages are tried as the answer's source (more on a tie: see answerCandidates). */
export const ANSWER_CANDIDATES = 3;
/**
 * The most passages tried when more than ANSWER_CANDIDATES cover the question exactly as much as the
 * best one: coverage cannot tell them apart, so each is tried (the one holding what was asked for
 * answers), not the first three only.
 */
export const TIED_CANDIDATES_MAX = 8;

/** How many of the ranked passages, given by their coverages (best-ranked first), are tried as the answer's source. */
export function answerCandidates(coverages: readonly number[]): number {
  let tied = 1;
  while (tied < coverages.length && tied < TIED_CANDIDATES_MAX && coverages[tied] === coverages[0]) tied++;
  return Math.min(coverages.length, Math.max(ANSWER_CANDIDATES, tied));
}
/**
 * The least focus score of an answer that holds the kind of answer its question's focus names: a
 * list question's (哪些) answer that lists (its items joined by 、), whose focus is the class of what
 * is listed (支流, 平台, 磨难), which the list names by its items and may not name itself; and a
 * why-question's answer that gives a reason (…为由, 因为…), when its focus is 原因 or 理由.
 */
export const LISTED_FOCUS = 0.5;
/** The least confidence an answer is given with (README, "Confidence"). */
export const ANSWER_AT = 0.5;

/** What confidence is computed from. */
export interface AnswerFeatures {
  /** Share of the question's weighted words the passage covers (0-1). */
  coverage: number;
  /** How well the passage matches the question's focus (0-1; 1 without a focus). */
  focus: number;
  /** False when the question asks for a kind of answer (who, when, how much money...) the answer does not hold. */
  typeHolds: boolean;
  /** Share of the question's weight that is words the corpus has nothing for (0-1). */
  unknown: number;
  /** False when a figure the question names (第2批, S11) is not in the passage. */
  figuresHeld: boolean;
  /**
   * False when the name the question's focus belongs to (螺简路 in 螺简路投资了多少钱) is a word of
   * the corpus but not of the passage: the passage gives another thing's 投资.
   */
  modifierHeld: boolean;
  /** False when the passage shares only single characters with a question about a word the corpus lacks (Scorer.contentHeld). */
  contentHeld: boolean;
  /** Share of the question's weighted words the answer itself (the sentence shown) covers (0-1; see ANSWER_COVERAGE_FULL). */
  answerCoverage: number;
}

/**
 * Logistic model of "the answer is right" for answers that hold what was asked for, fitted on the
 * dev sets (`npm run eval -- --calibrate`, see README "Confidence"): intercept, then the weights of
 * coverage, focus and the unknown share.
 */
export const CONFIDENCE_MODEL = { intercept: -1.62, coverage: 3.93, focus: 2.88, unknown: -1.89 } as const;

/**
 * The confidence of an answer that lacks the kind of filler its question asks for (who, when, how
 * much money...), a figure the question names, or the name its focus belongs to: such an answer is
 * withheld whatever else it matches (a near miss: the report names the thing but does not say what
 * was asked). Measured share right of such answers on the dev sets: below 0.1.
 */
export const TYPE_MISSING_CONFIDENCE = 0.05;

/**
 * An answer whose own sentence covers less of the question than this (its passage may cover more)
 * is right about 0.8 of the time whatever the model's score (measured on every dev set, README
 * "Confidence"): its confidence is at most PARTIAL_ANSWER_CONFIDENCE.
 */
export const ANSWER_COVERAGE_FULL = 0.65;
/** The most confidence an answer covering less than ANSWER_COVERAGE_FULL of the question is given. */
export const PARTIAL_ANSWER_CONFIDENCE = 0.85;

/** The calibrated probability that an answer with these features is right. */
export function confidenceOf(features: AnswerFeatures, model: typeof CONFIDENCE_MODEL = CONFIDENCE_MODEL): number {
  if (!features.typeHolds || !features.figuresHeld || !features.modifierHeld || !features.contentHeld) return TYPE_MISSING_CONFIDENCE;
  const z = model.intercept + model.coverage * features.coverage + model.focus * features.focus + model.unknown * features.unknown;
  const p = 1 / (1 + Math.exp(-z));
  return features.answerCoverage < ANSWER_COVERAGE_FULL ? Math.min(p, PARTIAL_ANSWER_CONFIDENCE) : p;
}

/** Whether the figures a question names are in a passage, or in the earlier parts of its paragraph (民国35年…同年11月). */
function figuresHeldIn(source: AnswerSource, scorer: Scorer): boolean {
  if (scorer.figuresHeld(source.present)) return true;
  const earlier = source.earlier?.() ?? [];
  return earlier.length > 0 && scorer.figuresHeld(source.present.map((value, k) => Math.max(value, ...earlier.map((part) => part[k]!))));
}

/** A ranked passage as the answer step sees it. */
export interface AnswerSource {
  /** The passage's text, verbatim. */
  text: string;
  coverage: number;
  /** Which of the question's tokens the passage and its headline hold (Scorer.presence). */
  present: readonly number[];
  prepared: Extractable;
  /** How the answering window is chosen in this passage, when not by the question's scorer (see blendedCoverage). */
  within?: Coverage;
  /** The report it is from: passages of one report that cover a question alike are told apart by their answering windows (see decide). */
  report?: string;
  /** The share of the question the passage says verbatim in one run (large corpora; see ORDER_SHARE in engine.ts). */
  order?: number;
  /** What the earlier parts of its paragraph hold of the question's tokens (one presence each), when the paragraph was split: asked for only when needed. */
  earlier?: () => ReadonlyArray<readonly number[]>;
}

/** The chosen answer. */
export interface Decision {
  /** Which of the sources answers. */
  source: number;
  extract: Extract;
  confidence: number;
  features: AnswerFeatures;
}

/**
 * A lower-ranked passage may answer instead of the best one only when the best lacks what was
 * asked for, and only when it covers at least this share of what the best covers.
 */
export const FALLBACK_COVERAGE = 0.75;

/**
 * Chooses the answer: the best-ranked source (of those from its report that cover the question as
 * much, the one whose answering window scores best), unless it lacks the kind of filler the question asks
 * for (a figure in 公里, a date...), or the defining clause a what-is question asks for
 * (TypeCheck.ranksSources), and one of the next (the sources given: see answerCandidates) holds it while
 * covering nearly as much. Undefined when there is no source.
 *
 * @param focusIsKind - the question's focus names the kind of answer it asks for (哪些 + a class;
 *   原因, 理由): an answer that holds the kind (see LISTED_FOCUS) has its focus score raised to LISTED_FOCUS
 */
export function decide(sources: readonly AnswerSource[], scorer: Scorer, types: TypeCheck, focusIsKind = false): Decision | undefined {
  // a source is judged once, though both the tie and the fallback below may ask for it
  const judged = new Map<number, Decision>();
  const judge = (source: AnswerSource, i: number): Decision => {
    const known = judged.get(i);
    if (known) return known;
    const extract = extractAnswer(source.text, types, source.within ?? scorer, source.prepared);
    const focus = scorer.focusOf(source.present);
    const features: AnswerFeatures = {
      coverage: source.coverage,
      focus: focusIsKind && types.bonus(extract.view.normalized) > 0 ? Math.max(focus, LISTED_FOCUS) : focus,
      typeHolds: types.holds(extract.view.normalized),
      unknown: scorer.unknownShare,
      figuresHeld: figuresHeldIn(source, scorer),
      modifierHeld: scorer.modifierHeld(source.present),
      contentHeld: scorer.contentHeld(source.present),
      answerCoverage: scorer.coverageOf(scorer.presence(extract.view)),
    };
    const decision = { source: i, extract, confidence: confidenceOf(features), features };
    judged.set(i, decision);
    return decision;
  };
  const first = sources[0];
  if (!first) return undefined;
  let best = judge(first, 0);
  // passages of one report that cover the question alike (its subject and the same few words) are
  // told apart by their answering windows: the best-scoring window answers. A tie decides between
  // answers, it does not turn a withheld one into an answer: with the best withheld, none is judged
  for (let i = 1; i < Math.min(sources.length, ANSWER_CANDIDATES) && best.confidence >= ANSWER_AT; i++) {
    const source = sources[i]!;
    if (source.coverage !== first.coverage || source.report === undefined || source.report !== first.report) continue;
    // on a large corpus the passage that says more of the question in one verbatim run ranks first
    // (Engine, ORDER_SHARE): that is no tie
    if ((source.order ?? 0) < (first.order ?? 0)) continue;
    const other = judge(source, i);
    if (other.confidence >= ANSWER_AT && other.extract.score > best.extract.score) best = other;
  }
  // a what-is question's defining clause (X是…) is evidence enough to prefer a passage that has one
  const defines = (decision: Decision): boolean => types.ranksSources === true && types.bonus(decision.extract.view.normalized) > 0;
  if (best.features.typeHolds && (types.ranksSources !== true || defines(best))) return best;
  for (let i = 1; i < sources.length; i++) {
    const source = sources[i]!;
    if (source.coverage < FALLBACK_COVERAGE * first.coverage) continue;
    // an extract is a run of the passage's clauses, and what was asked for never spans a clause's
    // edge: a passage none of whose clauses holds it cannot answer, and is not extracted
    if (!source.prepared.clauses.some((clause) => types.holds(clause.view.normalized))) continue;
    const other = judge(source, i);
    if (other.features.typeHolds && (!best.features.typeHolds || defines(other))) return other;
  }
  return best;
}
