import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { splitClauses } from '../../../src/core/corpus/passages.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { tag, tagFromTables, tagTable } from '../../../src/core/language/tagger.js';
import { SortedLines } from '../../../src/core/util/sorted-lines.js';
import { madeUpReport, tempCorpus } from '../../helpers/corpus.js';

/** Report text written for the tests (fixtures made here): long sentences, figures, names, quotes. */
const FIXTURES = ['farming/xiangcun-2023.md', 'everyday/binjiang-2024.md', 'corpus/metro-2022.md', 'corpus/parks-2023.md'].map((file) =>
  readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'),
);
/** Clauses as the answer step tags them: each paragraph's clauses, normalized (headings and front matter aside). */
const paragraphs = FIXTURES.flatMap((text) => text.split('---').at(-1)!.split('\n').filter((line) => line.trim() && !line.startsWith('#')).map((line) => splitClauses(line).map((clause) => normalizeText(clause))));
const clauses = paragraphs.flat();
const made = [
  '成都，，德阳。',
  '2020年3月,成都(四川)举办“一码通”、天府通发布会!',
  '5.5%的增长-预计 a b  c',
  '《夜行》是日本作家kobo的小说;2003年出版:',
  '『中』「国」‘引号’【括号】?',
];

function fromTable(texts: readonly string[]): SortedLines {
  return new SortedLines(Buffer.from(tagTable(texts)!), 'test table');
}

describe('part-of-speech tags from a table', () => {
  it('GIVEN clauses of real report text THEN their tags read from the table are exactly the tagger\'s', () => {
    const table = fromTable([...clauses, ...made]);
    for (const text of [...clauses, ...made]) expect(tagFromTables(text, [table]), text).toEqual(tag(text));
  });

  it('GIVEN any run of a paragraph\'s clauses joined (a window, a sentence) THEN the tags read from the table are the tagger\'s', () => {
    const table = fromTable(clauses);
    fc.assert(
      fc.property(fc.nat(paragraphs.length - 1), fc.nat(), fc.integer({ min: 1, max: 4 }), (p, start, count) => {
        const own = paragraphs[p]!;
        const first = start % own.length;
        const text = own.slice(first, first + count).join('');
        expect(tagFromTables(text, [table])).toEqual(tag(text));
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN a text with a segment no table holds THEN the tables give nothing (the tagger tags it)', () => {
    const table = fromTable(['成都市区,德阳']);
    expect(tagFromTables('成都市区,德阳', [table])).toBeDefined();
    expect(tagFromTables('成都市区,眉山', [table])).toBeUndefined();
    expect(tagFromTables('成都市区,德阳', [])).toBeUndefined();
  });

  it('GIVEN a small corpus opened from its cache in a fresh process THEN a question answered with tag evidence never loads the tagger, and is answered the same', async () => {
    const corpusDir = tempCorpus({
      'people.md': madeUpReport('示例人事简报', 'people', `
## 关键词1 | 人事 | 新馆长到任

市博物馆新任馆长为王建国,他此前在省文物局工作,曾主持三处遗址的发掘。

## 关键词2 | 场馆 | 新馆开放

新馆位于滨江路,面积约两万平方米,今年五月对外开放。
`),
    });
    const cacheDir = mkdtempSync(join(tmpdir(), 'tag-cache-'));
    const question = '市博物馆的新馆长是谁';
    const open = async () => {
      // a fresh module graph: a process of its own, with no tagger loaded and no table in use
      vi.resetModules();
      const core = await import('../../../src/core/index.js');
      const tagger = await import('../../../src/core/language/tagger.js');
      const caching = { cache: core.fileCache(cacheDir) };
      const engine = core.Engine.build(core.loadCorpus(corpusDir, caching), caching);
      const built = tagger.tagCounts();
      const result = engine.ask(question);
      const asked = tagger.tagCounts();
      return { result, built: built.byTagger, byTagger: asked.byTagger - built.byTagger, fromTables: asked.fromTables - built.fromTables };
    };
    const first = await open();
    expect(first.built).toBeGreaterThan(0);
    const second = await open();
    expect(second.built).toBe(0);
    // the answer's clauses were tagged (the agent check read their tags), all from the table
    expect(second.fromTables).toBeGreaterThan(0);
    expect(second.byTagger).toBe(0);
    expect(second.result.answer).toContain('王建国');
    expect(second.result.answer).toBe(first.result.answer);
    expect(second.result.confidence).toBe(first.result.confidence);
  });
});
