import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/corpus/corpus.js';
import { ABSTAIN_BELOW, Engine } from '../../src/core/engine.js';
import { QueryError } from '../../src/core/errors.js';
import { spanQuestions, syntheticCorpus } from '../../src/cli/bench/synthetic.js';
import { tempCorpus } from '../helpers/corpus.js';

const FIXTURE = 'test/fixtures/corpus';

describe('engine on a fixture corpus of two reports', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus(FIXTURE));
  });

  it('GIVEN a question about one report THEN the answer and citation come from that report', () => {
    const result = engine.ask('白鹭湾湿地观测到多少种鸟类');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('226种');
    expect(result.citations[0]).toMatchObject({
      documentId: 'parks-2023',
      section: { number: 2, keyword: '湿地', headline: '白鹭湾湿地恢复' },
      source: { title: '城市公园建设进展', publisher: '示例晚报', date: '2023-03-12', url: 'https://example.org/parks-2023' },
    });
  });

  it('GIVEN a question about the other report THEN it is cited with its own source', () => {
    const result = engine.ask('18号线三期全长多少公里');
    expect(result.answer).toContain('12.5公里');
    expect(result.citations[0]?.documentId).toBe('metro-2022');
    expect(result.citations[0]?.passageId).toBe('metro-2022#1.1');
  });

  it('GIVEN an amount question THEN the sentence with the figure and its measure answers, the figure’s clause in bold, not the whole paragraph', () => {
    const result = engine.ask('首周日均客流量多少人次');
    expect(result.answer).toBe('开通首周日均客流量达到6.2万人次,比预期高出15%。');
    expect(result.highlights.map(([start, end]) => result.answer!.slice(start, end))).toEqual(['开通首周日均客流量达到6.2万人次']);
    expect(engine.ask('客流量比预期高出多少').answer).toContain('比预期高出15%');
  });

  it('GIVEN a Chinese numeral in the question and digits in the text THEN they match', () => {
    expect(engine.ask('新增接驳公交线路几条').answer).toContain('八条');
    expect(engine.ask('绿道沿线建成三十二个驿站吗').answer).toContain('32个');
  });

  it('GIVEN an English question THEN the glossary finds the Chinese passage and explains the match', () => {
    const result = engine.ask('How many passengers did the subway carry in the first week?');
    expect(result.passages[0]?.passage.id).toBe('metro-2022#1.2');
    expect(result.matchedTerms).toContain('passengers → 客流量');
  });

  it('GIVEN a lexicon synonym THEN a question in the other word finds the passage', () => {
    expect(engine.ask('轨道交通18号线开通了吗').passages[0]?.passage.documentId).toBe('metro-2022');
  });

  it('GIVEN a question the corpus does not answer THEN found is false, answer null, nearest sections listed', () => {
    const result = engine.ask('地铁票价多少钱');
    expect(result.found).toBe(false);
    expect(result.answer).toBeNull();
    expect(result.citations).toEqual([]);
    expect(result.coverage).toBeLessThan(ABSTAIN_BELOW);
    expect(result.nearestSections.map((ref) => ref.section.keyword)).toContain('地铁');
  });

  it('GIVEN a question with no content word at all THEN it abstains', () => {
    const result = engine.ask('是什么呢?');
    expect(result.found).toBe(false);
    expect(result.passages).toEqual([]);
  });

  it('GIVEN a section filter THEN only that section is searched', () => {
    const result = engine.ask('地铁', { section: 2 });
    expect(result.passages.every(({ passage }) => passage.section.number === 2)).toBe(true);
  });

  it('GIVEN an empty, blank or overlong question THEN a QueryError', () => {
    expect(() => engine.ask('')).toThrow(QueryError);
    expect(() => engine.ask('   \n')).toThrow(/empty/);
    expect(() => engine.ask('字'.repeat(501))).toThrow(/at most 500/);
  });

  it('GIVEN any answer THEN it is verbatim from its passage and the highlights lie inside it', () => {
    for (const question of ['白鹭湾湿地恢复水面多少亩', '驿站有几个', '首周日均客流量']) {
      const result = engine.ask(question);
      expect(result.found).toBe(true);
      expect(result.passages[0]?.passage.text).toContain(result.answer!);
      for (const [start, end] of result.highlights) {
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(result.answer!.length);
      }
    }
  });
});

