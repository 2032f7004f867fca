import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/job.js';
import { pageFacts } from '../../src/ingest/html.js';
import { buildReport } from '../../src/ingest/report.js';

/** A page made here: a site's frame (navigation, footer) around an article; `head` and `top` vary. */
function page({ head = '', top = '', article, footer = '' }: { head?: string; top?: string; article: string; footer?: string }): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
<div class="nav"><a href="https://www.example-news.cn/">首页</a> <a href="https://www.example-news.cn/city/">城市</a> <a href="https://www.example-news.cn/sports/">体育</a></div>
<div class="crumb">首页 &gt; 城市 &gt; 正文</div>
<div class="main">${top}<div class="content">${article}</div></div>
<div class="footer">${footer}</div></body></html>`;
}

const ARTICLE = `<p>本报讯 示例新区今年新建社区食堂二十四家，覆盖常住人口约十八万人，老年人用餐可享受八折优惠。</p>
<p>新区民政局负责人介绍，社区食堂由街道统一招标运营，每餐价格不超过十五元，菜品每周更新一次。</p>
<p>下一步，新区将在年底前再建成社区食堂十家，实现十五分钟助餐服务圈全覆盖。</p>`;

const facts = (html: string, url?: string) => pageFacts(parseHTML(html).document, url);

describe('what a web page says about itself', () => {
  it('GIVEN a government CMS page that states ArticleTitle, PubDate, SiteName and its url in meta tags THEN they are read as declared', () => {
    const html = page({
      head: '<title>示例新区社区食堂覆盖十八万人 - 示例省人民政府门户网站</title><meta name="ArticleTitle" content="示例新区社区食堂覆盖十八万人"><meta name="PubDate" content="2021-06-18 09:30"><meta name="SiteName" content="示例省人民政府门户网站"><meta name="ContentSource" content="示例日报"><meta name="Url" content="https://www.example.gov.cn/art/2021/6/18/art_1.html">',
      top: '<h1>示例新区社区食堂覆盖十八万人</h1>',
      article: ARTICLE,
    });
    const read = facts(html);
    expect(read.meta).toMatchObject({ title: '示例新区社区食堂覆盖十八万人', publisher: '示例省人民政府门户网站', date: '2021-06-18', url: 'https://www.example.gov.cn/art/2021/6/18/art_1.html' });
    expect(read.guessed).toEqual({});
  });

  it('GIVEN a page with no metadata but a <title> with the site suffix, and the date and source under the headline THEN the headline alone is the title, the site its publisher, the date read and marked as guessed', () => {
    const html = page({
      head: '<title>示例新区社区食堂覆盖十八万人_示例新闻网</title>',
      top: '<div class="title">示例新区社区食堂覆盖十八万人</div><div class="info"><span>发布时间：2021-06-18 09:30</span> <span>来源：示例日报</span></div>',
      article: ARTICLE,
    });
    const read = facts(html);
    expect(read.meta.title).toBe('示例新区社区食堂覆盖十八万人');
    expect(read.meta.publisher).toBe('示例新闻网');
    expect(read.meta.date).toBe('2021-06-18');
    expect(read.guessed).toEqual({ date: 'the date under the headline', publisher: 'the site’s name in the page title' });
  });

  it('GIVEN an event date in the text and the publication date under the headline THEN the publication date is taken', () => {
    const html = page({
      head: '<title>新规明起施行 | 示例法治网</title>',
      top: '<h1>新规明起施行</h1><p class="meta">2018年3月20日 10:20</p>',
      article: '<p>根据规定，自2017年6月1日开始实行的办法同时废止，新规对社区服务提出了十二项要求。</p><p>新规要求社区服务中心每周至少开放六天，每天开放时间不少于八小时，节假日轮流值班。</p>',
    });
    expect(facts(html).meta.date).toBe('2018-03-20');
  });

  it('GIVEN a date shown as month and day only (发布时间：06-18) THEN its year comes from the page’s own metadata', () => {
    const html = page({ head: '<title>社区食堂</title><meta name="lastmod" content="2021-06-18T10:00:00">', top: '<h2>社区食堂</h2><div>示例号</div><div>发布时间：06-18</div>', article: ARTICLE });
    expect(facts(html).meta.date).toBe('2021-06-18');
  });

  it('GIVEN a headline whose <title> puts the site first, and a copyright line THEN the copyright holder is the publisher, not the site’s slogan', () => {
    const html = page({
      head: '<title>示例财经快讯--示例新区社区食堂覆盖十八万人</title>',
      top: '<p class="h">示例新区社区食堂覆盖十八万人</p><p>发布时间： 2021-06-18</p>',
      article: ARTICLE,
      footer: '<p>© 2010 - 2021 示例财经网 京ICP备00000000号</p>',
    });
    const read = facts(html);
    expect(read.meta.title).toBe('示例新区社区食堂覆盖十八万人');
    expect(read.meta.publisher).toBe('示例财经网');
    expect(read.guessed.publisher).toBe('the copyright line');
  });

  it('GIVEN a junk author tag (a name with an e-mail, a user number) and no other name THEN they are refused with their reason and the site’s host is the guess', () => {
    const html = page({ head: '<title>社区食堂覆盖十八万人</title><meta name="author" content="Wang, wang@example.com">', top: '<h1>社区食堂覆盖十八万人</h1>', article: ARTICLE });
    const read = facts(html);
    expect(read.refused).toContainEqual({ field: 'publisher', value: 'Wang, wang@example.com', reason: 'it holds an address, not a name' });
    expect(read.meta.publisher).toBe('example-news.cn');
    expect(read.guessed.publisher).toBe('the site’s address');
    expect(facts(page({ head: '<title>食堂</title><meta name="author" content="104363">', top: '<h1>社区食堂覆盖十八万人</h1>', article: ARTICLE })).refused[0]?.reason).toBe('it holds no name');
  });

  it('GIVEN a JSON-LD NewsArticle and an og:title cut short THEN the declared date and publisher are read, and the whole headline is the title', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: '奖金711万元！', datePublished: '2022-01-05T08:00:00+08:00', publisher: { '@type': 'Organization', name: '示例晚报' } });
    const html = page({
      head: `<title>奖金711万元！示例新区表彰一百名优秀社区工作者</title><meta property="og:title" content="奖金711万元！"><script type="application/ld+json">${ld}</script>`,
      top: '<h1>奖金711万元！示例新区表彰一百名优秀社区工作者</h1>',
      article: ARTICLE,
    });
    const read = facts(html);
    expect(read.meta).toMatchObject({ title: '奖金711万元！示例新区表彰一百名优秀社区工作者', date: '2022-01-05', publisher: '示例晚报' });
  });

  it('GIVEN a page that states no date THEN none is invented from the text, and the import lists it as missing', async () => {
    const html = page({ head: '<title>社区食堂覆盖十八万人</title><meta property="og:site_name" content="示例新闻网">', top: '<h1>社区食堂覆盖十八万人</h1>', article: `${ARTICLE}<p>2017年6月1日开始实行的助餐补贴办法继续有效。</p>` });
    const report = buildReport(await extractDocument('html', new TextEncoder().encode(html)), { url: 'https://example.org/a' }, {});
    expect(report.front.date).not.toBe('2017-06-01');
    expect(report.missing).toEqual(['date']);
  });
});

describe('only the article', () => {
  it('GIVEN credit lines, a disclaimer, share prompts, a related list and a lone date line THEN none of them is imported, and the article’s text is', async () => {
    const article = `<p>2021年6月18日</p>${ARTICLE}
