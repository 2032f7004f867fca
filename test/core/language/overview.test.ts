import { describe, expect, it } from 'vitest';
import { bareMessage, cleanQuestion } from '../../../src/core/language/cleanup.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { asksOverview, overviewTopic } from '../../../src/core/language/overview.js';

/** A message as the whole-message patterns read it: normalized, cleaned of its wrapping, bare. */
const bare = (message: string): string => bareMessage(cleanQuestion(normalizeText(message)).text);

describe('requests to sum up (written here)', () => {
  it('GIVEN requests for the reports as a whole, in Chinese, traditional characters and English THEN each is one', () => {
    for (const message of ['总结一下', '请帮我概括一下这篇文章的主要内容', '這份報告說了些什麼呀?', '全文讲了啥', '本报告的要点有哪些', '有哪些要点', 'summarise this document please', 'Could you sum up the reports?', 'TL;DR', 'what does this article say']) {
      expect(asksOverview(bare(message)), message).toBe(true);
    }
  });

  it('GIVEN questions that name something, or a bare word THEN none is a request for the whole', () => {
    for (const message of ['总结一下交通方面', '报告里的重点项目有哪些', '川芎的产值是多少', '内容', '重点', '介绍一下成资S3线', 'summary of the metro line', 'What is the report\'s date?']) {
      expect(asksOverview(bare(message)), message).toBe(false);
    }
  });

  it('GIVEN a request to sum up one topic THEN the topic as written, and nothing for a request without one', () => {
    expect(overviewTopic(bare('总结一下交通方面的进展'))).toBe('交通');
    expect(overviewTopic(bare('简单概括下产业部分'))).toBe('产业');
    expect(overviewTopic(bare('生活圈的主要内容是什么?'))).toBe('生活圈');
    expect(overviewTopic(bare('概括一下关键词5'))).toBe('关键词5');
    expect(overviewTopic(bare('川芎的产值是多少'))).toBeUndefined();
    expect(overviewTopic(bare('成资S3线开工了吗'))).toBeUndefined();
  });
});
