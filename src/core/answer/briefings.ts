import type { Reports } from '../library.js';
import { splitClauses, splitSentences } from '../corpus/passages.js';
import type { Passage, ReportDocument, Section } from '../types.js';

/** Key sentences a report's briefing quotes of each of its sections. */
export const REPORT_BRIEF_POINTS = 3;
/** Key sentences a briefing of one section quotes. */
export const SECTION_BRIEF_POINTS = 8;
/** The longest key sentence quoted in a briefing; longer sentences are quoted by their clauses. */
const MAX_POINT_CHARS = 120;
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|万|亿)?/gu;

/** One quoted point of a briefing, verbatim from its passage. */
export interface BriefPoint {
  text: string;
  passageId: string;
}

/** A section of a briefing: its heading and its key points. */
export interface BriefSection {
  documentId: string;
  section: Section;
  points: BriefPoint[];
}

/** Pieces of a passage short enough to quote: its sentences, or the clause runs of a long one. */
function quotable(passage: Passage): string[] {
  return splitSentences(passage.text).flatMap((sentence) => {
    if (sentence.length <= MAX_POINT_CHARS) return [sentence.trim()];
    const pieces: string[] = [];
    let current = '';
    for (const clause of splitClauses(sentence)) {
      if (current && current.length + clause.length > MAX_POINT_CHARS) {
        pieces.push(current);
        current = '';
      }
      current += clause;
    }
    if (current) pieces.push(current);
    return pieces.map((piece) => piece.replace(/[，,、；;：:]+$/u, '').trim());
  });
}

/** How much a piece says in figures: the facts a team briefing is after. */
function weight(text: string): number {
  const figures = text.match(FIGURE)?.length ?? 0;
  return figures * 10 - text.length / 50;
}

/**
 * A briefing of one report section: its `count` most figure-rich sentences, quoted verbatim, in
 * the order they stand in the report.
 */
export function briefSection(engine: Reports, documentId: string, section: Section, count: number): BriefSection {
  const candidates = engine.sectionPassages(documentId, section.number).flatMap((passage) =>
    quotable(passage)
      .filter((text) => text.length > 0)
      .map((text) => ({ text, passageId: passage.id, weight: weight(text) })),
  );
  const chosen = new Set(
    [...candidates]
      .map((candidate, index) => ({ ...candidate, index }))
      .sort((a, b) => b.weight - a.weight || a.index - b.index)
      .slice(0, count)
      .map((candidate) => candidate.index),
  );
  return {
    documentId,
    section,
    points: candidates.filter((_, index) => chosen.has(index)).map(({ text, passageId }) => ({ text, passageId })),
  };
}

/**
 * A team briefing of a report: for each keyword section (not the lead) its headline and `count`
 * key sentences with figures, each with the passage it is quoted from.
 */
export function briefReport(engine: Reports, document: ReportDocument, count = REPORT_BRIEF_POINTS): BriefSection[] {
  return document.sections.filter((section) => section.number > 0).map((section) => briefSection(engine, document.id, section, count));
}
