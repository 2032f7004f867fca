import { ButtonStyle, ComponentType, TextInputStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { newestFirst, recordsOf, sectionLabel, type AskResult, type BriefSection, type Reports, type Passage, type RankedPassage } from '../../core/index.js';
import { t, type Lang } from './i18n.js';
import { escapeUserText, LIMITS, truncate, wellFormed } from '../discord/limits.js';
import type { Reply } from './reply.js';
import { CUSTOM_ID, EXPECTED_FIELD, FOLLOW_UP_FIELD, MAX_EXPECTED_CHARS, PAGE_CHARS, SNIPPET_CHARS } from '../discord/custom-id.js';

const COLOR = 0x2f7dd1;
const MUTED = 0x8a8f98;

/** Report text, made safe for Markdown; `spans` (into `text`) are bolded. */
export function boldSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += escapeUserText(text.slice(at, start)) + `**${escapeUserText(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeUserText(text.slice(at));
}

function citationLine(engine: Reports, passage: Passage): string {
  const { source } = engine.documents.get(passage.documentId)!;
  return `${escapeUserText(source.title)} · ${escapeUserText(sectionLabel(passage.section))} · \`${passage.id}\``;
}

function sourceFooter(engine: Reports, passage: Passage): APIEmbed['footer'] {
  const { source } = engine.documents.get(passage.documentId)!;
  return { text: truncate(`${source.publisher} · ${source.date}`, LIMITS.footer) };
}

function button(customId: string, label: string, style = ButtonStyle.Secondary): APIButtonComponent | null {
  if (customId.length > LIMITS.customId) return null;
  return { type: ComponentType.Button, custom_id: customId, label: truncate(label, LIMITS.buttonLabel), style } as APIButtonComponent;
}

/** The source's link button; none for a link Discord would refuse (over 512 characters, not http(s)). */
function linkButton(engine: Reports, passage: Passage): APIButtonComponent | null {
  const { source } = engine.documents.get(passage.documentId)!;
  if (source.url.length > LIMITS.linkUrl || !/^https?:\/\//i.test(source.url)) return null;
  return { type: ComponentType.Button, style: ButtonStyle.Link, url: source.url, label: truncate(`${source.publisher} ${source.date}`, LIMITS.buttonLabel) };
}

function row(...buttons: Array<APIButtonComponent | null>): APIActionRowComponent<APIButtonComponent>[] {
  const present = buttons.filter((b): b is APIButtonComponent => b !== null);
  return present.length ? [{ type: ComponentType.ActionRow, components: present.slice(0, 5) }] : [];
}

function passageField({ passage }: Pick<RankedPassage, 'passage'>): APIEmbedField {
  return {
    name: truncate(`${sectionLabel(passage.section)} · ${passage.id}`, LIMITS.fieldName),
    value: truncate(escapeUserText(truncate(passage.text, SNIPPET_CHARS)), LIMITS.fieldValue),
  };
}

/** The question as the embed's author line: shown raw (author names render no Markdown or mentions). */
function questionAuthor(question: string): APIEmbed['author'] {
  return { name: truncate(wellFormed(question).replace(/\s+/g, ' '), LIMITS.authorName) };
}

/**
 * For words matched through the glossary, the lexicon, the dictionary or a typo correction, a small
 * line saying what they matched; for a follow-up, the earlier question's words it used.
 */
function matchedLine(result: AskResult, lang: Lang): string {
  const mapped = result.matchedTerms.filter((term) => term.includes(' → '));
  const lines = [
    ...(mapped.length ? [`-# ${t(lang, 'matched')}: ${mapped.map((term) => escapeUserText(term)).join(' · ')}`] : []),
    ...(result.context.length ? [`-# ${t(lang, 'context')}: ${result.context.map((term) => escapeUserText(term)).join(' · ')}`] : []),
  ];
  return lines.length ? `\n${lines.join('\n')}` : '';
}

/**
 * The reply to /ask: the answer with matched words in bold, its citation, the source as a link
 * button, up to two related passages, and the Show passage / More results buttons. When nothing
 * was found: says so and lists the nearest sections.
 */
export function answerReply(result: AskResult, engine: Reports, lang: Lang, scope = ''): Reply {
  // small talk gets one friendly line with a hint, never a sentence or a passage of a report; a
  // question about the bot itself gets /help's text or /sources' list
  if (result.smallTalk === 'help') return { embeds: helpReply(lang).embeds! };
  if (result.smallTalk === 'sources') return sourcesReply(engine, lang);
  const line = { thanks: 'smallTalkThanks', farewell: 'smallTalkFarewell', feedback: 'smallTalkFeedback', greeting: 'smallTalkGreeting', praise: 'smallTalkPraise' } as const;
  if (result.smallTalk) return { content: t(lang, line[result.smallTalk]) };
  if (!result.found || result.answer === null || !result.passages[0]) {
    const nearest = result.nearestSections.map(({ section }) => `• ${escapeUserText(sectionLabel(section))}${section.headline ? ` — ${escapeUserText(section.headline)}` : ''}`);
    const description = [t(lang, 'notFound'), ...(nearest.length ? ['', `**${t(lang, 'nearest')}**`, ...nearest, '', t(lang, 'tryBrowsing')] : [])].join('\n');
    // the best passage is still shown, marked as not an answer, so the user can judge for themselves
    const closest = result.passages[0];
    const fields: APIEmbedField[] = closest ? [{ ...passageField(closest), name: truncate(`${t(lang, 'closest')} · ${closest.passage.id}`, LIMITS.fieldName) }] : [];
    return { embeds: [{ color: MUTED, author: questionAuthor(result.query), description: truncate(description, LIMITS.embedDescription), fields }] };
  }
  const best = result.passages[0].passage;
  const fields: APIEmbedField[] = [{ name: t(lang, 'citation'), value: truncate(citationLine(engine, best), LIMITS.fieldValue) }];
  const related = result.passages.slice(1, 3);
  if (related.length) {
    fields.push(...related.map((ranked, i) => ({ ...passageField(ranked), name: truncate(`${i === 0 ? `${t(lang, 'related')}: ` : ''}${sectionLabel(ranked.passage.section)} · ${ranked.passage.id}`, LIMITS.fieldName) })));
  }
  return {
    embeds: [
      {
        color: COLOR,
        author: questionAuthor(result.query),
        title: t(lang, 'answer'),
        description: truncate(`> ${boldSpans(result.answer, result.highlights)}${matchedLine(result, lang)}`, LIMITS.embedDescription),
        fields,
        footer: sourceFooter(engine, best),
      },
    ],
    components: row(
      linkButton(engine, best),
      button(CUSTOM_ID.passage(best.id), t(lang, 'showPassage')),
      button(CUSTOM_ID.more(scope), t(lang, 'moreResults')),
      button(CUSTOM_ID.followUp(best.id), t(lang, 'followUp'), ButtonStyle.Primary),
    ),
  };
}

/** A modal of one text field, every text cut to Discord's limits. */
function oneFieldModal(customId: string, title: string, field: { id: string; label: string; placeholder: string; style: TextInputStyle; required: boolean; maxLength: number }): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: truncate(title, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: field.id, label: truncate(field.label, LIMITS.textInputLabel), style: field.style, required: field.required, max_length: field.maxLength, placeholder: truncate(field.placeholder, LIMITS.textInputPlaceholder) }],
      },
    ],
  };
}

