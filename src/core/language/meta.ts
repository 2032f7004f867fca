/**
 * Questions about the bot itself, not about the reports: how to use it (help, 你能做什么, 怎么用这个
 * 机器人, who made you) and which reports it has (有哪些报告, what reports do you have). No sentence
 * of a report answers them, and one that shares 使用 or 开发 with them would mislead: the caller
 * answers with its help or its list of reports (see SmallTalk).
 *
 * Only a message that is such a question and nothing else is one: 你知道成资S3线吗 and 川芎怎么用
 * name something of the reports.
 */

/** The bot, as a question names it (你, 这个机器人, this bot). */
const YOU = String.raw`(?:你|您|你们|这个机器人|机器人|这个bot|bot|小助手|助手)`;
/** The reports, as a question names them. */
const REPORTS = String.raw`(?:报告|文章|资料|文件|文档|材料|报道|新闻|语料)`;

const HELP = [
  // help, 帮助, 使用说明, 有什么命令
  String.raw`(?:help|usage|commands?|帮助|使用说明|说明书?|用法|使用方法|使用指南|指令|命令|菜单|有(?:什么|哪些)(?:命令|指令|功能))`,
  // 你能做什么, 你会干嘛 (its 嘛 taken off by bareMessage), 你能帮我做什么
  String.raw`${YOU}(?:都|还)?(?:能|会|可以)(?:帮我|帮|为我)?(?:做|干|帮)(?:些)?(?:什么|啥|哪些事情?)?`,
  String.raw`${YOU}(?:都|还)?(?:帮我|帮|为我)?(?:做|干)(?:些)?(?:什么|啥|哪些事情?)`,
  String.raw`${YOU}(?:有|都有)(?:什么|哪些|啥)(?:功能|本事|用处|用)`,
  // 你是谁, 你叫什么名字, 你是机器人吗
  String.raw`${YOU}(?:是|叫)(?:谁|什么|啥|哪位|什么名字|啥名字)`,
  String.raw`${YOU}(?:是)?(?:真人|机器人|人工智能|ai|bot|chatgpt|gpt)(?:吗|么|嘛)?`,
  // 谁开发的你
  String.raw`(?:是)?谁(?:开发|做|写|创造|制作|设计|搭建)(?:了|的)?${YOU}`,
  String.raw`${YOU}是谁(?:开发|做|写|创造|制作|设计|搭建)的`,
  // 怎么用这个机器人, 如何使用你, 怎么提问, 我该问什么
  // (机器人 is also taken off as a way of calling the bot: 怎么用这个)
  String.raw`(?:怎么|如何|怎样)(?:才能)?(?:用|使用|提问|问问题|问)(?:这个|此)?${YOU}?`,
  String.raw`${YOU}(?:该|要)?(?:怎么|如何|怎样)(?:用|使用|提问)`,
  String.raw`我(?:该|应该|可以|能|要)(?:问|问些|问点)(?:什么|啥|哪些)(?:问题)?`,
  String.raw`${YOU}(?:都)?(?:知道|懂|了解)(?:些)?(?:什么|啥|哪些)`,
  // English
  String.raw`what (?:can|do) you do`,
  String.raw`who (?:are|made|built|created|wrote) you`,
  String.raw`what are you`,
  String.raw`are you (?:a )?(?:bot|robot|human|real|an ai|ai)`,
  String.raw`how (?:do|can|should) i (?:use (?:this|you|the bot|this bot|it)|ask(?: you| questions| a question)?)`,
  String.raw`what (?:should|can) i ask(?: you)?`,
];

