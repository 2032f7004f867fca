import { CORPUS_SNAPSHOT_VERSION } from '../../../src/core/corpus/snapshot.js';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { Engine } from '../../../src/core/engine.js';
import { CACHE_ENTRIES_KEPT, cacheKey, fileCache, type IndexCache } from '../../../src/core/search/index-cache.js';
import { CorpusError, CorpusErrors } from '../../../src/core/errors.js';
import { GOOD_REPORT, tempCorpus } from '../../helpers/corpus.js';

function memoryCache(): IndexCache & { saves: number; entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  const cache = {
    saves: 0,
    entries,
    load: (key: string) => entries.get(key),
    save: (key: string, data: Uint8Array) => {
      cache.saves++;
      entries.set(key, data);
    },
  };
  return cache;
}

describe('index cache', () => {
  it('GIVEN an unchanged corpus THEN the second start loads the index (and its tag table) and answers the same', () => {
    const cache = memoryCache();
    const first = Engine.build(loadCorpus('corpus'), { cache });
    const second = Engine.build(loadCorpus('corpus'), { cache });
    // two entries saved once: the index, and the tags of its clauses (a small corpus: see TAGGED_MAX_PASSAGES)
    expect([first.fromCache, second.fromCache, cache.saves]).toEqual([false, true, 2]);
    expect([...cache.entries.keys()].filter((key) => key.startsWith('tags-'))).toHaveLength(1);
    for (const question of ['成资S3线开工了吗', '日开行动车多少对', '成都的人口有多少', 'Longquan Mountain forest park greening']) {
      expect(second.ask(question)).toEqual(first.ask(question));
    }
  });

  it('GIVEN a changed corpus or tokenizer input THEN the key changes and the index is rebuilt', () => {
    const dir = tempCorpus({ 'a.md': GOOD_REPORT });
    const before = cacheKey(loadCorpus(dir), 200);
    writeFileSync(join(dir, 'a.md'), GOOD_REPORT.replace('地铁开通了。', '地铁开通了,客流很大。'));
    expect(cacheKey(loadCorpus(dir), 200)).not.toBe(before);
    expect(cacheKey(loadCorpus(dir), 100)).not.toBe(cacheKey(loadCorpus(dir), 200));
  });

  it('GIVEN a corrupt cache entry THEN it is detected, reported, rebuilt and overwritten', () => {
    const cache = memoryCache();
    const corpus = loadCorpus('corpus');
    Engine.build(corpus, { cache });
    const key = [...cache.entries.keys()][0]!;
    const problems: string[] = [];
    // not an index; the index of another corpus (under this key); a truncated one
    const otherCache = memoryCache();
    Engine.build(loadCorpus(tempCorpus({ 'a.md': GOOD_REPORT })), { cache: otherCache });
    const otherIndex = [...otherCache.entries.values()][0]!;
    for (const corrupt of [Buffer.from('{not json'), otherIndex, cache.entries.get(key)!.slice(0, 500)]) {
      cache.entries.set(key, corrupt);
      const engine = Engine.build(corpus, { cache, onCacheProblem: (message) => problems.push(message) });
      expect(engine.fromCache).toBe(false);
      expect(engine.ask('成资S3线开工了吗').answer).toContain('市域铁路成资S3线开工');
      expect(Engine.build(corpus, { cache }).fromCache).toBe(true);
    }
    expect(problems).toHaveLength(3);
  });

  it('GIVEN a damaged tag table THEN it is reported and made again: the answers are the same, and the next start reads it', () => {
    const cache = memoryCache();
    const corpus = loadCorpus('corpus');
    const first = Engine.build(corpus, { cache });
    const key = [...cache.entries.keys()].find((name) => name.startsWith('tags-'))!;
    const good = cache.entries.get(key)!;
    cache.entries.set(key, Buffer.from(Array.from({ length: 200 }, (_, i) => `${String(1000 - i)}\t1/x\n`).join('')));
    const problems: string[] = [];
    const second = Engine.build(corpus, { cache, onCacheProblem: (message) => problems.push(message) });
    expect(second.fromCache).toBe(true);
    expect(problems).toEqual([expect.stringMatching(/^the cached tag table for key .* is unreadable \(tag table: lines are not sorted.*\); it is made again$/)]);
    expect(Buffer.compare(Buffer.from(cache.entries.get(key)!), Buffer.from(good))).toBe(0);
    for (const question of ['成都七中的校长是谁', '一码通是哪家公司开发的']) expect(second.ask(question)).toEqual(first.ask(question));
  });

  it('GIVEN a cached index whose tag table was pruned THEN the table is made again beside it, once', () => {
    const cache = memoryCache();
    const corpus = loadCorpus('corpus');
    Engine.build(corpus, { cache });
    const key = [...cache.entries.keys()].find((name) => name.startsWith('tags-'))!;
    const good = cache.entries.get(key)!;
    cache.entries.delete(key);
    expect(Engine.build(corpus, { cache }).fromCache).toBe(true);
    expect(Buffer.compare(Buffer.from(cache.entries.get(key)!), Buffer.from(good))).toBe(0);
    const saves = cache.saves;
    Engine.build(corpus, { cache });
    expect(cache.saves).toBe(saves);
  });

  it('GIVEN a cache that cannot be written THEN the engine still answers and the problem is reported', () => {
    const problems: string[] = [];
    const broken: IndexCache = { load: () => undefined, save: () => { throw new Error('EROFS: read-only file system'); } };
    const engine = Engine.build(loadCorpus('corpus'), { cache: broken, onCacheProblem: (message) => problems.push(message) });
    expect(engine.ask('川芎').found).toBe(true);
    expect(problems).toEqual(['the index could not be cached: EROFS: read-only file system']);
  });

  it('GIVEN a folder cache THEN entries are files written whole', () => {
    const dir = tempCorpus({});
    const cache = fileCache(join(dir, 'cache'));
    Engine.build(loadCorpus('test/fixtures/corpus'), { cache });
    expect(readdirSync(join(dir, 'cache')).filter((name) => name.endsWith('.bin')).map((name) => name.replace(/[0-9a-f]{32}/, 'KEY')).sort()).toEqual(['index-KEY.bin', 'index-tags-KEY.bin']);
    expect(readdirSync(join(dir, 'cache')).some((name) => name.endsWith('.tmp'))).toBe(false);
    expect(Engine.build(loadCorpus('test/fixtures/corpus'), { cache }).fromCache).toBe(true);
  });

  it('GIVEN an entry altered on disk that still parses as JSON THEN it is not trusted: rebuilt with a warning, and the report\'s own text answers', () => {
    const dir = join(tempCorpus({}), 'cache');
    const cache = fileCache(dir);
    const caching = { cache };
    Engine.build(loadCorpus('corpus', caching), caching);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      // the same bytes but for one word of a passage, as an edit that keeps the file readable would
      const bytes = readFileSync(path);
      for (const word of ['成资S3线开工', '成资s3线开工']) {
        for (let at = bytes.indexOf(word); at >= 0; at = bytes.indexOf(word, at + 1)) bytes.write('成资S3线停工', at);
      }
      writeFileSync(path, bytes);
    }
    const problems: string[] = [];
    const onCacheProblem = (message: string) => problems.push(message);
    const engine = Engine.build(loadCorpus('corpus', { cache, onCacheProblem }), { cache, onCacheProblem });
    expect(engine.fromCache).toBe(false);
    expect(problems.some((problem) => /index .* altered \(checksum mismatch\); rebuilding it/.test(problem))).toBe(true);
    expect(problems.some((problem) => /corpus .* altered \(checksum mismatch\); parsing the files again/.test(problem))).toBe(true);
    expect(engine.ask('成资S3线开工了吗').answer).toContain('成资S3线开工');
  });

  it('GIVEN many corpus versions THEN the folder keeps only the newest entries', () => {
    const dir = join(tempCorpus({}), 'cache');
    const cache = fileCache(dir);
    for (let version = 0; version < CACHE_ENTRIES_KEPT + 3; version++) cache.save(`v${version}`, Buffer.from(`{"version":${version}}`));
    const left = readdirSync(dir).filter((name) => name.endsWith('.bin'));
    expect(left).toHaveLength(CACHE_ENTRIES_KEPT);
    expect(left).toContain(`index-v${CACHE_ENTRIES_KEPT + 2}.bin`);
    expect(Buffer.from(cache.load(`v${CACHE_ENTRIES_KEPT + 2}`) as Uint8Array).toString()).toBe(`{"version":${CACHE_ENTRIES_KEPT + 2}}`);
  });
});

