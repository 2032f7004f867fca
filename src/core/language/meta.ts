import { QUESTION_WORD } from './questions.js';

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
  // 翻译成英文, 用英文回答: the answers are the reports' own sentences; how to ask in English is in the help
  String.raw`(?:请|能|可以)?(?:帮我)?(?:翻译|译)(?:一下|下)?(?:成|为)?(?:英文|英语|中文)?|(?:请|能|可以)?用(?:英文|英语)(?:回答|回复|说|讲)|说英(?:文|语)`,
  String.raw`(?:can you |please )?(?:translate(?: (?:that|it|this))?(?: (?:to|into) english)?|answer in english|reply in english|in english please|speak english)`,
];

/** Calling to see whether the bot is there (有人吗, 测试一下, test, ping): a greeting. */
const PRESENCE = [String.raw`(?:有人|有没有人|你在|在不在|还在|bot在|机器人在)(?:不)?|测试(?:一下|下)?|试试|试一下|test(?:ing)?|ping|anyone (?:here|there)|are you there`];

/** Praise (你真棒, 666, 厉害, good job; pictographs alone are read by cleanQuestion): a thank-you line, never a report's sentence (厉害 of 厉害的项目). */
const PRAISE = [
  String.raw`(?:你|您|机器人|bot)?(?:真|太|好|很|超|挺|非常)?(?:棒|厉害|牛|强|聪明|赞|给力|优秀|不错|好用|靠谱了)(?:了)?|6{3,}|牛逼|nb|点赞`,
  String.raw`(?:good job|great(?: job)?|awesome|nice(?: one)?|cool|well done|amazing|perfect|excellent|good bot|love it|you rock|impressive)`,
];

/** A bare acknowledgment (好, 嗯嗯, 行, 对, yes): like 好的, a thank-you line. */
const ACKNOWLEDGE = [String.raw`好|好好|嗯+|行|对|对的|是的|可以|明白|懂|ok+|k+|yes|yep|yeah|sure|fine|alright|all right|i see`];

const SOURCES = [
  // 有哪些报告, 你有什么资料, 报告列表
  String.raw`${YOU}?(?:这里)?(?:都|一共|总共|共)?(?:有|收录了?|能查)(?:哪些|什么|几篇|几份|几个|多少篇?|多少份?)${REPORTS}`,
  // 最新的报告是哪篇, 最近有什么新报告: the list shows each report's date
  String.raw`(?:最新|最近)(?:的)?(?:一篇|一份)?${REPORTS}(?:是)?(?:哪篇|哪份|哪个|哪些|什么)?`,
  String.raw`最近(?:有|加了|添加了|上传了|更新了)?(?:什么|哪些)?新(?:的)?${REPORTS}`,
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
  // 举个例子, 比如呢: what the answer stands in
  String.raw`(?:能|可以)?(?:举|给)(?:个|一个|几个)?(?:例子|实例|例)|(?:比如|例如|比方说?)(?:说)?|有(?:什么)?例子`,
  // 再说一遍: the answer again, in its section
  String.raw`(?:能|可以)?(?:请)?(?:再|重新)(?:说|讲|发|回答)(?:一)?(?:遍|次|下)|重复(?:一)?(?:遍|次|下)?`,
  // 什么意思, 没看懂: the answer in its context
  String.raw`(?:这|这句话?|这个|那)?(?:是)?(?:什么|啥)意思|(?:没|不)(?:太)?(?:看|听)?(?:懂|明白)|(?:看|听)不(?:太)?(?:懂|明白)|(?:请)?解释(?:一下|下)?|怎么理解`,
  // 你确定吗, 真的吗, 有依据吗: the evidence, the answer's passage whole
  String.raw`(?:你)?(?:确定|肯定)|(?:是)?真的|真的假的|对不对|是不是(?:真的)?|靠谱|(?:准|准确|可靠)(?:不)?|有(?:什么)?(?:依据|根据|证据|来源)|(?:依据|根据|证据|来源)(?:是什么|在哪里?)?`,
  String.raw`(?:for example|an example|give me an example|example please|say (?:that|it) again|repeat(?: that| please)?|what do you mean|what does (?:that|it) mean|i don t (?:understand|get it)|explain(?: (?:that|it|please))?|are you sure|really|is (?:that|it) (?:true|right|correct)|(?:what s|what is) (?:the|your) source|source|proof|evidence)`,
];

