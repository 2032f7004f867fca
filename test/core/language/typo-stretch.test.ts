import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { Engine } from '../../../src/core/engine.js';

// a made-up report: 活动 and 动车 are both in it, 活动车 is not; 三星堆 is
const REPORT = `---
title: 示例城区交通与文化简报
publisher: 示例简报(虚构样本)
date: 2024-03-01
url: https://example.org/brief-2024
language: zh-CN
---

## 关键词1 | 交通 | 动车加密

城际动车加密到每日80班,市民活动中心周末开放。

## 关键词2 | 文化 | 博物馆

三星堆博物馆新增展厅2个。
`;

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'typo-stretch-'));
  writeFileSync(join(dir, 'brief-2024.md'), REPORT);
  engine = Engine.build(loadCorpus(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('typo readings against what the report writes', () => {
  it('GIVEN a character before a word the report has (坐|动车) THEN it is not read into a bigram that takes that word apart (活动)', () => {
    const result = engine.ask('坐动车每日多少班');
    expect(result.answer).toContain('80班');
    // without the check, 坐动 is shown read as 活动
    expect(result.matchedTerms.join(' ')).not.toContain('活动');
  });

  it('GIVEN a typo that completes a name the report writes (三星推) THEN it is still read (三星堆)', () => {
    const result = engine.ask('三星推博物馆新增了几个展厅');
    expect(result.answer).toContain('2个');
    expect(result.matchedTerms).toContain('推 → 堆');
  });
});
