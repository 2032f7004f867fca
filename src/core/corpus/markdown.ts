import { parseChineseNumber } from '../language/numerals.js';

/**
 * The Markdown a report file may use beyond plain paragraphs: section headings in the styles
 * Chinese reports number them, lists and tables (turned into sentences), and inline marks (taken
 * off), so that no `|`, `**` or list marker ever reaches an answer.
 */

/** A heading's section number and its own text, or null when it carries no number. */
export interface HeadingLabel {
  number: number;
  /** The heading's text after its numbering (交通 in 二、交通), possibly empty. */
  rest: string;
}

const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]+';
const NUMBERING = new RegExp(
  `^(?:` +
    `(?:关键词|第|Part\\s*|Section\\s*)?(\\d+|${CHINESE_NUMERAL})(?:部分|章|节|篇)?\\s*[、.．:：)）]?` +
    `|[(（](\\d+|${CHINESE_NUMERAL})[)）]` +
    `)\\s*`,
  'iu',
);

/**
 * Reads the numbering of a heading: 关键词3, 一、, (一), （二）, 第一部分, 第三章, 3., 3、 or a label
 * with digits in it (关键词3). The number is 1 or more; 0 is the lead.
 */
export function headingLabel(text: string): HeadingLabel | null {
  const trimmed = text.normalize('NFKC').trim();
  const match = NUMBERING.exec(trimmed);
  if (match && match[0].trim()) {
    const digits = match[1] ?? match[2]!;
    const number = /^\d+$/.test(digits) ? Number(digits) : parseChineseNumber(digits);
    if (number !== null && number >= 1) return { number, rest: trimmed.slice(match[0].length).trim() };
  }
  // any label that holds digits (Section-A 7): its first run of digits
  const digits = /\d+/.exec(trimmed);
  if (digits && Number(digits[0]) >= 1) return { number: Number(digits[0]), rest: '' };
  return null;
}

/** Inline Markdown taken off a line of text: bold, italics, code, links (their text stays), images. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/~~([^~]+)~~/g, '$1');
}

const LIST_ITEM = /^(?:[-*+•]|\d+[.)、])\s+(.*)$/u;
const TABLE_ROW = /^\|(.*)\|\s*$/;
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const ENDS_SENTENCE = /[。!?;!?.;:：]$/u;

/** Ends an item as a sentence of its own (Chinese full stop after Chinese text). */
function asSentence(text: string): string {
  if (!text || ENDS_SENTENCE.test(text)) return text;
  return /[\p{Script=Han}）」”]$/u.test(text) ? `${text}。` : `${text}.`;
}

/** True when a line is a list item or a table row: such lines are read as blocks, not joined raw. */
export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

export function isTableRow(line: string): boolean {
  return TABLE_ROW.test(line) || TABLE_RULE.test(line);
}

/** A list item's text as a sentence. */
export function listItemText(line: string): string {
  return asSentence(stripInline(LIST_ITEM.exec(line)![1]!.trim()));
}

/**
 * The rows of a table as lines of text, one a row: with a header row (a row followed by a `|---|`
 * rule), each cell is named by its column (项目：路灯，数量：3000盏); the rule itself goes.
 */
export function tableLines(rows: readonly string[]): string[] {
  const cells = (row: string): string[] => TABLE_ROW.exec(row)![1]!.split('|').map((cell) => stripInline(cell.trim()));
  const hasHeader = rows.length > 1 && TABLE_RULE.test(rows[1]!) && TABLE_ROW.test(rows[0]!);
  const header = hasHeader ? cells(rows[0]!) : null;
  const body = rows.slice(hasHeader ? 2 : 0).filter((row) => TABLE_ROW.test(row) && !TABLE_RULE.test(row));
  return body.map((row) =>
    asSentence(
      cells(row)
        .map((cell, i) => (header?.[i] && cell ? `${header[i]}：${cell}` : cell))
        .filter(Boolean)
        .join('，'),
    ),
  );
}
