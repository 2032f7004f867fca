import { documentIdFor } from '../core/corpus/corpus.js';
import { parseReport } from '../core/corpus/document.js';
import { toPassages } from '../core/corpus/passages.js';
import type { Extracted, Metadata } from './extract.js';
import { isoDate } from './extract.js';
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

/** The corpus file, with what it holds and which fields were guessed. */
export interface ImportedReport {
  id: string;
  markdown: string;
  front: Required<Metadata>;
  /** Fields not given by a flag nor by the file's own metadata, but guessed from its text. */
  guessed: string[];
  /** Fields taken from the file's metadata. */
  fromFile: string[];
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

/**
 * Builds the corpus file of an extracted document.
 * @param source - where it came from (a URL, or a file path whose name may give the id)
 * @throws MissingFieldError naming the flags needed for fields nothing gave
 */
export function buildReport(extracted: Extracted, flags: ImportFlags, source: { url?: string; fileName?: string }): ImportedReport {
  const detected: DetectedReport = detectSections(extracted.blocks);
  const meta = extracted.meta;
  const guessed: string[] = [];
  const fromFile: string[] = [];
  const pick = (field: keyof Metadata, flag: string | undefined, guess?: () => string | undefined): string | undefined => {
    if (flag) return flag;
    if (meta[field]) {
      fromFile.push(field);
      return meta[field];
    }
    const value = guess?.();
    if (value) guessed.push(field);
    return value;
  };
  const allText = [...detected.lead, ...detected.sections.flatMap((section) => section.paragraphs)].join('\n');
  const title = pick('title', flags.title, () => detected.title ?? detected.lead[0]);
  const publisher = pick('publisher', flags.publisher);
  const date = pick('date', flags.date ? (isoDate(flags.date) ?? flags.date) : undefined, () => isoDate(allText));
  const url = pick('url', flags.url ?? source.url);
  const language = meta.language?.match(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/) ? meta.language : /\p{Script=Han}/u.test(allText) ? 'zh-CN' : 'en';
  const missing = [['title', title], ['publisher', publisher], ['date', date], ['url', url]].filter(([, value]) => !value).map(([flag]) => flag!);
  if (missing.length) throw new MissingFieldError(missing);

  const fileStem = source.fileName?.replace(/\.[^.]+$/, '');
  const id = checkReportId(flags.id ?? (fileStem && REPORT_ID.test(fileStem) && !fileStem.includes('..') ? fileStem : documentIdFor(`${date}-${title!.slice(0, 12)}`)));
  checkLink(url!);
  const lines = [
    '---',
    `title: ${yamlValue(title!)}`,
    `publisher: ${yamlValue(publisher!)}`,
    `date: ${date}`,
    `url: ${yamlValue(url!)}`,
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
    front: { title: title!, publisher: publisher!, date: date!, url: url!, language },
    guessed,
    fromFile,
    sections: document.sections.filter((section) => section.number > 0).map(({ number, keyword, headline }) => ({ number, keyword, headline })),
    passages: passages.length,
    characters: document.paragraphs.reduce((sum, paragraph) => sum + [...paragraph.text].length, 0),
  };
}

/** The summary printed after an import: sections and headlines, passages, characters, guessed fields. */
export function summarize(report: ImportedReport, path: string, written: boolean): string {
  return [
    `${written ? 'Wrote' : 'Would write (dry run)'} ${path}: "${report.front.title}" (${report.front.publisher}, ${report.front.date})`,
    `  ${report.sections.length} sections, ${report.passages} passages, ${report.characters} characters`,
    ...report.sections.map((section) => `  ${String(section.number).padStart(2)}. ${section.keyword} | ${section.headline}`),
    `  from the file: ${report.fromFile.join(', ') || '-'}; guessed from the text (check them): ${report.guessed.join(', ') || '-'}`,
  ].join('\n');
}
