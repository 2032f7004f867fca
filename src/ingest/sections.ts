import { headingLabel } from '../core/corpus/markdown.js';
import type { Block } from './extract.js';

/**
 * Section detection: which blocks of an extracted text are section headings. Detected: 关键词N,
 * 一、/二、, (一)/(二), 第X部分/第X章, numbered `1.` headings, HTML h2/h3 (DOCX heading styles), and
 * short bold lines standing alone. The first style found is the sections' style: headings of another
 * style below it (a 一、 section's (一) parts) stay text of their section. Without headings the
 * report is one section.
 */

/** A detected section. */
export interface DetectedSection {
  number: number;
  /** The heading's numbering as written (关键词3, 三、), or a made-up 第N部分 when it had none. */
  label: string;
  keyword: string;
  headline: string;
  paragraphs: string[];
}

/** The detected structure: a lead before the first heading, and the sections. */
export interface DetectedReport {
  /** The title, when the text had one of its own (an h1). */
  title?: string;
  lead: string[];
  sections: DetectedSection[];
}

/** How long a line may be and still be a heading. */
const MAX_HEADING_CHARS = 40;
const STYLES: Array<[name: string, pattern: RegExp]> = [
  ['keyword', /^关键词\s*[\d一二三四五六七八九十]+/u],
  ['part', /^第[\d一二三四五六七八九十百]+[部分章节篇]/u],
  ['comma', /^[一二三四五六七八九十]+、/u],
  ['paren', /^[(（][一二三四五六七八九十\d]+[)）]/u],
  ['dotted', /^\d{1,2}[.．、]\s*\S/u],
];

/** The heading style of a block, or null when it is no heading. */
function styleOf(block: Block): string | null {
  const text = block.text;
  if ([...text].length > MAX_HEADING_CHARS) return null;
  if (block.kind === 'heading') return block.level === 1 ? 'title' : `h${block.level}`;
  // a sentence (it ends in 。 with more before it) is text, whatever it starts with
  if (/。.|[。；]$/u.test(text) && !/^关键词/u.test(text)) return null;
  for (const [name, pattern] of STYLES) if (pattern.test(text)) return name;
  if (block.strong && [...text].length <= 20) return 'strong';
  return null;
}

/** Detects the sections of extracted blocks (see the module comment). */
export function detectSections(blocks: readonly Block[]): DetectedReport {
  const styles = blocks.map(styleOf);
  const title = blocks.find((block, i) => styles[i] === 'title')?.text;
  // the sections' style: an explicit heading level (h2, else h3) wins; else the first numbered style
  const present = new Set(styles.filter((style): style is string => style !== null && style !== 'title'));
  const chosen = present.has('h2') ? 'h2' : present.has('h3') ? 'h3' : styles.find((style) => style !== null && style !== 'title' && style !== 'strong') ?? (present.has('strong') ? 'strong' : null);
  const report: DetectedReport = { ...(title ? { title } : {}), lead: [], sections: [] };
  let current: DetectedSection | null = null;
  const used = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (styles[i] === 'title') continue;
    if (chosen !== null && styles[i] === chosen) {
      const label = headingLabel(block.text);
      // a number used twice, or none, gives the next free one
      let number = label?.number ?? 0;
      if (number < 1 || used.has(number)) number = Math.max(0, ...used) + 1;
      used.add(number);
      const rest = label?.rest ?? '';
      const numbering = rest ? block.text.slice(0, block.text.length - rest.length).trim().replace(/[\s:：]+$/u, '') : label ? block.text : '';
      current = { number, label: numbering || `第${number}部分`, keyword: rest || block.text, headline: rest || block.text, paragraphs: [] };
      // 关键词1 alone, then a short keyword line and a short headline line (as the 成都商报 page has them)
      if (!rest && label && chosen === 'keyword') {
        const short = (k: number): string | undefined => {
          const next = blocks[k];
          return next && styles[k] === null && [...next.text].length <= 24 && !/[。；，,]/u.test(next.text) ? next.text : undefined;
        };
        const keyword = short(i + 1);
        if (keyword) {
          current.keyword = keyword;
          const headline = short(i + 2);
          current.headline = headline ?? keyword;
          i += headline ? 2 : 1;
        }
      }
      report.sections.push(current);
      continue;
    }
    if (current) current.paragraphs.push(block.text);
    else report.lead.push(block.text);
  }
  // a section left without text keeps its heading as its text, so that nothing is lost
  for (const section of report.sections) if (section.paragraphs.length === 0) section.paragraphs.push(section.headline);
  if (report.sections.length === 0 && report.lead.length) {
    report.sections.push({ number: 1, label: '第1部分', keyword: '正文', headline: title ?? '正文', paragraphs: report.lead });
    report.lead = [];
  }
  return report;
}
