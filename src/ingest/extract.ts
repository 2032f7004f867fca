import { Readability } from '@mozilla/readability';
import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';

/**
 * Text extraction: a web page, a Word file, a PDF or plain text, read into blocks (headings and
 * paragraphs) and whatever metadata the file carries, each with a well-kept library: Readability
 * (on linkedom's DOM) drops a page's navigation, footers and ads; mammoth reads DOCX with its heading
 * styles; pdf.js reads PDF text with positions, from which lines and paragraphs are rebuilt.
 */

/** A heading or a paragraph of the extracted text. */
export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
  /** For headings: 1 for the title level (h1), 2 and 3 for sections. */
  level?: number;
  /** A paragraph that is all bold: a heading candidate when short. */
  strong?: boolean;
}

/** What a file says about itself (all optional: flags fill what is missing). */
export interface Metadata {
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
  language?: string;
}

/** An extracted document. */
export interface Extracted {
  blocks: Block[];
  meta: Metadata;
}

const BLOCK_TAGS = new Set(['P', 'LI', 'BLOCKQUOTE', 'TD', 'TH', 'PRE', 'DT', 'DD', 'FIGCAPTION']);
const HEADING_TAGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 3, H5: 3, H6: 3 };

/** Whitespace folded; no space kept between two Chinese characters (lines joined in Chinese text). */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}|[，。、；：！？“”（）]) (?=\p{Script=Han}|[，。、；：！？“”（）])/gu, '$1')
    .trim();
}

interface Walkable {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<Walkable>;
}

/** The blocks of an HTML fragment, in document order. */
function blocksOf(root: Walkable): Block[] {
  const blocks: Block[] = [];
  const walk = (node: Walkable): void => {
    if (node.nodeType !== 1) return;
    const tag = (node.tagName ?? '').toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NAV' || tag === 'FOOTER') return;
    const level = HEADING_TAGS[tag];
    if (level !== undefined) {
      const text = tidy(node.textContent ?? '');
      if (text) blocks.push({ kind: 'heading', text, level });
      return;
    }
    const hasBlockChild = Array.from(node.childNodes).some((child) => child.nodeType === 1 && (BLOCK_TAGS.has((child.tagName ?? '').toUpperCase()) || HEADING_TAGS[(child.tagName ?? '').toUpperCase()] !== undefined || ['DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD', 'TR'].includes((child.tagName ?? '').toUpperCase())));
    if (BLOCK_TAGS.has(tag) || (tag === 'DIV' && !hasBlockChild)) {
      const text = tidy(node.textContent ?? '');
      if (!text) return;
      const elements = Array.from(node.childNodes).filter((child) => child.nodeType === 1 || tidy(child.textContent ?? ''));
      const strong = elements.length === 1 && ['STRONG', 'B'].includes((elements[0]!.tagName ?? '').toUpperCase());
      blocks.push({ kind: 'paragraph', text, ...(strong ? { strong } : {}) });
      return;
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return blocks;
}

/** A date in YYYY-MM-DD from an ISO stamp, a PDF date (D:20210415…) or 2021年4月15日. */
export function isoDate(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const pdf = /D:(\d{4})(\d{2})(\d{2})/.exec(text);
  if (pdf) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  const chinese = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (chinese) return `${chinese[1]}-${chinese[2]!.padStart(2, '0')}-${chinese[3]!.padStart(2, '0')}`;
  return undefined;
}

/** A web page: its article (Readability) as blocks, and its metadata (Open Graph, meta tags). */
export function extractHtml(html: string, url?: string): Extracted {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const metadata: Metadata = {
    title: meta('meta[property="og:title"]') ?? (tidy(document.querySelector('title')?.textContent ?? '') || undefined),
    publisher: meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]') ?? meta('meta[name="author"]'),
    date: isoDate(meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[name="pubdate"]') ?? document.querySelector('time')?.getAttribute('datetime')),
    url: url ?? meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
    language: document.documentElement?.getAttribute('lang') ?? undefined,
  };
  // Readability changes the document it reads: it is given a copy
  const article = new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 50 }).parse();
  const content = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body : document.body;
  if (!metadata.title && article?.title) metadata.title = article.title;
  const titles = new Set([metadata.title, article?.title].filter((title): title is string => Boolean(title)).map(tidy));
  const blocks = blocksOf(content as unknown as Walkable)
    .filter((block) => !isSiteChrome(block.text))
    // Readability turns the article's h1 into an h2: the heading that is the title is the title
    .map((block) => (block.kind === 'heading' && titles.has(block.text) ? { ...block, level: 1 } : block));
  return { blocks, meta: metadata };
}

