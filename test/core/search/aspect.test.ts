import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a plant described section by section, none of them saying 特点; another section says 特点 of a fair
const REPORT = madeUpReport('示例植物园简报', 'plants', `
## 第1段 | 青叶木 | 青叶木是园内新引种的乔木

青叶木是园内新引种的乔木,原产南方山地。

## 第2段 | 青叶木 | 叶片

叶片呈卵形,长约8厘米,边缘有细锯齿,秋季转为金黄色。

## 第3段 | 青叶木 | 树皮

树皮灰褐色,可提取黄色染料。

## 第4段 | 青叶木 | 果实

果实为扁平荚果,成熟时转深褐色。

## 第5段 | 青叶木 | 分布

现分布于园区东侧坡地,共栽种120株。

## 第6段 | 庙会 | 春节庙会

今年春节庙会的特点是摊位多、节目新,吸引游客超过十万人次。

## 第7段 | 园艺讲座 | 嫁接

园艺讲座介绍了青叶木嫁接部位的选择。
`);

describe('ranking a description question', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'plants.md': REPORT });
  });
  afterAll(removeTempDirs);

  it('GIVEN 叶片有什么特点 THEN the passage that describes the leaves answers, not one that says 特点 of something else', () => {
    const result = engine.ask('青叶木的叶片有什么特点');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('叶片呈卵形');
  });

  it('GIVEN a which-question (哪个部位) THEN the passage that names one of the class answers, not one that says the class word of something else', () => {
    const result = engine.ask('青叶木的哪个部位可以提取染料', { limit: 3 });
    expect(result.found).toBe(true);
    expect(result.answer).toContain('树皮');
    // the class word weighs as the question's other words: saying it of grafting covers less than naming the bark
    const coverageOf = (text: string) => result.passages.find((hit) => hit.passage.text.includes(text))?.coverage ?? 0;
    expect(coverageOf('树皮')).toBeGreaterThan(coverageOf('嫁接部位'));
  });

  it('GIVEN the aspect asked about of the thing the passage is about THEN that passage still answers', () => {
    expect(engine.ask('庙会有什么特点').answer).toContain('摊位多');
  });
});