const SOURCES = [
  // 有哪些报告, 你有什么资料, 报告列表
  String.raw`${YOU}?(?:这里)?(?:都)?(?:有|收录了?|能查)(?:哪些|什么|几篇|多少篇?)${REPORTS}`,
  String.raw`(?:哪些|什么)${REPORTS}(?:可以问|可以查|能问|能查)`,
  String.raw`${REPORTS}(?:列表|清单|目录)`,
  String.raw`(?:which|what) (?:reports|documents|sources|articles) (?:do you have|are there|can i ask about|do you know)`,
  String.raw`list (?:the |your )?(?:reports|documents|sources)`,
];

/** Asking for more of the answer just given: its whole context, what else it says, or where it stands. */
const MORE = [
  // 详细说说, 展开讲讲, 能再具体一点吗, 说详细点
  String.raw`(?:请|能|能不能|可以|再)?(?:再)?(?:详细|具体|展开|仔细|更详细|更具体|多)(?:地|一点|一些|点|些)?(?:说说|讲讲|说一说|讲一讲|说|讲|介绍|解释|谈谈)?(?:一下|下)?(?:吗)?`,
  String.raw`(?:说|讲)(?:得)?(?:再)?(?:详细|具体|清楚)(?:一)?(?:点|些)`,
  String.raw`(?:再)?多(?:说|讲)(?:一)?(?:点|些)(?:吧)?`,
  // 还有呢, 然后呢, what else: the rest of what the answer stands in
  String.raw`(?:还有|然后|接着|之后|别的|其他的?)(?:呢|吗|么|什么|别的吗?|其他的?吗?)?`,
  // 原文呢, 出处在哪, 哪里说的, 上下文
  String.raw`(?:原文|全文|出处|上下文|原话|完整的?段落)(?:在哪里?|是哪里?|是什么|呢)?`,
  String.raw`(?:这|这句话?|这个)?(?:是)?(?:哪里|哪儿|在哪|哪一段)(?:说|写)的`,
  String.raw`(?:tell me more|what else|anything else|and then|more details?|more detail please|elaborate|go on|details please|show (?:me )?(?:the )?(?:full text|passage|source|context)|where does it say (?:that|so))`,
];

/** Saying the answer was wrong or no help (答错了, 答非所问, that's wrong). */
const FEEDBACK = [
  String.raw`(?:你|这个|这|这个答案|答案|回答)?(?:又)?(?:不对|错了|答错了|说错了|回答错了|搞错了|不准确?|不是这个|不是这样|没用|没有用|没帮助|答非所问|不相关|牛头不对马嘴)`,
  // (bareMessage reads that's as that s)
  String.raw`(?:that ?s |that is |this is |it ?s |it is )?(?:wrong|incorrect|not (?:right|correct|helpful|what i asked)|useless|bad answer|wrong answer|irrelevant)`,
];

const HELP_PATTERN = new RegExp(`^(?:${HELP.join('|')})$`, 'u');
const MORE_PATTERN = new RegExp(`^(?:${MORE.join('|')})$`, 'u');
const SOURCES_PATTERN = new RegExp(`^(?:${SOURCES.join('|')})$`, 'u');
const FEEDBACK_PATTERN = new RegExp(`^(?:${FEEDBACK.join('|')})$`, 'u');

/**
 * What a question, as the whole-message patterns read it (see bareMessage), asks of the bot itself: `help` (how to use it, what it is), `sources` (which reports it has), `feedback` (the
 * answer was wrong: 答错了, that's wrong) or `more` (more of the answer just given: 详细说说, 原文呢,
 * tell me more); undefined for a question about the reports.
 */
export function askedOfBot(text: string): 'help' | 'sources' | 'feedback' | 'more' | undefined {
  if (!text) return undefined;
  if (HELP_PATTERN.test(text)) return 'help';
  if (SOURCES_PATTERN.test(text)) return 'sources';
  if (FEEDBACK_PATTERN.test(text)) return 'feedback';
  // a bare 多 or 详细 asks for nothing
  if ([...text].length > 1 && MORE_PATTERN.test(text) && !/^(?:多|再|请|能|可以)+$/u.test(text)) return 'more';
  return undefined;
}
