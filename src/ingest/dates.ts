/**
 * What the lines by a document's title say of it: its date, and who put it out (来源：…, a byline).
 * Dates as documents write them: 2021-04-15, 2021/4/15, 2021.04.15, 2021年4月15日, a PDF's
 * D:20210415…, and the labels that say a date is the publication date (发布时间：…). Every date read
 * is checked against the calendar, so a figure such as 2019-13-45 is never taken for one.
 */

/** YYYY-MM-DD for year, month and day, or undefined when they make no calendar date (or a year outside 1900-2099). */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

/** A full date anywhere in a text: year, month and day, in any of the forms above. */
const FULL_DATE = /(?<![\d])((?:19|20)\d{2})\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)/gu;
/** A PDF date: D:YYYYMMDD… */
const PDF_DATE = /D:(\d{4})(\d{2})(\d{2})/;
/** A compact date in an address: /20190918/, t20190918_, /2016/11/22/ */
const URL_DATE = /(?:^|[/_\-t])((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?=[/_\-.]|$)/;

/** Every full date in `text`, in order of appearance, with where it stands. */
export function datesIn(text: string): Array<{ date: string; index: number; end: number }> {
  const found: Array<{ date: string; index: number; end: number }> = [];
  for (const match of text.matchAll(FULL_DATE)) {
    const year = Number(match[1]);
    const month = Number(match[3] ?? match[5]);
    const day = Number(match[4] ?? match[6]);
    const date = calendarDate(year, month, day);
    if (date) found.push({ date, index: match.index!, end: match.index! + match[0].length });
  }
  return found;
}

/** A date in YYYY-MM-DD from an ISO stamp, a PDF date (D:20210415…), 2021/4/15 or 2021年4月15日; the first one found. */
export function isoDate(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const pdf = PDF_DATE.exec(text);
  if (pdf) {
    const date = calendarDate(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
    if (date) return date;
  }
  return datesIn(text)[0]?.date;
}

/** A date in a page's address (/2016/11/22/, t20190918_), or undefined. */
export function dateInAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = URL_DATE.exec(path);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** The labels of a source line: 来源：, 信息来源：, 来源于：, 出处：, Source: */
export const SOURCE_LABEL = /(?:信息)?(?:来源|来自|出处|稿源|发布机构|发布单位)(?:于)?\s*[:：]\s*|Source\s*:\s*/iu;
/** What follows a name in a source or copyright line and is not part of it. */
export const AFTER_NAME = /\s*(?:[|｜]|作者|编辑|责任编辑|时间|日期|发布|浏览|点击|阅读|字号|打印|版权|备案|ICP|京ICP|地址|电话|技术支持|All\s+rights|\d{4}[-年]).*$/iu;

/** The name after a 来源： label in `text`, or undefined. */
export function sourceIn(text: string): string | undefined {
  const label = SOURCE_LABEL.exec(text);
  if (!label) return undefined;
  const name = text.slice(label.index + label[0].length).replace(AFTER_NAME, '').trim().split(/\s{2,}/)[0]?.trim();
  return name || undefined;
}

/** Labels that say the date after them is when the text was published (or last put out). */
const DATE_LABEL = /(?:发布|发表|发稿|刊发|印发|公布|更新|上传)?(?:时间|日期)\s*[:：]|Published\s*:?|Posted\s*:?|Date\s*:/giu;

/**
 * The date a label gives (发布时间：2019-05-18, 时间： 2019-09-18 06:23). A label followed by a month
 * and day only (发布时间：10-08) takes its year from `yearHint` when one is known.
 */
export function labelledDate(text: string, yearHint?: number): string | undefined {
  for (const label of text.matchAll(DATE_LABEL)) {
    const after = text.slice(label.index! + label[0].length, label.index! + label[0].length + 40);
    const full = datesIn(after)[0];
    if (full && /^\s*$/.test(after.slice(0, full.index))) return full.date;
    const short = /^\s*(\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d./-])/u.exec(after);
    if (short) {
      // 18-03-08: a two-digit year; 10-08: month and day, the year from the hint
      if (short[1]) {
        const date = calendarDate(2000 + Number(short[1]), Number(short[2]), Number(short[3]));
        if (date) return date;
      } else if (yearHint) {
        const date = calendarDate(yearHint, Number(short[4]), Number(short[5]));
        if (date) return date;
      }
    }
  }
  return undefined;
}

/** A line that is a date or a time and nothing else (2012年6月24日, 2019-09-26 10:56:28, 12:00). */
export function isDateLine(text: string): boolean {
  const rest = text
    .replace(FULL_DATE, ' ')
    .replace(/\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g, ' ')
    .replace(/[上下]午|星期[一二三四五六日天]|周[一二三四五六日]|[()（）\s|/,，]/gu, '');
  return rest === '' && /\d/.test(text);
}

/** How many blocks from the top a date may stand and still be the document's own date. */
const DATE_NEAR_TOP_BLOCKS = 6;

/**
 * The date by a document's title: a labelled one (发布时间：…, 印发日期：…) or a short line holding a
 * date among the first blocks. A date inside the text (2017年6月1日开始实行的…) is an event, not this.
 */
export function dateNearTop(blocks: readonly string[]): string | undefined {
  const top = blocks.slice(0, DATE_NEAR_TOP_BLOCKS);
  for (const text of top) {
    const labelled = labelledDate(text);
    if (labelled) return labelled;
  }
  // a short line that is no sentence (2024年8月2日, 印发：2023年9月12日 示例局)
  for (const text of top) if (([...text].length <= 30 && !/[。！？]$/u.test(text)) || isDateLine(text)) {
    const date = datesIn(text)[0];
    if (date) return date.date;
  }
  return undefined;
}


/**
 * The name on the dated line by a document's title (成都商报 2021年04月15日, 来源：示例日报 发布时间：…):
 * what the line says besides its date, time and labels, when that is a short name. Undefined when
 * no such line stands among the first blocks.
 */
export function bylineNearTop(blocks: readonly string[]): string | undefined {
  for (const text of blocks.slice(0, DATE_NEAR_TOP_BLOCKS)) {
    if ([...text].length > 40 || /[。！？]$/u.test(text) || datesIn(text).length === 0) continue;
    const source = sourceIn(text);
    if (source) return source;
    const rest = text
      .replace(FULL_DATE, ' ')
      .replace(/\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g, ' ')
      .replace(/(?:发布|发表|更新)?(?:时间|日期)\s*[:：]|作者\s*[:：]|编辑\s*[:：]|[|｜/]/gu, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (rest.length === 1 && [...rest[0]!].length >= 2 && [...rest[0]!].length <= 20 && /\p{Script=Han}|[A-Za-z]{2}/u.test(rest[0]!)) return rest[0];
  }
  return undefined;
}

/**
 * What a file's text says of it by its title, for a file whose own metadata lacks it (a Word file,
 * a PDF, text): the publisher on the dated byline, and the date there, else the file's creation
 * date (often its template's, so only as a last guess). Fills `meta` and says how in `guessed`.
 */
export function frontFromText(texts: readonly string[], meta: { publisher?: string; date?: string }, guessed: { publisher?: string; date?: string }, created?: string): void {
  const byline = meta.publisher ? undefined : bylineNearTop(texts);
  if (byline) {
    meta.publisher = byline;
    guessed.publisher = 'the dated line by the title';
  }
  const near = dateNearTop(texts);
  if (near) {
    meta.date = near;
    guessed.date = 'a date by the title';
  } else if (created) {
    meta.date = created;
    guessed.date = 'the file’s creation date';
  }
}
