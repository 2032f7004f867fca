import { beforeAll, describe, expect, it } from 'vitest';
import { askEach, Engine, loadCorpus, toContractEach } from '../../../src/core/index.js';

describe('a message of several questions, asked of the fixture reports', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus('test/fixtures/corpus'));
  });

  it('GIVEN two questions in one message THEN each is answered from its own passage', () => {
    const asked = askEach(engine, '白鹭湾湿地观测到多少种鸟类?18号线三期全长多少公里?');
    expect(asked.map(({ question }) => question)).toEqual(['白鹭湾湿地观测到多少种鸟类?', '18号线三期全长多少公里?']);
    expect(asked[0]!.result.answer).toContain('226种');
    expect(asked[1]!.result.answer).toContain('12.5公里');
    // asked whole, the message was answered with one of them only
    const whole = engine.ask('白鹭湾湿地观测到多少种鸟类?18号线三期全长多少公里?');
    expect([whole.answer?.includes('226种'), whole.answer?.includes('12.5公里')]).not.toEqual([true, true]);
  });

  it('GIVEN a later question that needs the earlier one THEN it is read as its follow-up', () => {
    const asked = askEach(engine, '18号线三期全长多少公里?首周日均客流量呢?');
    expect(asked[1]!.result.answer).toContain('6.2万人次');
  });

  it('GIVEN a message of several questions THEN its JSON holds each answer under parts, found only when every one is', () => {
    const both = toContractEach('q', askEach(engine, '白鹭湾湿地观测到多少种鸟类?18号线三期全长多少公里?'), engine);
    expect(both).toMatchObject({ query: 'q', found: true, answer: null, passages: [], parts: [{ found: true }, { found: true }] });
    expect(both.confidence).toBe(Math.min(...both.parts!.map((part) => part.confidence)));
    const one = toContractEach('q', askEach(engine, '白鹭湾湿地观测到多少种鸟类?成都的GDP是多少?'), engine);
    expect(one.found).toBe(false);
    expect(one.parts!.map((part) => part.found)).toEqual([true, false]);
    const single = toContractEach('白鹭湾湿地观测到多少种鸟类', askEach(engine, '白鹭湾湿地观测到多少种鸟类'), engine);
    expect(single.parts).toBeUndefined();
    expect(single.answer).toContain('226种');
  });
});
