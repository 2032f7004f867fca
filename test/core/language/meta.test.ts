import { describe, expect, it } from 'vitest';
import { bareMessage, cleanQuestion } from '../../../src/core/language/cleanup.js';
import { askedOfBot } from '../../../src/core/language/meta.js';
import { normalizeText } from '../../../src/core/language/normalize.js';

const asked = (message: string) => askedOfBot(bareMessage(cleanQuestion(normalizeText(message)).text));

describe('questions about the bot itself (written here)', () => {
  it('GIVEN how to use the bot or what it is, in Chinese, traditional characters and English THEN help', () => {
    for (const message of ['你能帮我做些什么?', '你會幹嘛', '请问怎么提问', '如何使用这个助手', '你是真人吗', '你叫啥名字', '是谁做的你', '我应该问些什么问题', '使用说明', 'What can you do?', 'who made you', 'how should I ask questions', 'commands']) {
      expect(asked(message), message).toBe('help');
    }
  });

  it('GIVEN which reports the bot has THEN sources', () => {
    for (const message of ['你这里都有哪些资料?', '收录了哪些文章', '哪些报告可以问', '文档目录', 'Which documents do you have', 'list your reports']) {
      expect(asked(message), message).toBe('sources');
    }
  });

  it('GIVEN a message saying the answer was wrong THEN feedback', () => {
    for (const message of ['答错了', '你说错了吧', '這個答案不對', '答非所问', 'That\'s wrong', 'not helpful']) {
      expect(asked(message), message).toBe('feedback');
    }
  });

  it('GIVEN a request for more of the answer just given THEN more', () => {
    for (const message of ['详细说说', '能不能展开讲讲?', '說得具體點', '再多说点吧', '原文在哪里', '这是哪里说的', '还有呢', '然后呢?', 'Tell me more', 'what else', 'show me the full text']) {
      expect(asked(message), message).toBe('more');
    }
  });

  it('GIVEN questions that name something of the reports THEN neither', () => {
    for (const message of ['哪些数据不准确', '错了几次', '具体是哪些项目', '详细地址在哪', '多少', '还有哪些项目', '其他城市呢', '你知道地铁三号线吗', '绿道怎么用', '怎么使用一码通', '报告里有哪些项目', '有哪些新建学校', '你能告诉我客流量吗', '谁负责运营食堂', 'how do I get to the wetland', 'what is the metro line']) {
      expect(asked(message), message).toBeUndefined();
    }
  });
});