describe('parsed corpus cache', () => {
  it('GIVEN an unchanged corpus THEN the second load comes from the cache and equals the parse, sections shared', () => {
    const cache = memoryCache();
    const parsed = loadCorpus('corpus', { cache });
    const [key] = [...cache.entries.keys()];
    expect(key).toMatch(/^corpus-/);
    // a marker written into the cached copy shows that the second load read it, not the files
    const snapshot = JSON.parse(Buffer.from(cache.entries.get(key!)!).toString()) as { documents: Array<{ sections: Array<{ headline: string }> }> };
    snapshot.documents[0]!.sections[1]!.headline += '(cached)';
    cache.entries.set(key!, Buffer.from(JSON.stringify(snapshot)));
    const restored = loadCorpus('corpus', { cache });
    const marked = restored.documents.flatMap((document) => document.sections).filter((section) => section.headline.includes('(cached)'));
    expect(marked).toHaveLength(1);
    marked[0]!.headline = marked[0]!.headline.replace('(cached)', '');
    // the paragraphs are not cached: they are parsed from the file when asked for, onto the restored sections
    expect(restored).toEqual(parsed);
    for (const document of restored.documents) {
      expect(document.paragraphs.every((paragraph) => document.sections.some((section) => section === paragraph.section))).toBe(true);
    }
  });

  it('GIVEN a cached parse and a report edited after the load THEN asking for its paragraphs fails naming the file, never giving the new text under the old key', () => {
    const cache = memoryCache();
    const dir = tempCorpus({ 'a.md': GOOD_REPORT });
    loadCorpus(dir, { cache });
    const restored = loadCorpus(dir, { cache });
    writeFileSync(join(dir, 'a.md'), GOOD_REPORT.replace('地铁开通了。', '地铁开通了,客流很大。'));
    expect(() => restored.documents[0]!.paragraphs).toThrow(/a\.md: file: the file changed since the corpus was loaded: load it again$/);
    expect(loadCorpus(dir, { cache }).documents[0]!.paragraphs.some((paragraph) => paragraph.text.includes('客流很大'))).toBe(true);
  });

  it('GIVEN a changed file THEN it is parsed again, and a broken one still stops the load at its line', () => {
    const cache = memoryCache();
    const dir = tempCorpus({ 'a.md': GOOD_REPORT });
    loadCorpus(dir, { cache });
    writeFileSync(join(dir, 'a.md'), GOOD_REPORT.replace('地铁开通了。', '地铁开通了,客流很大。'));
    expect(loadCorpus(dir, { cache }).documents[0]!.paragraphs.some((paragraph) => paragraph.text.includes('客流很大'))).toBe(true);
    writeFileSync(join(dir, 'a.md'), GOOD_REPORT.replace(/^date: .*$/m, 'date: yesterday'));
    expect(() => loadCorpus(dir, { cache })).toThrow(CorpusError);
    expect(cache.saves).toBe(2);
  });

  it('GIVEN a cached corpus and then a lexicon without its report THEN the load still stops, naming the stray file', () => {
    const cache = memoryCache();
    const dir = tempCorpus({ 'a.md': GOOD_REPORT });
    loadCorpus(dir, { cache });
    writeFileSync(join(dir, 'b.lexicon.yaml'), 'expansions: {}\n');
    expect(() => loadCorpus(dir, { cache })).toThrow(/b\.lexicon\.yaml: file name: a lexicon must sit beside its report/);
  });

  it('GIVEN a report that cannot be read (a folder named like one) THEN the load stops with an error naming it, beside the other problems', () => {
    const dir = tempCorpus({ 'a.md': GOOD_REPORT, 'c.lexicon.yaml': 'expansions: {}\n' });
    mkdirSync(join(dir, 'b.md'));
    let error: unknown;
    try {
      loadCorpus(dir, { cache: memoryCache() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CorpusErrors);
    expect((error as Error).message).toMatch(/b\.md: file: the file cannot be read: EISDIR/);
    expect((error as Error).message).toMatch(/c\.lexicon\.yaml: file name: a lexicon must sit beside its report/);
  });

  it('GIVEN a corrupt cached parse THEN the files are parsed again and the problem is reported', () => {
    const cache = memoryCache();
    const parsed = loadCorpus('corpus', { cache });
    const [key] = [...cache.entries.keys()];
    const problems: string[] = [];
    const whole = Buffer.from(cache.entries.get(key!)!).toString();
    for (const corrupt of ['{not json', whole.slice(0, 300), whole.replace(`"version":${CORPUS_SNAPSHOT_VERSION}`, '"version":0'), whole.replace('"number":', '"number":"one","x":'), whole.replace('"label":', '"label":7,"x":')]) {
      cache.entries.set(key!, Buffer.from(corrupt));
      expect(loadCorpus('corpus', { cache, onCacheProblem: (message) => problems.push(message) })).toEqual(parsed);
    }
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/cached corpus .* unreadable; parsing the files again/);
  });
});