/** The modal of the Ask a follow-up button: one line for the question. */
export function followUpModal(passageId: string, lang: Lang): APIModalInteractionResponseCallbackData {
  return oneFieldModal(CUSTOM_ID.followUpModal(passageId), t(lang, 'followUpTitle'), { id: FOLLOW_UP_FIELD, label: t(lang, 'followUpLabel'), placeholder: t(lang, 'followUpPlaceholder'), style: TextInputStyle.Short, required: true, maxLength: MAX_FOLLOW_UP_CHARS });
}

/**
 * The reply with 👍 and 👎 buttons for its answer (a row of their own, so that the answer's own
 * buttons keep their places); unchanged when the message has no room for another row.
 */
export function withFeedback(reply: Reply, answerId: string): Reply {
  const rows = reply.components ?? [];
  if (rows.length >= LIMITS.actionRows) return reply;
  const feedback = row(
    { type: ComponentType.Button, custom_id: CUSTOM_ID.vote('up', answerId), emoji: { name: '👍' }, style: ButtonStyle.Secondary },
    { type: ComponentType.Button, custom_id: CUSTOM_ID.vote('down', answerId), emoji: { name: '👎' }, style: ButtonStyle.Secondary },
  );
  return { ...reply, components: [...rows, ...feedback] };
}

/** The 👎 modal: what the user expected instead, optional, at most 300 characters. */
export function expectedModal(answerId: string, lang: Lang): APIModalInteractionResponseCallbackData {
  return oneFieldModal(CUSTOM_ID.voteComment(answerId), t(lang, 'expectedTitle'), { id: EXPECTED_FIELD, label: t(lang, 'expectedLabel'), placeholder: t(lang, 'expectedPlaceholder'), style: TextInputStyle.Paragraph, required: false, maxLength: MAX_EXPECTED_CHARS });
}