/** A Word file: its text with heading styles (mammoth), and its core properties. */
export async function extractDocx(data: Uint8Array): Promise<Extracted> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const meta: Metadata = {};
  const zip = await JSZip.loadAsync(data);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) {
    const field = (name: string): string | undefined => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(core)?.[1]?.trim() || undefined;
    meta.title = field('dc:title');
    meta.publisher = field('dc:publisher') ?? field('dc:creator');
    meta.date = isoDate(field('dcterms:created'));
    meta.language = field('dc:language');
  }
  return { blocks: blocksOf(document.body as unknown as Walkable), meta };
}

/** A line that opens with a section's numbering (关键词1, 一、, (一), 第一部分, 1.). */
const NUMBERED_LINE = /^(?:关键词\s*[\d一二三四五六七八九十]+|第[\d一二三四五六七八九十百]+[部分章节篇]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、]\s*\S)/u;

/** One line of a PDF page: its text and where it stands. */
interface PdfLine {
  text: string;
  y: number;
  height: number;
}

/** A PDF: its lines joined into paragraphs, page headers, footers and numbers dropped; its info. */
export async function extractPdf(data: Uint8Array): Promise<Extracted> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const lines = new Map<number, { parts: Array<{ x: number; text: string }>; height: number }>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5] as number);
      const line = lines.get(y) ?? { parts: [], height: Math.abs(item.transform[3] as number) || 12 };
      line.parts.push({ x: item.transform[4] as number, text: item.str });
      lines.set(y, line);
    }
    pages.push(
      [...lines]
        .sort((a, b) => b[0] - a[0])
        .map(([y, line]) => ({ y, height: line.height, text: tidy(line.parts.sort((a, b) => a.x - b.x).map((part) => part.text).join('')) }))
        .filter((line) => line.text),
    );
  }
  // a line that stands on most pages at the same place is a header or footer; a number alone is a page number
  const seen = new Map<string, number>();
  const shape = (line: PdfLine): string => `${line.y}:${line.text.replace(/\d+/g, '#')}`;
  for (const page of pages) for (const line of new Set(page.map(shape))) seen.set(line, (seen.get(line) ?? 0) + 1);
  const repeated = (line: PdfLine): boolean => pages.length > 1 && (seen.get(shape(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const pageNumber = /^(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|-?\s*\d+\s*-?|\d+\s*\/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?)$/i;
  const blocks: Block[] = [];
  let paragraph = '';
  let previous: PdfLine | undefined;
  const flush = (): void => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph });
    paragraph = '';
  };
  // lines of a paragraph join without a space unless both sides are Latin (Chinese has none between lines)
  const join = (before: string, after: string): string => (/[\x00-\x7F]$/.test(before) && /^[\x00-\x7F]/.test(after) ? `${before} ${after}` : before + after);
  for (const page of pages) {
    for (const line of page) {
      if (repeated(line) || pageNumber.test(line.text)) continue;
      // a short numbered line (一、水环境) is a heading: a block of its own
      const heading = [...line.text].length <= 30 && NUMBERED_LINE.test(line.text) && !/[。；]$/u.test(line.text);
      // a wider gap than a line's height, or the previous line ended a sentence: a new paragraph
      const gap = previous ? previous.y - line.y : 0;
      if (heading || (previous && (gap > previous.height * 1.8 || gap < 0 || /[。！？：:]$/u.test(paragraph)))) flush();
      paragraph = paragraph ? join(paragraph, line.text) : line.text;
      if (heading) flush();
      previous = line;
    }
  }
  flush();
  const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
  const text = (key: string): string | undefined => (typeof info[key] === 'string' && (info[key] as string).trim()) || undefined;
  await pdf.destroy();
  return { blocks, meta: { title: text('Title'), publisher: text('Author'), date: isoDate(text('CreationDate')) } };
}

/**
 * Lines that are a web site's furniture, not the article: breadcrumbs, previous/next links, the
 * page's address, editor credits. A page copied as text keeps them; they are dropped.
 */
const SITE_CHROME = /^(?:[•·\s]*)(?:您所在的位置|当前位置|所在位置|首页\s*[>»]|上一篇|下一篇|本文地址|本文链接|责任编辑|编辑[:：]|分享到|打印本页|关闭窗口|【字体|字号[:：])|[>»]{2}.*[>»]{2}/u;

/** True for a line of a site's furniture (see SITE_CHROME). */
export function isSiteChrome(text: string): boolean {
  return SITE_CHROME.test(text);
}

/** Plain text: paragraphs are separated by blank lines (lines of one paragraph are joined). */
export function extractText(text: string): Extracted {
  const body = text.replace(/^\uFEFF/, '');
  // with blank lines between paragraphs, a paragraph's lines are joined; without any, each line is one
  const chunks = /\n\s*\n/.test(body) ? body.split(/\r?\n\s*\r?\n/) : body.split(/\r?\n/);
  const blocks = chunks
    .map((chunk) => tidy(chunk))
    .filter((line) => line && !isSiteChrome(line))
    .map((line): Block => ({ kind: 'paragraph', text: line }));
  return { blocks, meta: {} };
}
