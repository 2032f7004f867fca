import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: the answering sentence refers to its subject (它, 该园), named once in the sentence before
const REPORT = madeUpReport('示例植物园简报', 'garden', `
## 第1段 | 引种 | 青叶木

园内去年引种了青叶木。它的叶片秋季转为金黄色,可提取染料。

## 第2段 | 分园 | 东坡分园

东坡分园位于园区东侧。该园种植高山杜鹃300株,每年四月开花。园区的步道全长3公里,沿途设休息亭6座,供游客歇脚。
`);

describe('a sentence that refers to its subject', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'garden.md': REPORT });
  });
  afterAll(removeTempDirs);

  it('GIVEN an answering sentence that opens on a pronoun THEN the sentence before, which names the subject, comes along', () => {
    expect(engine.ask('什么树的叶片秋季转为金黄色').answer).toBe('园内去年引种了青叶木。它的叶片秋季转为金黄色,可提取染料。');
    const result = engine.ask('哪个分园种植了高山杜鹃');
    expect(result.answer).toBe('东坡分园位于园区东侧。该园种植高山杜鹃300株,每年四月开花。');
    // the bold part is still the answering sentence
    expect(result.answer!.slice(...result.highlights[0]!)).toContain('该园种植高山杜鹃');
  });

  it('GIVEN a sentence that names its own subject THEN it answers alone', () => {
    expect(engine.ask('园区的步道有多长').answer).toBe('园区的步道全长3公里,沿途设休息亭6座,供游客歇脚。');
  });
});
