import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.js';
import { Engine, loadCorpus } from '../../src/core/index.js';
import { tempCorpus } from '../helpers/corpus.js';
import { makePdf } from '../helpers/pdf.js';
import { sink } from '../helpers/streams.js';

/** Imports `input` into a fresh corpus folder; returns the exit code, output and the engine over the folder. */
async function importInto(input: string, flags: string[] = []) {
  const out = tempCorpus({});
  const stdout = sink();
  const stderr = sink();
  const code = await main([input, '--out', out, ...flags], stdout, stderr);
  return { code, out, stdout: stdout.text(), stderr: stderr.text(), engine: () => Engine.build(loadCorpus(out)) };
}

const PAGE = `<!doctype html><html lang="zh-CN"><head>
<title>滨江新区交通民生报告 - 示例新闻网</title>
<meta property="og:title" content="滨江新区交通民生报告">
<meta property="og:site_name" content="示例新闻网">
<meta property="article:published_time" content="2024-05-06T08:00:00+08:00">
</head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="/sports">体育</a> <a href="/ent">娱乐</a></nav>
<div class="ad">广告:限时特惠,点击领取优惠券!</div>
<article>
<h1>滨江新区交通民生报告</h1>
<p>5日,滨江新区通报今年以来交通和民生工作的进展情况,各项工作稳步推进。</p>
<p><strong>一、交通建设提速</strong></p>
<p>滨江大桥主体工程完工,全长2.4公里,已于4月30日通车,两岸通行时间缩短到十分钟以内。</p>
<p>新开通社区公交线路5条,票价统一为2元,覆盖沿线十二个小区的居民出行。</p>
<p><strong>二、民生服务改善</strong></p>
<p>社区医院新增就诊窗口12个,居民就医平均等候时间缩短到15分钟,群众满意度明显提升。</p>
</article>
<footer>版权所有 示例新闻网 备案号 12345 联系我们 关于我们</footer>
</body></html>`;

