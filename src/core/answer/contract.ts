import type { AskResult, Citation, SectionRef } from '../engine.js';
import type { Reports } from '../library.js';
import type { ReportDocument } from '../types.js';
import { briefReport, briefSection, SECTION_BRIEF_POINTS } from './briefings.js';

/** The most reports a request for the whole (AskResult.overview) is briefed on in the contract; the rest are counted. */
export const MAX_BRIEFED_REPORTS = 20;

/** One report's briefing in the contract: each section's key sentences, verbatim, with their passages. */
export interface ContractBriefing {
  documentId: string;
  title: string;
  sections: Array<{ number: number; label: string; keyword: string; headline: string; points: Array<{ text: string; passageId: string }> }>;
}

/** A report's front matter in the contract, with its numbered sections when they were asked for. */
export interface ContractRecord {
  documentId: string;
  title: string;
  publisher: string;
  date: string;
  url: string;
  sections?: Array<{ number: number; label: string; keyword: string; headline: string }>;
}

/**
 * The JSON answer that other tools read (`npm run ask -- --json`). Field names are a contract:
 * change them only with every reader.
 */
export interface ContractAnswer {
  query: string;
  found: boolean;
  answer: string | null;
  /**
   * How likely the answer is right (0-1, calibrated; see README "Confidence"). When `found` is
   * false it is the best passage's, below the answering threshold.
   */
  confidence: number;
  /** Words of the conversation's earlier question that a follow-up's answer used (empty otherwise). */
  context: string[];
  citations: Citation[];
  passages: Array<Omit<Citation, 'source'> & { text: string; score: number }>;
  /**
   * Present when the message was small talk ("greeting", "thanks", "farewell", "praise") or asked about the
   * bot itself ("help", "sources"): found is false and nothing is quoted; for "sources", `reports`
   * lists the reports.
   */
  smallTalk?: string;
  reports?: Array<{ documentId: string; title: string; publisher: string; date: string; url: string }>;
  /**
   * Present when the message asked for the reports as a whole (总结一下, summarize the report): found
   * is false, and `briefing` holds the key sentences of at most MAX_BRIEFED_REPORTS reports
   * (`reportsNotBriefed` counts the others).
   */
  overview?: true;
  /** Present when the message asked for more of the answer just given (详细说说): that answer's passage id; `passages` holds it whole. */
  expands?: string;
  briefing?: ContractBriefing[];
  reportsNotBriefed?: number;
  /**
   * Present when the message asked for a report's own record (这篇报道是哪天发的, 谁写的这篇, 原文链接,
   * 分为哪几部分): `field` is what was asked (date, publisher, title, url, sections), `reports` the
   * reports asked about with their front matter, and for `sections` their numbered sections. found
   * is false: no sentence is quoted.
   */
  record?: { field: string; reports: ContractRecord[] };
  /**
   * Present when the message asked where the reports say something (哪篇报告提到了地铁, 有没有提到房价,
   * which report mentions the metro): the topic. `passages` are those that mention it, empty when no
   * report does; found is false.
   */
  locate?: string;
  /**
   * Present when the message asked several questions (成资S3线开工了吗?动车每天多少对?: see
   * splitQuestions): each question's answer, in order. The message itself then has found true only
   * when every one was answered, confidence the least of theirs, and no answer, citation or passage
   * of its own.
   */
  parts?: ContractAnswer[];
  error?: string;
}

/**
 * Maps an engine result to the JSON contract, keeping exactly its field names.
 * @param reports - what was asked: a request for the whole is briefed from it
 */
export function toContract(result: AskResult, reports?: Reports): ContractAnswer {
  return {
    query: result.query,
    found: result.found,
    answer: result.answer,
    confidence: Math.round(result.confidence * 1e3) / 1e3,
    context: result.context,
    citations: result.citations,
    passages: result.passages.map(({ passage, score }) => ({
      passageId: passage.id,
      documentId: passage.documentId,
      section: { number: passage.section.number, keyword: passage.section.keyword, headline: passage.section.headline },
      text: passage.text,
      score: Math.round(score * 1e4) / 1e4,
    })),
    ...(result.smallTalk ? { smallTalk: result.smallTalk } : {}),
    ...(result.smallTalk === 'sources' && reports ? { reports: newestFirst(reports).map(({ id, source }) => ({ documentId: id, title: source.title, publisher: source.publisher, date: source.date, url: source.url })) } : {}),
    ...(result.expands ? { expands: result.expands } : {}),
    ...(result.locate !== undefined ? { locate: result.locate } : {}),
    ...(result.record && reports ? { record: { field: result.record.field, reports: recordsOf(reports, result.record) } } : {}),
    ...(result.overview ? { overview: true as const, ...(reports ? briefingOf(reports, result.overviewSections) : {}) } : {}),
  };
}

/** The reports, newest first (by their date; then by title): how a list of them is shown (有哪些报告, 最新的报告是哪篇, /sources list). */
export function newestFirst(reports: Reports): ReportDocument[] {
  return [...reports.documents.values()].sort((a, b) => b.source.date.localeCompare(a.source.date) || a.source.title.localeCompare(b.source.title));
}

/** The front matter of the reports a question about a report's record asked of (AskResult.record). */
export function recordsOf(reports: Reports, record: NonNullable<AskResult['record']>): ContractRecord[] {
  return record.documentIds.flatMap((id) => {
    const document = reports.documents.get(id);
    if (!document) return [];
    const { title, publisher, date, url } = document.source;
    const sections = record.field === 'sections' ? { sections: document.sections.filter((section) => section.number > 0).map(({ number, label, keyword, headline }) => ({ number, label, keyword, headline })) } : {};
    return [{ documentId: id, title, publisher, date, url, ...sections }];
  });
}

/** The contract's briefing of the sections named, else of every report (at most MAX_BRIEFED_REPORTS of them). */
function briefingOf(reports: Reports, named?: readonly SectionRef[]): { briefing: ContractBriefing[]; reportsNotBriefed?: number } {
  const documents = [...reports.documents.values()].filter((document) => !named || named.some((ref) => ref.documentId === document.id));
  const briefing = documents.slice(0, MAX_BRIEFED_REPORTS).map((document) => ({
    documentId: document.id,
    title: document.source.title,
    sections: (named ? named.filter((ref) => ref.documentId === document.id).map((ref) => briefSection(reports, document.id, ref.section, SECTION_BRIEF_POINTS)) : briefReport(reports, document)).map(({ section, points }) => ({
      number: section.number,
      label: section.label,
      keyword: section.keyword,
      headline: section.headline,
      points,
    })),
  }));
  const omitted = documents.length - briefing.length;
  return { briefing, ...(omitted > 0 ? { reportsNotBriefed: omitted } : {}) };
}

/** The JSON answer to a message (askEach): its one question's, or each of its questions' under `parts`. */
export function toContractEach(message: string, asked: ReadonlyArray<{ result: AskResult }>, reports?: Reports): ContractAnswer {
  if (asked.length === 1) return toContract(asked[0]!.result, reports);
  const parts = asked.map(({ result }) => toContract(result, reports));
  return { query: message, found: parts.every((part) => part.found), answer: null, confidence: Math.min(...parts.map((part) => part.confidence)), context: [], citations: [], passages: [], parts };
}

/** The contract's shape for a question that could not be asked. */
export function contractError(query: string, error: string): ContractAnswer {
  return { query, found: false, answer: null, confidence: 0, context: [], citations: [], passages: [], error };
}
