import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { AFTER_NAME, dateInAddress, datesIn, isoDate, labelledDate, SOURCE_LABEL, sourceIn } from './dates.js';
import { blocksOf, DocumentError, INLINE, squash, tagOf, tidy, type Extracted, type Metadata, type Walkable } from './extract.js';
import { refusal } from './plausible.js';

/**
 * A web page: its article (Readability on linkedom's DOM) as blocks, and what a reader sees about it:
 * the headline, the date and the publisher. Pages say these in many ways. In order of trust:
 *
 * - declared metadata: Open Graph and article:* tags, the tags of Chinese CMSs (PubDate, SiteName,
 *   ContentSource, ArticleTitle), itemprop, JSON-LD NewsArticle;
 * - the page's own layout: the headline is the page's line that the `<title>` holds (the rest of the
 *   `<title>` is the site's name); the date and the source stand in the lines right under the
 *   headline (发布时间：…, 来源：…); the copyright line names the site;
 * - weaker hints, marked as guessed: a labelled date elsewhere on the page, a date in the address,
 *   the site's host name.
 *
 * Values that cannot be names (template text, an e-mail, a number) are refused with their reason.
 */

/** A line of the rendered page: the text between two block boundaries, and whether a heading element holds it. */
interface PageLine {
  text: string;
  heading: boolean;
}

/** What a reader does not see. Unlike the article's blocks, navigation and footers stay: the copyright line is in the footer. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'SVG', 'IFRAME', 'HEAD']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** linkedom's document. */
type Document = ReturnType<typeof parseHTML>['document'];

/** What is read of an element. */
interface Element {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The elements `selector` matches. */
function all(document: Document, selector: string): Element[] {
  return Array.from(document.querySelectorAll(selector) as ArrayLike<Element>);
}

/** The page as a reader sees it: its lines in order (scripts, styles and hidden form parts left out). */
function pageLines(body: Walkable | null): PageLine[] {
  const lines: PageLine[] = [];
  let current = '';
  let inHeading = 0;
  let lineHeading = false;
  const flush = (): void => {
    const text = tidy(current);
    if (text) lines.push({ text, heading: lineHeading });
    current = '';
    lineHeading = false;
  };
  const walk = (node: Walkable): void => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      // two runs of figures or Latin letters in separate elements (10-08</span><span>12:00) stand apart on screen
      current += /[0-9A-Za-z]$/.test(current) && /^[0-9A-Za-z]/.test(text) ? ` ${text}` : text;
      if (inHeading && (node.textContent ?? '').trim()) lineHeading = true;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') return flush();
    const block = !INLINE.has(tag);
    if (block) flush();
    if (HEADINGS.has(tag)) inHeading++;
    for (const child of Array.from(node.childNodes)) walk(child);
    if (HEADINGS.has(tag)) inHeading--;
    if (block) flush();
  };
  if (body) walk(body);
  flush();
  return lines;
}

/** Separators between a headline and a site name in a `<title>`. */
const TITLE_SEPARATOR = /\s*(?:--+|[-_|｜–—·•»]|::)\s*|\s+/u;

/** The meta tags of a page by lower-case name, property, itemprop or http-equiv; the first of each kept. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of all(document, 'meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['name', 'property', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** What JSON-LD blocks declare: headline, datePublished, publisher name, url (of an article type, or any). */
function jsonLd(document: Document): { headline?: string; date?: string; publisher?: string; url?: string } {
  const found: { headline?: string; date?: string; publisher?: string; url?: string } = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const item = value as Record<string, unknown>;
    if (Array.isArray(item['@graph'])) visit(item['@graph']);
    const text = (key: string): string | undefined => (typeof item[key] === 'string' && (item[key] as string).trim()) || undefined;
    found.headline ??= text('headline') ?? text('title');
    found.date ??= text('datePublished') ?? text('pubDate') ?? text('dateCreated');
    found.url ??= text('url');
    const publisher = item['publisher'];
    if (publisher && typeof publisher === 'object' && typeof (publisher as Record<string, unknown>)['name'] === 'string') found.publisher ??= ((publisher as Record<string, unknown>)['name'] as string).trim();
    else if (typeof publisher === 'string') found.publisher ??= publisher.trim();
  };
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a page's broken JSON-LD is ignored, like a browser does
    }
  }
  return found;
}

