import * as z from 'zod';
import { CorpusError, CorpusErrors } from '../errors.js';
import { headingLabel, isListItem, isTableRow, listItemText, stripInline, tableLines } from './markdown.js';
import type { Paragraph, ReportDocument, Section, SourceInfo } from '../types.js';
import { parseYaml, validateYaml } from './yaml-source.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a real calendar date');

/** The front matter every report carries. Unknown fields are rejected, so a typo is not lost. */
export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  publisher: z.string().trim().min(1, 'must not be empty'),
  // YAML would read an unquoted date as a string in the core schema; a number or list is a mistake
  date: isoDate,
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as zh-CN'),
});

const HEADING = /^##\s+(.*)$/;
const OTHER_HEADING = /^(#|###+)\s/;
/** The lead before the first heading. */
export const LEAD_LABEL = '导语';

/** How a section is named in citations: 关键词2 · 交通, or 导语 for the lead. */
export function sectionLabel(section: Section): string {
  return section.number === 0 ? section.label : `${section.label} · ${section.keyword}`;
}

/**
 * A section heading: `## <label> | <keyword> | <headline>`, `## <label> | <headline>`, or a heading
 * alone in one of the styles Chinese reports number sections (`## 二、交通建设提速`, `## （三）产业`,
 * `## 第四部分 生态`). The number comes from the label; a heading alone is keyword and headline both.
 */
function parseHeading(body: string, file: string, line: number): Section {
  const parts = stripInline(body).split('|').map((part) => part.trim());
  if (parts.length > 3 || parts.some((part) => part === '')) {
    throw new CorpusError(
      { file, line, field: 'section heading' },
      `expected "## <label with its number> | <keyword> | <headline>" or a numbered heading such as "## 二、交通", got "## ${body}"`,
    );
  }
  const label = headingLabel(parts[0]!);
  if (!label) {
    throw new CorpusError(
      { file, line, field: 'section number' },
      `the heading "${parts[0]}" must carry a section number of 1 or more (关键词3, 三、, (三), 第三部分, 3.)`,
    );
  }
  if (parts.length === 3) return { number: label.number, label: parts[0]!, keyword: parts[1]!, headline: parts[2]! };
  if (parts.length === 2) return { number: label.number, label: parts[0]!, keyword: label.rest || parts[1]!, headline: parts[1]! };
  const title = label.rest || parts[0]!;
  return { number: label.number, label: parts[0]!, keyword: title, headline: title };
}

/** Joins a paragraph's lines: Chinese lines run on without a space, others take one. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, next) =>
    /[\x00-\x7F]$/.test(text) && /^[\x00-\x7F]/.test(next) ? `${text} ${next}` : text + next,
  );
}

/**
 * Parses one report: YAML front matter between `---` lines, then Markdown whose `## ` headings
 * start the sections. Paragraphs are separated by blank lines.
 *
 * @param text - the file's text, already decoded
 * @param file - the path used in error messages
 * @param id - the document id (the file name without `.md`)
 * @throws CorpusErrors listing every problem of the file, each naming the file, line and field
 */
export function parseReport(text: string, file: string, id: string): ReportDocument {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    throw new CorpusError({ file, line: 1, field: 'front matter' }, 'the file must start with a "---" line opening the front matter');
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close < 0) {
    throw new CorpusError({ file, line: 1, field: 'front matter' }, 'the front matter opened on line 1 is never closed by a "---" line');
  }
  // every problem of the file is collected, so that one run reports them all
  const problems: CorpusError[] = [];
  let source: SourceInfo | undefined;
  try {
    const yaml = parseYaml(lines.slice(1, close).join('\n'), file, 2, 'front matter');
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
      throw new CorpusError({ file, line: 2, field: 'front matter' }, 'expected fields such as "title: ..." between the "---" lines');
    }
    source = validateYaml(yaml, frontMatterSchema, file, (path) => (path.length ? `front matter "${String(path[0])}"` : 'front matter'));
  } catch (error) {
    if (error instanceof CorpusErrors) problems.push(...error.errors);
    else if (error instanceof CorpusError) problems.push(error);
    else throw error;
  }

  const lead: Section = { number: 0, label: LEAD_LABEL, keyword: LEAD_LABEL, headline: '' };
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const headingLines = new Map<number, number>();
  let section = lead;
  let ordinal = 0;
  let pending: { lines: string[]; line: number } | null = null;
  let table: { rows: string[]; line: number } | null = null;

  const add = (text: string, line: number): void => {
    ordinal++;
    paragraphs.push({ section, ordinal, text, line });
  };
  const flush = (): void => {
    if (pending) add(joinLines(pending.lines), pending.line);
    pending = null;
  };
  // each row of a table is a paragraph of its own: one line of text
  const flushTable = (): void => {
    if (table) for (const text of tableLines(table.rows)) add(text, table.line);
    table = null;
  };
  const closeSection = (): void => {
    flush();
    flushTable();
    if (section !== lead && ordinal === 0) {
      problems.push(new CorpusError({ file, line: headingLines.get(section.number)!, field: 'section' }, `section "${section.label}" has no text under its heading`));
    }
  };

  for (let i = close + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const heading = HEADING.exec(raw);
    if (heading) {
      closeSection();
      let parsed: Section;
      try {
        parsed = parseHeading(heading[1]!, file, lineNo);
      } catch (error) {
        if (!(error instanceof CorpusError)) throw error;
        problems.push(error);
        // the text below still belongs to some section: a stand-in, so that later problems are found
        parsed = { number: -lineNo, label: heading[1]!, keyword: heading[1]!, headline: heading[1]! };
      }
      section = parsed;
      const earlier = headingLines.get(section.number);
      if (earlier !== undefined) {
        problems.push(new CorpusError({ file, line: lineNo, field: 'section number' }, `section ${section.number} is already used by the heading on line ${earlier}`));
      }
      headingLines.set(section.number, lineNo);
      sections.push(section);
      ordinal = 0;
      continue;
    }
    if (OTHER_HEADING.test(raw)) {
      problems.push(new CorpusError({ file, line: lineNo, field: 'heading' }, 'only "## " headings are allowed; they start sections'));
      continue;
    }
    const content = raw.trim();
    if (isTableRow(content)) {
      flush();
      if (table) table.rows.push(content);
      else table = { rows: [content], line: lineNo };
      continue;
    }
    flushTable();
    if (content === '') {
      flush();
    } else if (isListItem(content)) {
      // a list item is a sentence of the paragraph it stands in (or starts one)
      if (pending) pending.lines.push(listItemText(content));
      else pending = { lines: [listItemText(content)], line: lineNo };
    } else if (pending) {
      pending.lines.push(stripInline(content));
    } else {
      pending = { lines: [stripInline(content)], line: lineNo };
    }
  }
  closeSection();
  if (paragraphs.length === 0) {
    problems.push(new CorpusError({ file, line: close + 1, field: 'body' }, 'the report has no text after its front matter'));
  }
  if (problems.length) throw problems.length === 1 ? problems[0]! : new CorpusErrors(problems);
  const hasLead = paragraphs.some((paragraph) => paragraph.section === lead);
  return { id, file, source: source!, sections: hasLead ? [lead, ...sections] : sections, paragraphs };
}
