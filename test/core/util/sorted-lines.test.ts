import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PagedBytes, SortedLines } from '../../../src/core/util/sorted-lines.js';

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

  it('GIVEN a table in a file read in pages of any size THEN lookups find what the whole buffer finds, across page edges', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sorted-lines-'));
    try {
      fc.assert(
        fc.property(fc.uniqueArray(key, { maxLength: 40 }), fc.array(key, { maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (keys, others, pageSize) => {
          const entries = new Map(keys.map((k, i) => [k, i % 4 === 0 ? '' : `值${i} ${k}`]));
          const bytes = table(entries, { count: String(keys.length) });
          const path = join(dir, 'table.tsv');
          writeFileSync(path, bytes);
          const paged = new SortedLines(PagedBytes.file(path, pageSize), 'test');
          const whole = new SortedLines(bytes, 'test');
          for (const k of [...keys, ...others]) expect(paged.get(k)).toBe(whole.get(k));
          expect(paged.header('count')).toBe(String(keys.length));
        }),
        { numRuns: 150 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a large table file THEN opening it and looking up a few keys reads a small part of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sorted-lines-'));
    try {
      const entries = new Map(Array.from({ length: 50_000 }, (_, i) => [`k${String(i).padStart(6, '0')}`, `value of ${i}`]));
      const path = join(dir, 'big.tsv');
      const bytes = table(entries);
      writeFileSync(path, bytes);
      const pages = PagedBytes.file(path);
      const lines = new SortedLines(pages, 'big');
      expect([lines.get('k000000'), lines.get('k031415'), lines.get('k049999'), lines.get('k050000')]).toEqual(['value of 0', 'value of 31415', 'value of 49999', undefined]);
      const pagesInFile = Math.ceil(bytes.length / 4096);
      expect(pages.pagesRead).toBeGreaterThan(0);
      expect(pages.pagesRead).toBeLessThan(pagesInFile / 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