/** Saying the answer was wrong or no help (答错了, 答非所问, that's wrong). */
const FEEDBACK = [
  String.raw`(?:你|这个|这|这个答案|答案|回答)?(?:又)?(?:不对|错了|答错了|说错了|回答错了|搞错了|不准确?|不是这个|不是这样|没用|没有用|没帮助|答非所问|不相关|牛头不对马嘴)`,
  // (bareMessage reads that's as that s)
  String.raw`(?:that ?s |that is |this is |it ?s |it is )?(?:wrong|incorrect|not (?:right|correct|helpful|what i asked)|useless|bad answer|wrong answer|irrelevant)`,
];

/**
 * What every question about the bot holds, one word or more of each pattern above: a message without
 * any is tested no further. The whole-message patterns are large, and V8 compiles a regular
 * expression on its first use and again on its second (native code): some 10 ms for these, which a
 * one-question start of the CLI (npm run ask) would pay for every ordinary question.
 */
const BOT_ANCHOR = new RegExp(
  [
    // help
    String.raw`help|usage|command|帮助|说明|用法|使用|指南|指令|命令|菜单|功能|你|您|机器人|bot|助手|(?:怎么|如何|怎样)(?:才能)?(?:用|使用|提问|问)|我(?:该|应该|可以|能|要)问|\byou\b|\bi (?:use|ask)`,
    // sources
    String.raw`${REPORTS}|report|document|source|article`,
    // more
    String.raw`详细|具体|展开|仔细|清楚|多[地一点些说讲介解谈下]|还有|然后|接着|之后|别的|其他|原文|全文|出处|上下文|原话|段落|(?:哪里|哪儿|在哪|哪一段)[说写]的|more|else|then|detail|elaborate|go on|show|where does`,
    // feedback
    String.raw`不对|错|不准|不是这|没用|没有用|没帮助|答非所问|不相关|牛头|wrong|incorrect|not |useless|bad answer|irrelevant`,
    // more: an example, again, what it means, whether it is so
    String.raw`例|比如|比方|再|重新|重复|意思|懂|明白|解释|理解|确定|肯定|真的|对不对|是不是|靠谱|准|依据|根据|证据|来源|example|again|repeat|mean|understand|get it|explain|sure|really|true|right|correct|source|proof|evidence`,
    // help: translating; presence, praise, acknowledging
    String.raw`翻译|译|英文|英语|translate|english|有人|你在|在不在|还在|bot在|机器人在|测试|试|test|ping|anyone|there|棒|厉害|牛|强|聪明|赞|给力|优秀|不错|好用|666|nb|good|great|awesome|nice|cool|well done|amazing|perfect|excellent|love|rock|impressive|^(?:好|好好|嗯+|行|对|对的|是|是的|是这样|这样|没错|可以|ok+|k+|yes|yep|yeah|fine|alright|all right|i see)$`,
  ].join('|'),
  'u',
);

const HELP_PATTERN = new RegExp(`^(?:${HELP.join('|')})$`, 'u');
const MORE_PATTERN = new RegExp(`^(?:${MORE.join('|')})$`, 'u');
const SOURCES_PATTERN = new RegExp(`^(?:${SOURCES.join('|')})$`, 'u');
const FEEDBACK_PATTERN = new RegExp(`^(?:${FEEDBACK.join('|')})$`, 'u');
const PRESENCE_PATTERN = new RegExp(`^(?:${PRESENCE.join('|')})$`, 'u');
const PRAISE_PATTERN = new RegExp(`^(?:${PRAISE.join('|')})$`, 'u');
const ACKNOWLEDGE_PATTERN = new RegExp(`^(?:${ACKNOWLEDGE.join('|')})$`, 'u');
/** What asks whether the answer is so when the message ends as a question does (对吗, 是吗, 是这样吗, right?). */
const DOUBTED = /^(?:对|对的|是|是的|是这样|这样|没错|right|correct|true)$/u;

/**
 * What a question, as the whole-message patterns read it (see bareMessage), asks of the bot itself: `help` (how to use it, what it is), `sources` (which reports it has), `feedback` (the
 * answer was wrong: 答错了, that's wrong) or `more` (more of the answer just given: 详细说说, 原文呢,
 * tell me more, or whether it is so: 你确定吗, 对吗); or what it says to the bot: `greeting` (有人吗),
 * `praise` (你真棒), `thanks` (好, 行); undefined for a question about the reports.
 * @param asks - the message ended as a question does (吗, ?), which bareMessage takes off: 对吗 doubts, 对 agrees
 */
