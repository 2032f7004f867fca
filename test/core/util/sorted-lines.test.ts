import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedLines } from '../../../src/core/util/sorted-lines.js';

/** A table as the derive scripts write it: header lines, then `key<TAB>value` sorted by the key's bytes. */
function table(entries: ReadonlyMap<string, string>, headers: Record<string, string> = {}): Buffer {
  const keys = [...entries.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const head = Object.entries(headers).map(([name, value]) => `#${name}\t${value}\n`).join('');
  return Buffer.from(head + keys.map((key) => (entries.get(key) === '' ? `${key}\n` : `${key}\t${entries.get(key)}\n`)).join(''));
}

// keys as the tables hold them: Han words (some outside the BMP), Latin stems, digits
const key = fc.array(fc.constantFrom('成', '都', '资', '阳', '𠀀', '𪚥', 'a', 'b', 'z', '0', '9', '·'), { minLength: 1, maxLength: 5 }).map((chars) => chars.join(''));

describe('sorted lines: a table looked up where it lies', () => {
  it('GIVEN any sorted table THEN every key is found with its value, and no other key is', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 60 }), fc.array(key, { maxLength: 20 }), (keys, others) => {
        const entries = new Map(keys.map((k, i) => [k, i % 5 === 0 ? '' : `v${i} ${k}`]));
        const lines = new SortedLines(table(entries, { count: String(keys.length) }), 'test');
        for (const [k, value] of entries) expect(lines.get(k)).toBe(value);
        for (const other of others) if (!entries.has(other)) expect(lines.get(other)).toBeUndefined();
        expect(lines.header('count')).toBe(String(keys.length));
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN a key that is a prefix of another THEN each is found on its own line', () => {
    const lines = new SortedLines(table(new Map([['成都', 'a'], ['成都市', 'b'], ['成', 'c']])), 'test');
    expect([lines.get('成'), lines.get('成都'), lines.get('成都市'), lines.get('成都市区')]).toEqual(['c', 'a', 'b', undefined]);
  });

  it('GIVEN lines out of order THEN opening the table fails, naming it', () => {
    const unsorted = Buffer.from(Array.from({ length: 200 }, (_, i) => `${String(1000 - i)}\tx\n`).join(''));
    expect(() => new SortedLines(unsorted, 'data/broken.tsv')).toThrow(/data\/broken\.tsv: lines are not sorted/);
  });

  it('GIVEN an empty table THEN every lookup misses', () => {
    expect(new SortedLines(Buffer.from('#source\tnone\n'), 'empty').get('成都')).toBeUndefined();
  });
});
