import JSZip from 'jszip';
import { DOMParser } from 'linkedom';
import { frontFromText, isoDate } from './dates.js';
import { DocumentError, tidy, type Block, type Extracted, type Metadata } from './extract.js';
import { refusal } from './plausible.js';

/**
 * A Word file (.docx), read from its XML parts: paragraphs and tables in order, heading levels from
 * the styles (their names, or their outline level), and the numbers Word draws itself (automatic
 * numbering: 一、 （一） 1.) rendered from numbering.xml, so that a numbered heading keeps its label.
 * Core properties give the title and publisher unless they are template text.
 */

interface XmlElement {
  tagName: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
  childNodes: ArrayLike<XmlElement & { nodeType: number }>;
  textContent: string | null;
}

function xml(text: string): XmlElement {
  return new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as XmlElement;
}

function children(element: XmlElement, tag?: string): XmlElement[] {
  return Array.from(element.childNodes).filter((child) => child.nodeType === 1 && (!tag || child.tagName === tag));
}

function child(element: XmlElement | undefined, tag: string): XmlElement | undefined {
  return element ? children(element, tag)[0] : undefined;
}

function val(element: XmlElement | undefined): string | undefined {
  return element?.getAttribute('w:val') ?? undefined;
}

/** A numbering level: its format (decimal, chineseCounting…), its text with %1…%9, its start. */
interface NumberingLevel {
  format: string;
  text: string;
  start: number;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五, 1260 → 一千二百六十. */
export function chineseNumber(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value]!;
  if (value < 20) return `十${value % 10 ? CHINESE_DIGITS[value % 10] : ''}`;
  if (value < 100) return `${CHINESE_DIGITS[Math.floor(value / 10)]}十${value % 10 ? CHINESE_DIGITS[value % 10] : ''}`;
  if (value < 1000) {
    const rest = value % 100;
    return `${CHINESE_DIGITS[Math.floor(value / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CHINESE_DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
  }
  if (value < 10_000) {
    const rest = value % 1000;
    return `${CHINESE_DIGITS[Math.floor(value / 1000)]}千${rest === 0 ? '' : rest < 100 ? `零${rest < 20 && rest >= 10 ? '一' : ''}${chineseNumber(rest)}` : chineseNumber(rest)}`;
  }
  return String(value);
}

function roman(value: number): string {
  const numerals: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [size, letters] of numerals) while (value >= size) {
    out += letters;
    value -= size;
  }
  return out;
}

/** A counter's value in one of Word's number formats. */
function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(value);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10]!;
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(value - 1) % 12]!;
    case 'upperLetter':
      return String.fromCharCode(64 + (((value - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((value - 1) % 26) + 1));
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value <= 20 ? String.fromCodePoint(0x2460 + value - 1) : String(value);
    case 'decimalFullWidth':
      return [...String(value)].map((digit) => String.fromCodePoint(0xff10 + Number(digit))).join('');
    case 'decimalZero':
      return String(value).padStart(2, '0');
    default:
      return String(value);
  }
}

/** Word's automatic numbering: the levels of each list, and counters that run as paragraphs come. */
class Numbering {
  private readonly lists = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly abstracts = new Map<string, Map<number, NumberingLevel>>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | undefined) {
    if (!numberingXml) return;
    const root = xml(numberingXml);
    for (const abstract of children(root, 'w:abstractNum')) {
      const levels = new Map<number, NumberingLevel>();
      for (const level of children(abstract, 'w:lvl')) {
        levels.set(Number(level.getAttribute('w:ilvl') ?? 0), { format: val(child(level, 'w:numFmt')) ?? 'decimal', text: val(child(level, 'w:lvlText')) ?? '', start: Number(val(child(level, 'w:start')) ?? 1) });
      }
      this.abstracts.set(abstract.getAttribute('w:abstractNumId') ?? '', levels);
    }
    for (const num of children(root, 'w:num')) {
      const starts = new Map<number, number>();
      for (const override of children(num, 'w:lvlOverride')) {
        const start = val(child(override, 'w:startOverride'));
        if (start !== undefined) starts.set(Number(override.getAttribute('w:ilvl') ?? 0), Number(start));
      }
      this.lists.set(num.getAttribute('w:numId') ?? '', { abstract: val(child(num, 'w:abstractNumId')) ?? '', starts });
    }
  }

  /** The label Word draws before the next paragraph of list `numId` at `level` (一、 （二） 3.), or '' for bullets and none. */
  next(numId: string, level: number): string {
    const list = this.lists.get(numId);
    const levels = list ? this.abstracts.get(list.abstract) : undefined;
    const spec = levels?.get(level);
    if (!list || !levels || !spec || numId === '0') return '';
    // lists sharing one abstract numbering continue one count, as Word does
    const key = list.abstract;
    const counts = this.counters.get(key) ?? [];
    const startOf = (at: number): number => list.starts.get(at) ?? levels.get(at)?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level]! + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = undefined as unknown as number;
    counts.length = level + 1;
    this.counters.set(key, counts);
    if (spec.format === 'bullet' || spec.format === 'none') return '';
    return spec.text.replace(/%(\d)/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const value = counts[at] ?? startOf(at);
      // a level that shows a parent's number in Arabic digits (1.2) writes it so
      return formatNumber(value, at === level ? spec.format : levels.get(at)?.format ?? 'decimal');
    });
  }
}

/** A paragraph style: its heading level (1 for Title), its numbering, whether it is bold. */
interface Style {
  level?: number;
  numId?: string;
  numLevel?: number;
  bold?: boolean;
}

/** The paragraph styles of styles.xml by id, with what they inherit (basedOn) resolved. */
function readStyles(stylesXml: string | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!stylesXml) return styles;
  const raw = new Map<string, { name: string; basedOn?: string; outline?: number; numId?: string; numLevel?: number; bold?: boolean }>();
  for (const style of children(xml(stylesXml), 'w:style')) {
    if (style.getAttribute('w:type') !== 'paragraph') continue;
    const pPr = child(style, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const outline = val(child(pPr, 'w:outlineLvl'));
    const bold = child(child(style, 'w:rPr'), 'w:b');
    raw.set(style.getAttribute('w:styleId') ?? '', {
      name: (val(child(style, 'w:name')) ?? '').toLowerCase(),
      basedOn: val(child(style, 'w:basedOn')),
      outline: outline === undefined ? undefined : Number(outline),
      numId: val(child(numPr, 'w:numId')),
      numLevel: val(child(numPr, 'w:ilvl')) === undefined ? undefined : Number(val(child(numPr, 'w:ilvl'))),
      bold: bold ? val(bold) !== '0' && val(bold) !== 'false' : undefined,
    });
  }
  const resolve = (id: string, seen = new Set<string>()): Style => {
    const style = raw.get(id);
    if (!style || seen.has(id)) return {};
    seen.add(id);
    const parent = style.basedOn ? resolve(style.basedOn, seen) : {};
    const heading = /^(?:heading|标题)\s*(\d)$/.exec(style.name);
    const level = style.name === 'title' || style.name === '标题' ? 1 : heading ? Number(heading[1]) + 1 : style.outline !== undefined && style.outline < 9 ? style.outline + 2 : parent.level;
    return { level, numId: style.numId ?? parent.numId, numLevel: style.numLevel ?? parent.numLevel ?? (style.numId ? 0 : undefined), bold: style.bold ?? parent.bold };
  };
  for (const id of raw.keys()) styles.set(id, resolve(id));
  return styles;
}

/** The text of a paragraph's runs (tabs and breaks as spaces), and whether every run is bold. */
function paragraphText(paragraph: XmlElement, styleBold: boolean): { text: string; bold: boolean } {
  let text = '';
  let bold = true;
  let runs = 0;
  const walk = (element: XmlElement): void => {
    for (const node of children(element)) {
      if (node.tagName === 'w:r') {
        let runText = '';
        for (const part of children(node)) {
          if (part.tagName === 'w:t') runText += part.textContent ?? '';
          else if (part.tagName === 'w:tab' || part.tagName === 'w:br' || part.tagName === 'w:cr') runText += ' ';
        }
        if (runText.trim()) {
          runs++;
          const b = child(child(node, 'w:rPr'), 'w:b');
          const runBold = b ? val(b) !== '0' && val(b) !== 'false' : styleBold;
          if (!runBold) bold = false;
        }
        text += runText;
      } else if (node.tagName === 'w:hyperlink' || node.tagName === 'w:smartTag' || node.tagName === 'w:ins' || node.tagName === 'w:fldSimple' || node.tagName === 'w:sdtContent' || node.tagName === 'w:sdt') {
        walk(node);
      }
    }
  };
  walk(paragraph);
  return { text, bold: bold && runs > 0 };
}

/** A Word file: its blocks (see the module comment) and its core properties. */
export async function extractDocx(data: Uint8Array): Promise<Extracted> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new DocumentError('not-docx', 'this file is not a Word document (a .docx file is a zip archive): an old .doc or another file renamed? Save it as .docx and import it again');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) throw new DocumentError('not-docx', 'this zip archive has no word/document.xml: it is not a Word document');
  const styles = readStyles(await zip.file('word/styles.xml')?.async('string'));
  const numbering = new Numbering(await zip.file('word/numbering.xml')?.async('string'));
  const body = child(xml(documentXml), 'w:body');
  const blocks: Block[] = [];

  const paragraph = (element: XmlElement): Block | undefined => {
    const pPr = child(element, 'w:pPr');
    const style = styles.get(val(child(pPr, 'w:pStyle')) ?? '') ?? {};
    const numPr = child(pPr, 'w:numPr');
    const numId = val(child(numPr, 'w:numId')) ?? style.numId;
    const numLevel = Number(val(child(numPr, 'w:ilvl')) ?? style.numLevel ?? 0);
    const outline = val(child(pPr, 'w:outlineLvl'));
    const { text, bold } = paragraphText(element, style.bold ?? false);
    const content = tidy(text);
    if (!content) return undefined;
    const label = numId ? numbering.next(numId, numLevel) : '';
    const full = label ? tidy(`${label}${/[、.．)）]$/u.test(label) ? '' : ' '}${content}`) : content;
    const level = outline !== undefined && Number(outline) < 9 ? Number(outline) + 2 : style.level;
    if (level !== undefined) return { kind: 'heading', text: full, level };
    return { kind: 'paragraph', text: full, ...(bold ? { strong: true } : {}) };
  };
  const walk = (element: XmlElement): void => {
    for (const node of children(element)) {
      if (node.tagName === 'w:p') {
        const block = paragraph(node);
        if (block) blocks.push(block);
      } else if (node.tagName === 'w:tbl') {
        // a table row is one line of text: its cells in order
        for (const row of children(node, 'w:tr')) {
          const cells = children(row, 'w:tc').map((cell) => tidy(children(cell, 'w:p').map((p) => paragraphText(p, false).text).join(' '))).filter(Boolean);
          if (cells.length) blocks.push({ kind: 'paragraph', text: cells.join('；') });
        }
      } else if (node.tagName !== 'w:sectPr') {
        walk(node);
      }
    }
  };
  if (body) walk(body);

  const meta: Metadata = {};
  const guessed: Extracted['guessed'] = {};
  const refused: NonNullable<Extracted['refused']> = [];
  const han = blocks.some((block) => /\p{Script=Han}/u.test(block.text));
  const core = await zip.file('docProps/core.xml')?.async('string');
  const field = (name: string): string | undefined => (core ? new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(core)?.[1]?.trim() || undefined : undefined);
  const take = (key: 'title' | 'publisher', value: string | undefined): void => {
    if (!value || meta[key]) return;
    const reason = refusal(key, value, han);
    if (reason) refused.push({ field: key, value, reason });
    else meta[key] = value;
  };
  take('title', field('dc:title'));
  take('publisher', field('dc:publisher'));
  take('publisher', field('dc:creator'));
  const language = field('dc:language');
  if (language) meta.language = language;
  frontFromText(blocks.map((block) => block.text), meta, guessed, isoDate(field('dcterms:created')));
  return { blocks, meta, guessed, refused };
}
