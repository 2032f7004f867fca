import { describe, expect, it } from 'vitest';
import { bareMessage, cleanQuestion } from '../../../src/core/language/cleanup.js';
import { askedOfBot, askedOfRecord, askedWhere } from '../../../src/core/language/meta.js';
import { normalizeText } from '../../../src/core/language/normalize.js';

const bare = (message: string) => bareMessage(cleanQuestion(normalizeText(message)).text);
const asked = (message: string) => askedOfBot(bare(message));

describe('questions about the bot itself (written here)', () => {
  it('GIVEN how to use the bot or what it is, in Chinese, traditional characters and English THEN help', () => {
    for (const message of ['你能帮我做些什么?', '你會幹嘛', '请问怎么提问', '如何使用这个助手', '你是真人吗', '你叫啥名字', '是谁做的你', '我应该问些什么问题', '使用说明', 'What can you do?', 'who made you', 'how should I ask questions', 'commands']) {
      expect(asked(message), message).toBe('help');
    }
  });

  it('GIVEN which reports the bot has THEN sources', () => {
    for (const message of ['你这里都有哪些资料?', '收录了哪些文章', '哪些报告可以问', '文档目录', '一共有几篇报告', '最新的报告是哪篇', '最近有什么新报告', 'Which documents do you have', 'list your reports']) {
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

  it('GIVEN a request for an example, the answer again, what it means, or whether it is so THEN more (the answer\'s passage is the evidence)', () => {
    for (const message of ['举个例子', '比如呢?', '能再说一遍吗', '重复一下', '这是什么意思', '啥意思', '没看懂', '看不懂', '你确定吗?', '真的假的', '有依据吗', '準確嗎', 'are you sure?', 'what do you mean', 'really?', 'say that again']) {
      expect(asked(message), message).toBe('more');
    }
  });

  it('GIVEN a call to see whether the bot is there, praise, or a bare acknowledgment THEN greeting, praise or thanks', () => {
    for (const message of ['有人吗?', '在不在', '测试一下', 'test', 'ping', 'are you there']) expect(asked(message), message).toBe('greeting');
    for (const message of ['你真棒!', '太厉害了', '6666', '点赞', '牛逼', 'good job', 'awesome!']) expect(asked(message), message).toBe('praise');
    for (const message of ['好', '嗯嗯', '行', '对的', 'yes', 'okk']) expect(asked(message), message).toBe('thanks');
  });

  it('GIVEN 对吗 or 是吗, asking whether the answer is so THEN more; 对 or 是的, saying it is, THEN thanks', () => {
    for (const message of ['对吗?', '是吗', '是这样吗', '对不对', 'right?']) expect(askedOfBot(bare(message), /[吗么?]\s*$/u.test(normalizeText(message))), message).toBe('more');
    for (const message of ['对', '是的', '对的。', '好吗']) expect(askedOfBot(bare(message), /[吗么?]\s*$/u.test(normalizeText(message))), message).toBe('thanks');
  });

  it('GIVEN a request to translate or to answer in English THEN help (the answers are the reports\' own sentences; the help says how to ask in English)', () => {
    for (const message of ['翻译成英文', '请用英文回答', 'can you translate that to english']) expect(asked(message), message).toBe('help');
  });

  it('GIVEN questions that share those words but name something of the reports THEN none of them', () => {
    for (const message of ['厉害的项目有哪些', '好项目有哪些', '确定了多少个企业合作项目', '测试结果如何', '比如哪些城市', '重复建设的项目有几个', '英文名是什么', '准确率是多少', '对口支援的学校', '一码通什么意思', '真的开工了吗', 'is the metro really open']) {
      expect(asked(message), message).toBeUndefined();
    }
  });

  it('GIVEN questions that name something of the reports THEN neither', () => {
    for (const message of ['哪些数据不准确', '错了几次', '具体是哪些项目', '详细地址在哪', '多少', '还有哪些项目', '其他城市呢', '你知道地铁三号线吗', '绿道怎么用', '怎么使用一码通', '报告里有哪些项目', '有哪些新建学校', '你能告诉我客流量吗', '谁负责运营食堂', 'how do I get to the wetland', 'what is the metro line']) {
      expect(asked(message), message).toBeUndefined();
    }
  });
});

describe('questions about a report\'s own record (written here)', () => {
  const record = (message: string) => askedOfRecord(bare(message));

  it('GIVEN when a report was published, in Chinese, traditional characters and English THEN date', () => {
    for (const message of ['这篇报道是哪天发的?', '本文什么时候发布的', '什么时候发表的这篇文章', '這篇報導是何時刊登的', '报告的发布日期是什么', '这份材料的时间', 'When was this report published?', 'publication date', 'what day is the article from']) {
      expect(record(message), message).toBe('date');
    }
  });

  it('GIVEN who published or wrote a report THEN publisher', () => {
    for (const message of ['谁写的这篇', '这篇报告是哪家媒体发的', '该文章由哪个单位发布的', '這篇文章的作者是誰', '报道的来源是哪里', 'who wrote the article', 'what is the source of this report', 'where is this story from']) {
      expect(record(message), message).toBe('publisher');
    }
  });

  it('GIVEN a report\'s title or link THEN title or url', () => {
    for (const message of ['这篇文章的标题是什么', '这个报告叫什么名字', 'what is this article called']) expect(record(message), message).toBe('title');
    for (const message of ['原文链接', '报告的网址是多少', '在哪里能看到这篇文章', '這篇報導的網址', 'give me the link', 'where can I read this article online']) expect(record(message), message).toBe('url');
  });

  it('GIVEN the parts a report is made of THEN sections', () => {
    for (const message of ['这篇报告分为哪几部分', '报告一共有几个部分', '有哪些章节', '五个方面分别是什么', '三个关键词是哪三个', '报告的目录', 'What sections does the report have?', 'table of contents', 'how many parts does this report have']) {
      expect(record(message), message).toBe('sections');
    }
  });

  it('GIVEN questions about what a report says, or a date or address with no report named THEN none', () => {
    for (const message of ['什么时候发布的', '地址是什么', '成都商报是什么', '谁负责运营食堂', '地铁三号线什么时候开通', '报告里提到了哪些项目', '交通部分的要点是什么', '项目分为哪几类', '链接各区的公交有几条', '哪家企业中标', '这条线路的标题党', 'when was the metro opened']) {
      expect(record(message), message).toBeUndefined();
    }
  });
});

describe('questions asking where the reports say something (written here)', () => {
  const where = (message: string) => askedWhere(bare(message));

  it('GIVEN which report or part says something, or whether the reports mention it THEN the topic', () => {
    const cases: Array<[string, string]> = [
      ['哪篇报告提到了地铁?', '地铁'],
      ['哪个文件讲湿地', '湿地'],
      ['哪一篇文章提到过公园', '公园'],
      ['關於地鐵的內容在哪一部分', '地铁'],
      ['学校在哪一节', '学校'],
      ['报告哪一部分讲了交通', '交通'],
      ['有没有提到房价', '房价'],
      ['报告里有没有说学校的事', '学校'],
      ['有没有关于公园的报告', '公园'],
      ['Which report mentions the subway?', 'the subway'],
      ['does the report mention housing prices', 'housing prices'],
      ['is there a section about parks', 'parks'],
    ];
    for (const [message, topic] of cases) expect(where(message), message).toBe(topic);
  });

  it('GIVEN questions about what the reports say, or where a place is THEN no topic', () => {
    for (const message of ['地铁在哪里', '同城化办公室在哪', '哪个部门负责', '有没有开工', '有多少学校', '是否开通了地铁', '哪篇文章的作者是谁', '报告提到的项目投资多少', '有没有提到S3线什么时候通车', 'does the report mention how many schools there are']) {
      expect(where(message), message).toBeUndefined();
    }
  });
});