describe('npm run import: one command per report', () => {
  it('GIVEN an HTML page with navigation, ads and a footer around an article with 一、 headings THEN the article alone is imported, sectioned, and answers', async () => {
    const dir = tempCorpus({ 'binjiang.html': PAGE });
    const { code, out, stdout, engine } = await importInto(join(dir, 'binjiang.html'), ['--url', 'https://example.org/binjiang']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 sections/);
    expect(stdout).toMatch(/from the file: title, date, publisher/);
    const text = readFileSync(join(out, 'binjiang.md'), 'utf8');
    expect(text).not.toMatch(/广告|版权所有|体育/);
    expect(text).toMatch(/^## 一、 \| 交通建设提速 \| 交通建设提速$/m);
    const bot = engine();
    expect(bot.ask('滨江大桥什么时候通车').answer).toContain('4月30日');
    expect(bot.ask('社区医院新增了几个就诊窗口').answer).toContain('12个');
  });

  it('GIVEN a DOCX with heading styles THEN its headings are the sections and its core properties the front matter', async () => {
    const doc = new Document({
      creator: '示例周报',
      title: '绿道建设情况',
      sections: [
        {
          children: [
            new Paragraph({ text: '绿道建设情况', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '本报讯 新区今年加快绿道建设。' }),
            new Paragraph({ text: '沿江绿道', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new TextRun('沿江绿道累计完成造林3200亩,新建口袋公园9个。')] }),
            new Paragraph({ text: '山地步道', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new TextRun('山地健身步道新建12公里,沿线设置驿站6处。')] }),
          ],
        },
      ],
    });
    const dir = tempCorpus({ 'greenway.docx': new Uint8Array(await Packer.toBuffer(doc)) });
    const { code, stdout, engine } = await importInto(join(dir, 'greenway.docx'), ['--url', 'https://example.org/greenway', '--date', '2024-06-01']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 sections/);
    expect(stdout).toMatch(/"绿道建设情况" \(示例周报, 2024-06-01\)/);
    const bot = engine();
    expect(bot.ask('沿江绿道完成造林多少亩').answer).toContain('3200亩');
    expect(bot.ask('山地步道新建了多长').answer).toContain('12公里');
  });

  it('GIVEN a PDF of two pages with a page footer THEN lines join into paragraphs without spaces, footers and page numbers go', async () => {
    const pdf = makePdf(
      [
        [
          { x: 72, y: 780, text: '一、水环境' },
          { x: 72, y: 760, text: '新区今年完成河道整治8条,' },
          { x: 72, y: 745, text: '国考断面水质优良率达到100%。' },
          { x: 72, y: 60, text: '滨江新区生态环境简报' },
          { x: 290, y: 40, text: '第 1 页' },
        ],
        [
          { x: 72, y: 780, text: '二、大气' },
          { x: 72, y: 760, text: 'PM2.5平均浓度同比下降7.9%,' },
          { x: 72, y: 745, text: '优良天数比例达到88%。' },
          { x: 72, y: 60, text: '滨江新区生态环境简报' },
          { x: 290, y: 40, text: '第 2 页' },
        ],
      ],
      { Title: '滨江新区生态环境简报', Author: '示例环保局', CreationDate: 'D:20240701000000Z' },
    );
    const dir = tempCorpus({ 'eco.pdf': new Uint8Array(pdf) });
    const { code, out, engine } = await importInto(join(dir, 'eco.pdf'), ['--url', 'https://example.org/eco']);
    expect(code).toBe(0);
    const text = readFileSync(join(out, 'eco.md'), 'utf8');
    expect(text).toContain('新区今年完成河道整治8条,国考断面水质优良率达到100%。');
    expect(text).not.toMatch(/第 \d 页|^滨江新区生态环境简报$/m);
    expect(text).toMatch(/^date: 2024-07-01$/m);
    const bot = engine();
    expect(bot.ask('完成河道整治多少条').answer).toContain('8条');
    expect(bot.ask('优良天数比例是多少').answer).toContain('88%');
  });

  it('GIVEN a plain text file THEN it is read as it is, its 关键词 headings found', async () => {
    const dir = tempCorpus({
      'plain.txt': '示例新区工作简报\n\n2024年8月2日\n\n关键词1\n\n就业\n\n新增就业岗位4500个\n\n新区今年新增就业岗位4500个,技能培训覆盖1.2万人次。\n\n关键词2\n\n教育\n\n新建学校3所\n\n新区新建学校3所,新增学位5400个。\n',
    });
    const { code, stdout, engine } = await importInto(join(dir, 'plain.txt'), ['--url', 'https://example.org/plain', '--publisher', '示例日报']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. 就业 \| 新增就业岗位4500个/);
    expect(stdout).toMatch(/guessed \(check them\): title 示例新区工作简报 \(the first line of the text\); date 2024-08-02 \(a date by the title\)/);
    const bot = engine();
    expect(bot.ask('技能培训覆盖多少人次').answer).toContain('1.2万人次');
    expect(bot.ask('新增学位多少个').answer).toContain('5400个');
  });

  it('GIVEN a field nothing gives THEN the error names the flag; an existing report is not overwritten without --force; --dry-run writes nothing', async () => {
    const dir = tempCorpus({ 'plain.txt': '标题\n\n一、甲\n\n正文内容。\n' });
    const missing = await importInto(join(dir, 'plain.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--publisher, --date, --url are needed/);
    const flags = ['--publisher', '示例', '--date', '2024-01-01', '--url', 'https://example.org/p', '--id', 'p'];
    const first = await importInto(join(dir, 'plain.txt'), flags);
    expect(first.code).toBe(0);
    const again = await main([join(dir, 'plain.txt'), '--out', first.out, ...flags], sink(), sink());
    expect(again).toBe(1);
    expect(await main([join(dir, 'plain.txt'), '--out', first.out, ...flags, '--force'], sink(), sink())).toBe(0);
    const dry = await importInto(join(dir, 'plain.txt'), [...flags, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(existsSync(join(dry.out, 'p.md'))).toBe(false);
  });

  it('GIVEN --dry-run and no flags at all THEN the preview shows sections and passages first, lists what is missing, and writes nothing', async () => {
    const dir = tempCorpus({ 'brief.txt': '示例新区工作简报\n\n一、就业\n\n新区今年新增就业岗位4500个。\n\n二、教育\n\n新区新建学校3所。\n' });
    const dry = await importInto(join(dir, 'brief.txt'), ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Preview \(nothing written\) .*brief\.md: "示例新区工作简报" \(\?, \?\)/);
    expect(dry.stdout).toMatch(/2 sections, \d+ passages/);
    expect(dry.stdout).toMatch(/ 1\. 就业 \| 就业\n +2\. 教育 \| 教育/);
    expect(dry.stdout).toMatch(/missing: --publisher, --date, --url: the file does not say them/);
    expect(existsSync(join(dry.out, 'brief.md'))).toBe(false);
  });
});

describe('importing from an address', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/page') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (request.url === '/moved') return response.writeHead(302, { location: '/page' }).end();
      if (request.url === '/loop') return response.writeHead(302, { location: '/loop' }).end();
      if (request.url === '/image') return response.writeHead(200, { 'content-type': 'image/png' }).end('x');
      if (request.url === '/slow') return setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), 30_000).unref();
      // the head at once, then the body stalls: a slow body, not a slow server
      if (request.url === '/stall') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.write('<html><body><p>开头');
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('GIVEN an address on this machine without --allow-private THEN the operator\'s CLI refuses it too, naming the flag', async () => {
    const { code, stderr } = await importInto(`${base}/page`, ['--id', 'web']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^import: 127\.0\.0\.1 resolves to 127\.0\.0\.1, an address inside the network: refused/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a page behind a redirect THEN it is fetched and its address is the report\'s url', async () => {
    const { code, out } = await importInto(`${base}/moved`, ['--id', 'web', '--allow-private']);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'web.md'), 'utf8')).toMatch(new RegExp(`^url: "${base}/page"$`, 'm'));
  });

  it('GIVEN a redirect loop, a type that is no document, or a 404 THEN a clear error each', async () => {
    expect((await importInto(`${base}/loop`, ['--allow-private'])).stderr).toMatch(/more than 5 redirects/);
    expect((await importInto(`${base}/image`, ['--allow-private'])).stderr).toMatch(/is image\/png: only web pages, PDF, Word/);
    expect((await importInto(`${base}/nothing`, ['--allow-private'])).stderr).toMatch(/answered 404/);
  });

  it('GIVEN a server slower than the timeout, a body that stalls, or a body over the size limit THEN a clear error', async () => {
    const { fetchDocument } = await import('../../src/ingest/fetch.js');
    await expect(fetchDocument(`${base}/slow`, { timeoutMs: 300, allowPrivate: true })).rejects.toThrow(/no answer from 127\.0\.0\.1:\d+ within 0.3 s/);
    await expect(fetchDocument(`${base}/stall`, { idleMs: 300, allowPrivate: true })).rejects.toThrow(/stopped sending for 0.3 s/);
    await expect(fetchDocument(`${base}/page`, { maxBytes: 100, allowPrivate: true })).rejects.toThrow(/more than the 100 bytes/);
  });

  it('GIVEN a body that stalls THEN npm run import prints one line, no stack trace, and exits 1 (after the 10 s idle limit)', async () => {
    const { code, stderr } = await importInto(`${base}/stall`, ['--allow-private', '--id', 'stalled']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^import: .*stopped sending for 10 s/);
  }, 20_000);
});

