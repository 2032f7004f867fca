import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: two short encyclopedia-style reports, a section a paragraph, each section's keyword the
// report's subject; a paragraph seldom repeats it
const report = (title: string, slug: string, paragraphs: string[]): string =>
  madeUpReport(title, slug, paragraphs.map((text, i) => `## 第${i + 1}段 | ${title} | ${text.slice(0, 8)}\n\n${text}`).join('\n\n'));

describe('a question naming what a report is about', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({
      'qingye.md': report('青叶木', 'qingye', ['青叶木是豆科的落叶乔木,原产南方山地。', '又名翠叶树或山青木,民间也叫它青皮树。', '叶片呈卵形,秋季转为金黄色。']),
      'hongfeng.md': report('红枫', 'hongfeng', ['红枫是槭树科的落叶小乔木。', '红枫的别称有很多,常见的是红叶。', '每年十一月是观赏红枫的季节。']),
    });
  });
  afterAll(removeTempDirs);

  it('GIVEN a question naming a report\'s title THEN it is answered from that report, not from another that shares its other words', () => {
    const result = engine.ask('青叶木的别称是什么');
    // 别称 is said only of 红枫; the report on 青叶木 (its name in its title and headings) is where the answer must come from
    expect(result.passages[0]!.passage.documentId).toBe('qingye');
    expect(result.passages.findIndex(({ passage }) => passage.documentId === 'hongfeng')).toBeGreaterThan(result.passages.findIndex(({ passage }) => passage.text.includes('翠叶树')));
    expect(result.answer ?? '').not.toContain('红叶');
  });

  it('GIVEN a question naming the other report THEN that one answers as before', () => {
    expect(engine.ask('红枫的别称是什么').answer).toContain('红叶');
  });
});

describe('a question naming what a report is about without the kind its title ends in', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({
      // made up: a genus (青叶木属) and a cave whose text shares the question's other words
      'genus.md': report('青叶木属', 'genus', ['青叶木属是一类落叶乔木,原产南方山地。', '青叶木的叶片呈卵形,秋季转为金黄色。']),
      'cave.md': report('白云洞', 'cave', ['白云洞内有六十多种沉积物,最初经过地质学家命名的沉积类型几乎都能见到。', '洞内常年恒温,游客四季可至。']),
    });
  });
  afterAll(removeTempDirs);

  it('GIVEN 青叶木 asked where a report is titled 青叶木属 THEN its passages come first, and the cave\'s sentence about 命名 is not the answer', () => {
    const result = engine.ask('青叶木最初由植物学家命名为什么');
    expect(result.passages[0]!.passage.documentId).toBe('genus');
    expect(result.answer ?? '').not.toContain('沉积');
  });
});
