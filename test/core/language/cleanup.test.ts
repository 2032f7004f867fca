import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../../src/core/language/cleanup.js';
import { normalizeText } from '../../../src/core/language/normalize.js';

const clean = (question: string) => cleanQuestion(normalizeText(question));

describe('question clean-up', () => {
  it('GIVEN greetings before and thanks after a question THEN only the question is left', () => {
    const cleaned = clean('你好呀~请问一下,湖心公园有几个码头?谢谢啦');
    expect(cleaned.text).toBe('湖心公园有几个码头?');
    expect(cleaned.removed).toEqual(['你好呀', '请问一下', '谢谢啦']);
  });

  it('GIVEN framing about who wants to know THEN the framing goes and its words cannot anchor an answer', () => {
    expect(clean('领导让我查一下图书馆新增了多少座位').text).toBe('图书馆新增了多少座位');
    expect(clean('老板叫我问问,停车场什么时候开放').text).toBe('停车场什么时候开放');
  });

  it('GIVEN urgency and a colon THEN the hedge before the colon goes', () => {
    expect(clean('急!明天开会要用:湖心公园有几个码头').text).toBe('湖心公园有几个码头');
  });

  it('GIVEN English greetings THEN they go, while words that merely start like them stay', () => {
    expect(clean('Hi, how many piers does the park have? Thanks!').text).toBe('how many piers does the park have?');
    expect(clean('highway length').text).toBe('highway length');
  });

  it('GIVEN a filler word inside a clause THEN it is kept (应急 is not 急)', () => {
    expect(clean('应急物资储备了多少').text).toBe('应急物资储备了多少');
  });

  it('GIVEN a message that is only filler THEN it is left as it is', () => {
    expect(clean('谢谢').text).toBe('谢谢');
    expect(clean('谢谢').removed).toEqual([]);
  });

  it('GIVEN a made-up filler list THEN that list is used', () => {
    expect(cleanQuestion('劳驾,桥多长', ['劳驾']).text).toBe('桥多长');
  });
});
