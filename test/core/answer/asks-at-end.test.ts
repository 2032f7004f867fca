import { afterAll, describe, expect, it } from 'vitest';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: an article about a people, as a reference work writes one, with and without its capital
const PEOPLE = `
## 第1段 | 青岭人 | 青岭人是高原上的一个民族

青岭人是高原上的一个民族,主要分布在青岭自治共和国及其周边,人口约四十万。

## 第2段 | 青岭人 | 语言

青岭人的语言属于高原语族,有自己的文字,近年来学校推行双语教学。

## 第3段 | 青岭人 | 生活

青岭人以放牧和种植青稞为生,每年秋季举行赛马节。
`;
const CAPITAL = `

## 第4段 | 青岭人 | 首都

青岭自治共和国的首都为石原城,位于高原东部。
`;

describe('a question that ends on 是? or 为? (…的首都为?)', () => {
  afterAll(removeTempDirs);

  it('GIVEN an article that never says the word asked about THEN it abstains, though it names the subject everywhere', () => {
    const engine = engineOf({ 'people.md': madeUpReport('青岭人', 'people', PEOPLE) });
    expect(engine.ask('青岭人的自治共和国的首都为?').found).toBe(false);
  });

  it('GIVEN the article with the sentence that says it THEN that sentence answers', () => {
    const engine = engineOf({ 'people.md': madeUpReport('青岭人', 'people', PEOPLE + CAPITAL) });
    const result = engine.ask('青岭人的自治共和国的首都为?');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('石原城');
  });
});