/** The longest follow-up the modal accepts (as /ask's question option). */
export const MAX_FOLLOW_UP_CHARS = 200;

/** A whole passage, for the Show passage button (only the presser sees it). */
export function passageReply(engine: Reports, passage: Passage | undefined, lang: Lang): Reply {
  if (!passage) return { content: t(lang, 'unknownPassage'), ephemeral: true };
  return {
    ephemeral: true,
    embeds: [
      {
        color: COLOR,
        title: truncate(`${sectionLabel(passage.section)} · ${passage.id}`, LIMITS.embedTitle),
        description: truncate(escapeUserText(passage.text), LIMITS.embedDescription),
        fields: [{ name: t(lang, 'citation'), value: truncate(citationLine(engine, passage), LIMITS.fieldValue) }],
        footer: sourceFooter(engine, passage),
      },
    ],
    components: row(linkButton(engine, passage)),
  };
}

/** The results after the first three, for the More results button (only the presser sees it). */
export function moreReply(result: AskResult, lang: Lang): Reply {
  const rest = result.passages.slice(3);
  if (!rest.length) return { content: t(lang, 'noMore'), ephemeral: true };
  return {
    ephemeral: true,
    embeds: [{ color: COLOR, author: questionAuthor(result.query), title: t(lang, 'moreTitle'), fields: rest.map((ranked) => passageField(ranked)) }],
  };
}

/** Splits blocks of text into pages of at most PAGE_CHARS, never splitting a block unless it alone is too long. */
export function paginate(blocks: string[], max = PAGE_CHARS): string[] {
  const pages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const piece = truncate(block, max);
    if (current && current.length + 2 + piece.length > max) {
      pages.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current) pages.push(current);
  return pages.length ? pages : [''];
}

function pagedReply(title: string, pages: string[], page: number, kind: 'section' | 'brief', scope: string, lang: Lang, footer?: APIEmbed['footer']): Reply {
  const index = Math.min(Math.max(page, 0), pages.length - 1);
  const embed: APIEmbed = { color: COLOR, title: truncate(title, LIMITS.embedTitle), description: pages[index] };
  const pageNote = pages.length > 1 ? ` · ${t(lang, 'page', { page: index + 1, pages: pages.length })}` : '';
  if (footer || pageNote) embed.footer = { text: truncate(`${footer?.text ?? ''}${pageNote}`.replace(/^ · /, ''), LIMITS.footer) };
  const nav =
    pages.length > 1
      ? row(
          index > 0 ? button(CUSTOM_ID.page(kind, scope, index - 1), t(lang, 'previous')) : null,
          index < pages.length - 1 ? button(CUSTOM_ID.page(kind, scope, index + 1), t(lang, 'next')) : null,
        )
      : [];
  return { embeds: [embed], components: nav };
}

/** /section: a section's keyword, headline and passages, in pages. */
export function sectionReply(engine: Reports, documentId: string, number: number, page: number, lang: Lang): Reply {
  const passages = engine.sectionPassages(documentId, number);
  const first = passages[0];
  if (!first) return { content: t(lang, 'unknownSection'), ephemeral: true };
  const { section } = first;
  const blocks = [
    ...(section.headline ? [`**${escapeUserText(section.headline)}**`] : []),
    ...passages.map((passage) => `\`${passage.id}\`\n${escapeUserText(passage.text)}`),
  ];
  return pagedReply(sectionLabel(section), paginate(blocks), page, 'section', `${documentId}#${number}`, lang, sourceFooter(engine, first));
}

/** /brief: each section's headline and its key sentences, each cited, in pages. */
export function briefReply(title: string, groups: Array<{ header?: string; sections: BriefSection[] }>, scope: string, page: number, lang: Lang): Reply {
  const blocks = groups.flatMap(({ header, sections }) => [
    // with several reports, each begins with its own header: title, publisher, date
    ...(header ? [`__**${escapeUserText(header)}**__`] : []),
    ...sections.map(({ section, points }) =>
      [
        `**${escapeUserText(sectionLabel(section))}**${section.headline ? ` — ${escapeUserText(section.headline)}` : ''}`,
        ...points.map((point) => `• ${escapeUserText(point.text)} \`${point.passageId}\``),
      ].join('\n'),
    ),
  ]);
  return pagedReply(t(lang, 'briefTitle', { title }), paginate(blocks), page, 'brief', scope, lang);
}