/** An absolute http(s) address, or undefined. */
function absolute(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return /^https?:$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** How many lines under the headline may hold its date and source before the article begins. */
const HEADER_LINES = 10;
/** A line this long is text of the article, not the header under the headline. */
const ARTICLE_LINE_CHARS = 80;

/** A line that gives a date (2019-09-26 10:56, 发布时间：10-08). */
const dated = (text: string): boolean => datesIn(text).length > 0 || labelledDate(text, 2000) !== undefined;

/** The holder a copyright line names (版权所有 中国地理学会, Copyright © 和讯网 …, © 2010 明日大盘 京ICP备…). */
function copyrightHolders(footer: string): string[] {
  const holders: string[] = [];
  const name = '([\\p{Script=Han}A-Za-z][\\p{Script=Han}A-Za-z0-9·・（）()&\\s]{1,40}?)';
  const before = new RegExp(`(?:版权所有|Copyright|©|\\(c\\))[\\s:：]*(?:(?:©|\\(c\\)|\\d{4}(?:\\s*[-–—]\\s*(?:\\d{4}|present))?)[\\s:：]*)*${name}(?=\\s|$|[,，.。|｜]|版权|All|京|沪|粤|浙|苏|湘|晋|闽|ICP)`, 'giu');
  const after = /(?:主办(?:单位)?[:：]\s*)?([\p{Script=Han}·・（）()]{2,40})\s*版权所有/gu;
  for (const match of footer.matchAll(after)) holders.push(match[1]!);
  for (const match of footer.matchAll(before)) holders.push(match[1]!);
  return holders
    .map((holder) => holder.replace(AFTER_NAME, '').trim())
    .filter((holder) => holder.length >= 2 && !/^(?:版权所有|保留所有权利|本站|本网|All|Rights|Reserved)$/iu.test(holder));
}

/** The registrable part of a host (news.example.com.cn → example.com.cn). */
function siteOfHost(host: string): string {
  const parts = host.replace(/^www\./, '').split('.');
  const secondLevel = parts.length >= 3 && /^(?:com|net|org|gov|edu|ac|co)$/.test(parts[parts.length - 2]!);
  return parts.slice(secondLevel ? -3 : -2).join('.');
}

/** The facts a page states about itself, each with where it was read. */
export interface PageFacts {
  meta: Metadata;
  /** Fields read from the page's text or layout rather than declared: field → how. */
  guessed: Partial<Record<keyof Metadata, string>>;
  refused: Array<{ field: keyof Metadata; value: string; reason: string }>;
  /** The headline as the page's lines give it (to drop it from the body). */
  headline?: string;
}

/** Reads a page's headline, date, publisher and address (see the module comment). */
export function pageFacts(document: Document, fetchedFrom?: string): PageFacts {
  const tags = metaTags(document);
  const ld = jsonLd(document);
  const tag = (...names: string[]): string | undefined => names.map((name) => tags.get(name)).find(Boolean);
  const lines = pageLines(document.body as unknown as Walkable);
  const bodyText = lines.map((line) => line.text).join('\n');
  const han = /\p{Script=Han}/u.test(bodyText);
  const guessed: PageFacts['guessed'] = {};
  const refused: PageFacts['refused'] = [];
  const usable = (field: 'title' | 'publisher', value: string | undefined): string | undefined => {
    if (!value) return undefined;
    const cleaned = tidy(value);
    const reason = refusal(field, cleaned, han);
    if (reason) {
      if (!refused.some((item) => item.field === field && item.value === cleaned)) refused.push({ field, value: cleaned, reason });
      return undefined;
    }
    return cleaned;
  };

  // the headline: the longest line of the page that the <title> holds, else a declared title, else the heading above the date
  const documentTitle = tidy(document.querySelector('title')?.textContent ?? '');
  const declaredTitle = usable('title', tag('og:title', 'articletitle', 'twitter:title', 'headline', 'dc.title') ?? ld.headline);
  const titleKey = squash(documentTitle);
  let headlineIndex = -1;
  const consider = (index: number): void => {
    if (headlineIndex < 0 || [...lines[index]!.text].length > [...lines[headlineIndex]!.text].length) headlineIndex = index;
  };
  // a line the <title> holds: a strong match covers most of the <title>, a weak one less (the rest is the site's name)
  const inTitle = (share: number): void => {
    if (!titleKey) return;
    const minimum = Math.max(5, Math.ceil([...titleKey].length * share));
    lines.forEach((line, index) => {
      const key = squash(line.text);
      if ([...key].length >= minimum && titleKey.includes(key)) consider(index);
    });
  };
  inTitle(0.6);
  if (headlineIndex < 0 && declaredTitle) {
    // a declared title may be cut short: the page's line that starts with it is the headline
    const key = squash(declaredTitle);
    lines.forEach((line, index) => {
      if (squash(line.text).startsWith(key) && [...line.text].length <= [...declaredTitle].length * 3) consider(index);
    });
  }
  if (headlineIndex < 0) {
    // a heading right above a date or source line is the article's headline
    for (let j = 1; j < lines.length && headlineIndex < 0; j++) {
      if (!dated(lines[j]!.text) && !SOURCE_LABEL.test(lines[j]!.text)) continue;
      for (let i = j - 1; i >= Math.max(0, j - 3); i--) {
        if (lines[i]!.heading && [...lines[i]!.text].length >= 6) {
          headlineIndex = i;
          break;
        }
      }
    }
  }
  if (headlineIndex < 0) inTitle(0.3);
  // the same headline may stand twice (a hidden copy, a breadcrumb): the one with a date under it is the article's
  if (headlineIndex >= 0) {
    const key = squash(lines[headlineIndex]!.text);
    const withDate = lines.findIndex((line, index) => squash(line.text) === key && lines.slice(index + 1, index + 1 + HEADER_LINES).some((next) => dated(next.text)));
    if (withDate >= 0) headlineIndex = withDate;
  }
  let title = headlineIndex >= 0 ? usable('title', lines[headlineIndex]!.text) : undefined;
  if (!title && declaredTitle) title = declaredTitle;
  // what the <title> holds beside the headline: the site's name after it, a column or site name before it
  let titleSuffix: string[] = [];
  let titlePrefix: string[] = [];
  if (!title && documentTitle) {
    // no line of the page is the headline: the <title>'s longest part is
    const parts = documentTitle.split(TITLE_SEPARATOR).filter(Boolean);
    title = usable('title', parts.reduce((longest, part) => ([...part].length > [...longest].length ? part : longest), ''));
  }
  if (title) {
    const at = titleKey.indexOf(squash(title));
    if (at >= 0) {
      const squashedTitle = squash(title);
      const cut = (text: string): string[] => text.split(TITLE_SEPARATOR).map((part) => part.trim()).filter((part) => part.length >= 2);
      titleSuffix = cut(tidySquashedSlice(documentTitle, at + squashedTitle.length)).reverse();
      titlePrefix = cut(tidySquashedSlice(documentTitle, 0, at));
    } else {
      titleSuffix = documentTitle.split(TITLE_SEPARATOR).slice(1).reverse();
    }
  }

  // the header: the lines under the headline, up to where the article's text begins
  const header: string[] = [];
  if (headlineIndex >= 0) {
    for (const line of lines.slice(headlineIndex + 1, headlineIndex + 1 + HEADER_LINES)) {
      if ([...line.text].length > ARTICLE_LINE_CHARS || /[。！？]$/u.test(line.text)) break;
      header.push(line.text);
    }
  }
  const headerText = header.join(' ');

  // the date
  const declaredDate = isoDate(tag('article:published_time', 'og:published_time', 'article:published', 'pubdate', 'publishdate', 'publish_date', 'publish-date', 'publishtime', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'release_date') ?? ld.date ?? document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const url = absolute(fetchedFrom) ?? absolute(tag('og:url', 'url')) ?? absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? absolute(ld.url);
  const modified = isoDate(tag('dateupdate', 'lastmod', 'article:modified_time'));
  const anyDate = declaredDate ?? modified ?? isoDate(tag('maketime')) ?? dateInAddress(url);
  const yearHint = anyDate ? Number(anyDate.slice(0, 4)) : undefined;
  let date = declaredDate;
  if (!date) {
    const read: Array<[string | undefined, string]> = [
      [labelledDate(headerText, yearHint), 'the date under the headline'],
      [datesIn(headerText)[0]?.date, 'the date under the headline'],
      [labelledDate(bodyText, yearHint), 'a labelled date on the page'],
      [modified, 'the page’s last-modified date'],
      [dateInAddress(url), 'the date in the page’s address'],
    ];
    const found = read.find(([value]) => value);
    if (found) {
      date = found[0];
      guessed.date = found[1];
    }
  }

  // the publisher: declared, else the site's name in the <title>, a copyright line, a source line, a byline, the host
  const footer = lines.slice(-40).map((line) => line.text).join(' ');
  let publisher = usable('publisher', tag('og:site_name', 'sitename', 'site_name', 'application-name', 'publisher', 'dc.publisher', 'article:publisher') ?? ld.publisher);
  if (!publisher) {
    const bylineEnd = header.findIndex((line) => dated(line) || SOURCE_LABEL.test(line));
    const byline = header.slice(0, bylineEnd < 0 ? 0 : bylineEnd).find((line) => [...line].length >= 2 && [...line].length <= 20 && !/[\d:：，。,.!?！？]/u.test(line));
    // the site's host: the page's own address, else the host its links point to most
    const mainHost = (): string | undefined => {
      if (url) return siteOfHost(new URL(url).hostname);
      const hostLinks = new Map<string, number>();
      for (const anchor of all(document, 'a[href]')) {
        const href = absolute(anchor.getAttribute('href'));
        if (!href) continue;
        const site = siteOfHost(new URL(href).hostname);
        hostLinks.set(site, (hostLinks.get(site) ?? 0) + 1);
      }
      return [...hostLinks].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    const holders = copyrightHolders(footer);
    // on a Chinese page, a name in Chinese first; a Latin one (© Baidu) only after the page's other hints
    const chineseHolders = holders.filter((holder) => !han || /\p{Script=Han}/u.test(holder));
    // read in order, each only when those before it gave nothing usable
    const candidates: Array<[() => Array<string | undefined>, string]> = [
      [() => [titleSuffix[0]], 'the site’s name in the page title'],
      [() => chineseHolders, 'the copyright line'],
      [() => [sourceIn(headerText)], 'the source line under the headline'],
      [() => [byline], 'the byline under the headline'],
      [() => lines.filter((line) => [...line.text].length <= 40).map((line) => sourceIn(line.text)), 'a source line on the page'],
      [() => [...titleSuffix.slice(1), ...titlePrefix], 'the page title'],
      [() => holders, 'the copyright line'],
      [() => [tag('author', 'article:author', 'og:article:author', 'dc.creator', 'contentsource')], 'the page’s author tag'],
      [() => [mainHost()], 'the site’s address'],
    ];
    found: for (const [values, how] of candidates) {
      for (const value of values()) {
        const name = usable('publisher', value);
        if (name) {
          publisher = name;
          guessed.publisher = how;
          break found;
        }
      }
    }
  }
  const language = document.documentElement?.getAttribute('lang') ?? tag('content-language', 'language') ?? undefined;
  return {
    meta: { title, publisher, date, url, ...(language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(language) ? { language } : {}) },
    guessed,
    refused,
    ...(headlineIndex >= 0 ? { headline: lines[headlineIndex]!.text } : title ? { headline: title } : {}),
  };
}

/**
 * The part of `text` between two offsets counted in its squashed form (spaces and width folded):
 * the <title> is matched squashed, and cut where the headline ends.
 */
function tidySquashedSlice(text: string, from: number, to?: number): string {
  let squashed = 0;
  let start = -1;
  let end = text.length;
  const chars = [...text];
  let offset = 0;
  for (const char of chars) {
    const size = squash(char).length;
    if (start < 0 && squashed >= from) start = offset;
    if (to !== undefined && squashed >= to && end === text.length) end = offset;
    squashed += size;
    offset += char.length;
  }
  if (start < 0) start = text.length;
  return text.slice(start, end);
}

/** A web page: its article (Readability) as blocks, and its facts (see {@link pageFacts}). */
export function extractHtml(html: string, url?: string): Extracted {
  const { document } = parseHTML(html);
  const facts = pageFacts(document, url);
  // Readability changes the document it reads: it is given a copy
  const article = new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 50 }).parse();
  const content = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body : document.body;
  if (!facts.meta.title && article?.title) {
    const reason = refusal('title', article.title, true);
    if (!reason) facts.meta.title = tidy(article.title);
  }
  const titles = new Set([facts.meta.title, facts.headline, article?.title].filter((title): title is string => Boolean(title)).map(squash));
  // the headline is the title, not text: Readability may keep it as a heading or as a paragraph
  const blocks = blocksOf(content as unknown as Walkable).map((block) => (titles.has(squash(block.text)) ? { ...block, kind: 'heading' as const, level: 1 } : block));
  if (!blocks.some((block) => block.kind === 'paragraph')) {
    // nothing to read: a page whose text its scripts write in the browser
    const scripts = all(document, 'script').reduce((sum, script) => sum + (script.textContent?.length ?? 0), 0);
    if (scripts > html.length / 3 || all(document, 'script[src]').length > 0) throw new DocumentError('script-page', 'this page is mostly script: its text is written by scripts in the browser, not in the HTML. Save the page from a browser, or import its text');
    throw new DocumentError('empty', 'this page holds no article text');
  }
  return { blocks, meta: facts.meta, guessed: facts.guessed, refused: facts.refused };
}
