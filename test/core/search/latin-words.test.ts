import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { analyzeQuery } from '../../../src/core/language/query.js';
import { emptyLexicon } from '../../../src/core/corpus/lexicon.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a report that quotes Latin words whose English stem differs from how they are written
const REPORT = madeUpReport('示例博物馆简报', 'museum', `
## 第1段 | 馆藏 | 新展品

本月新到展品为一件铜制日晷,铭文写有拉丁语「Horas」一词,意为时辰。

## 第2段 | 说明 | 拓片

展品说明所用的语言为中文和英文,出自学术委员会之手。

## 第3段 | 开放 | 时间

展厅每周二至周日开放,周一闭馆。
`);

describe('Latin words a question quotes', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'museum.md': REPORT });
  });
  afterAll(removeTempDirs);

  it('GIVEN a Latin word whose stem differs from how it is written (horas → hora) THEN it is searched as typed, and by its stem', () => {
    const group = analyzeQuery('「Horas」的中文意思是什么', emptyLexicon()).groups.find((candidate) => candidate.label === 'horas');
    expect(group?.alternatives.map((alternative) => alternative.tokens)).toEqual([['horas'], ['hora']]);
  });

  it('GIVEN such a word asked about THEN the passage that quotes it answers, the word matched', () => {
    for (const question of ['Horas', 'Horas这个词']) {
      const result = engine.ask(question);
      expect(result.found, question).toBe(true);
      expect(result.answer, question).toContain('「Horas」');
      expect(result.matchedTerms, question).toContain('horas');
    }
  });
});
