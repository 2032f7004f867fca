import { describe, expect, it } from 'vitest';
import { emptyLexicon } from '../../../src/core/corpus/lexicon.js';
import { analyzeQuery } from '../../../src/core/language/query.js';
import { blendedCoverage, groupWeights, scorer, UNKNOWN_CHARACTER_SHARE, UNKNOWN_SHARE } from '../../../src/core/search/scoring.js';
import { joinViews, viewOf } from '../../../src/core/answer/view.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { tokenizeNormalized } from '../../../src/core/language/tokenizer.js';
import { CorpusVocabulary } from '../../../src/core/language/vocabulary.js';

const CLAUSES = ['东湖公园扩建工程', '新增绿地约12公顷', '由市园林局负责', '预计明年五月开放'];

describe('coverage from presences', () => {
  it('GIVEN a report\'s frequencies THEN the blended coverage is the corpus scorer\'s and the report scorer\'s coverage in equal parts, from the report\'s weights alone', () => {
    const query = analyzeQuery('东湖公园新增了多少绿地，谁负责', emptyLexicon());
    // across the corpus 东湖 is rare and 绿地 common; within the report, the other way round
    const corpus = new Map([['东湖', 1], ['公园', 4], ['绿地', 9], ['负责', 5]]);
    const report = new Map([['东湖', 6], ['公园', 6], ['绿地', 1], ['负责', 2]]);
    const corpusScorer = scorer(query, corpus, 20);
    const reportScorer = scorer(query, report, 6);
    expect(groupWeights(query, report, 6)).toEqual(reportScorer.weights);
    const blended = blendedCoverage(corpusScorer, groupWeights(query, report, 6));
    for (const clause of CLAUSES) {
      const present = corpusScorer.presence(viewOf(normalizeText(clause)));
      expect(blended.coverageOf(present)).toBeCloseTo((corpusScorer.coverageOf(present) + reportScorer.coverageOf(present)) / 2, 12);
    }
    // the weights differ, so the blend is neither coverage alone
    const present = corpusScorer.presence(viewOf(normalizeText(CLAUSES[1]!)));
    expect(reportScorer.coverageOf(present)).not.toBeCloseTo(corpusScorer.coverageOf(present), 3);
  });

  it('GIVEN a window of clauses THEN its presence is the maximum of its clauses\u2019 and scores as the joined text does', () => {
    const query = analyzeQuery('东湖公园新增了多少绿地，谁负责', emptyLexicon());
    const df = new Map<string, number>();
    const score = scorer(query, df, 10);
    const views = CLAUSES.map((clause) => viewOf(normalizeText(clause)));
    for (let first = 0; first < views.length; first++) {
      for (let last = first; last < views.length; last++) {
        const joined = joinViews(views.slice(first, last + 1));
        const parts = views.slice(first, last + 1).map((view) => score.presence(view));
        const maximum = parts[0]!.map((_, i) => Math.max(...parts.map((part) => part[i]!)));
        expect(score.presence(joined)).toEqual(maximum);
        expect(score.coverageOf(maximum)).toBeCloseTo(score.of(joined), 12);
        expect(score.focusOf(maximum)).toBeCloseTo(score.focusScore(joined), 12);
      }
    }
    // the clauses hold different words of the question, so the windows do differ
    expect(score.of(views[1]!)).toBeGreaterThan(0);
    expect(score.of(joinViews(views.slice(0, 3)))).toBeGreaterThan(score.of(views[1]!));
  });

  it('GIVEN a word found only in the headline THEN it counts the headline credit, not a full match', () => {
    const query = analyzeQuery('绿地扩建', emptyLexicon());
    const score = scorer(query, new Map(), 10);
    const text = viewOf(normalizeText('新增绿地约12公顷'));
    const headline = viewOf(normalizeText('东湖公园扩建'));
    expect(score.of(text, headline)).toBeGreaterThan(score.of(text));
    expect(score.of(text, headline)).toBeLessThan(score.of(joinViews([text, headline])));
  });
});

describe('words the corpus has nothing for', () => {
  it('GIVEN a single character the corpus lacks THEN it weighs less than an unknown word of two, both less than a known word', () => {
    // 坐 and 车票 are nowhere in the corpus; 公交 is, in one passage of ten
    const query = analyzeQuery('坐的公交的车票', emptyLexicon());
    const labels = query.groups.map((group) => group.label);
    const df = new Map<string, number>([['公交', 1]]);
    const score = scorer(query, df, 10);
    const weightOf = (label: string): number => score.weights[labels.indexOf(label)]!;
    expect(labels).toEqual(expect.arrayContaining(['坐', '公交', '车票']));
    expect(weightOf('坐')).toBeLessThan(weightOf('车票'));
    expect(weightOf('车票')).toBeLessThan(weightOf('公交'));
    expect(weightOf('坐') / weightOf('车票')).toBeCloseTo(UNKNOWN_CHARACTER_SHARE / UNKNOWN_SHARE, 6);
  });
});

