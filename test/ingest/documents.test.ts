import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.js';
import { Engine, loadCorpus } from '../../src/core/index.js';
import { tempCorpus } from '../helpers/corpus.js';
import { LAW_FACTS, lawPdf } from '../helpers/law.js';
import { makePdf, scannedPdf } from '../helpers/pdf.js';
import { sink } from '../helpers/streams.js';

/** Imports `file` (written into a fresh folder) into another fresh folder. */
async function importFile(name: string, data: Uint8Array | string, flags: string[] = []) {
  const dir = tempCorpus({ [name]: data });
  const out = tempCorpus({});
  const stdout = sink();
  const stderr = sink();
  const started = performance.now();
  const code = await main([join(dir, name), '--out', out, ...flags], stdout, stderr);
  const id = name.replace(/\.[^.]+$/, '');
  return {
    code,
    ms: performance.now() - started,
    stdout: stdout.text(),
    stderr: stderr.text(),
    markdown: () => readFileSync(join(out, `${id}.md`), 'utf8'),
    engine: () => Engine.build(loadCorpus(out)),
  };
}

const LINK = ['--url', 'https://example.org/doc'];

/** The section headings a reader would choose for the code: its chapters, and the 节 of a divided one, numbered in sequence. */
function expectedHeadings(chapters: Array<{ label: string; name: string; sections: number }>): string[] {
  const parts = chapters.flatMap((chapter) =>
    chapter.sections ? [`${chapter.label} 第一节 | ${chapter.name}的一般规定`, `${chapter.label} 第二节 | ${chapter.name}的特别规定`] : [`${chapter.label} | ${chapter.name}`],
  );
  return parts.map((part, i) => `## ${i + 1}. ${part} | ${part.split(' | ')[1]}`);
}

/** The `## label | keyword | headline` lines of a corpus file. */
const headings = (markdown: string): string[] => markdown.split('\n').filter((line) => line.startsWith('## '));

describe('a long code of law as a PDF', () => {
  it('GIVEN a 234-page PDF whose 第X章 numbering restarts in every 编, with bookmarks, a table of contents, a running header and page numbers THEN it imports in under 30 s, one section per chapter or 节, numbered in sequence with the 编 in the label, and its articles answer', async () => {
    const law = lawPdf({ targetPages: 234 });
    expect(law.pages).toBeGreaterThanOrEqual(234);
    const result = await importFile('code.pdf', new Uint8Array(law.pdf), [...LINK, '--date', '2020-05-28']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(30_000);
    const markdown = result.markdown();
    const lines = headings(markdown);
    // every chapter is a section, except the one divided into 节, which gives one per 节; numbered 1, 2, 3…
    expect(lines).toEqual(expectedHeadings(law.chapters));
    expect(lines).toContain('## 9. 第三编 第一章 第一节 | 合同通知的一般规定 | 合同通知的一般规定');
    // the table of contents, the running header and the page numbers are not text
    expect(markdown).not.toMatch(/……\d+/);
    expect(markdown.match(/示例共和国民事规范汇编/g)).toHaveLength(1);
    expect(markdown).not.toMatch(/^- \d+ -$/m);
    // an article keeps the space after its number, and starts its own paragraph
    expect(markdown).toMatch(/^第十二条 /m);
    const bot = result.engine();
    for (const fact of LAW_FACTS) expect(bot.ask(fact.question).answer, fact.question).toContain(fact.answer);
  }, 60_000);

  it('GIVEN the same code without bookmarks THEN its numbering alone gives the same sections', async () => {
    const law = lawPdf({ targetPages: 60, outline: false });
    const result = await importFile('plain-code.pdf', new Uint8Array(law.pdf), [...LINK, '--date', '2020-05-28']);
    expect(result.code).toBe(0);
    expect(headings(result.markdown())).toEqual(expectedHeadings(law.chapters));
  });

  it('GIVEN a PDF whose headings have no numbers but a larger type THEN the larger lines are its sections', async () => {
    const page = (heading: string, text: string[]) => [{ x: 72, y: 780, text: heading, size: 16 }, ...text.map((line, i) => ({ x: 72, y: 750 - i * 18, text: line, size: 11 }))];
    const pdf = makePdf([
      [{ x: 72, y: 800, text: '新区年度水务报告', size: 24 }, ...page('供水保障', ['新区今年新建水厂两座，日供水能力达到三十万吨。', '城区管网漏损率下降到百分之八。']).map((line) => ({ ...line, y: line.y - 30 }))],
      page('污水处理', ['新区污水处理率达到百分之九十六，新建泵站五座。', '再生水利用量达到每日四万吨。']),
      page('防汛排涝', ['新区完成易涝点改造二十处，新增排涝能力每秒六十立方米。', '汛期未发生城区内涝。']),
    ], { Author: '示例水务局' });
    const result = await importFile('water.pdf', new Uint8Array(pdf), [...LINK, '--date', '2024-03-01']);
    expect(result.code).toBe(0);
    expect(headings(result.markdown()).map((line) => line.split(' | ')[1])).toEqual(['供水保障', '污水处理', '防汛排涝']);
    expect(result.markdown()).toMatch(/^title: "新区年度水务报告"$/m);
    expect(result.engine().ask('新区新建了几座泵站').answer).toContain('五座');
  });
});

describe('a PDF whose headings are only bold', () => {
  it('GIVEN short lines in a bold font, the same size as the text THEN they are the sections', async () => {
    const lines = (heading: string, text: string, y: number) => [
      { x: 72, y, text: heading, bold: true },
      { x: 72, y: y - 20, text, size: 12 },
    ];
    const pdf = makePdf([[...lines('园区建设', '新区今年新建产业园三个，入驻企业一百二十家。', 780), ...lines('人才引进', '全年引进高层次人才四百人，发放补贴三千万元。', 700), ...lines('营商环境', '企业开办时间压缩到一个工作日，实现全程网办。', 620)]], { Title: '新区年度工作回顾' });
    const result = await importFile('bold.pdf', new Uint8Array(pdf), [...LINK, '--publisher', '示例新区', '--date', '2024-12-01']);
    expect(result.code).toBe(0);
    expect(headings(result.markdown()).map((line) => line.split(' | ')[1])).toEqual(['园区建设', '人才引进', '营商环境']);
    expect(result.engine().ask('引进了多少高层次人才').answer).toContain('四百人');
  });
});

describe('a page copied as text', () => {
  it('GIVEN a breadcrumb, the title, and a line with the paper and the date under it THEN the title, publisher and date are guessed from them and marked, and the breadcrumb is no text', async () => {
    const copied = '您所在的位置:示例传媒网 >> 新闻 >> 要闻\n\n示例新区三大工程看点\n\n示例晚报    2022年03月08日\n\n关键词1\n\n交通\n\n地铁四号线开通\n\n地铁四号线全长二十二公里，设站十六座，于三月一日开通运营。\n\n关键词2\n\n教育\n\n新建学校三所\n\n新区新建学校三所，新增学位五千四百个。\n';
    const result = await importFile('copied.txt', copied, LINK);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/guessed \(check them\): title 示例新区三大工程看点 \(the first line of the text\); date 2022-03-08 \(a date by the title\); publisher 示例晚报 \(the dated line by the title\)/);
    expect(result.markdown()).not.toMatch(/您所在的位置|^示例晚报/m);
    // the title line is the title, not the text's first paragraph
    expect(result.markdown().split('\n---\n')[1]).not.toContain('示例新区三大工程看点');
    expect(headings(result.markdown())).toEqual(['## 关键词1 | 交通 | 地铁四号线开通', '## 关键词2 | 教育 | 新建学校三所']);
  });
});