export function askedOfBot(text: string, asks = false): 'help' | 'sources' | 'feedback' | 'more' | 'greeting' | 'praise' | 'thanks' | undefined {
  if (!text || !BOT_ANCHOR.test(text)) return undefined;
  // 对吗, 是吗: whether the answer is so, as 你确定吗 asks; 对 and 好的 say it is
  if (asks && DOUBTED.test(text)) return 'more';
  if (ACKNOWLEDGE_PATTERN.test(text)) return 'thanks';
  if (PRESENCE_PATTERN.test(text)) return 'greeting';
  if (PRAISE_PATTERN.test(text)) return 'praise';
  if (HELP_PATTERN.test(text)) return 'help';
  if (SOURCES_PATTERN.test(text)) return 'sources';
  if (FEEDBACK_PATTERN.test(text)) return 'feedback';
  // a bare 多 or 详细 asks for nothing
  if ([...text].length > 1 && MORE_PATTERN.test(text) && !/^(?:多|再|请|能|可以)+$/u.test(text)) return 'more';
  return undefined;
}

/**
 * What a question about a report's own record asks for: when it was published (`date`), who
 * published or wrote it (`publisher`), its title, its link (`url`), or the parts it is made of
 * (`sections`). These are the report's front matter and headings: no sentence of its text says
 * them, and the sentence that shares 发布 or 部分 with the question would mislead.
 */
export type RecordField = 'date' | 'publisher' | 'title' | 'url' | 'sections';

/** A report, as a question about it names it (这篇报告, 本文, 这篇, 该报道, 原文). */
const DOCUMENT = String.raw`(?:报告|文章|报道|报导|新闻|文件|文档|材料|原文|稿件|稿子)`;
const THIS = String.raw`(?:这|本|该|此)(?:一)?(?:篇|份|个|则|条)?`;
// 这篇 or 这份 alone names the report; 这个 or 这条 alone may name anything (这个是哪天发的)
const A_REPORT = String.raw`(?:${THIS}${DOCUMENT}|(?:这|本|该|此)(?:一)?(?:篇|份|则)|${DOCUMENT}|本文|该文|此文|全文)`;
/** The kinds of part a report is made of, as a question names them. */
const PARTS = String.raw`(?:部分|章节|章|节|小节|板块|方面|专题|主题|关键词|段落)`;

/** English: the report, as a question names it (this report, the article). */
const EN_REPORT = String.raw`(?:this|the|that) (?:report|article|story|document|piece|news)`;

