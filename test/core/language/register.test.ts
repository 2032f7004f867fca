import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { Engine } from '../../../src/core/engine.js';
import { removeTempDirs, tempCorpus } from '../../helpers/corpus.js';

// a made-up report, no lexicon: it writes provinces by their abbreviations and completion formally
const REPORT = `---
title: 示例经济协作简报
publisher: 示例日报(虚构样本)
date: 2024-03-01
url: https://example.org/cooperation
language: zh-CN
---

## 关键词1 | 协作 | 跨省招商

向粤桂琼优秀企业专题推介重点项目60个,现场签约金额85亿元。

与黔滇两地签署产业合作协议12份。

## 关键词2 | 规划 | 片区规划

片区国土空间规划已完成编制,正在报批。

新建污水处理厂2座,日处理能力4万吨。
`;

describe('the report’s register: abbreviations of provinces, completion written formally', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus(tempCorpus({ 'cooperation.md': REPORT })));
  });
  afterAll(removeTempDirs);

  it('GIVEN provinces named in full THEN the sentence that abbreviates them answers, showing the match', () => {
    const result = engine.ask('给广东广西海南的企业推介了多少个项目');
    expect(result.answer).toContain('60个');
    expect(result.matchedTerms).toEqual(expect.arrayContaining(['广东 → 粤']));
    expect(engine.ask('和贵州云南签了几份合作协议').answer).toContain('12份');
  });

  it('GIVEN a verb with the resultative 完 (写完, 做完) THEN the sentence that says 完成 answers', () => {
    const result = engine.ask('片区规划写完了吗');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('完成编制');
    expect(engine.ask('片区的规划做完没有').answer).toContain('完成编制');
  });

  it('GIVEN a province whose abbreviation is an everyday character (新疆: 新) THEN it is never searched by that character', () => {
    const result = engine.ask('新疆的污水处理厂建了几座');
    expect(result.matchedTerms).not.toContain('新疆 → 新');
  });
});
