import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';
import { ANSWER_AT, ANSWER_COVERAGE_FULL, confidenceOf, PARTIAL_ANSWER_CONFIDENCE, TYPE_MISSING_CONFIDENCE } from '../../../src/core/answer/confidence.js';

const base = { coverage: 0.8, focus: 1, typeHolds: true, unknown: 0, figuresHeld: true, modifierHeld: true, contentHeld: true, answerCoverage: 0.8 };

describe('confidence', () => {
  it('GIVEN more of the question covered THEN confidence rises', () => {
    expect(confidenceOf({ ...base, coverage: 0.9 })).toBeGreaterThan(confidenceOf({ ...base, coverage: 0.5 }));
  });

  it('GIVEN the focus not matched THEN confidence falls', () => {
    expect(confidenceOf({ ...base, focus: 0 })).toBeLessThan(confidenceOf(base));
  });

  it('GIVEN more words the corpus has nothing for THEN confidence falls', () => {
    expect(confidenceOf({ ...base, unknown: 0.6 })).toBeLessThan(confidenceOf(base));
  });

  it('GIVEN an answer without the kind of filler asked for THEN it is below the answering threshold whatever it covers', () => {
    expect(confidenceOf({ ...base, coverage: 1, typeHolds: false })).toBe(TYPE_MISSING_CONFIDENCE);
    expect(TYPE_MISSING_CONFIDENCE).toBeLessThan(ANSWER_AT);
  });

  it('GIVEN a figure of the question missing from the passage THEN the answer is withheld', () => {
    expect(confidenceOf({ ...base, coverage: 1, figuresHeld: false })).toBeLessThan(ANSWER_AT);
  });

  it('GIVEN the name the focus belongs to missing from the passage THEN the answer is withheld', () => {
    expect(confidenceOf({ ...base, coverage: 1, modifierHeld: false })).toBe(TYPE_MISSING_CONFIDENCE);
  });

  it('GIVEN any signals THEN confidence is a probability', () => {
    for (const coverage of [0, 0.5, 1]) for (const focus of [0, 1]) for (const unknown of [0, 1]) {
      const value = confidenceOf({ coverage, focus, unknown, typeHolds: true, figuresHeld: true, modifierHeld: true, contentHeld: true, answerCoverage: coverage });
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('GIVEN an answer whose own sentence covers less of the question than its passage does THEN it is never shown as near-certain, but still given', () => {
    const strong = { ...base, coverage: 1, focus: 1 };
    expect(confidenceOf({ ...strong, answerCoverage: 1 })).toBeGreaterThan(0.9);
    const partial = confidenceOf({ ...strong, answerCoverage: ANSWER_COVERAGE_FULL - 0.05 });
    expect(partial).toBe(PARTIAL_ANSWER_CONFIDENCE);
    expect(partial).toBeLessThan(0.9);
    expect(partial).toBeGreaterThanOrEqual(ANSWER_AT);
    // a weak answer keeps its own, lower, confidence
    expect(confidenceOf({ ...base, coverage: 0.3, focus: 0, answerCoverage: 0.3 })).toBeLessThan(PARTIAL_ANSWER_CONFIDENCE);
  });
});

// made up: the answering sentence of one passage does not repeat the town it is about
const TOWNS = madeUpReport('古镇简报', 'towns', `
## 第1段 | 古镇 | 青石镇

青石镇位于县城东部，是一座有六百年历史的古镇。镇上的古桥建于明代，桥长48米。

## 第2段 | 古镇 | 白沙镇

白沙镇的老街长800米，街边有商铺两百余家。

## 第3段 | 古镇 | 红岩镇

红岩镇的古桥建于清代，已经重修三次。

## 第4段 | 古镇 | 绿水镇

绿水镇的码头长120米，每天有渡船往返。
`);

describe('the answer\'s own coverage', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'towns.md': TOWNS });
  });
  afterAll(removeTempDirs);

  it('GIVEN an answering sentence that leaves out a word its passage holds (青石镇) THEN it covers less than the passage; one that says it all covers as much', () => {
    const partial = engine.ask('青石镇的古桥长多少米');
    expect(partial.answer).toBe('镇上的古桥建于明代，桥长48米。');
    expect(partial.signals!.answerCoverage).toBeLessThan(partial.signals!.coverage);
    expect(partial.signals!.answerCoverage).toBeGreaterThan(0);
    const whole = engine.ask('白沙镇的老街长多少米');
    expect(whole.signals!.answerCoverage).toBeCloseTo(whole.signals!.coverage, 6);
  });
});