const RECORD: Record<RecordField, string[]> = {
  date: [
    // 这篇报道是哪天发的, 什么时候发布的这篇; the report must be named: 什么时候发布的 alone may ask about the plan just answered
    String.raw`${A_REPORT}(?:是)?(?:在)?(?:什么时候|啥时候|哪天|哪一天|何时|哪年|几号|几月几号|几月几日|什么时间|哪个时间)(?:发|发布|发表|出|出来|写|写成|刊登|刊发|登|报道|公布|更新)(?:的|了)?`,
    String.raw`(?:是)?(?:什么时候|啥时候|哪天|哪一天|何时|哪年|几号|什么时间)(?:发|发布|发表|写|刊登|刊发|登)(?:的|了)?${A_REPORT}`,
    // 报告的发布日期是什么, 这篇文章的时间
    String.raw`${A_REPORT}(?:的)?(?:发布|发表|出版|刊发|刊登|报道|写作|成文)?(?:日期|时间|年份)(?:是)?(?:什么|哪天|哪一天|多少|何时|啥)?`,
    String.raw`when (?:was|were|is) ${EN_REPORT}s? (?:published|written|released|issued|dated|out|posted)`,
    String.raw`(?:what is )?(?:the )?(?:publication|release|publishing|publish) date(?: of ${EN_REPORT})?`,
    String.raw`what (?:date|day) (?:is|was) ${EN_REPORT}(?: from| published)?`,
  ],
  publisher: [
    // 谁写的这篇, 这篇报告是谁发布的, 报道是哪家媒体发的
    String.raw`${A_REPORT}(?:是)?(?:由)?(?:谁|哪家|哪个|哪里|什么)(?:媒体|报社|报纸|网站|单位|机构|部门|人|记者)?(?:发|发布|发表|写|出|报道|刊登|刊发|出品|撰写)(?:的|了)?`,
    String.raw`(?:是)?(?:谁|哪家媒体|哪个媒体|哪家报社|哪个网站)(?:发|发布|发表|写|撰写|报道|刊登)(?:的|了)?${A_REPORT}`,
    // 报告的来源是什么, 这篇文章的作者是谁
    String.raw`${A_REPORT}(?:的)?(?:来源|作者|发布者|发布单位|发布方|出版方|出版者|发布机构|出处)(?:是)?(?:谁|哪里|哪儿|什么|哪家|哪个)?`,
    String.raw`who (?:published|wrote|issued|released|authored|put out) ${EN_REPORT}s?`,
    String.raw`(?:what|who) is (?:the )?(?:source|publisher|author) of ${EN_REPORT}`,
    String.raw`where (?:is|was|does) ${EN_REPORT} (?:from|published|come from)`,
  ],
  title: [
    // 这篇报告的标题是什么, 这篇文章叫什么名字
    String.raw`${A_REPORT}(?:的)?(?:标题|题目|名字|名称|全称|题名)(?:是|叫)?(?:什么|啥)?`,
    String.raw`${A_REPORT}(?:叫|名叫|叫做)(?:什么|啥)(?:名字)?`,
    String.raw`what is (?:the )?(?:title|name) of ${EN_REPORT}`,
    String.raw`what (?:is|s) ${EN_REPORT} (?:called|titled)`,
  ],
  url: [
    // 原文链接, 这篇报告的网址是什么; 地址 only of the report (地址是什么 may ask the address of a place just answered)
    String.raw`(?:${A_REPORT}(?:的)?)?(?:链接|网址|网页链接|url|link)(?:是|在)?(?:什么|多少|哪里|哪儿|哪)?`,
    String.raw`${A_REPORT}(?:的)?(?:网页|地址|网络地址)(?:是|在)?(?:什么|多少|哪里|哪儿|哪)?`,
    String.raw`(?:在)?(?:哪里|哪儿|哪)(?:能|可以)?(?:看|读|找|查)(?:到)?${A_REPORT}`,
    String.raw`(?:give me |what is |show me |send me )?(?:the )?(?:link|url|web address)(?: (?:to|of|for) (?:${EN_REPORT}|the original|the source))?`,
    String.raw`where can i (?:read|find|see) ${EN_REPORT}(?: online)?`,
  ],
  sections: [
    // 这篇报告分为哪几部分, 报告有几个部分, 有哪些章节
    String.raw`${A_REPORT}?(?:一共|总共|共)?(?:分为|分成|分|有|包括|包含|由)(?:哪些|哪几|哪|几|多少)(?:个)?${PARTS}(?:组成|构成)?`,
    // 3个部分分别是什么, 7个关键词是哪7个
    String.raw`${A_REPORT}?(?:的)?\d+个${PARTS}(?:分别)?(?:是|有)?(?:哪\d+个|哪些|什么|啥)`,
    // 报告的结构, 目录
    String.raw`(?:${A_REPORT}(?:的)?)?(?:结构|目录|章节目录|大纲|提纲|框架)(?:是什么|是怎样的?|有哪些|是啥)?`,
    String.raw`(?:what|which) (?:sections|parts|chapters|topics) (?:does|do|is|are) (?:in )?${EN_REPORT}s? (?:have|cover|contain|made of)?`,
    String.raw`(?:show me )?(?:the )?(?:table of contents|outline|sections|structure)(?: of ${EN_REPORT})?`,
    String.raw`how many (?:sections|parts|chapters) (?:does ${EN_REPORT} have|are there(?: in ${EN_REPORT})?)`,
  ],
};

/** What every question about a report's record holds (see BOT_ANCHOR): one word or more of each pattern of RECORD. */
const RECORD_ANCHOR = new RegExp(String.raw`[这本该此]一?[篇份则]|${DOCUMENT}|本文|该文|此文|全文|${PARTS}|链接|网址|url|link|结构|目录|大纲|提纲|框架|report|article|story|document|piece|news|publication|release|publish|address|section|part|chapter|topic|content|outline|structure`, 'u');

const RECORD_PATTERNS = Object.entries(RECORD).map(([field, patterns]) => [field as RecordField, new RegExp(`^(?:${patterns.join('|')})$`, 'u')] as const);

/**
 * What a question, as the whole-message patterns read it (see bareMessage), asks of a report's own
 * record (RecordField); undefined for a question about what a report says.
 */
