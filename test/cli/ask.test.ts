import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/ask.js';
import { sink, source } from '../helpers/streams.js';
import { tempCorpus } from '../helpers/corpus.js';

async function run(args: string[], stdin = '') {
  const out = sink();
  const err = sink();
  const code = await main(args, source(stdin), out, err);
  return { code, out: out.text(), err: err.text() };
}

const CONTRACT_KEYS = ['query', 'found', 'answer', 'confidence', 'context', 'citations', 'passages'];

describe('ask CLI', () => {
  it('GIVEN a question THEN the answer, its citation and the next passages are printed', async () => {
    const { code, out } = await run(['成资S3线开工了吗']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Answer: 目前,“两环三射”轨道交通骨架加快构建,市域铁路成资S3线开工,/m);
    expect(out).toContain('关键词2 · 交通 · cdms-2021-04-15#2.2');
    expect(out).toContain('http://www.kbcmw.com/html/xw/dzyw/70105.html');
    expect(out).toContain('Related passages:');
  });

  it('GIVEN small talk THEN a friendly line in text, and found false with smallTalk in JSON, no passage', async () => {
    const text = await run(['你好啊']);
    expect(text.out.trim()).toBe('Hello! Ask a question about the reports, for example what was built, when or how much.');
    expect((await run(['666'])).out.trim()).toBe('Thank you! Ask another question any time.');
    const json = JSON.parse((await run(['--json', '谢谢您'])).out);
    expect(json).toMatchObject({ found: false, answer: null, smallTalk: 'thanks', passages: [], citations: [] });
  });

  it('GIVEN a question about the bot itself THEN how to ask, or the list of reports, in text and JSON', async () => {
    expect((await run(['你能做什么'])).out).toMatch(/^Ask about the reports/);
    expect((await run(['有哪些报告'])).out).toContain('七个关键词看懂成德眉资同城化“棋局” · 成都商报 · 2021-04-15 (cdms-2021-04-15)');
    const json = JSON.parse((await run(['--json', 'what reports do you have'])).out);
    expect(json).toMatchObject({ found: false, smallTalk: 'sources', passages: [], reports: [{ documentId: 'cdms-2021-04-15', publisher: '成都商报' }] });
  });

  it('GIVEN a question about the report\'s record THEN its publisher, date and link, or its sections, in text and JSON; no sentence quoted', async () => {
    expect((await run(['谁写的这篇'])).out.trim()).toBe('七个关键词看懂成德眉资同城化“棋局”\n  Published by 成都商报 · 2021-04-15\n  http://www.kbcmw.com/html/xw/dzyw/70105.html');
    expect((await run(['这篇报告分为哪几部分'])).out).toContain('  关键词7 · 同城品牌 — 设立同城化发展“一所一中心”');
    const json = JSON.parse((await run(['--json', 'When was this report published?'])).out);
    expect(json).toMatchObject({ found: false, answer: null, passages: [], record: { field: 'date', reports: [{ documentId: 'cdms-2021-04-15', date: '2021-04-15', publisher: '成都商报' }] } });
    expect(json.record.reports[0].sections).toBeUndefined();
  });

  it('GIVEN a question asking where the report mentions something THEN its passages, or a line saying none does, in text and JSON', async () => {
    expect((await run(['有没有提到房价'])).out.trim()).toBe('No report here mentions "房价".');
    expect((await run(['哪一部分提到了学校'])).out).toMatch(/^Where the reports mention "学校":\n  \[七个关键词看懂成德眉资同城化“棋局” · 关键词5 · 生活圈\] cdms-2021-04-15#5\.1 /);
    const json = JSON.parse((await run(['--json', 'which report mentions schools'])).out);
    expect(json).toMatchObject({ found: false, answer: null, locate: 'schools', passages: [{ passageId: 'cdms-2021-04-15#5.1' }] });
  });

  it('GIVEN a message of two questions THEN each is answered under its own heading, and in JSON under parts', async () => {
    const text = (await run(['成资S3线开工了吗？动车每天多少对？'])).out;
    expect(text).toMatch(/^Question 1 of 2: 成资S3线开工了吗？\nAnswer: .*成资S3线开工/);
    expect(text).toMatch(/\n\nQuestion 2 of 2: 动车每天多少对？\nAnswer: .*107\.5对/);
    const json = JSON.parse((await run(['--json', '成资S3线开工了吗？动车每天多少对？'])).out);
    expect(json).toMatchObject({ query: '成资S3线开工了吗？动车每天多少对？', found: true, answer: null, parts: [{ query: '成资S3线开工了吗？', found: true }, { query: '动车每天多少对？', found: true }] });
  });

  it('GIVEN 详细说说 with the earlier question as history THEN the earlier answer\'s passage, whole, with its source', async () => {
    const text = await run(['--history', '成资S3线开工了吗', '详细说说']);
    expect(text.out).toMatch(/^Passage cdms-2021-04-15#2\.2 \(关键词2 · 交通\), whole:/);
    expect(text.out).toContain('Source: 七个关键词看懂成德眉资同城化“棋局” · 成都商报 2021-04-15');
    const json = JSON.parse((await run(['--json', '--history', '成资S3线开工了吗', 'tell me more'])).out);
    expect(json).toMatchObject({ found: false, expands: 'cdms-2021-04-15#2.2', passages: [{ passageId: 'cdms-2021-04-15#2.2' }] });
  });

  it('GIVEN a request to sum up THEN each section\'s key sentences with their passages in text, and the briefing in JSON', async () => {
    const text = await run(['总结一下这篇报告']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Briefing/);
    expect(text.out).toContain('关键词2 · 交通 — 市域铁路成资S3线开工');
    expect(text.out).toMatch(/• .*成资S3线开工.*cdms-2021-04-15#2\.2/);
    const json = JSON.parse((await run(['--json', 'summarize the report'])).out);
    expect(json).toMatchObject({ found: false, answer: null, overview: true, passages: [], citations: [] });
    expect(json.briefing).toHaveLength(1);
    expect(json.briefing[0].sections.map((section: { keyword: string }) => section.keyword)).toContain('交通');
    const section = JSON.parse((await run(['--json', '交通部分的要点是什么'])).out);
    expect(section.briefing[0].sections.map((one: { keyword: string }) => one.keyword)).toEqual(['交通']);
    expect(section.briefing[0].sections[0].points.length).toBeGreaterThan(3);
  });

  it('GIVEN --json THEN one object with exactly the contract fields', async () => {
    const { code, out } = await run(['--json', '日开行动车多少对']);
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(Object.keys(answer)).toEqual(CONTRACT_KEYS);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('107.5对');
    expect(Object.keys(answer.citations[0])).toEqual(['passageId', 'documentId', 'section', 'source']);
    expect(Object.keys(answer.citations[0].section)).toEqual(['number', 'keyword', 'headline']);
    expect(Object.keys(answer.citations[0].source)).toEqual(['title', 'publisher', 'date', 'url']);
    expect(answer.passages.length).toBeLessThanOrEqual(5);
    expect(Object.keys(answer.passages[0])).toEqual(['passageId', 'documentId', 'section', 'text', 'score']);
    const scores = answer.passages.map((p: { score: number }) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('GIVEN an unanswerable question with --json THEN found is false and answer null', async () => {
    const answer = JSON.parse((await run(['--json', '明天会下雨吗'])).out);
    expect(answer).toMatchObject({ found: false, answer: null, citations: [] });
  });

  it('GIVEN an empty or blank question THEN a clear message and exit 2', async () => {
    for (const args of [[], ['   ']]) {
      const { code, err, out } = await run(args);
      expect(code).toBe(2);
      expect(err).toMatch(/the question is empty/);
      expect(out).toBe('');
    }
  });

  it('GIVEN an unknown option THEN usage and exit 2', async () => {
    const { code, err } = await run(['--jsn', 'x']);
    expect(code).toBe(2);
    expect(err).toMatch(/usage:/);
  });

  it('GIVEN --batch THEN one JSON line per input line, in order, with an error line for a blank question', async () => {
    const { code, out } = await run(['--batch'], '成资S3线开工了吗\n\n川芎\n');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual(['成资S3线开工了吗', '', '川芎']);
    expect(lines[1]).toMatchObject({ found: false, answer: null });
    expect(lines[1].error).toMatch(/empty/);
    expect(lines[2].found).toBe(true);
  });

  it('GIVEN --corpus with another folder THEN it answers from that corpus', async () => {
    const answer = JSON.parse((await run(['--json', '--corpus', 'test/fixtures/corpus', '白鹭湾湿地观测到多少种鸟类'])).out);
    expect(answer.citations[0].documentId).toBe('parks-2023');
  });

  it('GIVEN an unreadable corpus THEN the loader error and exit 1', async () => {
    const dir = tempCorpus({ 'a.md': '---\ntitle: x\n---\n\n正文\n' });
    const { code, err } = await run(['--corpus', dir, '问题']);
    expect(code).toBe(1);
    expect(err).toMatch(/a\.md:\d+: front matter "publisher"/);
  });

  it('GIVEN --history THEN the question is read as a follow-up and the context is printed', async () => {
    const { code, out } = await run(['--corpus', 'test/fixtures/everyday', '--history', '新区今年新增就业岗位多少个', '那技能培训呢']);
    expect(code).toBe(0);
    expect(out).toContain('1.2万人次');
    expect(out).toMatch(/Context: .+ \(from the earlier question\)/);
  });

  it('GIVEN --batch with JSON lines THEN history is used, the query is q, and a malformed line gets an error', async () => {
    const input = ['{"q": "那技能培训呢", "history": ["新区今年新增就业岗位多少个"]}', '{"q": "x", "history": "not a list"}', '{not json', '社区医院新增了多少个就诊窗口'].join('\n');
    const { code, out } = await run(['--batch', '--corpus', 'test/fixtures/everyday'], `${input}\n`);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ query: '那技能培训呢', found: true });
    expect(lines[0].answer).toContain('1.2万人次');
    expect(lines[0].context.length).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ query: 'x', found: false });
    expect(lines[1].error).toMatch(/field "history"/);
    expect(lines[2].error).toMatch(/not JSON/);
    expect(lines[3].answer).toContain('12个');
  });
});
