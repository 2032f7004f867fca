import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a list said by its items (月季、杜鹃、山茶) without the class word a question uses (花卉)
const LISTED = '滨湖公园今年新栽了月季、杜鹃、山茶三千余株。';
const report = (planted: string): string => madeUpReport('示例公园简报', 'park', `
## 关键词1 | 绿化 | 新栽植物

${planted}

## 关键词2 | 设施 | 步道

滨湖公园环湖步道全长3公里,沿途设休息亭6座。
`);

describe('a list question answered by a list', () => {
  let engine: Engine;
  let unlisted: Engine;
  let glossed: Engine;
  beforeAll(() => {
    // items with a gloss in brackets, and titles in 《》
    glossed = engineOf({ 'park.md': report('滨湖公园今年新栽了月季(rosa chinensis)、杜鹃(rhododendron)三千余株,园内上演了《春》、《夏》两台灯光秀。') });
    engine = engineOf({ 'park.md': report(LISTED) });
    // the same sentence without its items
    unlisted = engineOf({ 'park.md': report('滨湖公园今年新栽了三千余株,由园林处负责养护。') });
  });
  afterAll(removeTempDirs);

  it('GIVEN 哪些 + a class word the report does not write THEN the sentence listing its items answers', () => {
    const result = engine.ask('滨湖公园今年新栽了哪些花卉');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('月季、杜鹃、山茶');
  });

  it('GIVEN the same question and a sentence that lists nothing THEN the missing class word still withholds it', () => {
    const result = unlisted.ask('滨湖公园今年新栽了哪些花卉');
    expect(result.found).toBe(false);
  });

  it('GIVEN items with a gloss in brackets, or titles in 《》 THEN they are a list too', () => {
    const plants = glossed.ask('滨湖公园今年新栽了哪些花卉');
    expect(plants.found).toBe(true);
    expect(plants.answer).toContain('杜鹃(rhododendron)');
    expect(glossed.ask('滨湖公园上演了哪些节目').answer).toContain('《春》、《夏》');
  });
});

describe('哪些 asking for places or people', () => {
  // made up: a plant's range said twice, once in general, once place by place
  const PLANT = `
## 第1段 | 青叶蒿 | 青叶蒿是菊科的多年生草本植物

青叶蒿是菊科的多年生草本植物。青叶蒿广泛分布于北半球。在亚洲,青叶蒿分布在蒙古、伊朗、俄罗斯以及中国的内蒙古、新疆等地。

## 第2段 | 青叶蒿 | 用途

全草可入药,也可作饲料。
`;
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'plant.md': madeUpReport('青叶蒿', 'plant', PLANT) });
  });
  afterAll(removeTempDirs);

  it('GIVEN 分布在哪些地区 and two sentences that both say where THEN the one that lists the places answers', () => {
    const result = engine.ask('青叶蒿分布在哪些地区');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('蒙古、伊朗、俄罗斯');
  });
});