describe('engine on the real report', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus('corpus'));
  });

  it('GIVEN a direct question THEN the whole sentence that answers, verbatim, with its citation and the answering clause in bold', () => {
    const result = engine.ask('成资S3线开工了吗');
    expect(result.answer).toBe('目前,“两环三射”轨道交通骨架加快构建,市域铁路成资S3线开工,成德S11线、成眉S5线加快推进前期工作,成都外环铁路通过预可研审查。');
    expect(result.citations[0]?.section).toEqual({ number: 2, keyword: '交通', headline: '市域铁路成资S3线开工' });
    expect(result.highlights.map(([start, end]) => result.answer!.slice(start, end))).toEqual(['市域铁路成资S3线开工']);
  });

  it('GIVEN traditional characters THEN the simplified passage answers with the same sentence and bold part', () => {
    const result = engine.ask('成資S3線開工了嗎');
    expect(result.answer).toContain('市域铁路成资S3线开工');
    expect(result.highlights.map(([start, end]) => result.answer!.slice(start, end))).toEqual(['市域铁路成资S3线开工']);
  });

  it('GIVEN small talk only (greetings, thanks, farewells, written here) THEN it is marked as such: nothing found, no passage, no sentence', () => {
    const kinds: Array<[string, string]> = [['您好', 'greeting'], ['大家好呀', 'greeting'], ['good morning', 'greeting'], ['谢谢啦', 'thanks'], ['thank you!', 'thanks'], ['辛苦了', 'thanks'], ['好吧', 'thanks'], ['原来如此', 'thanks'], ['再见', 'farewell'], ['bye!', 'farewell'], ['答错了', 'feedback'], ['that is wrong', 'feedback'], ['好', 'thanks'], ['👍', 'thanks'], ['🙏🙏', 'thanks'], ['👋', 'greeting'], ['有人吗', 'greeting'], ['test', 'greeting'], ['你真棒', 'praise'], ['666', 'praise'], ['👏', 'praise']];
    for (const [message, kind] of kinds) {
      const result = engine.ask(message);
      expect(result.smallTalk, message).toBe(kind);
      expect(result.found).toBe(false);
      expect(result.passages).toEqual([]);
      expect(result.candidate).toBeNull();
    }
  });

  it('GIVEN questions about what no report here holds (weather, a joke, a poem, a fare elsewhere, a phone number, a recipe, a film, a parcel: written here) THEN none is answered', () => {
    const offTopic = ['明天会下雨吗', '给我讲个笑话', '帮我写一首关于春天的诗', '北京到上海的机票多少钱', '客服电话是多少', '红烧肉怎么做', '推荐一部好看的电影', '我的快递到哪了', '世界杯冠军是谁', 'Who won the football world cup?', 'How do I bake bread?', '怎么减肥最快', '你喜欢什么颜色', '周末去哪里玩比较好', '基金今天涨了吗', '明天油价会涨吗'];
    const everyday = Engine.build(loadCorpus('test/fixtures/everyday'));
    for (const reports of [engine, everyday]) {
      for (const question of offTopic) expect(reports.ask(question).found, question).toBe(false);
    }
  });

  it('GIVEN a request for the reports as a whole (written here: Chinese, traditional, English) THEN it is marked as one: nothing found, nothing quoted', () => {
    for (const message of ['帮我总结一下这篇报告', '简单概括下全文吧', '這份報告主要講了什麼?', '报告的主要内容是什么', '有哪些要点', 'Can you summarize the report for me?', 'give me an overview', 'What is this report about?']) {
      const result = engine.ask(message);
      expect(result.overview, message).toBe(true);
      expect(result.found).toBe(false);
      expect(result.passages).toEqual([]);
      expect(result.candidate).toBeNull();
    }
  });

  it('GIVEN a summary word inside a question that names something of a report THEN it is a question like any other', () => {
    for (const question of ['总结一下白鹭湾湿地的鸟类', '报告的重点项目有哪些', '有哪些重点项目', '内容', 'summary of the wetland birds']) {
      expect(engine.ask(question).overview, question).toBeUndefined();
    }
  });

  it('GIVEN a request to sum up a topic that a section is named for THEN that section is named for the briefing; a topic no section has is asked as a question', () => {
    const reports = Engine.build(loadCorpus(FIXTURE));
    for (const message of ['总结一下湿地方面的情况', '湿地部分的主要内容是什么', '概括下关键词2']) {
      const result = reports.ask(message);
      expect(result.overview, message).toBe(true);
      expect(result.overviewSections?.map(({ documentId, section }) => `${documentId}#${section.number}`), message).toEqual(['parks-2023#2']);
      expect(result.passages).toEqual([]);
    }
    // scoped to another report, the section is not there: nothing is named and it is asked as a question
    expect(reports.ask('总结一下湿地方面的情况', { documentId: 'metro-2022' }).overview).toBeUndefined();
    const asked = reports.ask('总结一下鸟类方面的情况');
    expect(asked.overview).toBeUndefined();
    expect(asked.passages.length).toBeGreaterThan(0);
  });

  it('GIVEN a request to sum up THEN a follow-up naming a section (那湿地呢) is that section summed up; after a question, the same follow-up is a question', () => {
    const reports = Engine.build(loadCorpus(FIXTURE));
    for (const earlier of ['总结一下', '总结一下地铁方面']) {
      const next = reports.ask('那湿地呢', { history: [{ question: earlier }] });
      expect(next.overview, earlier).toBe(true);
      expect(next.overviewSections?.map(({ documentId, section }) => `${documentId}#${section.number}`)).toEqual(['parks-2023#2']);
    }
    const afterQuestion = reports.ask('那湿地呢', { history: [{ question: '绿道全长多少公里' }] });
    expect(afterQuestion.overview).toBeUndefined();
    expect(afterQuestion.passages.length).toBeGreaterThan(0);
  });

  it('GIVEN questions about the bot itself (written here) THEN help or sources small talk: nothing found, nothing quoted', () => {
    for (const [message, kind] of [['你能做什么', 'help'], ['怎么用这个机器人', 'help'], ['help', 'help'], ['你好,你是谁', 'help'], ['有哪些报告', 'sources'], ['What reports do you have?', 'sources']] as const) {
      const result = engine.ask(message);
      expect(result.smallTalk, message).toBe(kind);
      expect(result.found).toBe(false);
      expect(result.passages).toEqual([]);
    }
  });

  it('GIVEN a question about a report\'s record THEN the field asked and the reports asked about, nothing found or quoted; in a conversation, the report of the last answer', () => {
    const two = Engine.build(loadCorpus(FIXTURE));
    const all = two.ask('这篇报道是哪天发的');
    expect(all.record).toEqual({ field: 'date', documentIds: ['metro-2022', 'parks-2023'] });
    expect(all.found).toBe(false);
    expect(all.passages).toEqual([]);
    expect(all.answer).toBeNull();
    const answered = two.ask('18号线三期全长多少公里');
    const after = two.ask('原文链接', { history: [{ question: '18号线三期全长多少公里', passageIds: [answered.citations[0]!.passageId] }] });
    expect(after.record).toEqual({ field: 'url', documentIds: ['metro-2022'] });
    expect(two.ask('报告分为哪几部分', { documentId: 'parks-2023' }).record).toEqual({ field: 'sections', documentIds: ['parks-2023'] });
  });

  it('GIVEN a question asking where the reports say something THEN the passages that mention it, best first, nothing answered; none when no report does', () => {
    const two = Engine.build(loadCorpus(FIXTURE));
    const metro = two.ask('哪篇报告提到了地铁');
    expect(metro.locate).toBe('地铁');
    expect(metro.found).toBe(false);
    expect(metro.answer).toBeNull();
    expect(metro.passages.map(({ passage }) => passage.id)).toContain('metro-2022#1.1');
    expect(metro.passages.every(({ passage }) => passage.documentId === 'metro-2022')).toBe(true);
    expect(metro.passages.map(({ score }) => score)).toEqual([...metro.passages.map(({ score }) => score)].sort((a, b) => b - a));
    expect(two.ask('哪个报告讲湿地').passages.map(({ passage }) => passage.id)).toEqual(['parks-2023#2.1']);
    const none = two.ask('有没有提到房价');
    expect(none.locate).toBe('房价');
    expect(none.passages).toEqual([]);
    expect(two.ask('哪篇报告提到了地铁', { documentId: 'parks-2023' }).passages).toEqual([]);
  });

  it('GIVEN a topic whose words no one passage says all of, or says only in its section\'s headline THEN no passage mentions it', () => {
    const two = Engine.build(loadCorpus(FIXTURE));
    // 湿地 is in the parks report, 门票 nowhere; 地铁 and 鸟类 are in different reports
    expect(two.ask('有没有提到湿地的门票').passages).toEqual([]);
    expect(two.ask('哪篇报告提到了地铁的鸟类').passages).toEqual([]);
    // 18号线 is said by 1.1 and by its section's headline, not by 1.2 (开通首周日均客流量…)
    expect(two.ask('哪篇报告提到了18号线').passages.map(({ passage }) => passage.id)).toEqual(['metro-2022#1.1']);
  });

  it('GIVEN a topic and 呢 with nothing asked before (湿地呢) THEN where the reports mention it; after an answer THEN a follow-up of that question', () => {
    const two = Engine.build(loadCorpus(FIXTURE));
    const first = two.ask('湿地呢');
    expect(first.locate).toBe('湿地');
    expect(first.found).toBe(false);
    expect(first.passages.map(({ passage }) => passage.id)).toEqual(['parks-2023#2.1']);
    expect(two.ask('那停车场呢')).toMatchObject({ locate: '停车场', passages: [] });
    const asked = two.ask('环城生态公园绿道长度多少公里');
    const after = two.ask('湿地呢', { history: [{ question: '环城生态公园绿道长度多少公里', passageIds: [asked.citations[0]!.passageId] }] });
    expect(after.locate).toBeUndefined();
    expect(after.found).toBe(true);
    expect(after.answer).toContain('1200亩');
    expect(two.ask('还有呢').locate).toBeUndefined();
  });

  it('GIVEN a topic and 呢 after a question asking where the reports mention something THEN where they mention that topic too', () => {
    const two = Engine.build(loadCorpus(FIXTURE));
    const after = (question: string, ...earlier: string[]) => two.ask(question, { history: earlier.map((asked) => ({ question: asked, passageIds: [] })) });
    expect(after('湿地呢', '哪篇报告提到了地铁')).toMatchObject({ locate: '湿地', found: false });
    expect(after('绿道呢', '地铁呢', '湿地呢').passages.map(({ passage }) => passage.id)).toEqual(['parks-2023#1.1']);
    // after a question, the same topic is that question's follow-up
    expect(after('湿地呢', '环城生态公园绿道长度多少公里').locate).toBeUndefined();
  });

  it('GIVEN a what-is question naming only its term THEN the sentence that defines it answers; when none does, it abstains rather than quote one that names it; a bare topic after it asks the same of that topic', () => {
    const dir = tempCorpus({
      'harbour-2024.md': `---
title: 海湾观测年报
publisher: 示例海洋报
date: 2024-05-06
url: https://example.org/harbour-2024
language: zh-CN
---

## 第1部分 | 浮标 | 浮标站建设

新建浮标站观测网今年覆盖全省海域。

浮标站数据中心全年收到观测数据约两百万条。

浮标站是锚定在海面、自动记录风浪和水温的无人平台。

## 第2部分 | 联盟 | 观测联盟成立

东海观测联盟今年吸纳成员单位十二家,联盟秘书处设在舟山。
`,
    });
    const harbour = Engine.build(loadCorpus(dir));
    const defined = harbour.ask('什么是浮标站');
    expect(defined.found).toBe(true);
    expect(defined.answer).toContain('浮标站是锚定在海面');
    // 东海观测联盟 is named, never said what it is
    const named = harbour.ask('东海观测联盟是什么');
    expect(named.found).toBe(false);
    expect(named.passages[0]?.passage.text).toContain('东海观测联盟');
    // a bare topic after a what-is question asks what that topic is
    const then = harbour.ask('那浮标站呢', { history: [{ question: '东海观测联盟是什么', passageIds: [] }] });
    expect(then.found).toBe(true);
    expect(then.answer).toContain('浮标站是锚定在海面');
    const back = harbour.ask('那东海观测联盟呢', { history: [{ question: '什么是浮标站', passageIds: [defined.citations[0]!.passageId] }] });
    expect(back.found).toBe(false);
  });

  it('GIVEN an everyday word the report says by its characters in two words of its own (种茶: 茶叶种植) THEN the question is answered; a word whose characters it never pairs still abstains', () => {
    const dir = tempCorpus({
      'tea-2024.md': `---
title: 山区茶产业简报
publisher: 示例农业报
date: 2024-04-01
url: https://example.org/tea-2024
language: zh-CN
---

## 第1部分 | 茶叶 | 茶叶种植扩面

全县茶叶种植面积达到12万亩,茶叶综合产值突破9亿元。

## 第2部分 | 道路 | 产业道路修建

今年完成产业道路修建46公里,新建观光步道8公里。
`,
    });
    const tea = Engine.build(loadCorpus(dir));
    const grown = tea.ask('种茶有多少亩');
    expect(grown.found).toBe(true);
    expect(grown.answer).toContain('12万亩');
    expect(tea.ask('修了多少路').answer).toContain('46公里');
    // 炒股: no 炒 or 股 in the report
    expect(tea.ask('炒股的人有多少').found).toBe(false);
  });

  it('GIVEN 详细说说 after an answer THEN that answer\'s passage, whole, and nothing new answered; with no answer before, how to ask', () => {
    const first = engine.ask('成资S3线开工了吗');
    const id = first.citations[0]!.passageId;
    const more = engine.ask('详细说说', { history: [{ question: '成资S3线开工了吗', passageIds: [id] }] });
    expect(more.expands).toBe(id);
    expect(more.found).toBe(false);
    expect(more.passages.map(({ passage }) => passage.id)).toEqual([id]);
    expect(engine.ask('详细说说').smallTalk).toBe('help');
    expect(engine.ask('详细说说', { history: [{ question: '成都的GDP是多少', passageIds: [] }] }).smallTalk).toBe('help');
  });

  it('GIVEN 你确定吗 or 举个例子 after an answer THEN that answer\'s passage, whole, as the evidence; before any answer, how to ask', () => {
    const first = engine.ask('成资S3线开工了吗');
    const id = first.citations[0]!.passageId;
    for (const message of ['你确定吗', '真的吗', '举个例子', '没看懂', 'are you sure?']) {
      const result = engine.ask(message, { history: [{ question: '成资S3线开工了吗', passageIds: [id] }] });
      expect(result.expands, message).toBe(id);
      expect(result.found).toBe(false);
      // before: 你确定吗 was answered at 0.99 with the sentence that 确定57个企业合作项目
      expect(engine.ask(message).smallTalk, message).toBe('help');
    }
  });

  it('GIVEN a greeting or thanks around a real question THEN the question is answered, not taken for small talk', () => {
    expect(engine.ask('你好,成资S3线开工了吗').smallTalk).toBeUndefined();
    expect(engine.ask('成资S3线开工了吗?谢谢').answer).toContain('成资S3线开工');
  });

  it('GIVEN a question about something the report lacks whose words it matches only through dictionary neighbours (保险 ~ 确定, 转移 ~ 抽调) THEN it abstains', () => {
    for (const question of ['养老保险能转吗', '养老保险能转移吗']) {
      const result = engine.ask(question);
      expect(result.found, question).toBe(false);
      expect(result.signals?.contentHeld, question).toBe(false);
    }
  });

  it('GIVEN near-miss questions that share words with the report THEN it abstains', () => {
    for (const question of ['四川省省长是谁', '成都的GDP是多少', '资阳有多少人口']) {
      expect(engine.ask(question).found, question).toBe(false);
    }
  });

  it('GIVEN a question whose unit the report writes after 余万 THEN the clause with that figure is the answer', () => {
    expect(engine.ask('就医一码通服务了多少人次').answer).toBe('实现都市圈居民就医“一码通”,服务1000余万人次持码就诊。');
    expect(engine.ask('How many people used the health code?').answer).toContain('1000余万人次');
  });

  it('GIVEN a which-ones question THEN the clause that enumerates them is the answer', () => {
    expect(engine.ask('有哪些交界地带').answer).toContain('青广、简雁、新彭');
    expect(engine.ask('同城化研究所和研究中心是谁设立的').answer).toContain('四川大学经济学院');
  });

  it('GIVEN a headline word THEN the paragraph that explains it outranks others of its section', () => {
    const result = engine.ask('0130是什么意思');
    expect(result.answer).toContain('0成本1环节30分钟领证');
  });
});

