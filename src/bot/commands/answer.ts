import { ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { askEach, briefReport, briefSection, REPORT_BRIEF_POINTS, SECTION_BRIEF_POINTS, sectionLabel, type AskResult, type Reports, type SectionRef, type Turn } from '../../core/index.js';
import { LIMITS, truncate } from '../discord/limits.js';
import { parseCustomId } from '../discord/custom-id.js';
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
  // a message of several questions (成资S3线开工了吗?动车每天多少对?) gets each one's answer
  const asked = askEach(engine, question, { ...(scope ? { documentId: scope.documentId, section: scope.section.number } : {}), history });
  const outcomes = asked.map(({ question: part, result }) => outcomeOf(part, result, scope, engine, lang));
  return outcomes.length === 1 ? outcomes[0]! : together(question, outcomes);
}

/** The outcome of one question's result (see answer). */
function outcomeOf(question: string, result: AskResult, scope: SectionRef | undefined, engine: Reports, lang: Lang): Outcome {
  // small talk asks nothing: it is not logged as a question the reports did not answer
  if (result.smallTalk) return { reply: answerReply(result, engine, lang), found: false, smallTalk: result.smallTalk };
  // 详细说说 after an answer: the section that answer stands in, as /section shows it; the conversation keeps its passage
  if (result.expands) {
    const passage = engine.passage(result.expands)!;
    return { reply: sectionReply(engine, passage.documentId, passage.section.number, 0, lang), found: false, answerPassageId: passage.id };
  }
  // 这篇报道是哪天发的, 分为哪几部分: the reports' front matter or headings, nothing quoted
  if (result.record) return { reply: recordReply(result, engine, lang), found: false };
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
 * The outcome of a message of several questions: each question's reply in order (its embeds, which
 * name their question, and its line), their buttons once each but More results (a row is left for
 * 👍/👎; Follow up finds its question by the passage it carries), and one
 * entry of the question log for the message: found when every question was answered, at the least
 * confidence of theirs.
 */
function together(message: string, parts: readonly Outcome[]): Outcome {
  const content = parts.map((part) => part.reply.content).filter(Boolean).join('\n');
  const embeds = parts.flatMap((part) => part.reply.embeds ?? []).slice(0, LIMITS.embedsPerMessage);
  const seen = new Set<string>();
  const buttons = parts
    .flatMap((part) => (part.reply.components ?? []).flatMap((row) => row.components))
    .filter((button) => {
      const key = 'url' in button ? `url:${button.url}` : 'custom_id' in button ? button.custom_id : '';
      // More results reads the message's first question: of several, it could not tell which
      if (seen.has(key) || parseCustomId(key).kind === 'more') return false;
      seen.add(key);
      return true;
    });
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let at = 0; at < buttons.length && rows.length < LIMITS.actionRows - 1; at += BUTTONS_PER_ROW) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(at, at + BUTTONS_PER_ROW) });
  const confidences = parts.map((part) => part.asked?.confidence).filter((confidence): confidence is number => typeof confidence === 'number');
  const lastAnswered = [...parts].reverse().find((part) => part.answerPassageId !== undefined);
  return {
    reply: { ...(content ? { content: truncate(content, LIMITS.content) } : {}), ...(embeds.length ? { embeds } : {}), ...(rows.length ? { components: rows } : {}) },
    passageIds: [...new Set(parts.flatMap((part) => part.passageIds ?? []))],
    found: parts.every((part) => part.found === true),
    ...(lastAnswered ? { answerPassageId: lastAnswered.answerPassageId! } : {}),
    asked: { question: message, confidence: confidences.length ? Math.min(...confidences) : null, report: parts.find((part) => part.asked?.report)?.asked?.report ?? null },
  };
}

/** Buttons in one action row (Discord's limit). */
const BUTTONS_PER_ROW = 5;

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
