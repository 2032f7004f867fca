import { describe, expect, it } from 'vitest';
import { CharacterFrequencies, contains, viewOf } from '../../../src/core/answer/view.js';

describe('views and frequencies', () => {
  it('GIVEN texts and headlines THEN each Han character counts once per text, whatever else it holds', () => {
    const counter = new CharacterFrequencies();
    counter.nextText();
    counter.add('成都成都s3线');
    counter.add('成都同城');
    counter.nextText();
    counter.add('线路𠀀');
    const frequencies = new Map<string, number>();
    counter.copyTo(frequencies);
    expect(Object.fromEntries(frequencies)).toEqual({ 成: 1, 都: 1, 线: 2, 同: 1, 城: 1, 路: 1, '𠀀': 1 });
  });

  it('GIVEN a single Han character THEN it is found anywhere in a text, a longer token only as a token', () => {
    const view = viewOf('成资s3线开工');
    expect(contains(view, '线')).toBe(true);
    expect(contains(view, '资')).toBe(true);
    expect(contains(view, '开工')).toBe(true);
    expect(contains(view, '资s')).toBe(false);
  });
});
