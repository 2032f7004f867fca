import { z } from 'zod';
import { CorpusError } from './errors.js';
import type { Paragraph, ReportDocument, Section, SourceInfo } from './types.js';
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

function parseHeading(body: string, file: string, line: number): Section {
  const parts = body.split('|').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => part === '')) {
    throw new CorpusError(
      { file, line, field: 'section heading' },
      `expected "## <label with its number> | <keyword> | <headline>", got "## ${body}"`,
    );
  }
  const [label, keyword, headline] = parts as [string, string, string];
  const digits = /\d+/.exec(label.normalize('NFKC'));
  const number = digits ? Number(digits[0]) : NaN;
  if (!(number >= 1)) {
    throw new CorpusError(
      { file, line, field: 'section number' },
      `the label "${label}" must carry a section number of 1 or more (0 is the lead)`,
    );
  }
  return { number, label, keyword, headline };
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
 * @throws CorpusError naming the file, line and field of the first problem
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
  const yaml = parseYaml(lines.slice(1, close).join('\n'), file, 2, 'front matter');
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    throw new CorpusError({ file, line: 2, field: 'front matter' }, 'expected fields such as "title: ..." between the "---" lines');
  }
  const source: SourceInfo = validateYaml(yaml, frontMatterSchema, file, (path) =>
    path.length ? `front matter "${String(path[0])}"` : 'front matter',
  );

  const lead: Section = { number: 0, label: LEAD_LABEL, keyword: LEAD_LABEL, headline: '' };
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const headingLines = new Map<number, number>();
  let section = lead;
  let ordinal = 0;
  let pending: { lines: string[]; line: number } | null = null;

  const flush = (): void => {
    if (!pending) return;
    ordinal++;
    paragraphs.push({ section, ordinal, text: joinLines(pending.lines), line: pending.line });
    pending = null;
  };
  const closeSection = (): void => {
    flush();
    if (section !== lead && ordinal === 0) {
      throw new CorpusError(
        { file, line: headingLines.get(section.number)!, field: 'section' },
        `section "${section.label}" has no text under its heading`,
      );
    }
  };

  for (let i = close + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const heading = HEADING.exec(raw);
    if (heading) {
      closeSection();
      section = parseHeading(heading[1]!, file, lineNo);
      const earlier = headingLines.get(section.number);
      if (earlier !== undefined) {
        throw new CorpusError(
          { file, line: lineNo, field: 'section number' },
          `section ${section.number} is already used by the heading on line ${earlier}`,
        );
      }
      headingLines.set(section.number, lineNo);
      sections.push(section);
      ordinal = 0;
      continue;
    }
    if (OTHER_HEADING.test(raw)) {
      throw new CorpusError({ file, line: lineNo, field: 'heading' }, 'only "## " headings are allowed; they start sections');
    }
    const content = raw.trim();
    if (content === '') {
      flush();
    } else if (pending) {
      (pending as { lines: string[] }).lines.push(content);
    } else {
      pending = { lines: [content], line: lineNo };
    }
  }
  closeSection();
  if (paragraphs.length === 0) {
    throw new CorpusError({ file, line: close + 1, field: 'body' }, 'the report has no text after its front matter');
  }
  const hasLead = paragraphs.some((paragraph) => paragraph.section === lead);
  return { id, file, source, sections: hasLead ? [lead, ...sections] : sections, paragraphs };
}
