import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a short term defined once; another section says 的是 (要注意的是) and 指 more often
const REPORT = madeUpReport('示例景区规划简报', 'scenic', `
## 第1段 | 布局 | 一轴两翼

“一轴”为南北贯穿景区的滨江风景带,“两翼”为东西两侧的山林。

## 第2段 | 须知 | 游览须知

要注意的是,雨天的步道湿滑,游客须按指示牌指引的路线行走,指定区域以外不得露营。
`);

describe('particles the segmenter joins', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'scenic.md': REPORT });
  });
  afterAll(removeTempDirs);

  it('GIVEN X指的是什么 THEN the passage that says X answers, not one that says 的是', () => {
    expect(engine.ask('“一轴”指的是什么').answer).toContain('“一轴”为南北贯穿景区的滨江风景带');
  });
});
