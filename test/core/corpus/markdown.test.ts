import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { CorpusErrors } from '../../../src/core/errors.js';
import { Engine } from '../../../src/core/engine.js';
import { headingLabel, stripInline, tableLines } from '../../../src/core/corpus/markdown.js';
import { tempCorpus } from '../../helpers/corpus.js';

const FRONT = `---
title: 示例报告
publisher: 示例日报
date: 2024-03-04
url: https://example.org/r
language: zh-CN
---
`;

describe('section headings in the styles Chinese reports use', () => {
  it('GIVEN numbered labels THEN each gives its number and the rest of the heading', () => {
    expect(headingLabel('关键词3')).toEqual({ number: 3, rest: '' });
    expect(headingLabel('二、交通建设提速')).toEqual({ number: 2, rest: '交通建设提速' });
    expect(headingLabel('（三）产业协作')).toEqual({ number: 3, rest: '产业协作' });
    expect(headingLabel('(十二)生态')).toEqual({ number: 12, rest: '生态' });
    expect(headingLabel('第四部分 生态环境')).toEqual({ number: 4, rest: '生态环境' });
    expect(headingLabel('第二章 民生')).toEqual({ number: 2, rest: '民生' });
    expect(headingLabel('5. 就业')).toEqual({ number: 5, rest: '就业' });
    expect(headingLabel('交通')).toBeNull();
  });

  it('GIVEN a report with 一、 headings and no pipes THEN the sections are numbered and named by their headings', () => {
    const dir = tempCorpus({ 'r.md': `${FRONT}\n导语。\n\n## 一、交通建设提速\n\n地铁开通。\n\n## （二）产业 | 新增企业50家\n\n企业落户。\n` });
    const [document] = loadCorpus(dir).documents;
    expect(document!.sections.map(({ number, keyword, headline }) => [number, keyword, headline])).toEqual([
      [0, '导语', ''],
      [1, '交通建设提速', '交通建设提速'],
      [2, '产业', '新增企业50家'],
    ]);
  });
});

describe('lists, tables and inline marks', () => {
  it('GIVEN inline Markdown THEN it is taken off, link text kept', () => {
    expect(stripInline('新增公厕**48座**,详见[公告](https://x.org)与`附件`')).toBe('新增公厕48座,详见公告与附件');
  });

  it('GIVEN a table with a header row THEN one line per row, each cell named by its column', () => {
    expect(tableLines(['| 项目 | 数量 |', '|---|---:|', '| 路灯 | 3000盏 |', '| **公厕** | 48座 |'])).toEqual(['项目：路灯，数量：3000盏。', '项目：公厕，数量：48座。']);
  });

  it('GIVEN a report with a list and a table THEN no |, ** or list marker reaches a passage, and the rows answer', () => {
    const dir = tempCorpus({
      'r.md': `${FRONT}\n## 关键词1 | 民生 | 民生工程\n\n今年完成:\n- 新增公厕**48座**\n- 改造路灯3000盏\n\n| 项目 | 数量 |\n|---|---|\n| 口袋公园 | 9个 |\n| 健身步道 | 12公里 |\n`,
    });
    const engine = Engine.build(loadCorpus(dir));
    const texts = engine.passages.map((passage) => passage.text);
    expect(texts.join('\n')).not.toMatch(/\||\*\*|^- /m);
    expect(texts).toContain('今年完成:新增公厕48座。改造路灯3000盏。');
    expect(engine.ask('新增公厕多少座').answer).toContain('48座');
    expect(engine.ask('健身步道有多长').answer).toContain('12公里');
  });
});

describe('errors of a corpus', () => {
  it('GIVEN a file with three errors THEN one run reports all three, each with file, line and field', () => {
    const broken = `---\ntitle: 坏报告\npublisher: 示例日报\ndate: someday\nurl: https://example.org/b\nlanguage: zh-CN\n---\n\n## 交通 | 无编号\n\n正文。\n\n## 关键词2 | 空 | 没有正文\n`;
    const dir = tempCorpus({ 'good.md': `${FRONT}\n## 关键词1 | 甲 | 乙\n\n正文。\n`, 'bad.md': broken });
    let caught: unknown;
    try {
      loadCorpus(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CorpusErrors);
    const messages = (caught as CorpusErrors).errors.map((error) => error.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/bad\.md:4: front matter "date"/);
    expect(messages[1]).toMatch(/bad\.md:9: section number/);
    expect(messages[2]).toMatch(/bad\.md:13: section: section "关键词2" has no text/);
    expect((caught as Error).message).toMatch(/^3 problems in the corpus:/);
  });

  it('GIVEN front matter with a bad date, a bad url and an unknown field THEN all three are named, none hidden behind another', () => {
    const broken = `---\ntitle: 坏报告\npublisher: 示例日报\ndate: 2021-13-45\nurl: not-a-link\nlanguage: zh-CN\nauthr: 某人\n---\n\n## 关键词1 | 甲 | 乙\n\n正文。\n`;
    let caught: unknown;
    try {
      loadCorpus(tempCorpus({ 'bad.md': broken }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CorpusErrors);
    expect((caught as CorpusErrors).errors.map((error) => `${error.line} ${error.field}`)).toEqual(['4 front matter "date"', '5 front matter "url"', '7 front matter "authr"']);
  });

  it('GIVEN a file named in Chinese THEN its document id is ASCII, made from the name', () => {
    const dir = tempCorpus({ '成都报告.md': `${FRONT}\n## 关键词1 | 甲 | 乙\n\n正文。\n` });
    const [document] = loadCorpus(dir).documents;
    expect(document!.id).toBe('cheng-du-bao-gao');
    expect(Engine.build(loadCorpus(dir)).passages[0]!.id).toBe('cheng-du-bao-gao#1.1');
  });
});
