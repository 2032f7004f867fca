import { describe, expect, it } from 'vitest';
import { ANSWER_AT, confidenceOf, TYPE_MISSING_CONFIDENCE } from '../../../src/core/answer/confidence.js';

const base = { coverage: 0.8, focus: 1, typeHolds: true, unknown: 0, figuresHeld: true, modifierHeld: true, contentHeld: true };

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
      const value = confidenceOf({ coverage, focus, unknown, typeHolds: true, figuresHeld: true, modifierHeld: true, contentHeld: true });
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
  });
});
