import type { APIEmbedField } from 'discord.js';
import type { GapGroup, GapsQuery, GapsReport } from '../../store/index.js';
import { t, type Lang } from './i18n.js';
import { escapeUserText, LIMITS, truncate } from '../discord/limits.js';
import type { Reply } from './reply.js';

/** Answers given below this confidence are listed as low-confidence (answers start at 0.5: README, "Confidence"). */
export const LOW_CONFIDENCE_BELOW = 0.7;
/** Entries per list: enough to act on, within an embed field. */
export const GAPS_PER_LIST = 10;
/** The days /gaps and `npm run gaps` look back without `days`. */
export const DEFAULT_GAPS_DAYS = 30;
export const MAX_GAPS_DAYS = 3650;

/** The store query for one server's (null: DMs') last `days` days, optionally one report. */
export function gapsQuery(guild: string | null, days: number, report: string | undefined, now: number = Date.now()): GapsQuery {
  return { guild, since: now - days * 86_400_000, report, lowConfidenceBelow: LOW_CONFIDENCE_BELOW, limit: GAPS_PER_LIST };
}

const percent = (confidence: number | undefined): string => (confidence === undefined ? '' : ` · ${Math.round(confidence * 100)}%`);

/** Lines of a gaps report, as plain text (the terminal) or Markdown-safe text (Discord). */
function sections(report: GapsReport, lang: Lang, safe: (text: string) => string): Array<{ title: string; lines: string[] }> {
  const group = (g: GapGroup) => `${g.count}× ${safe(g.example)}${percent(g.confidence)}`;
  const noText = report.totals.notFound - report.unanswered.reduce((sum, g) => sum + g.count, 0);
  return [
    { title: t(lang, 'gapsUnanswered'), lines: [...report.unanswered.map(group), ...(report.unanswered.length === 0 && noText > 0 ? [t(lang, 'gapsNoText', { count: noText })] : [])] },
    { title: t(lang, 'gapsLow'), lines: report.lowConfidence.map(group) },
    {
      title: t(lang, 'gapsDown'),
      lines: report.downVotes.map((d) => `${d.count}× ${d.question === null ? `\`${d.answerId}\`` : safe(d.question)}${d.passageIds[0] ? ` → ${d.passageIds[0]}` : ''}${d.comments.length ? `\n   “${d.comments.map(safe).join('” “')}”` : ''}`),
    },
  ];
}

function heading(report: GapsReport, days: number, lang: Lang, reportTitle?: string): { title: string; totals: string } {
  const { totals } = report;
  return {
    title: t(lang, 'gapsTitle', { days, report: reportTitle ? ` · ${reportTitle}` : '' }),
    totals: t(lang, 'gapsTotals', { questions: totals.questions, notFound: totals.notFound, low: totals.lowConfidence, up: totals.up, down: totals.down }),
  };
}

/** /gaps: the totals and three lists, each within a field's limit; only the asker sees it. */
export function gapsReply(report: GapsReport, days: number, lang: Lang, reportTitle?: string): Reply {
  const { title, totals } = heading(report, days, lang, reportTitle);
  const fields: APIEmbedField[] = sections(report, lang, escapeUserText).map(({ title: name, lines }) => ({ name: truncate(name, LIMITS.fieldName), value: truncate(lines.length ? lines.join('\n') : t(lang, 'gapsNone'), LIMITS.fieldValue) }));
  return { ephemeral: true, embeds: [{ color: 0xd18b2f, title: truncate(title, LIMITS.embedTitle), description: totals, fields }] };
}

/** `npm run gaps`: the same as /gaps, as text. */
export function gapsText(report: GapsReport, days: number, lang: Lang): string {
  const { title, totals } = heading(report, days, lang);
  const blocks = sections(report, lang, (text) => text.replace(/\s+/g, ' ')).map(({ title: name, lines }) => [`${name}:`, ...(lines.length ? lines.map((line) => `  ${line}`) : [`  ${t(lang, 'gapsNone')}`])].join('\n'));
  return [title, totals, '', blocks.join('\n\n')].join('\n');
}
