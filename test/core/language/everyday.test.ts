import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { ABSTAIN_BELOW, Engine } from '../../../src/core/engine.js';

// a made-up report with no lexicon file: every mechanism here is general
const FIXTURE = 'test/fixtures/everyday';

describe('engine on a report without a lexicon, asked the way people talk', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus(FIXTURE));
  });

  it('GIVEN greetings and thanks around a question THEN the answer is the same as without them', () => {
    const plain = engine.ask('新增了多少个就诊窗口');
    const polite = engine.ask('你好,请问一下新增了多少个就诊窗口?谢谢啦');
    expect(polite.answer).toBe(plain.answer);
    expect(polite.answer).toContain('12个');
    expect(polite.removed).toEqual(['你好', '请问一下', '谢谢啦']);
  });

  it('GIVEN framing with 领导 THEN the 领导小组 sentence does not answer', () => {
    const result = engine.ask('领导让我查一下绿道完成了多少亩造林');
    expect(result.answer).toContain('3200亩');
    expect(result.answer).not.toContain('领导小组');
  });

  it('GIVEN everyday words THEN the report\'s formal sentence answers', () => {
    expect(engine.ask('去外地看病能直接结账吗').answer).toContain('异地就医直接结算');
    expect(engine.ask('绿道种树种了多少亩').answer).toContain('3200亩');
  });

  it('GIVEN a pinyin typo THEN the answer comes and shows the correction', () => {
    const result = engine.ask('滨江大乔全长多少公里');
    expect(result.answer).toContain('2.4公里');
    // the word as typed and as read (滨江大乔 → 滨江大桥)
    expect(result.matchedTerms.some((term) => /大乔 → \S*大桥/.test(term))).toBe(true);
  });

  it('GIVEN a compound the report words otherwise THEN it matches in part (研究机构 ~ 研究所)', () => {
    expect(engine.ask('新区有几家研究机构').answer).toContain('研究所2家');
  });

  it('GIVEN English questions and no glossary THEN the dictionary finds the report\'s words', () => {
    expect(engine.ask('How long is the bridge?').answer).toContain('2.4公里');
    expect(engine.ask('How many jobs were added?').answer).toContain('4500个');
  });

  it('GIVEN near misses the report does not answer THEN it abstains, with the closest passage still returned', () => {
    for (const question of ['滨江大桥的设计单位是哪家', '社区公交什么时候开通的', '滨江大桥花了多少钱', '口袋公园的面积有多大']) {
      const result = engine.ask(question);
      expect(result.found, question).toBe(false);
      expect(result.confidence, question).toBeLessThan(ABSTAIN_BELOW);
      expect(result.passages.length, question).toBeGreaterThan(0);
    }
  });

  it('GIVEN the questions the near misses resemble THEN they are answered, with confidence above the threshold', () => {
    for (const [question, answer] of [['大桥什么时候通车', '4月30日'], ['公交票价多少钱', '2元'], ['口袋公园新建了几个', '9个']]) {
      const result = engine.ask(question!);
      expect(result.answer, question).toContain(answer);
      expect(result.confidence, question).toBeGreaterThanOrEqual(ABSTAIN_BELOW);
    }
  });
});
