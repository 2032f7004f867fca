import { chineseNumber as chinese } from '../../src/ingest/docx.js';
import { makePdf, type PdfBookmark, type PdfLine } from './pdf.js';

/**
 * A long code of law made up here, laid out as a PDF is: 编 / 章 / 节 / 条, chapter numbers that
 * start again at 第一章 in every 编 (as real codes number them), a table of contents, a running
 * header and page numbers, articles that wrap over several lines. A few articles carry facts the
 * tests ask about.
 */

const PART_NAMES = ['总则', '物权', '合同', '人格权', '婚姻家庭', '继承', '侵权责任'];
const TOPICS = ['登记', '期限', '费用', '通知', '担保', '变更', '解除', '责任', '证明', '期间', '程序', '保全'];

/** Facts in particular articles: [part, chapter, sentence, question, answer]. */
export const LAW_FACTS: Array<{ part: number; chapter: number; sentence: string; question: string; answer: string }> = [
  { part: 3, chapter: 2, sentence: '示例买卖合同的标的物交付后，买受人应当在十五日内完成检验。', question: '买受人应当在多少日内完成检验', answer: '十五日内' },
  { part: 5, chapter: 1, sentence: '示例家庭财产登记由户籍所在地的登记机关办理，登记费为每件八十元。', question: '家庭财产登记费是多少', answer: '八十元' },
  { part: 7, chapter: 3, sentence: '饲养的示例动物造成他人损害的，饲养人应当承担赔偿责任，赔偿期限为六个月。', question: '饲养动物造成损害赔偿期限是多久', answer: '六个月' },
];

export interface LawPdf {
  pdf: Buffer;
  pages: number;
  /** Every chapter as 第X编 第Y章 with its name, in order. */
  chapters: Array<{ label: string; name: string; sections: number }>;
}

/**
 * The code as a PDF of about `targetPages` pages; with `outline`, its 编 and 章 are bookmarked.
 * Part 3, chapter 1 is divided into 节.
 */
export function lawPdf({ targetPages = 234, outline = true }: { targetPages?: number; outline?: boolean } = {}): LawPdf {
  // as many articles per chapter as fill the pages asked for
  let articles = 3;
  let law = layLaw(articles, outline);
  while (law.pages < targetPages) {
    articles = Math.ceil((articles * targetPages) / law.pages) + 1;
    law = layLaw(articles, outline);
  }
  return law;
}

const LINES_PER_PAGE = 36;
const CHARS_PER_LINE = 34;

function layLaw(articlesPerChapter: number, outline: boolean): LawPdf {
  const chaptersPerPart = 4;
  const lines: Array<{ text: string; size: number; mark?: { depth: number; title: string } }> = [];
  const chapters: LawPdf['chapters'] = [];
  lines.push({ text: '示例共和国民事规范汇编', size: 22 });
  lines.push({ text: '目录', size: 16 });
  PART_NAMES.forEach((name, p) => {
    lines.push({ text: `第${chinese(p + 1)}编 ${name}……${p * 30 + 3}`, size: 12 });
    for (let c = 1; c <= chaptersPerPart; c++) lines.push({ text: `第${chinese(c)}章 ${name}${TOPICS[(p + c) % TOPICS.length]}……${p * 30 + c * 7}`, size: 12 });
  });
  let article = 0;
  const wrap = (text: string): void => {
    for (let at = 0; at < text.length; at += CHARS_PER_LINE) lines.push({ text: text.slice(at, at + CHARS_PER_LINE), size: 12 });
  };
  PART_NAMES.forEach((name, p) => {
    const partTitle = `第${chinese(p + 1)}编 ${name}`;
    lines.push({ text: partTitle, size: 16, mark: { depth: 0, title: partTitle } });
    for (let c = 1; c <= chaptersPerPart; c++) {
      const chapterName = `${name}${TOPICS[(p + c) % TOPICS.length]}`;
      const chapterTitle = `第${chinese(c)}章 ${chapterName}`;
      lines.push({ text: chapterTitle, size: 14, mark: { depth: 1, title: chapterTitle } });
      const divided = p === 2 && c === 1;
      chapters.push({ label: `第${chinese(p + 1)}编 第${chinese(c)}章`, name: chapterName, sections: divided ? 2 : 0 });
      for (let a = 0; a < articlesPerChapter; a++) {
        if (divided && (a === 0 || a === Math.floor(articlesPerChapter / 2))) lines.push({ text: `第${a === 0 ? '一' : '二'}节 ${chapterName}${a === 0 ? '的一般规定' : '的特别规定'}`, size: 12 });
        article++;
        const fact = a === 1 ? LAW_FACTS.find((item) => item.part === p + 1 && item.chapter === c) : undefined;
        const topic = TOPICS[(article * 7) % TOPICS.length]!;
        const body = fact
          ? fact.sentence
          : `${chapterName}中的${topic}事项，当事人应当依照本编规定办理，并按照约定履行第${chinese(article)}项义务；法律另有规定的，依照其规定。`;
        wrap(`第${chinese(article)}条 ${body}`);
      }
    }
  });
  // pages: a running header and a page number on each
  const pages: PdfLine[][] = [];
  const bookmarks: PdfBookmark[] = [];
  for (let start = 0; start < lines.length; start += LINES_PER_PAGE) {
    const number = pages.length;
    const page: PdfLine[] = [{ x: 72, y: 810, text: '示例共和国民事规范汇编', size: 9 }];
    lines.slice(start, start + LINES_PER_PAGE).forEach((line, i) => {
      page.push({ x: 72, y: 780 - i * 20, text: line.text, size: line.size });
      if (line.mark?.depth === 0) bookmarks.push({ title: line.mark.title, page: number, children: [] });
      else if (line.mark) bookmarks[bookmarks.length - 1]!.children!.push({ title: line.mark.title, page: number });
    });
    page.push({ x: 290, y: 30, text: `- ${number + 1} -`, size: 9 });
    pages.push(page);
  }
  return { pdf: makePdf(pages, { Title: '示例共和国民事规范汇编', Author: '示例立法研究中心' }, outline ? { outline: bookmarks } : {}), pages: pages.length, chapters };
}
