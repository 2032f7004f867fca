import { briefReport, briefSection, REPORT_BRIEF_POINTS, SECTION_BRIEF_POINTS, sectionLabel, type Reports, type Turn } from '../../core/index.js';
import { answerReply, briefReply, locateReply, notice, recordReply, sectionReply, whichReportReply } from '../render/format.js';
import { t, type Lang } from '../render/i18n.js';
import type { Outcome, Reply } from '../render/reply.js';
import { findSections, resolveSection } from './sections.js';

/**
 * What several commands and handlers share (slash commands, the context menu, chat, buttons): kept
 * here so that no command borrows from another's file.
 */

/**
 * Answers a question with the report's own sentence: shared by /ask, the context menu, chat
 * messages and follow-ups (with `history`, the conversation's earlier turns).
 */
export function answer(question: string, sectionValue: string | undefined, engine: Reports, lang: Lang, history: readonly Turn[] = []): Outcome {
  if (!question.trim()) return { reply: notice(t(lang, 'emptyQuestion')) };
  const scope = sectionValue ? resolveSection(engine, sectionValue) : undefined;
  if (sectionValue && !scope) return { reply: notice(t(lang, 'unknownSection')) };
  const result = engine.ask(question, { ...(scope ? { documentId: scope.documentId, section: scope.section.number } : {}), history });
  // small talk asks nothing: it is not logged as a question the reports did not answer
  if (result.smallTalk) return { reply: answerReply(result, engine, lang), found: false, smallTalk: result.smallTalk };
  // 详细说说 after an answer: the section that answer stands in, as /section shows it; the conversation keeps its passage
  if (result.expands) {
    const passage = engine.passage(result.expands)!;
    return { reply: sectionReply(engine, passage.documentId, passage.section.number, 0, lang), found: false, answerPassageId: passage.id };
  }
  // 这篇报道是哪天发的, 分为哪几部分: the reports' front matter or headings, nothing quoted
  if (result.record) return { reply: recordReply(result.record, engine, lang), found: false };
  // 哪篇报告提到了地铁: the passages that mention it, or that none does (logged: a gap when none does)
  if (result.locate !== undefined) {
    return { reply: locateReply(result, engine, lang), passageIds: result.passages.map(({ passage }) => passage.id), found: result.passages.length > 0, asked: { question, confidence: null, report: result.passages[0]?.passage.documentId ?? null } };
  }
  // a request to sum up gets the briefing /brief gives: of the section it names (总结一下交通方面;
  // which report's, when several have one of that name), else of its scope (总结一下, 这篇报告讲了什么)
  if (result.overview) {
    const named = result.overviewSections ?? [];
    if (named.length > 1) return { reply: whichReportReply(named, engine, lang), found: false };
    const target = named[0] ?? scope;
    return { reply: renderBrief(engine, target ? `${target.documentId}#${target.section.number}` : '', 0, lang), found: false };
  }
  return {
    reply: answerReply(result, engine, lang, scope ? `${scope.documentId}#${scope.section.number}` : ''),
    passageIds: result.passages.map(({ passage }) => passage.id),
    found: result.found,
    ...(result.found && result.citations[0] ? { answerPassageId: result.citations[0].passageId } : {}),
    asked: { question, confidence: result.passages.length ? result.confidence : null, report: result.passages[0]?.passage.documentId ?? null },
  };
}

/**
 * The briefing for a scope, at a page: `''` for every report (each under its own header), a
 * document id for one report, or `<document id>#<section>` for one section in more depth.
 */
export function renderBrief(engine: Reports, scope: string, page: number, lang: Lang): Reply {
  const report = engine.documents.get(scope);
  if (!scope || report) {
    const documents = report ? [report] : [...engine.documents.values()];
    const several = documents.length > 1;
    const groups = documents.map((document) => ({
      ...(several ? { header: `${document.source.title} · ${document.source.publisher} · ${document.source.date}` } : {}),
      sections: briefReport(engine, document, REPORT_BRIEF_POINTS),
    }));
    return briefReply(documents.map((document) => document.source.title).join(' / '), groups, scope, page, lang);
  }
  const choices = findSections(engine, scope);
  if (choices.length === 0) return notice(t(lang, 'unknownSection'));
  if (choices.length > 1) return whichReportReply(choices, engine, lang);
  const [choice] = choices as [(typeof choices)[number]];
  const brief = briefSection(engine, choice.documentId, choice.section, SECTION_BRIEF_POINTS);
  return briefReply(sectionLabel(choice.section), [{ sections: [brief] }], `${choice.documentId}#${choice.section.number}`, page, lang);
}
