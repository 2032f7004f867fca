import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from '../../src/cli/bench/main.js';

const ROOT = join(import.meta.dirname, '..', '..');
const QUESTIONS = [join(ROOT, 'eval', 'extra.jsonl')];

describe('bench: comparison with a previous build', () => {
  it('GIVEN a built checkout as the previous build THEN both engines are timed on the real corpus and their medians reported', () => {
    // this build stands in for the previous one: timed together in one process, the two engines
    // (the same code) must measure nearly the same
    const comparison = compareWithPrevious(ROOT, 'real', join(ROOT, 'corpus'), QUESTIONS, 1);
    expect(comparison.runs).toBe(1);
    for (const side of [comparison.current, comparison.previous]) {
      expect(side.p50Ms).toBeGreaterThan(0);
      expect(side.p99Ms).toBeGreaterThanOrEqual(side.p50Ms);
    }
    expect(comparison.current.p50Ms / comparison.previous.p50Ms).toBeGreaterThan(0.7);
    expect(comparison.current.p50Ms / comparison.previous.p50Ms).toBeLessThan(1 / 0.7);
  }, 60_000);

  it('GIVEN a folder that is not a built checkout THEN the error names the module it looked for', () => {
    expect(() => compareWithPrevious(join(ROOT, 'docs'), 'real', join(ROOT, 'corpus'), QUESTIONS, 1)).toThrow(/docs\/dist\/core\/index\.js/);
  });
});