describe('engine on a large corpus', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(syntheticCorpus(loadCorpus('corpus'), 2000), { maxPassageChars: Number.POSITIVE_INFINITY });
  });

  it('GIVEN questions quoting one passage over three clauses, whose words stand in hundreds of others THEN the quoted passage is first for most and in the top 5 for more', () => {
    const corpus = syntheticCorpus(loadCorpus('corpus'), 2000);
    const questions = spanQuestions(corpus, 60, 3);
    const rankOf = ({ q, tag }: { q: string; tag: string }) => engine.ask(q).passages.findIndex(({ passage }) => passage.text.includes(tag));
    const ranks = questions.map(rankOf);
    expect(ranks.filter((rank) => rank === 0).length / ranks.length).toBeGreaterThanOrEqual(0.8);
    expect(ranks.filter((rank) => rank >= 0 && rank < 5).length / ranks.length).toBeGreaterThanOrEqual(0.85);
  });

  it('GIVEN a rare term THEN its one passage is found among thousands', () => {
    const result = engine.ask('标签T001234');
    expect(result.passages[0]?.passage.text).toContain('标签T001234');
  });

  it('GIVEN a question made only of words in most passages THEN no posting walk and no answer', () => {
    const result = engine.ask('成都同城化');
    expect(result.found).toBe(false);
    expect(result.passages).toEqual([]);
  });

  /** What an engine answers to questions, for comparing two engines. */
  const answers = (asked: Engine, questions: readonly string[]) =>
    questions.map((q) => {
      const result = asked.ask(q);
      return { q, found: result.found, answer: result.answer, confidence: result.confidence, ranked: result.passages.map(({ passage, score }) => [passage.id, passage.text, score]) };
    });

  it('GIVEN the engine started again from the index cache THEN its passages, rankings and answers are the built engine\'s', () => {
    const entries = new Map<string, Uint8Array>();
    const cache = { load: (key: string) => entries.get(key), save: (key: string, data: Uint8Array) => void entries.set(key, data) };
    const corpus = syntheticCorpus(loadCorpus('corpus'), 2000);
    const built = Engine.build(corpus, { cache });
    const started = Engine.build(corpus, { cache });
    expect([built.fromCache, started.fromCache]).toEqual([false, true]);
    expect(started.passages).toEqual(built.passages);
    const questions = [...spanQuestions(corpus, 40, 11).map(({ q }) => q), '标签T001234', '成资S3线开工了吗', '日开行动车多少对'];
    expect(answers(started, questions)).toEqual(answers(built, questions));
  });

  it('GIVEN a report added to a large corpus, then removed THEN the engine answers as one built anew on the same reports', () => {
    const synthetic = syntheticCorpus(loadCorpus('corpus'), 2000);
    const real = loadCorpus('corpus');
    const both = { ...synthetic, documents: [...synthetic.documents, ...real.documents], files: new Map([...synthetic.files, ...real.files]) };
    const questions = ['成资S3线开工了吗', '成都都市圈日开行动车多少对', '标签T001234', ...spanQuestions(synthetic, 20, 5).map(({ q }) => q)];
    const updated = Engine.build(synthetic);
    expect(updated.update(both)).toEqual({ added: real.documents.map((document) => document.id), changed: [], removed: [] });
    expect(answers(updated, questions)).toEqual(answers(Engine.build(both), questions));
    expect(updated.passages.map((passage) => passage.id)).toEqual(Engine.build(both).passages.map((passage) => passage.id));
    updated.update(synthetic);
    expect(answers(updated, questions)).toEqual(answers(Engine.build(synthetic), questions));
    expect(updated.passages).toHaveLength(Engine.build(synthetic).passages.length);
  });
});