describe('the name a focus belongs to', () => {
  const df = new Map<string, number>([['螺简', 1], ['简路', 1], ['投资', 2], ['直接', 1], ['报销', 1]]);
  const presenceIn = (question: string, text: string) => {
    const score = scorer(analyzeQuery(question, emptyLexicon()), df, 10);
    return { score, present: score.presence(viewOf(normalizeText(text))) };
  };

  it('GIVEN a name of three characters or more the corpus has THEN a text without it does not hold the question\'s thing', () => {
    const without = presenceIn('螺简路投资了多少钱', '合作推进464个项目,完成投资约1088亿元');
    expect(without.score.modifierHeld(without.present)).toBe(false);
    const within = presenceIn('螺简路投资了多少钱', '螺简路完成投资3亿元');
    expect(within.score.modifierHeld(within.present)).toBe(true);
  });

  it('GIVEN a shorter modifier (an adverb: 直接) THEN its absence does not withhold', () => {
    const { score, present } = presenceIn('直接报销要多久', '异地就医报销缩短到5天');
    expect(score.modifierHeld(present)).toBe(true);
  });
});

describe('what the question is about', () => {
  // a made-up corpus's frequencies: it has 到, 部, 公园 and 开放, not 快递 or 电影
  const df = new Map<string, number>([['到', 3], ['部', 2], ['公园', 2], ['开放', 1], ['东湖', 1]]);
  const heldIn = (question: string, text: string) => {
    const score = scorer(analyzeQuery(question, emptyLexicon()), df, 10);
    return score.contentHeld(score.presence(viewOf(normalizeText(text))));
  };

  it('GIVEN a word of the question the corpus lacks and a text sharing only single characters with it THEN the text does not hold its content', () => {
    expect(heldIn('我的快递到哪了', '游客到东湖公园观鸟')).toBe(false);
    expect(heldIn('推荐一部好看的电影', '全部公园免费开放')).toBe(false);
  });

  it('GIVEN a text holding a word of two characters of the question, or a question whose words the corpus all has THEN its content is held', () => {
    expect(heldIn('快递到公园要多久', '游客到东湖公园观鸟')).toBe(true);
    expect(heldIn('到哪里了', '游客到东湖公园观鸟')).toBe(true);
  });
});

describe('what the question is about, through the dictionary', () => {
  // made-up sentences: the corpus has 又名 and 确定, not 别名 or 保险 (CC-CEDICT: 别名 ~ 又名 "alias";
  // 保险 ~ 确定 "to be sure", a sense the question does not mean)
  const sentences = ['青蒿又名草蒿,多生于河岸', '项目确定由新区实施', '新区新增就业岗位'];
  const df = new Map<string, number>();
  for (const sentence of sentences) {
    const normalized = normalizeText(sentence);
    for (const token of new Set([...tokenizeNormalized(normalized, 'document'), ...[...normalized].filter((ch) => /\p{Script=Han}/u.test(ch))])) df.set(token, (df.get(token) ?? 0) + 1);
  }
  const vocabulary = new CorpusVocabulary({ frequency: (token) => df.get(token) ?? 0, tokens: () => df.keys() });
  const heldIn = (question: string, text: string) => {
    const query = analyzeQuery(question, emptyLexicon(), vocabulary);
    const score = scorer(query, df, sentences.length);
    return { held: score.contentHeld(score.presence(viewOf(normalizeText(text)))), neighbours: query.groups.flatMap((group) => group.alternatives.filter((alternative) => alternative.neighbour).map((alternative) => `${group.label} ~ ${alternative.word}`)) };
  };

  it('GIVEN a word the corpus lacks whose only match in a text is a dictionary neighbour THEN the text does not hold the question\'s content', () => {
    const insurance = heldIn('养老保险能转吗', '项目确定由新区实施');
    expect(insurance.neighbours).toContain('保险 ~ 确定');
    expect(insurance.held).toBe(false);
    expect(heldIn('别名是什么', '青蒿又名草蒿,多生于河岸').held).toBe(false);
  });

  it('GIVEN the same neighbour beside a word the question itself says THEN the content is held', () => {
    const alias = heldIn('青蒿的别名是什么', '青蒿又名草蒿,多生于河岸');
    expect(alias.neighbours).toContain('别名 ~ 又名');
    expect(alias.held).toBe(true);
  });
});
