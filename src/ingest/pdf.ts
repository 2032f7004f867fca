import { frontFromText, isoDate } from './dates.js';
import { DocumentError, squash, tidy, tidyJoined, type Block, type Extracted, type Metadata } from './extract.js';
import { readScannedPages, MAX_OCR_PAGES } from './ocr.js';
import { refusal } from './plausible.js';
import { ARTICLE, numberingOf } from './sections.js';

/**
 * A PDF, read with pdf.js: text with positions and sizes, from which lines and paragraphs are
 * rebuilt. Page headers, footers and numbers are dropped. Headings come from, in order of trust:
 * the document's outline (its bookmarks), numbered lines (第三编, 第二章, 一、), lines set in a
 * larger type than the body's, and short lines set in a bold font alone. A PDF without a text
 * layer (a scan) is read by OCR (see ocr.ts); one locked by a password, a scan OCR reads nothing in,
 * or a file that is no PDF fails with one line naming the cause.
 */

/** The fewest letters of text a PDF must give (from its text layer, else by OCR) to be a report. */
const MIN_TEXT_LETTERS = 20;

/** "1 page", "3 scanned pages". */
const pagesCount = (count: number, kind = ''): string => `${count} ${kind}page${count === 1 ? '' : 's'}`;

/** One line of a PDF page: its text, where it stands, its type size, and whether all of it is bold. */
interface PdfLine {
  text: string;
  y: number;
  height: number;
  bold: boolean;
}

/** A font's name or flags that say it is bold (…-Bold, Black, Heavy, 黑体/SimHei). */
const BOLD_FONT = /bold|black|heavy|semibold|demi|黑体|simhei|heiti/i;

/** An outline entry's title with its depth (0 for the top). */
interface OutlineTitle {
  key: string;
  depth: number;
}


/** The bookmarks of a PDF, flattened with their depth. */
async function outlineTitles(pdf: { getOutline(): Promise<Array<{ title: string; items: unknown[] }> | null> }): Promise<OutlineTitle[]> {
  const titles: OutlineTitle[] = [];
  const visit = (items: Array<{ title: string; items: unknown[] }>, depth: number): void => {
    for (const item of items) {
      const key = squash(item.title ?? '');
      if (key) titles.push({ key, depth });
      if (Array.isArray(item.items)) visit(item.items as Array<{ title: string; items: unknown[] }>, depth + 1);
    }
  };
  const outline = await pdf.getOutline().catch(() => null);
  if (outline) visit(outline, 0);
  return titles;
}

/**
 * A line's text from its parts: kept as written, unless spaces stand between most Chinese
 * characters (letter-spaced or justified type), which are layout and are taken out.
 */
function lineText(parts: string[]): string {
  const text = tidy(parts.join(''));
  const pairs = text.match(/\p{Script=Han}\s*(?=\p{Script=Han})/gu) ?? [];
  const spaced = pairs.filter((pair) => /\s/.test(pair)).length;
  return pairs.length && spaced / pairs.length > 0.3 ? tidyJoined(text) : text;
}

