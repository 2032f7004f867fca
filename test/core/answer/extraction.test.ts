import { describe, expect, it } from 'vitest';
import { typeCheck } from '../../../src/core/language/answer-kinds.js';
import { extractableOf, extractAnswer, FOCUS_BONUS, GROWN_ANSWER_CHARS, LENGTH_PENALTY, SENTENCE_ANSWER_CHARS, DESCRIBING_ANSWER_CHARS } from '../../../src/core/answer/extraction.js';
import { emptyLexicon } from '../../../src/core/corpus/lexicon.js';
import { analyzeQuery, questionWords } from '../../../src/core/language/query.js';
import { scorer } from '../../../src/core/search/scoring.js';

import { joinViews } from '../../../src/core/answer/view.js';

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

describe('choosing the answer window', () => {
  const PASSAGES = [
    '东湖公园扩建工程已经完工，新增绿地约12公顷，由市园林局负责管护，预计明年五月对市民开放，门票免费。',
    '西湖公园去年新增绿地5公顷。东湖公园扩建工程已经完工，预计明年五月开放。快充桩由供电公司建设。',
    '全市新建充电桩3200个，覆盖所有街道；其中快充桩占四成，由供电公司建设，年底前再建1000个。',
    '两地图书馆实现通借通还，读者凭一张卡可在40家分馆借书，2023年累计借阅18万册次。',
  ];
  const QUESTIONS = ['东湖公园新增了多少绿地', '谁负责东湖公园的管护', '谁负责建设快充桩', '东湖公园什么时候开放', '新建了多少个充电桩', '快充桩由谁建设', '图书馆借阅了多少册次', '在几家分馆可以借书', '公园门票多少钱'];

  it('GIVEN made-up passages and questions THEN the window chosen is the one a full scan of every window scores best', () => {
    for (const passage of PASSAGES) {
      const prepared = extractableOf(passage);
      for (const question of QUESTIONS) {
        const query = analyzeQuery(question, emptyLexicon());
        const score = scorer(query, new Map(), 10);
        const types = typeCheck(query, questionWords(query));
        // the reference: every window scored in full, the first of the best kept
        let reference: { text: string; score: number } | undefined;
        for (const window of prepared.windows) {
          let bonus = 0;
          // a who-question's subject is not looked for after the last clause holding its focus
          let upTo = window.last;
          const holdsFocus = (k: number) => score.presence(prepared.clauses[k]!.view).some((value) => value > 0) && score.focusScore(prepared.clauses[k]!.view) > 0;
          if (types.subjectSlot) while (upTo > window.first && !holdsFocus(upTo)) upTo--;
          for (let k = window.first; k <= upTo; k++) bonus = Math.max(bonus, types.bonus(prepared.clauses[k]!.view.normalized));
          // the question's words are matched within one sentence: a window across a full stop scores as its better part
          let matched = -Infinity;
          for (let from = window.first; from <= window.last; ) {
            let to = from;
            while (to < window.last && !/[。！？!?]$/u.test(prepared.clauses[to]!.text)) to++;
            const view = joinViews(prepared.clauses.slice(from, to + 1).map((clause) => clause.view));
            matched = Math.max(matched, score.of(view) + FOCUS_BONUS * score.focusScore(view));
            from = to + 1;
          }
          const value = matched + bonus - LENGTH_PENALTY * window.text.length;
          if (!reference || value > reference.score) reference = { text: window.text, score: value };
        }
        const chosen = extractAnswer(passage, types, score, prepared);
        expect(chosen.text.slice(...chosen.part), `${question} on ${passage.slice(0, 8)}`).toBe(reference!.text);
        expect(chosen.score, `${question} on ${passage.slice(0, 8)}`).toBeCloseTo(reference!.score, 9);
      }
    }
  });
});