export function askedOfRecord(text: string): RecordField | undefined {
  if (!text || !RECORD_ANCHOR.test(text)) return undefined;
  for (const [field, pattern] of RECORD_PATTERNS) if (pattern.test(text)) return field;
  return undefined;
}

/** Which report or part of one, as a question asks where something is said (哪篇报告, 哪一部分). */
const WHICH_REPORT = String.raw`(?:哪|哪1|哪一|哪个|哪些|什么)(?:篇|份|个|些)?${DOCUMENT}`;
const WHICH_PART = String.raw`(?:哪|哪1|哪一|哪个|哪些)(?:个)?(?:部分|章节|章|节|段|段落|板块|页)`;
/** Saying something (提到, 讲了, 涉及). */
const MENTION = String.raw`(?:提到|提及|提起|讲到|讲了|讲|说到|说了|说|谈到|谈了|写到|写了|涉及到?|有|包含|包括|关于|介绍了?)(?:了|过)?`;
/** What may follow the topic (地铁的内容, 学校的事): it names no more of the topic. */
const TOPIC_END = String.raw`(?:的(?:内容|事情?|情况|信息|部分|报告|文章|数据))?`;
const TOPIC_WORDS = String.raw`([\p{L}\p{N}][\p{L}\p{N} ]{0,23}?)`;

const WHERE = [
  // 哪篇报告提到了地铁, 哪个报告讲湿地, (报告)哪一部分提到了学校
  String.raw`(?:${A_REPORT}(?:的|里|中)?)?(?:${WHICH_REPORT}|${WHICH_PART})(?:里|中|里面)?${MENTION}${TOPIC_WORDS}${TOPIC_END}`,
  // 地铁在哪篇报告里, 关于地铁的内容在哪一部分, 地铁在哪一节
  String.raw`(?:关于)?${TOPIC_WORDS}${TOPIC_END}(?:在|是在|出现在|写在)(?:报告的?)?(?:${WHICH_REPORT}|${WHICH_PART})(?:里|中|里面)?`,
  // (报告)有没有提到房价, 有没有说学校的事, 有没有关于公园的报告
  String.raw`(?:${A_REPORT}(?:里|中)?)?(?:有没有|有无|是否有|是否|有)(?:提到|提及|讲到|说到|谈到|写到|涉及|说|讲|谈|关于)(?:过)?${TOPIC_WORDS}${TOPIC_END}`,
  // English
  String.raw`(?:which|what) (?:report|article|document|section|part)s? (?:mentions?|talks? about|covers?|discuss(?:es)?|says? anything about|(?:is|are) about) ${TOPIC_WORDS}`,
  String.raw`(?:does|do) (?:the |this |any )?(?:report|article|document)s? (?:mention|say anything about|talk about|cover|discuss) ${TOPIC_WORDS}`,
  String.raw`(?:is there|are there|do you have) (?:a |an |any )?(?:report|article|section|part|document)s? (?:on|about) ${TOPIC_WORDS}`,
  String.raw`where (?:is|are) ${TOPIC_WORDS} (?:mentioned|covered|discussed)`,
];

/** What every question asking where something is said holds (see BOT_ANCHOR): one word or more of each pattern of WHERE. */
const WHERE_ANCHOR = new RegExp(String.raw`${DOCUMENT}|部分|章|节|段|板块|页|提到|提及|讲到|说到|谈到|写到|涉及|有没有|有无|是否|report|article|document|section|part|mention|discuss|\bcover`, 'u');
const WHERE_PATTERNS = WHERE.map((pattern) => new RegExp(`^(?:${pattern})$`, 'u'));

/**
 * The topic a question asks where the reports say something about (地铁 of 哪篇报告提到了地铁, 地铁在哪一
 * 部分, 有没有提到房价, which report mentions the metro), as the whole-message patterns read it (see
 * bareMessage); undefined for any other question. No one sentence answers it: the caller lists the
 * passages that mention the topic, or says that none does.
 */
export function askedWhere(text: string): string | undefined {
  if (!text || !WHERE_ANCHOR.test(text)) return undefined;
  for (const pattern of WHERE_PATTERNS) {
    const topic = pattern.exec(text)?.[1]?.trim();
    // 有没有提到S3线什么时候通车 asks when, not where: a question like any other
    if (topic) return QUESTION_WORD.test(topic) ? undefined : topic;
  }
  return undefined;
}
