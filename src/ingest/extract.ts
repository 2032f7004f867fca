import { bylineNearTop, dateNearTop } from './dates.js';

/**
 * Text extraction: a web page (html.ts), a Word file (docx.ts), a PDF (pdf.ts) or plain text (here)
 * is read into blocks (headings and paragraphs) and whatever the file says about itself. This module
 * holds what they share: the block and metadata types, whitespace rules, the blocks of an HTML
 * fragment, and the error a document that cannot be read at all gets.
 */

/** Why a document cannot be imported at all, in one line naming the cause (a scan, a password…). */
export class DocumentError extends Error {
  override name = 'DocumentError';
  constructor(
    /** What kind of failure: 'no-text', 'encrypted', 'not-pdf', 'not-docx', 'script-page', 'empty'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

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
  /** Fields of `meta` read from the document's text or layout rather than declared by it: field → how. */
  guessed?: Partial<Record<keyof Metadata, string>>;
  /** Values the document declares that cannot stand (template placeholders, junk), with the reason. */
  refused?: Array<{ field: keyof Metadata; value: string; reason: string }>;
  /** What a reader should know of how the text was read (a scan read by OCR), one sentence each. */
  notes?: string[];
}

const CJK = '\\p{Script=Han}|[，。、；：！？“”‘’（）《》【】]';
const LINE_BREAK_IN_CJK = new RegExp(`(${CJK})[^\\S\\n]*\\n\\s*(?=${CJK})`, 'gu');
const SPACE_IN_CJK = new RegExp(`(${CJK})\\s+(?=${CJK})`, 'gu');

/**
 * Whitespace folded to single spaces. A line break between two Chinese characters is no space
 * (Chinese text runs on across lines); a space written between them is kept (第一条 为了…,
 * 金融知识普及月 金融知识进万家).
 */
export function tidy(text: string): string {
  return text.replace(LINE_BREAK_IN_CJK, '$1').replace(/\s+/g, ' ').trim();
}

/** Whitespace folded, and none left between two Chinese characters: for text whose spaces are layout, not writing. */
export function tidyJoined(text: string): string {
  return text.replace(/\s+/g, ' ').replace(SPACE_IN_CJK, '$1').trim();
}

/** Text compared without spaces, width or quote differences (a headline against a `<title>`, a table of contents against its headings). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"「」『』]/g, '"');
}

/** What the DOM walkers read of a node (linkedom's). */
export interface Walkable {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<Walkable>;
}

/** Elements that flow inside a line of text; any other element starts a block of its own. */
export const INLINE = new Set(['A', 'SPAN', 'STRONG', 'B', 'EM', 'I', 'U', 'FONT', 'SMALL', 'BIG', 'SUB', 'SUP', 'LABEL', 'ABBR', 'CITE', 'CODE', 'Q', 'S', 'MARK', 'TIME', 'IMG', 'INS', 'DEL', 'BR', 'WBR', 'NOBR', 'ACRONYM', 'DFN', 'KBD', 'VAR', 'BDI', 'BDO', 'RUBY', 'RT', 'RP']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FOOTER', 'SELECT', 'OPTION', 'BUTTON', 'TEXTAREA', 'IFRAME', 'SVG', 'FORM']);
const HEADING_TAGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
/** Where a <br> breaks a line (split into blocks after the text is gathered). */
const LINE_BREAK = '\u2028';

export const tagOf = (node: Walkable): string => (node.tagName ?? '').toUpperCase();

/**
 * The text of nodes, a <br> marked as a line break, and so are the edges of a block element inside
 * inline ones (a <p> inside <code>, as Readability writes two <br> in a row, or a <div> inside an
 * <a>): a browser shows it on lines of its own.
 */
function textOf(nodes: readonly Walkable[]): string {
  let text = '';
  const visit = (node: Walkable): void => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && !SKIPPED.has(tagOf(node))) {
      const tag = tagOf(node);
      if (tag === 'BR') {
        text += LINE_BREAK;
        return;
      }
      const block = !INLINE.has(tag);
      if (block) text += LINE_BREAK;
      for (const child of Array.from(node.childNodes)) visit(child);
      if (block) text += LINE_BREAK;
    }
  };
  nodes.forEach(visit);
  return text;
}

/** True when all the text of nodes stands inside <strong> or <b>. */
function allBold(nodes: readonly Walkable[]): boolean {
  let bold = false;
  let plain = false;
  const visit = (node: Walkable, inBold: boolean): void => {
    if (node.nodeType === 3) {
      if ((node.textContent ?? '').trim()) {
        if (inBold) bold = true;
        else plain = true;
      }
    } else if (node.nodeType === 1) {
      const tag = tagOf(node);
      for (const child of Array.from(node.childNodes)) visit(child, inBold || tag === 'STRONG' || tag === 'B');
    }
  };
  for (const node of nodes) visit(node, false);
  return bold && !plain;
}

/**
 * The blocks of an HTML fragment, in document order: each heading element is a heading; the text
 * of every other block element (p, li, td, div, section…) is a paragraph, split where a <br>
 * breaks it; text standing between block children is a paragraph of its own.
 */
export function blocksOf(root: Walkable): Block[] {
  const blocks: Block[] = [];
  const push = (nodes: Walkable[]): void => {
    const strong = allBold(nodes);
    for (const line of textOf(nodes).split(LINE_BREAK)) {
      const text = tidy(line);
      if (text) blocks.push({ kind: 'paragraph', text, ...(strong ? { strong } : {}) });
    }
  };
  const walk = (node: Walkable): void => {
    if (node.nodeType !== 1 || SKIPPED.has(tagOf(node))) return;
    const level = HEADING_TAGS[tagOf(node)];
    if (level !== undefined) {
      const text = tidy(textOf([node]).replace(new RegExp(LINE_BREAK, 'g'), ' '));
      if (text) blocks.push({ kind: 'heading', text, level });
      return;
    }
    let run: Walkable[] = [];
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 || (child.nodeType === 1 && INLINE.has(tagOf(child)))) {
        run.push(child);
        continue;
      }
      push(run);
      run = [];
      walk(child);
    }
    push(run);
  };
  walk(root);
  return blocks;
}

/** Plain text: paragraphs are separated by blank lines (lines of one paragraph are joined). */
export function extractText(text: string): Extracted {
  const body = text.replace(/^\uFEFF/, '');
  // with blank lines between paragraphs, a paragraph's lines are joined; without any, each line is one
  const chunks = /\n\s*\n/.test(body) ? body.split(/\r?\n\s*\r?\n/) : body.split(/\r?\n/);
  const blocks = chunks.map((chunk) => tidy(chunk)).filter(Boolean).map((line): Block => ({ kind: 'paragraph', text: line }));
  // a date line under the title is the text's date (it is then dropped from the text as metadata)
  const texts = blocks.map((block) => block.text);
  const date = dateNearTop(texts);
  const publisher = bylineNearTop(texts);
  return {
    blocks,
    meta: { ...(date ? { date } : {}), ...(publisher ? { publisher } : {}) },
    guessed: { ...(date ? { date: 'a date by the title' } : {}), ...(publisher ? { publisher: 'the dated line by the title' } : {}) },
  };
}
