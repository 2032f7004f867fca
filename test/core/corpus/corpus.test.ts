import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { CorpusError } from '../../../src/core/errors.js';
import { GOOD_REPORT, tempCorpus } from '../../helpers/corpus.js';

function loadError(files: Record<string, string | Uint8Array>): CorpusError {
  const dir = tempCorpus(files);
  try {
    loadCorpus(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error('expected the corpus to be rejected');
}

describe('corpus loading', () => {
  it('GIVEN a valid report THEN its front matter, sections and paragraphs are loaded', () => {
    const corpus = loadCorpus(tempCorpus({ 'a.md': GOOD_REPORT }));
    const [document] = corpus.documents;
    expect(document?.id).toBe('a');
    expect(document?.source).toEqual({ title: '测试报告', publisher: '测试日报', date: '2022-01-02', url: 'https://example.org/a', language: 'zh-CN' });
    expect(document?.sections.map((s) => [s.number, s.keyword, s.headline])).toEqual([[0, '导语', ''], [1, '交通', '地铁开通']]);
    expect(document?.paragraphs.map((p) => [p.section.number, p.ordinal, p.text, p.line])).toEqual([[0, 1, '导语一段。', 9], [1, 1, '地铁开通了。', 13]]);
  });

  it('GIVEN a missing front matter field THEN the error names the file, line and field', () => {
    const error = loadError({ 'a.md': GOOD_REPORT.replace('publisher: 测试日报\n', '') });
    expect(error.file).toMatch(/a\.md$/);
    expect(error.field).toBe('front matter "publisher"');
    expect(error.line).toBeGreaterThan(0);
    expect(error.message).toMatch(/a\.md:\d+: front matter "publisher"/);
  });

  it('GIVEN a malformed date THEN the error is at the date line', () => {
    const error = loadError({ 'a.md': GOOD_REPORT.replace('date: 2022-01-02', 'date: 2022/1/2') });
    expect([error.line, error.field]).toEqual([4, 'front matter "date"']);
  });

  it('GIVEN an impossible date THEN it is rejected', () => {
    expect(loadError({ 'a.md': GOOD_REPORT.replace('2022-01-02', '2022-02-30') }).field).toBe('front matter "date"');
  });

  it('GIVEN a malformed url THEN the error is at the url line', () => {
    const error = loadError({ 'a.md': GOOD_REPORT.replace('https://example.org/a', 'example dot org') });
    expect([error.line, error.field]).toEqual([5, 'front matter "url"']);
  });

  it('GIVEN an unknown front matter field THEN it is named, not ignored', () => {
    const error = loadError({ 'a.md': GOOD_REPORT.replace('language: zh-CN', 'language: zh-CN\nauthr: 某人') });
    expect([error.line, error.field]).toEqual([7, 'front matter "authr"']);
  });

  it('GIVEN broken YAML THEN the error points at its line', () => {
    const error = loadError({ 'a.md': GOOD_REPORT.replace('title: 测试报告', 'title: [测试报告') });
    expect(error.field).toBe('front matter');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('GIVEN no front matter, or one never closed THEN line 1 is named', () => {
    expect(loadError({ 'a.md': '正文\n' }).line).toBe(1);
    expect(loadError({ 'a.md': '---\ntitle: x\n正文\n' }).message).toMatch(/never closed/);
  });

  it('GIVEN a duplicate section number THEN the second heading is named with the first', () => {
    const error = loadError({ 'a.md': `${GOOD_REPORT}\n## 关键词1 | 产业 | 又一个\n\n文字。\n` });
    expect(error.field).toBe('section number');
    expect(error.line).toBe(15);
    expect(error.message).toMatch(/line 11/);
  });

  it('GIVEN an empty section THEN its heading line is named', () => {
    const error = loadError({ 'a.md': GOOD_REPORT.replace('地铁开通了。\n', '') });
    expect([error.field, error.line]).toEqual(['section', 11]);
  });

  it('GIVEN a heading with too many parts, or without a number THEN it is rejected', () => {
    expect(loadError({ 'a.md': GOOD_REPORT.replace('## 关键词1 | 交通 | 地铁开通', '## 关键词1 | 交通 | 地铁 | 开通') }).field).toBe('section heading');
    expect(loadError({ 'a.md': GOOD_REPORT.replace('## 关键词1 |', '## 关键词 |') }).field).toBe('section number');
    expect(loadError({ 'a.md': GOOD_REPORT.replace('## 关键词1 | 交通 | 地铁开通', '## 交通建设') }).field).toBe('section number');
  });

  it('GIVEN another heading level THEN it is rejected instead of read as text', () => {
    expect(loadError({ 'a.md': GOOD_REPORT.replace('导语一段。', '# 标题') }).field).toBe('heading');
  });

  it('GIVEN a file that is not UTF-8 THEN the first bad line is named', () => {
    const bytes = Buffer.concat([Buffer.from(GOOD_REPORT.replace('导语一段。', 'x')), Buffer.from([0xff, 0xfe, 0x0a])]);
    const error = loadError({ 'a.md': bytes });
    expect(error.field).toBe('encoding');
    expect(error.line).toBe(GOOD_REPORT.split('\n').length);
  });

  it('GIVEN an empty folder, or a missing one THEN the folder is named', () => {
    expect(loadError({}).message).toMatch(/no report/);
    expect(() => loadCorpus(join(tempCorpus({}), 'nope'))).toThrow(/no such corpus folder/);
  });

  it('GIVEN a report file name no id can be made of, or two names giving one id THEN it is rejected', () => {
    expect(loadError({ '——.md': GOOD_REPORT }).field).toBe('file name');
    expect(loadError({ '报告一.md': GOOD_REPORT, 'bao-gao-yi.md': GOOD_REPORT }).message).toMatch(/document id "bao-gao-yi" is also/);
  });

  it('GIVEN a lexicon without its report THEN it is rejected, not skipped', () => {
    expect(loadError({ 'a.md': GOOD_REPORT, 'b.lexicon.yaml': 'synonyms: []\n' }).field).toBe('file name');
  });

  it('GIVEN two reports THEN both load, and a README is not taken for a report', () => {
    const corpus = loadCorpus(tempCorpus({ 'a.md': GOOD_REPORT, 'b.md': GOOD_REPORT, 'README.md': '# how to' }));
    expect(corpus.documents.map((document) => document.id)).toEqual(['a', 'b']);
  });
});