/** The reply when a section number or keyword is in several reports: which one is meant. */
export function whichReportReply(choices: ReadonlyArray<{ documentId: string; section: { number: number; keyword: string } }>, engine: Reports, lang: Lang): Reply {
  const lines = choices.map(({ documentId, section }) => `• \`${documentId}#${section.number}\` — ${escapeUserText(engine.documents.get(documentId)?.source.title ?? documentId)} · ${escapeUserText(section.keyword)}`);
  return { content: truncate(`${t(lang, 'whichReport')}\n${lines.join('\n')}`, LIMITS.content), ephemeral: true };
}

/** /sources: each report with publisher, date, link and passage count. */
export function sourcesReply(engine: Reports, lang: Lang, own: ReadonlySet<string> = new Set()): Reply {
  const documents = newestFirst(engine);
  const fields = documents.slice(0, LIMITS.embedFields).map((document) => ({
    name: truncate(`${document.source.title}${own.has(document.id) ? ` (${t(lang, 'sourcesOwn')})` : ''}`, LIMITS.fieldName),
    value: truncate(
      `${escapeUserText(document.source.publisher)} · ${document.source.date} · ${t(lang, 'passages', { count: engine.passages.filter((p) => p.documentId === document.id).length })}\n${document.source.url}\n\`${document.id}\``,
      LIMITS.fieldValue,
    ),
  }));
  return { embeds: [{ color: COLOR, title: t(lang, 'sourcesTitle'), fields }] };
}

/**
 * The reply to a question about a report's record (这篇报道是哪天发的, 谁写的这篇, 原文链接, 分为哪几部分):
 * each report asked about with its publisher, date and link, the one asked for in bold, or with its
 * numbered sections. Nothing of a report's text is quoted: these are its front matter and headings.
 */
export function recordReply(result: AskResult, engine: Reports, lang: Lang): Reply {
  const record = result.record!;
  const reports = recordsOf(engine, record);
  const shown = reports.slice(0, LIMITS.embedFields);
  const asked = (field: typeof record.field, text: string): string => (record.field === field ? `**${text}**` : text);
  const fields = shown.map((report) => ({
    name: truncate(report.title, LIMITS.fieldName),
    value: truncate(
      record.field === 'sections'
        ? report.sections!.length
          ? report.sections!.map((section) => `• ${escapeUserText(sectionLabel(section))}${section.headline && section.headline !== section.keyword ? ` — ${escapeUserText(section.headline)}` : ''}`).join('\n')
          : t(lang, 'recordNoSections')
        : [`${t(lang, 'recordPublisher')}: ${asked('publisher', escapeUserText(report.publisher))}`, `${t(lang, 'recordDate')}: ${asked('date', report.date)}`, `${t(lang, 'recordLink')}: ${asked('url', report.url)}`].join('\n'),
      LIMITS.fieldValue,
    ),
  }));
  const more = reports.length - shown.length;
  return { embeds: [{ color: COLOR, author: questionAuthor(result.query), title: t(lang, reports.length > 1 ? 'recordTitleMany' : 'recordTitle'), fields, ...(more > 0 ? { footer: { text: t(lang, 'recordMore', { count: more }) } } : {}) }] };
}

/**
 * The reply to a question asking where the reports say something (哪篇报告提到了地铁, 有没有提到房价): the
 * passages that mention the topic, each under its report and section with its id, or one line saying
 * that no report here does (a gap the team can fill).
 */
export function locateReply(result: AskResult, engine: Reports, lang: Lang): Reply {
  const topic = escapeUserText(truncate(result.locate ?? '', 100));
  if (!result.passages.length) return { content: truncate(t(lang, 'locateNone', { topic }), LIMITS.content) };
  const fields = result.passages.map((ranked) => {
    const { source } = engine.documents.get(ranked.passage.documentId)!;
    return { ...passageField(ranked), name: truncate(`${source.title} · ${sectionLabel(ranked.passage.section)} · ${ranked.passage.id}`, LIMITS.fieldName) };
  });
  return {
    embeds: [{ color: COLOR, author: questionAuthor(result.query), title: truncate(t(lang, 'locateTitle', { topic }), LIMITS.embedTitle), fields }],
    components: row(...result.passages.slice(0, 5).map(({ passage }) => button(CUSTOM_ID.passage(passage.id), truncate(`${t(lang, 'showPassage')} ${passage.id}`, LIMITS.buttonLabel)))),
  };
}

/** /help. */
export function helpReply(lang: Lang): Reply {
  return { embeds: [{ color: COLOR, title: t(lang, 'helpTitle'), description: truncate(t(lang, 'help'), LIMITS.embedDescription) }], ephemeral: true };
}

/** A plain ephemeral notice (errors, cooldown). */
export function notice(text: string): Reply {
  return { content: truncate(text, LIMITS.content), ephemeral: true };
}