describe('the answer a person needs', () => {
  const answerOf = (passage: string, question: string) => {
    const query = analyzeQuery(question, emptyLexicon());
    return extractAnswer(passage, typeCheck(query, questionWords(query)), scorer(query, new Map(), 10), extractableOf(passage));
  };

  it('GIVEN the question\'s words split over two sentences (一项纪录。另一场比赛) THEN they do not add up: the sentence that says most of them answers', () => {
    const passage = '2019年市运会上，她打破了100米蛙泳世界纪录，成绩为1分08秒。2021年省运会女子组决赛中，她打破了由队友保持多年的200米蛙泳纪录。';
    const answer = answerOf(passage, '在2021年省运会女子组决赛中，她打破了什么世界纪录');
    expect(answer.text).toBe('2021年省运会女子组决赛中，她打破了由队友保持多年的200米蛙泳纪录。');
  });

  it('GIVEN a long sentence whose answering clause follows a colon (…的女儿：林秋云…而命名) THEN the words the colon closes come with it', () => {
    const sentence = '它以本市开埠时首任知府的女儿：林秋云（Lin Qiuyun 1801年至1860年）女士而命名，她是著名的诗人，一生写诗三千余首，晚年在城南开办义学，教授贫家子弟读书识字，深受乡里敬重。';
    expect([...sentence].length).toBeGreaterThan(SENTENCE_ANSWER_CHARS);
    const answer = answerOf(sentence, '滨江大道是以什么来命名的');
    expect(answer.text.startsWith('它以本市开埠时首任知府的女儿：林秋云')).toBe(true);
    expect([...answer.text].length).toBeLessThanOrEqual(GROWN_ANSWER_CHARS);
  });

  it('GIVEN a short sentence THEN the answer is all of it, its answering clauses marked', () => {
    const passage = '东湖公园扩建工程已经完工，新增绿地约12公顷。门票免费。';
    const answer = answerOf(passage, '东湖公园新增了多少绿地');
    expect(answer.text).toBe('东湖公园扩建工程已经完工，新增绿地约12公顷。');
    expect(answer.text.slice(...answer.part)).toContain('12公顷');
  });

  it(`GIVEN a sentence over ${SENTENCE_ANSWER_CHARS} characters THEN the answering clauses grow by their neighbours in it, the one after first, up to ${GROWN_ANSWER_CHARS} characters, verbatim`, () => {
    const sentence =
      '滨海新区综合交通枢纽工程由市交通局牵头建设，总投资约86亿元，其中地下部分是两条地铁线路的换乘大厅，地面部分设有长途客运站和公交首末站，预计2026年底建成投入使用，届时日均客流将超过15万人次。';
    expect([...sentence].length).toBeGreaterThan(SENTENCE_ANSWER_CHARS);
    const passage = `新区今年开工项目30个。${sentence}`;
    const answer = answerOf(passage, '综合交通枢纽总投资多少');
    const window = answer.text.slice(...answer.part);
    expect(window).toContain('86亿元');
    expect(answer.text.length).toBeGreaterThan(window.length);
    expect([...answer.text].length).toBeLessThanOrEqual(GROWN_ANSWER_CHARS);
    expect(sentence).toContain(answer.text);
    // the clause after the answering ones comes before any clause ahead of them
    expect(answer.text.endsWith(window)).toBe(false);
  });

  it(`GIVEN a sentence over ${SENTENCE_ANSWER_CHARS} characters and a question asking why or how THEN the whole sentence answers (up to ${DESCRIBING_ANSWER_CHARS}); asked for one fact in it THEN its window does`, () => {
    const sentence =
      '在去年秋季联赛客场对阵北岸队的比赛中，对方后卫在终场前从背后铲倒了我方前锋，我方前锋起身后与他理论，随后双方球员发生推搡和口角，最终两队在场上爆发了一场长达十分钟的冲突。';
    expect([...sentence].length).toBeGreaterThan(SENTENCE_ANSWER_CHARS);
    expect([...sentence].length).toBeLessThanOrEqual(DESCRIBING_ANSWER_CHARS);
    const passage = `北岸队成立于1998年。${sentence}赛后联赛处罚了两队。`;
    for (const question of ['为什么两队在场上爆发了冲突', '两队的冲突是怎样发生的']) expect(answerOf(passage, question).text).toBe(sentence);
    const asked = answerOf(passage, '两队的冲突持续了多长时间');
    expect(asked.text).toContain('十分钟');
    expect([...asked.text].length).toBeLessThanOrEqual(GROWN_ANSWER_CHARS);
  });
});
