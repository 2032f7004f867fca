import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { expectationOf } from '../../../src/core/language/answer-kinds.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: a sentence that repeats the question's words comes first (shorter, as much of the question);
// the cause or purpose is said after it
const REPORT = madeUpReport('示例古镇简报', 'town', `
## 第1段 | 古镇 | 青石镇

青石镇是县里保存最完整的古镇,镇上有明清老街三条。因为镇外河滩遍布青色的石头,才有了青石镇这个名字。

## 第2段 | 古桥 | 永安桥

永安桥去年封闭了,全长48米。为了保护桥面的石板,永安桥封闭后游客改走新桥。
`);

describe('why-questions', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'town.md': REPORT });
  });
  afterAll(removeTempDirs);

  it('GIVEN 为什么, 因何 or 出于什么目的 THEN a reason is expected, never required', () => {
    for (const question of ['青石镇为什么叫这个名字', '青石镇因何得名', '出于什么目的封闭永安桥', '封桥的理由是什么', 'why is the bridge closed']) {
      expect(expectationOf(normalizeText(question)), question).toMatchObject({ expects: 'reason', strict: false });
    }
  });

  it('GIVEN a why-question THEN the sentence that gives the cause or purpose answers, not the one that only repeats its words', () => {
    expect(engine.ask('青石镇因何得名').answer).toBe('因为镇外河滩遍布青色的石头,才有了青石镇这个名字。');
    expect(engine.ask('永安桥为什么封闭').answer).toBe('为了保护桥面的石板,永安桥封闭后游客改走新桥。');
  });

  it('GIVEN a why-question whose passage gives no cause THEN it is still answered from the passage (a reason is no veto)', () => {
    const result = engine.ask('青石镇为什么有明清老街');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('明清老街');
  });
});

// made up: the reason is given as 以…为由, and the answer never says 理由 or 原因
const TROUPE = madeUpReport('示例剧团简报', 'troupe', `
## 第1段 | 剧团 | 剧团近况

剧团成立于1998年,团员二十余人,常年在县城演出。2016年,老团长以身体不好为由宣布退休,由副团长接任。剧团去年排演了新戏三部。
`);

describe('why-questions whose focus is the reason', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'troupe.md': TROUPE });
  });
  afterAll(removeTempDirs);

  it('GIVEN …的理由是什么 or …的原因是什么 THEN a sentence that gives a reason answers, though it does not say 理由', () => {
    for (const question of ['老团长宣布退休的理由是什么', '老团长退休的原因是什么']) {
      const result = engine.ask(question);
      expect(result.found, question).toBe(true);
      expect(result.answer, question).toBe('2016年,老团长以身体不好为由宣布退休,由副团长接任。');
    }
  });

  it('GIVEN a reason the report does not give THEN no answer', () => {
    expect(engine.ask('剧团成立的原因是什么').found).toBe(false);
  });
});
