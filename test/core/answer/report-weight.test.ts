import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a report about one tree names it in every passage; another report says 树皮 and 用途 often
const TREE = madeUpReport('青叶木引种简报', 'tree', `
## 第1段 | 引种 | 青叶木落户植物园

青叶木是园内新引种的乔木,原产南方山地,喜欢湿润的气候,成年后高可达20米。树皮可提取黄色染料,用途广泛。

## 第2段 | 养护 | 青叶木的养护

青叶木喜湿润,园内每周为青叶木浇水两次。

## 第3段 | 展示 | 青叶木的展示

青叶木种在东门广场,青叶木旁设有介绍牌。
`);
const OTHERS = madeUpReport('林木资源简报', 'forest', `
## 第1段 | 杉树 | 杉树的树皮

杉树的树皮用途很多,可以做屋顶。

## 第2段 | 松树 | 松树的树皮

松树的树皮用途也不少,可以做燃料。

## 第3段 | 樟树 | 樟树的树皮

樟树的树皮有药用用途。

## 第4段 | 桦树 | 桦树的树皮

桦树的树皮用途是造纸。

## 第5段 | 栎树 | 栎树的树皮

栎树的树皮用途是做软木塞。

## 第6段 | 榆树 | 榆树的树皮

榆树的树皮在荒年有食用用途。
`);

describe('the answering sentence chosen within its report', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'tree.md': TREE, 'forest.md': OTHERS });
  });
  afterAll(removeTempDirs);

  it('GIVEN a name the report says in every passage THEN the sentence with the rest of the question answers, not the one that repeats the name', () => {
    const result = engine.ask('青叶木的树皮有什么用途');
    expect(result.citations[0]?.documentId).toBe('tree');
    expect(result.answer).toBe('树皮可提取黄色染料,用途广泛。');
  });
});

// made up: a report whose title is its subject; the sentence that answers does not repeat it
const MOUNTAIN = madeUpReport('青石山', 'mountain', `
## 第1段 | 概况 | 青石山概况

青石山是本县的名山，青石山绵延三十公里，每年吸引游客十万人次。最高峰在东段的鹰嘴崖，海拔一千二百米。山中有古寺三座，香火旺盛。
`);
const RIVER = madeUpReport('白沙河', 'river', `
## 第1段 | 概况 | 白沙河概况

白沙河发源于县境西部，全长八十公里，沿岸有村庄四十余个。河上建有水坝两座，灌溉农田五万亩。
`);

describe('the answering sentence of a report about its title', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'mountain.md': MOUNTAIN, 'river.md': RIVER });
  });
  afterAll(removeTempDirs);

  it('GIVEN a question naming the report\'s title THEN the sentence that says the rest answers, though another repeats the title', () => {
    const answer = engine.ask('青石山的最高峰在哪里').answer!;
    expect(answer.startsWith('最高峰在东段的鹰嘴崖')).toBe(true);
  });

  it('GIVEN a question whose answer names the title itself THEN that sentence still answers', () => {
    expect(engine.ask('青石山有多长').answer).toBe('青石山是本县的名山，青石山绵延三十公里，每年吸引游客十万人次。');
  });
});