describe('a scanned PDF', () => {
  // made here: a notice set in a Chinese font and saved as a grey JPEG (test/fixtures/scan/README.md)
  const page = readFileSync(new URL('../fixtures/scan/old-street.jpg', import.meta.url));
  const second = readFileSync(new URL('../fixtures/scan/old-street-2.jpg', import.meta.url));

  it('GIVEN a PDF whose page is one picture of Chinese text and no text layer THEN OCR reads it: title, publisher and date are guessed from its lines, the body is its text without the spaces OCR sets between characters, the preview says it was read by OCR, and a question is answered from it', async () => {
    const result = await importFile('notice.pdf', new Uint8Array(scannedPdf([page])), LINK);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"青石镇推进老街改造" (示例晚报, 2024-05-01)');
    expect(result.stdout).toContain('note: the text was read by OCR from 1 scanned page: check it');
    const markdown = result.markdown();
    expect(markdown).toContain('今年青石镇投入资金3200万元');
    // OCR reads the full-width comma as ASCII; after a Chinese character it is written full-width again
    expect(markdown).toContain('镇政府表示，老街改造将于明年6月全部完工。');
    const answer = result.engine().ask('老街改造投入了多少资金');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('3200万元');
  }, 60_000);

  it('GIVEN a scan in traditional characters THEN the traditional model reads it (the simplified one misreads 舊 and 經費), and a question in simplified characters is answered', async () => {
    const traditional = readFileSync(new URL('../fixtures/scan/old-street-traditional.jpg', import.meta.url));
    const result = await importFile('notice-tw.pdf', new Uint8Array(scannedPdf([traditional])), LINK);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"青石鎮推動舊街區改造" (示例時報, 2024-05-01)');
    expect(result.markdown()).toContain('今年鎮公所投入經費3200萬元');
    const answer = result.engine().ask('旧街改造投入了多少经费');
    expect(answer.answer).toContain('3200萬元');
  }, 60_000);

  it('GIVEN a scan of two pages THEN both are read, in order, the page number aside, and the second page answers too', async () => {
    const result = await importFile('notice2.pdf', new Uint8Array(scannedPdf([page, second])), LINK);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('read by OCR from 2 scanned pages');
    const markdown = result.markdown();
    expect(markdown.indexOf('停车位180个')).toBeGreaterThan(0);
    expect(markdown.indexOf('非遗展示馆')).toBeGreaterThan(markdown.indexOf('停车位180个'));
    expect(markdown).not.toContain('第2页');
    const answer = result.engine().ask('非遗展示馆什么时候开放');
    expect(answer.answer).toContain('10月');
  }, 60_000);
});

