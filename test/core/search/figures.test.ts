import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a report whose sentences do not repeat the counts a question says in passing
const REPORT = madeUpReport('示例物流简报', 'logistics', `
## 关键词1 | 运输 | 运输方式

园区货运以铁路运输为主,公路运输为辅。

## 关键词2 | 项目 | 项目批次

第1批项目已全部建成投用。
`);

describe('figures a question names', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'logistics.md': REPORT });
  });
  afterAll(removeTempDirs);

  it('GIVEN a count said in passing (分成两种…另一种是) THEN the answer need not repeat it', () => {
    const result = engine.ask('园区货运分成两种,一种是铁路运输,另一种是什么');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('公路运输');
  });

  it('GIVEN a figure that names something (第2批) THEN a passage without it does not answer', () => {
    expect(engine.ask('第2批项目建成投用了吗').found).toBe(false);
  });
});
