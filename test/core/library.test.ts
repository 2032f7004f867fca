import { describe, expect, it } from 'vitest';
import { Engine, Library, loadCorpus, Suggester } from '../../src/core/index.js';
import { tempCorpus } from '../helpers/corpus.js';

const report = (title: string, url: string, sections: string) => `---
title: ${title}
publisher: 测试日报
date: 2024-01-02
url: ${url}
language: zh-CN
---

导语。

${sections}
`;

const GLOBAL = report('全市交通报告', 'https://example.org/g', '## 关键词1 | 交通 | 地铁开通\n\n全市地铁三号线今年开通,日均客流12万人次。\n\n## 关键词2 | 公交 | 公交线路\n\n全市新开公交线路25条。');
const OWN = report('滨河新区简报', 'https://example.org/b', '## 关键词1 | 教育 | 新建学校\n\n滨河新区新建学校3所,新增学位5400个。');
/** A server's report that takes the id of a global one: the global one wins. */
const CLASH = report('冒名报告', 'https://example.org/c', '## 关键词1 | 交通 | 冒名\n\n冒名报告说地铁三号线明年才开通,客流为零。');

const build = (files: Record<string, string>) => Engine.build(loadCorpus(tempCorpus(files)));

describe('a library of several engines', () => {
  it('GIVEN the global engine and a server\'s THEN a question is answered from whichever holds the answer, and the passages of both are ranked together', () => {
    const library = new Library([build({ 'g.md': GLOBAL }), build({ 'b.md': OWN })]);
    const own = library.ask('滨河新区新增学位多少个');
    expect(own.found).toBe(true);
    expect(own.answer).toContain('5400个');
    expect(own.citations[0]!.documentId).toBe('b');
    const global = library.ask('地铁三号线日均客流多少');
    expect(global.answer).toContain('12万人次');
    expect(global.citations[0]!.documentId).toBe('g');
    expect(new Set(global.passages.map(({ passage }) => passage.documentId))).toEqual(new Set(['g', 'b']));
    expect(global.passages.map(({ score }) => score).slice(1)).toEqual([...global.passages.map(({ score }) => score).slice(1)].sort((a, b) => b - a));
  });

  it('GIVEN a request to sum up a topic one layer has a section for THEN the library names that section, though the other layer would quote a sentence', () => {
    const library = new Library([build({ 'g.md': GLOBAL }), build({ 'b.md': OWN })]);
    const topic = library.ask('总结一下教育方面的情况');
    expect(topic.overview).toBe(true);
    expect(topic.found).toBe(false);
    expect(topic.overviewSections?.map(({ documentId, section }) => `${documentId}#${section.number}`)).toEqual(['b#1']);
    const whole = library.ask('这些报告主要讲了什么');
    expect(whole.overview).toBe(true);
    expect(whole.overviewSections).toBeUndefined();
  });

  it('GIVEN a question about a report\'s record THEN every layer\'s reports are named; after an answer, only the report that answer stands in', () => {
    const library = new Library([build({ 'g.md': GLOBAL }), build({ 'b.md': OWN })]);
    const both = library.ask('这篇报道是哪天发的');
    expect(both.record).toEqual({ field: 'date', documentIds: ['g', 'b'] });
    expect(both.found).toBe(false);
    expect(both.passages).toEqual([]);
    const answered = library.ask('滨河新区新增学位多少个');
    const after = library.ask('谁写的这篇', { history: [{ question: '滨河新区新增学位多少个', passageIds: [answered.citations[0]!.passageId] }] });
    expect(after.record).toEqual({ field: 'publisher', documentIds: ['b'] });
    expect(library.ask('报告分为哪几部分', { documentId: 'g' }).record).toEqual({ field: 'sections', documentIds: ['g'] });
  });

  it('GIVEN a question asking where the reports say something THEN the passages of whichever layer mentions it', () => {
    const library = new Library([build({ 'g.md': GLOBAL }), build({ 'b.md': OWN })]);
    expect(library.ask('哪篇报告提到了学校').passages.map(({ passage }) => passage.documentId)).toEqual(['b']);
    expect(library.ask('有没有提到地铁').passages.map(({ passage }) => passage.documentId)).toEqual(['g']);
    expect(library.ask('有没有提到房价').passages).toEqual([]);
  });

  it('GIVEN a scope to one report THEN only its engine is asked', () => {
    const library = new Library([build({ 'g.md': GLOBAL }), build({ 'b.md': OWN })]);
    const scoped = library.ask('新增学位多少个', { documentId: 'g' });
    expect(scoped.passages.every(({ passage }) => passage.documentId === 'g')).toBe(true);
    expect(scoped.answer ?? '').not.toContain('5400');
    expect(library.sectionPassages('b', 1).map((passage) => passage.text)).toEqual(['滨河新区新建学校3所,新增学位5400个。']);
  });

  it('GIVEN a server report with a global report\'s id THEN the global one is the only one seen: documents, passages, answers and lookups', () => {
    const global = build({ 'g.md': GLOBAL });
    const clash = build({ 'g.md': CLASH });
    const library = new Library([global, clash]);
    expect(library.documents.get('g')!.source.title).toBe('全市交通报告');
    expect(library.passages.every((passage) => global.passage(passage.id) === passage)).toBe(true);
    const result = library.ask('地铁三号线什么时候开通');
    expect(JSON.stringify(result)).not.toContain('冒名');
    expect(library.passage(clash.passages.at(-1)!.id)?.text ?? '').not.toContain('冒名');
  });

  it('GIVEN suggesters of two engines combined THEN both reports\' phrases are suggested, best first, none twice', () => {
    const global = build({ 'g.md': GLOBAL });
    const own = build({ 'b.md': OWN });
    const combined = Suggester.combine([new Suggester(global), new Suggester(own)]);
    expect(combined.suggest('新增学位')[0]).toMatch(/新增学位/);
    expect(combined.suggest('公交')[0]).toMatch(/公交/);
    const headlines = combined.suggest('');
    expect(headlines).toEqual(expect.arrayContaining(['地铁开通', '新建学校']));
    expect(new Set(headlines).size).toBe(headlines.length);
  });
});
