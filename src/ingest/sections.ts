import { headingLabel } from '../core/corpus/markdown.js';
import { squash, type Block } from './extract.js';

/**
 * Section detection: which blocks of an extracted text are section headings, at which level.
 *
 * Headings are recognized by their numbering, whatever element holds them (an h2, a bold paragraph, a
 * PDF line, a Word list item): 第X编 / 第X分编 / 第X章 / 第X节 / 第X部分, 关键词N, 一、, （一）, 1., （1）;
 * unnumbered ones by their element (h2…h6, Word heading styles, a larger PDF type, a bold line alone).
 * Each such scheme is a level; levels nest in the order the schemes first appear (第一编 before
 * 第一章 before 第一节; 一、 before （一）).
 *
 * The level that makes good sections is chosen: the deepest one that gives at most
 * {@link MAX_SECTIONS} sections of {@link MIN_MEAN_SECTION_CHARS} characters on average (the top
 * level always qualifies). A heading above the chosen level with no text of its own is no section:
 * its label is carried into the sections under it (第三编 第二章). Headings below the chosen level
 * stay in their section's text. Sections are numbered in the importer's own sequence, so numbering
 * that restarts in every part (第一章 in each 编) never collides; the original label is kept.
 * A table of contents (a run of headings without text whose entries recur below) is dropped.
 */

