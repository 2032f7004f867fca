import { describe, expect, it } from 'vitest';
import { extractableOf } from '../../src/core/extract.js';

const PASSAGE = '成资S3线，全长约39公里，设站8座，于2020年开工。另有支线，预计2025年建成。';

describe('answer windows', () => {
  it('GIVEN a passage THEN every window is verbatim at its offset, without commas at its edges', () => {
    const { windows } = extractableOf(PASSAGE);
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) {
      expect(PASSAGE.slice(window.start, window.start + window.text.length)).toBe(window.text);
      expect(window.text).not.toMatch(/^[，,、：:；;\s]|[，,、：:；;\s]$/u);
    }
  });

  it('GIVEN a passage THEN windows run over one to three consecutive clauses, each start once per length', () => {
    const { clauses, windows } = extractableOf(PASSAGE);
    expect(windows.every((window) => window.last - window.first >= 0 && window.last - window.first < 3)).toBe(true);
    const spans = windows.map((window) => `${window.first}-${window.last}`);
    expect(new Set(spans).size).toBe(spans.length);
    expect(windows.filter((window) => window.first === window.last)).toHaveLength(clauses.length);
    expect(windows.find((window) => window.first === 1 && window.last === 2)?.text).toBe('全长约39公里，设站8座');
  });
});
