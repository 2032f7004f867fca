import type { TypeCheck } from './answer-type.js';
import { extractAnswer, type Extract, type Extractable } from './extract.js';
import type { Scorer } from './scoring.js';
import type { TextView } from './view.js';

/**
 * The answer: for the best few ranked passages, the answering clauses (extraction), whether they
 * hold what was asked for (the type check), how well the passage matches the question's focus, and
 * from these a calibrated confidence. The most confident passage answers, unless even it is below
 * ANSWER_AT: then the engine abstains.
 */

/** How many of the best-ranked passages are tried as the answer's source. */
export const ANSWER_CANDIDATES = 3;
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
  /** How well the passage matches the question's anchor, its weightiest other word (0-1). */
  anchor: number;
}

/**
 * Logistic model of "the answer is right" for answers that hold what was asked for, fitted on the
 * dev sets (`npm run eval -- --calibrate`, see README "Confidence"): intercept, then the weights of
 * coverage, focus and the unknown share.
 */
export const CONFIDENCE_MODEL = { intercept: -2.22, coverage: 5.7, focus: 0.9, unknown: -1.73, anchor: 0 } as const;

/**
 * The confidence of an answer that lacks the kind of filler its question asks for (who, when, how
 * much money...): such an answer is withheld whatever else it matches (a near miss: the report
 * names the thing but does not say what was asked). Measured share right of such answers on the
 * dev sets: below 0.1.
 */
export const TYPE_MISSING_CONFIDENCE = 0.05;

/** The calibrated probability that an answer with these features is right. */
export function confidenceOf(features: AnswerFeatures, model: typeof CONFIDENCE_MODEL = CONFIDENCE_MODEL): number {
  if (!features.typeHolds) return TYPE_MISSING_CONFIDENCE;
  const z = model.intercept + model.coverage * features.coverage + model.focus * features.focus + model.unknown * features.unknown + model.anchor * features.anchor;
  return 1 / (1 + Math.exp(-z));
}

/** A ranked passage as the answer step sees it. */
export interface AnswerSource {
  /** The passage's text, verbatim. */
  text: string;
  coverage: number;
  view: TextView;
  headline: TextView;
  prepared: Extractable;
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
 * Chooses the answer among the best-ranked sources (at most ANSWER_CANDIDATES): the one with the
 * highest confidence, ties to the better rank. Undefined when there is no source.
 */
export function decide(sources: readonly AnswerSource[], scorer: Scorer, types: TypeCheck): Decision | undefined {
  let best: Decision | undefined;
  sources.slice(0, ANSWER_CANDIDATES).forEach((source, i) => {
    const extract = extractAnswer(source.text, types, scorer, source.prepared);
    const features: AnswerFeatures = {
      coverage: source.coverage,
      focus: scorer.focusScore(source.view, source.headline),
      typeHolds: types.holds(extract.view.normalized),
      unknown: scorer.unknownShare,
      anchor: scorer.anchorScore(source.view, source.headline),
    };
    const confidence = confidenceOf(features);
    if (!best || confidence > best.confidence + 1e-9) best = { source: i, extract, confidence, features };
  });
  return best;
}