/** A detected section. */
export interface DetectedSection {
  number: number;
  /** The heading's numbering as written (关键词3, 三、), with the labels of the parts above it, and the importer's number when that differs. */
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
/** At most this many sections: a deeper level that gives more stays text. */
export const MAX_SECTIONS = 300;
/** A deeper level is taken only when its sections hold this many characters on average. */
export const MIN_MEAN_SECTION_CHARS = 300;

const N = '[\\d一二三四五六七八九十百千零〇两]+';
/** Numbering schemes, each a level of its own; each pattern matches the numbering alone (第二章, 三、, 1.). */
const SCHEMES: Array<[name: string, pattern: RegExp]> = [
  ['编', new RegExp(`^第${N}编`, 'u')],
  ['分编', new RegExp(`^第${N}分编`, 'u')],
  ['章', new RegExp(`^第${N}章`, 'u')],
  ['节', new RegExp(`^第${N}节`, 'u')],
  ['部分', new RegExp(`^第${N}(?:部分|篇)`, 'u')],
  ['关键词', /^关键词\s*[\d一二三四五六七八九十]+/u],
  ['一、', /^[一二三四五六七八九十百]+、/u],
  ['（一）', /^[(（][一二三四五六七八九十百]+[)）]/u],
  ['1.', /^\d{1,2}[.．、](?!\d)(?=\s*\S)/u],
  ['（1）', /^[(（]\d{1,2}[)）]/u],
];
/** An article of a law or rules (第十二条 …): text, each its own paragraph, never a heading. */
export const ARTICLE = new RegExp(`^第${N}条`, 'u');

/** The numbering a line opens with (第二章, 三、, 关键词3) and its scheme, or undefined. */
export function numberingOf(text: string): { scheme: string; numbering: string } | undefined {
  for (const [scheme, pattern] of SCHEMES) {
    const match = pattern.exec(text);
    if (match) return { scheme, numbering: match[0] };
  }
  return undefined;
}

/** The scheme of a block that is a heading, or null when it is text. */
function schemeOf(block: Block): string | null {
  const text = block.text;
  if (block.kind === 'heading' && block.level === 1) return 'title';
  if ([...text].length > MAX_HEADING_CHARS || ARTICLE.test(text)) return null;
  // a sentence (it ends in 。 or ；, or has one inside) is text, whatever it starts with
  if (/[。；].|[。；]$/u.test(text) && !/^关键词/u.test(text)) return null;
  const numbered = numberingOf(text);
  if (numbered) return numbered.scheme;
  if (block.kind === 'heading') return `h${block.level}`;
  if (block.strong && [...text].length <= 20) return 'strong';
  return null;
}

/** The numbering of a heading (三、, 第二章, 关键词3) and its text after it; the whole text when it has none. */
function splitHeading(text: string): { numbering: string; rest: string } {
  const numbering = numberingOf(text)?.numbering ?? '';
  return { numbering: numbering.trim(), rest: text.slice(numbering.length).replace(/^[\s:：.．、]+/u, '').trim() };
}

/** A heading with dots and a page number after it (第一章 总则……3): an entry of a table of contents. */
const TOC_ENTRY = /[.…·．\s]{2,}\d+$|\s\d+$/u;
const entryKey = (text: string): string => squash(text.replace(TOC_ENTRY, ''));

/** Detects the sections of extracted blocks (see the module comment). */
export function detectSections(input: readonly Block[]): DetectedReport {
  let blocks = [...input];
  let schemes = blocks.map(schemeOf);
  const titleIndex = schemes.indexOf('title');
  const title = titleIndex >= 0 ? blocks[titleIndex]!.text : undefined;
  // further h1s are a heading level like any other
  schemes = schemes.map((scheme, i) => (scheme === 'title' && i !== titleIndex ? 'h1' : scheme));

  // a table of contents: headings in a run, without text between them, whose entries stand again below
  const keep = blocks.map(() => true);
  const keys = blocks.map((block, i) => (schemes[i] === null ? '' : entryKey(block.text)));
  const lastAt = new Map<string, number>();
  keys.forEach((key, i) => key && lastAt.set(key, i));
  for (let i = 0; i < blocks.length; i++) {
    if (schemes[i] === null || schemes[i] === 'title') continue;
    let end = i;
    while (end + 1 < blocks.length && schemes[end + 1] !== null && schemes[end + 1] !== 'title') end++;
    if (end - i + 1 >= 4) {
      // an entry recurs when a heading below it (in the run's end or in the text) reads the same
      const recurs = (k: number): boolean => (lastAt.get(keys[k]!) ?? -1) > k;
      const recurring = blocks.slice(i, end + 1).filter((_, k) => recurs(i + k)).length;
      // the entries go; the run's last headings, which start the text itself, stay
      if (recurring >= (end - i + 1) * 0.6) for (let k = i; k <= end; k++) if (recurs(k)) keep[k] = false;
    }
    i = end;
  }
  // a 目录 heading over a dropped table of contents goes with it
  blocks.forEach((block, i) => {
    if (/^目\s*录$/u.test(block.text) && keep[i + 1] === false) keep[i] = false;
  });
  schemes = schemes.filter((_, i) => keep[i]);
  blocks = blocks.filter((_, i) => keep[i]);

  // levels: schemes in the order they first appear; h2 above h3 whatever comes first; a bold line alone last
  const order: string[] = [];
  for (const scheme of schemes) if (scheme !== null && scheme !== 'title' && scheme !== 'strong' && !order.includes(scheme)) order.push(scheme);
  const headingLevels = order.filter((scheme) => /^h\d$/.test(scheme)).sort();
  for (let k = 0, h = 0; k < order.length; k++) if (/^h\d$/.test(order[k]!)) order[k] = headingLevels[h++]!;
  if (schemes.includes('strong')) order.push('strong');
  const depthOf = new Map(order.map((scheme, depth) => [scheme, depth]));
  const within = (scheme: string | null | undefined, depth: number): boolean => scheme !== null && scheme !== undefined && scheme !== 'title' && (depthOf.get(scheme) ?? Infinity) <= depth;
  // the sections splitting at `depth` gives: its headings, less those with no text before the next (a part over its items)
  const headingsTo = (depth: number): number => schemes.filter((scheme, i) => within(scheme, depth) && !(i + 1 < schemes.length && within(schemes[i + 1], depth))).length;
  // the level that makes good sections: the deepest with at most MAX_SECTIONS of MIN_MEAN_SECTION_CHARS on average
  const textChars = blocks.reduce((sum, block, i) => sum + (schemes[i] === null ? [...block.text].length : 0), 0);
  let chosen = order.length ? 0 : -1;
  for (let depth = 1; depth < order.length; depth++) {
    const count = headingsTo(depth);
    if (count <= MAX_SECTIONS && (textChars / count >= MIN_MEAN_SECTION_CHARS || headingsTo(chosen) < 2)) chosen = depth;
  }

  const report: DetectedReport = { ...(title ? { title } : {}), lead: [], sections: [] };
  // the numbering of the parts above the current heading, by depth ('' for an unnumbered one)
  const path: string[] = [];
  let current: DetectedSection | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const scheme = schemes[i];
    if (scheme === 'title') continue;
    const depth = scheme === null || scheme === undefined ? undefined : depthOf.get(scheme);
    if (depth === undefined || depth > chosen) {
      if (current) current.paragraphs.push(block.text);
      else report.lead.push(block.text);
      continue;
    }
    const { numbering, rest } = splitHeading(block.text);
    path.length = depth;
    path[depth] = numbering;
    // a part above the chosen level with no text of its own before the next heading is no section: its label goes on below
    if (depth < chosen && (i + 1 >= blocks.length || (schemes[i + 1] !== null && (depthOf.get(schemes[i + 1]!) ?? Infinity) <= chosen))) {
      current = null;
      continue;
    }
    const number = report.sections.length + 1;
    const labels = path.slice(0, depth + 1).filter(Boolean);
    const own = headingLabel(numbering);
    // the heading's own numbering is the label when it reads as the importer's number; else the number stands first
    const label = labels.length === 1 && numbering && own?.number === number ? numbering : labels.length ? `${number}. ${labels.join(' ')}` : `第${number}部分`;
    current = { number, label: label.replace(/\|/g, '｜'), keyword: rest || block.text, headline: rest || block.text, paragraphs: [] };
    // 关键词1 alone, then a short keyword line and a short headline line (as the 成都商报 page has them)
    if (!rest && scheme === '关键词') {
      const short = (k: number): string | undefined => {
        const next = blocks[k];
        return next && schemes[k] === null && [...next.text].length <= 24 && !/[。；，,]/u.test(next.text) ? next.text : undefined;
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
  }
  // a section left without text keeps its heading as its text, so that nothing is lost
  for (const section of report.sections) if (section.paragraphs.length === 0) section.paragraphs.push(section.headline);
  if (report.sections.length === 0 && report.lead.length) {
    report.sections.push({ number: 1, label: '第1部分', keyword: '正文', headline: title ?? '正文', paragraphs: report.lead });
    report.lead = [];
  }
  return report;
}
