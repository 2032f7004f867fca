import { afterAll, describe, expect, it } from 'vitest';
import { ANSWER_CANDIDATES, answerCandidates, TIED_CANDIDATES_MAX } from '../../../src/core/answer/confidence.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

afterAll(removeTempDirs);

// made up: every paragraph names 李大爷 and 骗, as a news story about one fraud does; only the last,
// and longest, says how much was taken
const STORY = madeUpReport(
  '老人接到陌生电话',
  'fraud',
  `## 第1段 | 经过 | 来电

李大爷接到自称警官的电话，对方说他涉嫌洗钱，李大爷被吓坏了，骗子让他不要告诉家人。

## 第2段 | 经过 | 开卡

骗子让李大爷到银行开通两张银行卡，李大爷照做了，骗子又让他每天按时汇报。

## 第3段 | 经过 | 关机

骗子要求李大爷每天上午关机，李大爷没有起疑心，骗子借此拖延时间。

## 第4段 | 经过 | 转账

骗子催促李大爷尽快把积蓄转入新卡，李大爷担心受牵连，骗子说这是为了核查资金。

## 第5段 | 报案 | 报警

九月初，李大爷在家属陪同下来到派出所，向值班民警讲述了这些天来的遭遇，民警调取银行流水后确认，他被骗走的积蓄共计86万元，案件已立案侦查。`,
);

describe('passages that cover a question exactly alike', () => {
  it('GIVEN more passages than ANSWER_CANDIDATES tied for the best coverage THEN each of them is tried, up to TIED_CANDIDATES_MAX', () => {
    expect(answerCandidates([1, 0.8, 0.5, 0.4, 0.2])).toBe(ANSWER_CANDIDATES);
    expect(answerCandidates([1, 1, 1, 1, 1, 0.5])).toBe(5);
    expect(answerCandidates(new Array(20).fill(0.7))).toBe(TIED_CANDIDATES_MAX);
    expect(answerCandidates([0.9])).toBe(1);
  });

  it('GIVEN five paragraphs naming the person and the fraud, only the last saying the amount THEN a how-much question is answered with that amount', () => {
    const engine = engineOf({ 'fraud-2024.md': STORY });
    const result = engine.ask('李大爷被骗了多少钱');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('86万元');
  });
});
