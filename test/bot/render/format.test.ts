import { beforeAll, describe, expect, it } from 'vitest';
import { answerReply, boldSpans, locateReply, paginate, recordReply, sectionReply, sourcesReply } from '../../../src/bot/render/format.js';
import { Engine, loadCorpus, Suggester, toContract } from '../../../src/core/index.js';
import { likelyQuestion } from '../../../src/core/answer/suggestions.js';
import { engineOf, GOOD_REPORT, madeUpReport, pagedCorpus, tempCorpus } from '../../helpers/corpus.js';
import { LIMITS } from '../../../src/bot/discord/limits.js';

describe('formatting answers', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus('corpus'));
  });

  it('GIVEN a question about the report\'s record THEN its publisher, date and link with the one asked for in bold, or its numbered sections; no sentence quoted', () => {
    const date = recordReply(engine.ask('这篇报道是哪天发的'), engine, 'zh-CN').embeds![0]!;
    expect(date.title).toBe('报告信息');
    expect(date.fields).toEqual([{ name: '七个关键词看懂成德眉资同城化“棋局”', value: '发布: 成都商报\n日期: **2021-04-15**\n链接: http://www.kbcmw.com/html/xw/dzyw/70105.html' }]);
    const who = recordReply(engine.ask('who wrote this article'), engine, 'en').embeds![0]!;
    expect(who.fields![0]!.value).toContain('Published by: **成都商报**');
    const parts = recordReply(engine.ask('这篇报告分为哪几部分'), engine, 'zh-CN').embeds![0]!;
    const lines = parts.fields![0]!.value.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('• 关键词2 · 交通 — 市域铁路成资S3线开工');
  });

  it('GIVEN a question about the record of 30 reports THEN at most 25 fields, each within Discord\'s limits, and the rest counted; a report without sections says so', () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`r${i}.md`, madeUpReport(`第${i}号报告${'长'.repeat(300)}`, `r${i}`, `导语第${i}号。\n\n正文只有一段,没有分节。`)]));
    const many = engineOf(files);
    const embed = recordReply(many.ask('报告有几个部分'), many, 'en').embeds![0]!;
    expect(embed.title).toBe('About the reports');
    expect(embed.fields).toHaveLength(LIMITS.embedFields);
    for (const field of embed.fields!) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value).toBe('No sections: the report is one text.');
    }
    expect(embed.footer?.text).toBe('5 more reports: /sources lists them all.');
  });

  it('GIVEN a question asking where the report mentions something THEN its passages under report and section with a button each; none THEN one line saying so', () => {
    const reply = locateReply(engine.ask('哪一部分提到了学校'), engine, 'zh-CN');
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('报告中提到“学校”的地方');
    expect(embed.fields![0]!.name).toBe('七个关键词看懂成德眉资同城化“棋局” · 关键词5 · 生活圈 · cdms-2021-04-15#5.1');
    expect(embed.fields![0]!.value).toContain('214所学校');
    const buttons = reply.components![0]!.components;
    expect(buttons.length).toBe(embed.fields!.length);
    for (const button of buttons) expect('label' in button && button.label!.length <= LIMITS.buttonLabel).toBe(true);
    const none = locateReply(engine.ask('有没有提到房价'), engine, 'en');
    expect(none.content).toBe('No report here mentions “房价”. Admins can see such questions with /gaps and add a report that covers it.');
    expect(none.embeds).toBeUndefined();
  });

  it('GIVEN reports of several dates THEN the list of reports (/sources, 有哪些报告, 最新的报告是哪篇) shows the newest first, in Discord and in JSON', () => {
    const dated = (title: string, date: string) => `---\ntitle: ${title}\npublisher: 示例晚报\ndate: ${date}\nurl: https://example.org/${date}\nlanguage: zh-CN\n---\n\n导语${title}。\n`;
    const three = engineOf({ 'a.md': dated('春季报告', '2023-03-01'), 'b.md': dated('秋季报告', '2024-09-01'), 'c.md': dated('夏季报告', '2023-07-01') });
    expect(sourcesReply(three, 'zh-CN').embeds![0]!.fields!.map((field) => field.name)).toEqual(['秋季报告', '夏季报告', '春季报告']);
    expect(toContract(three.ask('最新的报告是哪篇'), three).reports!.map((report) => report.date)).toEqual(['2024-09-01', '2023-07-01', '2023-03-01']);
  });

  it('GIVEN highlight spans THEN those words are bold and the rest escaped', () => {
    expect(boldSpans('a*b成资S3线开工', [[3, 9]])).toBe('a\\*b**成资S3线开**工');
  });

  it('GIVEN an English question THEN the answer says which words matched which Chinese terms', () => {
    const reply = answerReply(engine.ask('How many schools in Chengdu pair up with schools in the other three cities?'), engine, 'en');
    const description = reply.embeds![0]!.description!;
    expect(description).toContain('214所');
    expect(description).toMatch(/-# Matched: .*schools → 学校/);
  });

  it('GIVEN a Chinese question in the report\'s own words THEN no matched line is added', () => {
    const reply = answerReply(engine.ask('成资S3线开工了吗'), engine, 'zh-CN');
    expect(reply.embeds![0]!.description).not.toContain('-#');
  });

  it('GIVEN a report whose link is over 512 characters THEN its answers carry no link button (Discord would refuse the message); a short link gets one', () => {
    const long = `https://example.org/${'x'.repeat(600)}`;
    const withLink = (url: string) => Engine.build(loadCorpus(tempCorpus({ 'a.md': GOOD_REPORT.replace('https://example.org/a', url) })));
    const buttonsOf = (built: Engine) => answerReply(built.ask('地铁开通了吗'), built, 'zh-CN').components!.flatMap((row) => row.components) as Array<{ url?: string }>;
    expect(buttonsOf(withLink(long)).some((button) => button.url)).toBe(false);
    expect(buttonsOf(withLink('https://example.org/a')).map((button) => button.url).filter(Boolean)).toEqual(['https://example.org/a']);
  });

  it('GIVEN blocks longer than a page THEN pages stay under the limit and keep every block', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `${i}:${'字'.repeat(300)}`);
    const pages = paginate(blocks, 1000);
    expect(pages.every((page) => page.length <= 1000)).toBe(true);
    expect(pages.join('\n\n').split('\n\n')).toHaveLength(30);
  });

  it('GIVEN a section of one page THEN it has no page buttons', () => {
    const reply = sectionReply(engine, 'cdms-2021-04-15', 4, 0, 'zh-CN');
    expect(reply.embeds![0]!.description).toContain('cdms-2021-04-15#4.1.1');
    expect(reply.components).toEqual([]);
  });

  it('GIVEN a section with more pages than one THEN previous and next buttons carry the page', () => {
    const paged = Engine.build(loadCorpus(pagedCorpus()));
    const first = sectionReply(paged, 'long-2024', 1, 0, 'zh-CN');
    const ids = (reply: typeof first) => reply.components!.flatMap((row) => row.components).map((button) => ('custom_id' in button ? button.custom_id : ''));
    expect(ids(first)).toEqual(['section:long-2024#1:1']);
    expect(first.embeds![0]!.footer!.text).toMatch(/第 1\/\d+ 页/);
    const second = sectionReply(paged, 'long-2024', 1, 1, 'zh-CN');
    expect(ids(second)).toContain('section:long-2024#1:0');
    expect(second.embeds![0]!.description).not.toBe(first.embeds![0]!.description);
  });
});

describe('suggestions', () => {
  it('GIVEN a clause with a figure THEN the likely question asks for it', () => {
    expect(likelyQuestion('跨市公交增至9条、日均客流量达2.2万余人次。')).toBe('跨市公交增至多少条？');
    expect(likelyQuestion('服务1000余万人次持码就诊。')).toBe('服务多少万人次？');
    expect(likelyQuestion('PM2.5平均浓度同比下降7.9%。')).toBe('PM2.5平均浓度同比下降多少？');
    expect(likelyQuestion('成德眉资同城化中,')).toBeNull();
  });

  it('GIVEN typed words THEN suggestions containing them come first, likely questions among them', () => {
    const suggester = new Suggester(Engine.build(loadCorpus('corpus')));
    const suggestions = suggester.suggest('跨市公交');
    expect(suggestions[0]).toContain('跨市公交');
    expect(suggestions).toContain('跨市公交增至多少条？');
    expect(suggester.suggest('')).toContain('市域铁路成资S3线开工');
  });
});