/** A PDF: its lines joined into paragraphs, headings marked (see the module comment); its info. */
export async function extractPdf(data: Uint8Array): Promise<Extracted> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new DocumentError('encrypted', 'this PDF is locked with a password: save an unlocked copy and import that');
    throw new DocumentError('not-pdf', `this file is not a PDF that can be read (${(error as Error).message || name})`);
  }
  try {
    let pages: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // the page's fonts are loaded by its operator list: their names and flags say which are bold
      const boldFonts = new Set<string>();
      if (content.items.length) {
        await page.getOperatorList();
        for (const name of new Set(content.items.flatMap((item) => ('fontName' in item ? [item.fontName] : [])))) {
          const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { name?: string; bold?: boolean; black?: boolean }) : undefined;
          if (font && (font.bold || font.black || BOLD_FONT.test(font.name ?? ''))) boldFonts.add(name);
        }
      }
      const lines = new Map<number, { parts: Array<{ x: number; text: string }>; height: number; bold: boolean }>();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = Math.round(item.transform[5] as number);
        const height = Math.abs(item.transform[3] as number) || 12;
        const line = lines.get(y) ?? { parts: [], height, bold: true };
        line.parts.push({ x: item.transform[4] as number, text: item.str });
        if (item.str.trim()) {
          line.height = Math.max(line.height, height);
          if (!boldFonts.has(item.fontName)) line.bold = false;
        }
        lines.set(y, line);
      }
      pages.push(
        [...lines]
          .sort((a, b) => b[0] - a[0])
          .map(([y, line]) => ({ y, height: line.height, bold: line.bold, text: lineText(line.parts.sort((a, b) => a.x - b.x).map((part) => part.text)) }))
          .filter((line) => line.text),
      );
      page.cleanup();
    }
    const lettersIn = (read: PdfLine[][]): number => read.flat().reduce((sum, line) => sum + (line.text.match(/[\p{L}]/gu)?.length ?? 0), 0);
    let scanned = false;
    if (lettersIn(pages) < MIN_TEXT_LETTERS) {
      // no text layer: a scan, whose pages' pictures are read by OCR
      const document = pdf;
      const each = async function* () {
        for (let number = 1; number <= document.numPages; number++) yield await document.getPage(number);
      };
      pages = (await readScannedPages(each(), OPS.paintImageXObject)).map((lines) => lines.map((line) => ({ ...line, bold: false })));
      const letters = lettersIn(pages);
      if (letters < MIN_TEXT_LETTERS) throw new DocumentError('no-text', `this PDF has no text layer, and OCR read ${letters} letters in its pictures (${pagesCount(pdf.numPages)}): it holds no text that can be read`);
      scanned = true;
    }

    // a line that stands on most pages at the same place is a header or footer; a number alone is a page number
    const seen = new Map<string, number>();
    const shape = (line: PdfLine): string => `${line.y}:${line.text.replace(/\d+/g, '#')}`;
    for (const page of pages) for (const line of new Set(page.map(shape))) seen.set(line, (seen.get(line) ?? 0) + 1);
    const repeated = (line: PdfLine): boolean => pages.length > 1 && (seen.get(shape(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
    const pageNumber = /^(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|[-—–]?\s*\d+\s*[-—–]?|\d+\s*\/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?)$/i;

    // the body's type size: the size most characters are set in
    const sizes = new Map<number, number>();
    for (const line of pages.flat()) sizes.set(Math.round(line.height), (sizes.get(Math.round(line.height)) ?? 0) + [...line.text].length);
    const bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
    // larger sizes, largest first: each a heading level below the title
    const largerSizes = [...sizes.keys()].filter((size) => size >= bodySize * 1.15).sort((a, b) => b - a);
    const outline = await outlineTitles(pdf);
    const outlineDepth = new Map(outline.map((entry) => [entry.key, entry.depth]));

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
        const short = [...line.text].length <= 40 && !/[。；]$/u.test(line.text);
        const depth = outlineDepth.get(squash(line.text));
        const sizeRank = largerSizes.indexOf(Math.round(line.height));
        if (short && (depth !== undefined || (sizeRank >= 0 && [...line.text].length <= 40))) {
          // a bookmarked or larger line: a heading, its level by outline depth or by size
          flush();
          blocks.push({ kind: 'heading', text: line.text, level: depth !== undefined ? depth + 2 : sizeRank === 0 && blocks.length === 0 ? 1 : sizeRank + 2 });
          previous = line;
          continue;
        }
        // a short bold line standing alone is a heading candidate (as a bold paragraph of a web page)
        if (line.bold && short && [...line.text].length <= 20 && !numberingOf(line.text) !== undefined) {
          flush();
          blocks.push({ kind: 'paragraph', text: line.text, strong: true });
          previous = line;
          continue;
        }
        // a short numbered line (一、水环境, 第二章 合同的订立) is a block of its own
        const numbered = short && numberingOf(line.text) !== undefined;
        const article = ARTICLE.test(line.text);
        // a wider gap than a line's height, or the previous line ended a sentence: a new paragraph
        const gap = previous ? previous.y - line.y : 0;
        if (numbered || article || (previous && (gap > previous.height * 1.8 || gap < 0 || /[。！？：:]$/u.test(paragraph)))) flush();
        paragraph = paragraph ? join(paragraph, line.text) : line.text;
        if (numbered) flush();
        previous = line;
      }
    }
    flush();

    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    const text = (key: string): string | undefined => (typeof info[key] === 'string' && (info[key] as string).trim()) || undefined;
    const han = blocks.some((block) => /\p{Script=Han}/u.test(block.text));
    const meta: Metadata = {};
    const refused: NonNullable<Extracted['refused']> = [];
    const guessed: Extracted['guessed'] = {};
    for (const [field, key] of [['title', 'Title'], ['publisher', 'Author']] as const) {
      const value = text(key);
      if (!value) continue;
      const reason = refusal(field, value, han);
      if (reason) refused.push({ field, value, reason });
      else meta[field] = value;
    }
    frontFromText(blocks.map((block) => block.text), meta, guessed, isoDate(text('CreationDate')));
    const ocr = scanned ? `the text was read by OCR from ${pagesCount(Math.min(pdf.numPages, MAX_OCR_PAGES), 'scanned ')}${pdf.numPages > MAX_OCR_PAGES ? ` of ${pdf.numPages} (at most ${MAX_OCR_PAGES} are read)` : ''}: check it` : undefined;
    return { blocks, meta, guessed, refused, ...(ocr ? { notes: [ocr] } : {}) };
  } finally {
    await pdf.destroy();
  }
}
