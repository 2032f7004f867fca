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

// made up: a paragraph long enough to be split into passages; its year is said once, at its start
const BRIDGE = madeUpReport('古桥修缮简报', 'bridge', `
## 第1段 | 古桥 | 古桥修缮

2015年春，县里对城东的古桥进行了全面勘察，发现桥墩有多处裂缝，桥面石板松动，护栏也有缺损。勘察报告提出先加固桥墩、再更换石板的方案，并建议在汛期前完成主体加固，以免洪水冲刷造成更大的损坏。方案经专家论证后获得通过，所需资金由县财政和省级补助共同承担，总额约为三百万元，分两年拨付。施工期间，古桥两侧设置了临时便道，方便附近居民通行，交警部门也调整了周边的公交线路。同年十月，文物局局长赵远山主持了古桥的修缮工程，工程历时半年，于次年四月完工。

## 第2段 | 游客 | 游客服务

2018年，古桥所在的街区开设了游客服务中心，提供免费讲解。
`);

describe('a figure said once in a long paragraph', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'bridge.md': BRIDGE });
  });
  afterAll(removeTempDirs);

  it('GIVEN a year at the start of a paragraph split into passages THEN a later passage of it answers a question naming the year', () => {
    const result = engine.ask('2015年谁主持了古桥的修缮工程');
    expect(result.found).toBe(true);
    expect(result.answer).toBe('同年十月，文物局局长赵远山主持了古桥的修缮工程，工程历时半年，于次年四月完工。');
    // the paragraph was split: the year is in another passage than the answer's
    expect(result.citations[0]!.passageId).toMatch(/#1\.1\.[2-9]$/);
  });

  it('GIVEN a year no part of that paragraph says (2016年), or one only another paragraph says (2018年) THEN no answer', () => {
    expect(engine.ask('2016年谁主持了古桥的修缮工程').found).toBe(false);
    expect(engine.ask('2018年谁主持了古桥的修缮工程').found).toBe(false);
  });
});
