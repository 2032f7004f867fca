import { normalizeText } from './normalize.js';
import { MEASURE_WORDS } from './numerals.js';
import { splitClauses } from './passages.js';
import type { AnalyzedQuery, AnswerType } from './query.js';
import { viewOf, type TextView } from './view.js';

/** The longest run of clauses considered as one answer. */
const MAX_CLAUSES = 3;
/** Score lost per character, so that of two equally good answers the shorter wins. */
const LENGTH_PENALTY = 0.003;
/**
 * What it is worth when the clauses hold, beyond the question's own words, the kind of thing asked
 * for: a figure for an amount (twice with the unit asked for), an organization for "who", a place
 * for "where", a date for "when".
 */
const TYPE_BONUS = 0.15;
const TYPE_MARKERS: Record<Exclude<AnswerType, 'amount'>, RegExp> = {
  agent: /院|大学|学校|部门|政府|委员会|发展改革委|局|办公室|公司|集团|中心|小组|协会|联盟|机构|媒体|企业|记者/u,
  place: /省|市|县|区|镇|村|地区|地带|江|河|山|园/u,
  time: /\d+年|\d+月|\d+日|昨日|今年|去年|明年|年底|年初/u,
};
const HAN = /\p{Script=Han}/u;
const TRAILING = /[，,、：:；;\s]+$/u;
const LEADING = /^[，,、：:；;\s]+/u;

/** How a question's groups are weighed and matched: shared by passage ranking and extraction. */
export interface Coverage {
  /** Share (0-1) of the question's weighted groups that a text covers (headline words count less). */
  of(text: TextView, headline?: TextView): number;
}

/** The part of a passage chosen as the answer, with its place in the passage text. */
export interface Extract {
  text: string;
  start: number;
  end: number;
  score: number;
}

/** A normalized text with the question's own words blanked out, so that only new information counts. */
function beyondQuestion(normalized: string, questionTokens: readonly string[]): string {
  let rest = normalized;
  for (const token of questionTokens) if (token.length > 1 || !HAN.test(token)) rest = rest.replaceAll(token, ' ');
  return rest;
}

function typeBonus(normalized: string, query: AnalyzedQuery, questionTokens: readonly string[]): number {
  if (!query.expects) return 0;
  const rest = beyondQuestion(normalized, questionTokens);
  if (query.expects !== 'amount') return TYPE_MARKERS[query.expects].test(rest) ? 2 * TYPE_BONUS : 0;
  if (!/\d/.test(rest)) return 0;
  const measure = query.measure ?? `[${MEASURE_WORDS}%]`;
  const withMeasure = new RegExp(`\\d[\\d.,]*(?:万|亿)?(?:余|多)?${measure}`, 'u');
  return TYPE_BONUS + (withMeasure.test(rest) ? TYPE_BONUS : 0);
}

/**
 * Picks the run of clauses of a passage that best answers the question: most of the question
 * covered, a figure when an amount is asked for, and no longer than it needs to be. The result is
 * a verbatim substring of `passage`, without the commas at its edges.
 */
export function extractAnswer(passage: string, query: AnalyzedQuery, coverage: Coverage): Extract {
  const clauses = splitClauses(passage);
  const starts: number[] = [];
  let offset = 0;
  for (const clause of clauses) {
    starts.push(offset);
    offset += clause.length;
  }
  const views = clauses.map((clause) => viewOf(normalizeText(clause)));
  const questionTokens = [...query.terms.keys()];
  let best: Extract = { text: passage, start: 0, end: passage.length, score: -Infinity };
  for (let i = 0; i < clauses.length; i++) {
    const tokens = new Set<string>();
    let normalized = '';
    for (let j = i; j < Math.min(clauses.length, i + MAX_CLAUSES); j++) {
      for (const token of views[j]!.tokens) tokens.add(token);
      normalized += views[j]!.normalized;
      const raw = passage.slice(starts[i], starts[j]! + clauses[j]!.length);
      const text = raw.replace(TRAILING, '').replace(LEADING, '');
      if (!text) continue;
      const score = coverage.of({ normalized, tokens }) + typeBonus(normalized, query, questionTokens) - LENGTH_PENALTY * text.length;
      if (score > best.score) {
        const start = starts[i]! + raw.indexOf(text);
        best = { text, start, end: start + text.length, score };
      }
    }
  }
  return best;
}