<p>（责任编辑： AB123）</p><p>采写：本报记者 张三 李四</p><p>摄影/王五 编辑/赵六</p><p>声明：本网转载文章仅供参考，不构成投资建议。</p>
<p>分享到：微信 微博</p><p>相关阅读</p><p>示例新区新建公园三座</p><p>示例新区地铁三号线开通</p>`;
    const html = page({ head: '<title>社区食堂覆盖十八万人</title>', top: '<h1>社区食堂覆盖十八万人</h1>', article, footer: '<p>版权所有 示例新闻网</p>' });
    const { blocks } = await extractDocument('html', new TextEncoder().encode(html));
    const text = blocks.map((block) => block.text).join('\n');
    expect(text).toContain('覆盖常住人口约十八万人');
    expect(text).toContain('十五分钟助餐服务圈全覆盖');
    for (const chrome of ['责任编辑', '采写', '摄影', '声明', '分享到', '相关阅读', '新建公园三座', '地铁三号线', '版权所有']) expect(text).not.toContain(chrome);
    expect(blocks.map((block) => block.text)).not.toContain('2021年6月18日');
  });

  it('GIVEN teasers of other articles after the closing credit THEN they go with it', async () => {
    const article = `${ARTICLE}<p>（责任编辑：张三）</p><p>示例新区公园开放：新区三座新公园本周末起免费开放，市民可预约入园。</p>`;
    const html = page({ head: '<title>社区食堂覆盖十八万人</title>', top: '<h1>社区食堂覆盖十八万人</h1>', article });
    const { blocks } = await extractDocument('html', new TextEncoder().encode(html));
    expect(blocks.map((block) => block.text).join('\n')).not.toContain('公园');
  });

  it('GIVEN an article of a law written "第一条 为了…" and a headline with a space in it THEN the spaces are kept', async () => {
    const html = page({
      head: '<title>示例社区服务条例 金融知识进万家</title>',
      top: '<h1>示例社区服务条例 金融知识进万家</h1>',
      article: '<p>第一条 为了规范社区服务，提高社区服务水平，根据有关法律，制定本条例。</p><p>第二条 本条例适用于本市行政区域内的社区服务活动，社区服务中心每周开放六天。</p>',
    });
    const extracted = await extractDocument('html', new TextEncoder().encode(html));
    expect(extracted.meta.title).toBe('示例社区服务条例 金融知识进万家');
    expect(extracted.blocks.map((block) => block.text)).toContain('第一条 为了规范社区服务，提高社区服务水平，根据有关法律，制定本条例。');
  });

  it('GIVEN text in <section> and <span> elements with <br> line breaks (as WeChat writes articles) THEN every line is kept as a paragraph', async () => {
    const html = page({
      head: '<title>新品发布</title><meta property="og:title" content="新品发布">',
      top: '<h2>新品发布</h2>',
      article: '<section><span>今天凌晨，示例公司发布了新一代手机，机身重量为一百六十三克。</span></section><section><span>新机提供黑、金、紫三色可选，</span><br><span>售价为三千九百元起，下周一开始预售。</span></section>',
    });
    const texts = (await extractDocument('html', new TextEncoder().encode(html))).blocks.map((block) => block.text);
    expect(texts).toContain('今天凌晨，示例公司发布了新一代手机，机身重量为一百六十三克。');
    expect(texts).toContain('售价为三千九百元起，下周一开始预售。');
  });

  it('GIVEN a code block whose lines are cut by <br>, two in a row between its parts (as WeChat editors write code) THEN no two lines run together', async () => {
    const html = page({
      head: '<title>延迟调用</title><meta property="og:title" content="延迟调用">',
      top: '<h2>延迟调用</h2>',
      article: `${ARTICLE}<pre><code><span>import</span> json<br><span>import</span> pymongo<br><br>client = redis.Redis()<br>handler = pymongo.MongoClient()<br><br><span>def</span> parse():</code></pre><p>上面的代码从队列中持续读入数据，并写入数据库，读取结束时记下当前的时间。</p>`,
    });
    const texts = (await extractDocument('html', new TextEncoder().encode(html))).blocks.map((block) => block.text);
    for (const line of ['import json', 'import pymongo', 'client = redis.Redis()', 'handler = pymongo.MongoClient()', 'def parse():']) expect(texts).toContain(line);
  });
});
