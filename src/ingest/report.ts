import { documentIdFor } from '../core/corpus/corpus.js';
import { parseReport } from '../core/corpus/document.js';
import { toPassages } from '../core/corpus/passages.js';
import { DocumentError, squash, type Extracted, type Metadata } from './extract.js';
import { isoDate } from './dates.js';
import { detectSections, type DetectedReport } from './sections.js';

/**
 * A corpus file from an extracted document: front matter from its metadata (flags override, and
 * whatever neither gives is an error naming the flag), sections as detected, validated by the same
 * loader the bot uses.
 */

/** What the user gave on the command line (or the Discord form). */
export interface ImportFlags {
  id?: string;
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

/** A required field nobody could fill: names the flag that fills it. */
export class MissingFieldError extends Error {
  override name = 'MissingFieldError';
  constructor(readonly flags: string[]) {
    super(`${flags.map((flag) => `--${flag}`).join(', ')} ${flags.length === 1 ? 'is' : 'are'} needed: the file does not say ${flags.length === 1 ? 'it' : 'them'}`);
  }
}

/** A field given (by a flag, a form or the file) whose value cannot be used: names the field. */
export class ImportFieldError extends Error {
  override name = 'ImportFieldError';
  constructor(
    readonly field: string,
    /** What is wrong with the value, without the flag's name (a form names its own option). */
    readonly reason: string,
  ) {
    super(`--${field}: ${reason}`);
  }
}

/** A report id: it names the file and stands in passage and button ids. */
export const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The longest link a report may carry: Discord's link buttons take 512 characters. */
export const MAX_LINK_CHARS = 512;

/** Refuses an id that is not a plain file name of letters, digits, ".", "_" and "-" (no "..", no "/"). */
export function checkReportId(id: string): string {
  if (!REPORT_ID.test(id) || id.includes('..')) throw new ImportFieldError('id', 'an id is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  return id;
}

/** Refuses a link that is not http(s) or is longer than {@link MAX_LINK_CHARS}. */
export function checkLink(url: string): string {
  if ([...url].length > MAX_LINK_CHARS) throw new ImportFieldError('url', `the link is ${[...url].length} characters long; at most ${MAX_LINK_CHARS} are accepted`);
  if (!/^https?:\/\/\S+$/i.test(url)) throw new ImportFieldError('url', 'the link must be an http(s) address');
  return url;
}

/** A field read from the document's text or layout, not declared: the admin should check it. */
export interface GuessedField {
  field: string;
  value: string;
  /** Where it was read (the date under the headline, the copyright line…). */
  how: string;
}

/** The corpus file, with what it holds and which fields were guessed, refused or are missing. */
export interface ImportedReport {
  id: string;
  /** The corpus file; it is complete (and may be written) only when `missing` is empty. */
  markdown: string;
  front: Required<Metadata>;
  /** Fields not given by a flag nor declared by the file, but read from its text or layout. */
  guessed: GuessedField[];
  /** Fields taken from the file's declared metadata. */
  fromFile: string[];
  /** Values the file declares that cannot stand (template placeholders, junk), with the reason. */
  refused: Array<{ field: string; value: string; reason: string }>;
  /** The flags still needed: fields that nothing gave. The preview is shown, nothing is written. */
  missing: string[];
  /** How the text was read, when a reader should check it (a scan read by OCR). */
  notes?: string[];
  sections: Array<{ number: number; keyword: string; headline: string }>;
  passages: number;
  characters: number;
}

/** A line of YAML for a value, quoted so that any title reads back as written. */
function yamlValue(value: string): string {
  return JSON.stringify(value);
}

/** Escapes what the corpus format would read as structure in a line of text. */
function asText(text: string): string {
  return text.replace(/^(#+|[-*+]\s|\d+[.)]\s|\|)/, (marker) => `\u200b${marker}`).replace(/\|/g, '｜');
}

/** Stand-ins for missing fields, so that a preview is parsed and counted like the file it will be. */
const STAND_IN: Record<string, string> = { title: '?', publisher: '?', date: '2000-01-01', url: 'https://example.invalid/' };

/**
 * Builds the corpus file of an extracted document. Fields nothing gives are listed in `missing`
 * (the markdown then holds stand-ins and must not be written).
 * @param source - where it came from (a URL, or a file path whose name may give the id)
 * @throws ImportFieldError for a given value that cannot be used (a bad id, date or link)
 * @throws ReportQaError when the document would not load as a report
 */
export function buildReport(extracted: Extracted, flags: ImportFlags, source: { url?: string; fileName?: string }): ImportedReport {
  const detected: DetectedReport = detectSections(extracted.blocks);
  const meta = extracted.meta;
  const guessed: GuessedField[] = [];
  const fromFile: string[] = [];
  // a flag wins; then what the file gives (declared, or read from its layout and marked so); then a guess of the last resort
  const pick = (field: keyof Metadata, flag: string | undefined, lastResort?: { value: string | undefined; how: string }): string | undefined => {
    if (flag) return flag;
    const value = meta[field];
    if (value) {
      const how = extracted.guessed?.[field];
      if (how) guessed.push({ field, value, how });
      else fromFile.push(field);
      return value;
    }
    if (lastResort?.value) guessed.push({ field, value: lastResort.value, how: lastResort.how });
    return lastResort?.value;
  };
  const paragraphs = [...detected.lead, ...detected.sections.flatMap((section) => section.paragraphs)];
  if (paragraphs.length === 0) throw new DocumentError('empty', 'the document holds no text besides its title and page furniture');
  const allText = paragraphs.join('\n');
  const title = pick('title', flags.title, { value: detected.title ?? detected.lead[0], how: 'the first line of the text' });
  const givenDate = flags.date === undefined ? undefined : isoDate(flags.date);
  if (flags.date !== undefined && !givenDate) throw new ImportFieldError('date', `"${flags.date}" is no date: give it as YYYY-MM-DD`);
  // each extractor reads the date where its kind of document gives it (the text by the title included)
  const date = pick('date', givenDate);
  // the title standing as the text's first line is the title, not text; a section keeps one paragraph at least
  // (a lead is never all the text: without sections, detectSections makes it the one section)
  const first = detected.lead.length ? detected.lead : detected.sections[0]?.paragraphs;
  if (title && first?.length && squash(first[0]!) === squash(title) && (first === detected.lead || first.length > 1)) first.shift();
  const publisher = pick('publisher', flags.publisher);
  const url = pick('url', flags.url ?? source.url);
  const language = meta.language?.match(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/) ? meta.language : /\p{Script=Han}/u.test(allText) ? 'zh-CN' : 'en';
  const missing = (['title', 'publisher', 'date', 'url'] as const).filter((field) => !{ title, publisher, date, url }[field]);
  const value = (field: string, given: string | undefined): string => given ?? STAND_IN[field]!;
  const fileStem = source.fileName?.replace(/\.[^.]+$/, '');
  const id = checkReportId(flags.id ?? (fileStem && REPORT_ID.test(fileStem) && !fileStem.includes('..') ? fileStem : documentIdFor(`${value('date', date)}-${value('title', title).slice(0, 12)}`)));
  if (url) checkLink(url);
  const lines = [
    '---',
    `title: ${yamlValue(value('title', title))}`,
    `publisher: ${yamlValue(value('publisher', publisher))}`,
    `date: ${value('date', date)}`,
    `url: ${yamlValue(value('url', url))}`,
    `language: ${language}`,
    '---',
    '',
    ...detected.lead.flatMap((paragraph) => [asText(paragraph), '']),
  ];
  for (const section of detected.sections) {
    const clean = (text: string): string => text.replace(/\|/g, '｜').trim();
    lines.push(`## ${clean(section.label)} | ${clean(section.keyword)} | ${clean(section.headline)}`, '');
    for (const paragraph of section.paragraphs) lines.push(asText(paragraph), '');
  }
  const markdown = `${lines.join('\n').trimEnd()}\n`;
  // the same loader as the bot's: an import that would not load is an error now, not at start-up
  const document = parseReport(markdown, `${id}.md`, id);
  const passages = toPassages(document);
  return {
    id,
    markdown,
    front: { title: value('title', title), publisher: value('publisher', publisher), date: value('date', date), url: value('url', url), language },
    guessed,
    fromFile,
    refused: extracted.refused ?? [],
    missing: [...missing],
    ...(extracted.notes?.length ? { notes: extracted.notes } : {}),
    sections: document.sections.filter((section) => section.number > 0).map(({ number, keyword, headline }) => ({ number, keyword, headline })),
    passages: passages.length,
    characters: document.paragraphs.reduce((sum, paragraph) => sum + [...paragraph.text].length, 0),
  };
}

/** A refused value as it can be shown on a terminal or in Discord: control characters written as \u0000. */
function shownValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The summary printed after an import or shown as a preview: what was read, guessed, refused and is missing. */
export function summarize(report: ImportedReport, path: string, written: boolean, optionName: (flag: string) => string = (flag) => `--${flag}`): string {
  const shown = (field: 'title' | 'publisher' | 'date'): string => (report.missing.includes(field) ? '?' : report.front[field]);
  return [
    `${written ? 'Wrote' : report.missing.length ? 'Preview (nothing written)' : 'Would write (dry run)'} ${path}: "${shown('title')}" (${shown('publisher')}, ${shown('date')})`,
    `  ${report.sections.length} sections, ${report.passages} passages, ${report.characters} characters`,
    ...report.sections.map((section) => `  ${String(section.number).padStart(2)}. ${section.keyword} | ${section.headline}`),
    `  from the file: ${report.fromFile.join(', ') || '-'}`,
    `  guessed (check them): ${report.guessed.map((item) => `${item.field} ${item.value} (${item.how})`).join('; ') || '-'}`,
    ...(report.notes ?? []).map((note) => `  note: ${note}`),
    ...(report.refused.length ? [`  refused from the file: ${report.refused.map((item) => `${item.field} "${shownValue(item.value)}" (${item.reason})`).join('; ')}`] : []),
    ...(report.missing.length ? [`  missing: ${report.missing.map(optionName).join(', ')}: the file does not say ${report.missing.length === 1 ? 'it' : 'them'}; give ${report.missing.length === 1 ? 'it' : 'them'} to save`] : []),
  ].join('\n');
}
