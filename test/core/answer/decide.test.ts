import { describe, expect, it } from 'vitest';
import { ANSWER_AT, decide, type AnswerSource } from '../../../src/core/answer/confidence.js';
import { extractableOf } from '../../../src/core/answer/extraction.js';
import { viewOf } from '../../../src/core/answer/view.js';
import { emptyLexicon } from '../../../src/core/corpus/lexicon.js';
import { typeCheck } from '../../../src/core/language/answer-kinds.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { analyzeQuery, questionWords } from '../../../src/core/language/query.js';
import { scorer } from '../../../src/core/search/scoring.js';

// made up: two passages of one report hold the same words of the question; one says them in one
// clause, the other spreads them over a paragraph
const SPREAD = '青石镇有老街，老街外有河，河上有桥，桥边有茶馆，茶馆对面是入口，入口的牌坊很旧，上面刻着字。';
const TOGETHER = '青石镇老街入口的牌坊刻着镇名。';
const FEWER = '青石镇老街的牌坊刻着镇名。';

function setUp(question: string) {
  const query = analyzeQuery(question, emptyLexicon());
  const score = scorer(query, new Map([...query.terms.keys()].map((term) => [term, 1])), 10);
  const source = (text: string, report: string): AnswerSource => {
    const present = score.presence(viewOf(normalizeText(text)));
    return { text, coverage: score.coverageOf(present), present, prepared: extractableOf(text), report };
  };
  return { score, types: typeCheck(query, questionWords(query)), source };
}

describe('choosing among passages that cover a question alike', () => {
  const question = '青石镇老街入口的牌坊刻着什么';

  it('GIVEN two passages of one report covering the question alike THEN the one whose answering window scores better answers', () => {
    const { score, types, source } = setUp(question);
    const spread = source(SPREAD, 'town');
    const together = source(TOGETHER, 'town');
    expect(spread.coverage).toBe(together.coverage);
    const decision = decide([spread, together], score, types)!;
    expect(decision.source).toBe(1);
    expect(decision.extract.text).toBe(TOGETHER);
  });

  it('GIVEN the same two passages from two reports THEN the best-ranked one answers: windows weighed in different reports are not compared', () => {
    const { score, types, source } = setUp(question);
    expect(decide([source(SPREAD, 'town'), source(TOGETHER, 'other')], score, types)!.source).toBe(0);
  });

  it('GIVEN the best-ranked passage says more of the question verbatim in one run (a large corpus\'s order) THEN it answers: that is no tie', () => {
    const { score, types, source } = setUp(question);
    const spread = { ...source(SPREAD, 'town'), order: 0.4 };
    const together = { ...source(TOGETHER, 'town'), order: 0.2 };
    expect(decide([spread, together], score, types)!.source).toBe(0);
    expect(decide([{ ...spread, order: 0.2 }, together], score, types)!.source).toBe(1);
  });

  it('GIVEN a passage of the same report that covers less of the question THEN the best-ranked one answers', () => {
    const { score, types, source } = setUp(question);
    const spread = source(SPREAD, 'town');
    const fewer = source(FEWER, 'town');
    expect(fewer.coverage).toBeLessThan(spread.coverage);
    expect(decide([spread, fewer], score, types)!.source).toBe(0);
  });

  it('GIVEN the best-ranked passage withheld (a figure of the question missing) and a tied one of its report THEN the tie does not turn it into an answer', () => {
    const { score, types, source } = setUp('第3批项目什么时候开工');
    // the ranking's coverage is what ties; what each passage holds decides the vetoes
    const withheld = { ...source('第2批项目去年开工。', 'town'), coverage: 0.6 };
    const other = { ...source('第3批项目今年开工。', 'town'), coverage: 0.6 };
    const decision = decide([withheld, other], score, types)!;
    expect(decision.source).toBe(0);
    expect(decision.confidence).toBeLessThan(ANSWER_AT);
  });
});