describe('documents that cannot be imported say why in one line', () => {
  it('GIVEN a PDF with neither a text layer nor a picture to read THEN "this PDF has no text layer, and OCR read 0 letters…"', async () => {
    const result = await importFile('scan.pdf', new Uint8Array(makePdf([[], [], []], { Title: '扫描件' })), LINK);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^import: .*scan\.pdf: this PDF has no text layer, and OCR read 0 letters in its pictures \(3 pages\)/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('GIVEN a PDF locked with a password THEN the lock is named', async () => {
    const locked = makePdf([[{ x: 72, y: 780, text: '机密文件内容。' }]], {}, { locked: true });
    const result = await importFile('locked.pdf', new Uint8Array(locked), LINK);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/locked\.pdf: this PDF is locked with a password/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('GIVEN a .docx that is no zip archive, and a .pdf that is no PDF THEN each names its cause', async () => {
    const docx = await importFile('old.docx', 'This is not a zip archive at all.', LINK);
    expect(docx.code).toBe(1);
    expect(docx.stderr).toMatch(/old\.docx: this file is not a Word document \(a \.docx file is a zip archive\)/);
    const pdf = await importFile('fake.pdf', '<html>not a pdf</html>', LINK);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/fake\.pdf: this file is not a PDF that can be read/);
  });

  it('GIVEN a page that is mostly script THEN it says the text is written by scripts', async () => {
    const page = `<!doctype html><html><head><title>应用</title><script src="/app.js"></script></head><body><div id="root"></div><script>${'window.__DATA__ = {};'.repeat(200)}</script></body></html>`;
    const result = await importFile('app.html', page, LINK);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/app\.html: this page is mostly script/);
  });
});

describe('a Word file with automatic numbering and template properties', () => {
  async function numberedDocx(): Promise<Uint8Array> {
    const doc = new Document({
      title: '（填写标准名称）',
      creator: 'MC SYSTEM',
      numbering: {
        config: [
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '示例市智慧农业标准编制说明', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '2023年9月12日' }),
            new Paragraph({ children: [new TextRun('任务来源')], numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({ text: '本标准由示例市农业农村局提出，列入二〇二三年地方标准制定计划，项目编号为DB-2023-017。本标准的编制工作由示例农业科学研究院承担，参加单位包括三家龙头企业。' }),
            new Paragraph({ children: [new TextRun('编制过程')], numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({ children: [new TextRun('起草阶段')], numbering: { reference: 'outline', level: 1 } }),
            new Paragraph({ text: '起草组于二〇二三年三月成立，共有成员十一人，完成了对十二个示范基地的调研，形成了标准草案和编制说明。' }),
            new Paragraph({ children: [new TextRun('征求意见阶段')], numbering: { reference: 'outline', level: 1 } }),
            new Paragraph({ text: '草案向社会公开征求意见三十日，共收到意见四十六条，采纳三十九条，其余七条未采纳并说明了理由。' }),
            new Paragraph({ children: [new TextRun('主要技术内容')], numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({ text: '本标准规定了智慧农业物联网设备的布设密度，每百亩不少于三套传感设备，数据上传间隔不超过十五分钟。' }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('GIVEN numbered headings drawn by Word (一、 and （一）) THEN they keep their labels and are the sections; placeholders are refused and listed, not taken', async () => {
    const result = await importFile('standard.docx', await numberedDocx(), [...LINK, '--publisher', '示例市农业农村局']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const markdown = result.markdown();
    expect(headings(markdown)).toEqual(['## 一、 | 任务来源 | 任务来源', '## 二、 | 编制过程 | 编制过程', '## 三、 | 主要技术内容 | 主要技术内容']);
    // the second level stays as text of its section, with its label
    expect(markdown).toMatch(/^（一）起草阶段$/m);
    expect(markdown).toMatch(/^title: "示例市智慧农业标准编制说明"$/m);
    expect(markdown).toMatch(/^date: 2023-09-12$/m);
    expect(result.stdout).toMatch(/refused from the file: title "（填写标准名称）" \(it is a template placeholder\); publisher "MC SYSTEM" \(it looks like a template or system name/);
    expect(result.stdout).toMatch(/guessed \(check them\): .*date 2023-09-12 \(a date by the title\)/);
    const bot = result.engine();
    expect(bot.ask('征求意见收到多少条意见').answer).toContain('四十六条');
  });

  it('GIVEN the same file without --publisher THEN nothing is written, and the error names the flag after the preview', async () => {
    const result = await importFile('standard.docx', await numberedDocx(), LINK);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Preview \(nothing written\)/);
    expect(result.stdout).toMatch(/3 sections/);
    expect(result.stderr).toMatch(/^import: --publisher is needed/);
  });
});
