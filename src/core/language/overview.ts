/**
 * A request for the reports as a whole (总结一下, 这篇报告讲了什么, 主要内容是什么, summarize the
 * report): it names no fact, so no one sentence answers it, and quoting the sentence that happens to
 * share 报告 or 内容 with it would mislead. The caller answers it with a briefing (briefReport).
 *
 * Only a message that is such a request and nothing else is one: 总结一下交通方面 or 报告的重点项目有哪些
 * name something of the report and are questions like any other.
 */

/** What a request may call the report (这篇报告, 该文, 全文, 它). */
const THE_REPORT = String.raw`(?:(?:这|本|该|此|整|全)(?:一)?(?:篇|份|个|则|条|些)?)?(?:报告|文章|文件|文档|材料|新闻|报道|资料|全文|内容|文|它)?`;
/** What a summary is called (主要内容, 要点, 大意). */
const GIST = String.raw`(?:主要|核心|大概|大致)?(?:内容|要点|重点|大意|主旨|概要|摘要|梗概|精神)`;
/** Asking for one (总结一下, 简单概括下, 说说). */
const SUMMARIZE = String.raw`(?:请|给我|帮我|帮忙|替我|麻烦你?){0,3}(?:简单|简要|简短|大概|大致|粗略)?(?:地)?(?:总结|概括|归纳|概述|综述|梳理|介绍|说说|讲讲|说一说|讲一讲|提炼|摘要)(?:一下|下)?`;

const CHINESE = [
  // 总结一下(这篇报告)(的主要内容)
  String.raw`${SUMMARIZE}${THE_REPORT}(?:的)?(?:${GIST})?`,
  // (这篇报告)主要讲了什么(内容)
  String.raw`${THE_REPORT}(?:主要|大概|大致|都)?(?:讲|说|写|谈|介绍)(?:了|的是|些)?(?:些)?(?:什么|啥)(?:内容|事情?|东西)?`,
  // (这篇报告的)主要内容是什么 / 有哪些要点; a bare 内容 or 重点 is too little to ask for one
  String.raw`(?!(?:内容|重点|精神)$)${THE_REPORT}(?:的)?${GIST}(?:是什么|是啥|有哪些|有什么)?`,
  String.raw`${THE_REPORT}(?:的)?(?:有)?(?:哪些|什么)${GIST}`,
];

const ENGLISH = [
  String.raw`(?:please )?(?:can|could|would) you (?:please )?(?:summari[sz]e|sum up|brief me on)(?: (?:the|this|these) (?:report|reports|article|document)s?)?(?: for me)?(?: please)?`,
  String.raw`(?:please )?(?:summari[sz]e|sum up|brief me on)(?: (?:the|this|these) (?:report|reports|article|document)s?)?(?: for me)?(?: please)?`,
  String.raw`(?:please )?(?:give me |i want |i need )?(?:a |an )?(?:summary|overview|briefing|brief|tl ?dr|gist|key points|main points)(?: (?:of|for) (?:the|this|these) (?:report|reports|article|document)s?)?(?: please)?`,
  String.raw`what (?:is|are|does) (?:the|this|these) (?:report|reports|article|document)s? (?:about|say|saying)`,
];

/** What may follow a topic asked to be summed up (交通方面的进展, 产业部分): it names no more of the topic. */
const TOPIC_TAIL = String.raw`(?:方面|部分|板块|领域|章节|这块|这一块)?(?:的)?(?:情况|进展|内容|要点|重点|工作)?`;
/** A request to sum up one topic: 总结一下交通方面的进展, 产业部分的要点是什么. The topic is group 1 or 2. */
const TOPIC = new RegExp(
  `^(?:${SUMMARIZE}([\\p{L}\\p{N}]{2,12}?)${TOPIC_TAIL}|([\\p{L}\\p{N}]{2,12}?)(?:方面|部分|板块|领域|章节)?(?:的)?(?:主要|核心)?(?:内容|要点|概要|摘要)(?:是什么|是啥|有哪些|有什么)?)$`,
  'u',
);

/**
 * What every request to sum up holds, one word or more of each pattern above (a verb of summing up,
 * a name of a summary, 讲了什么, or the English words): a message without any is tested no further.
 * The patterns are large, and V8 compiles a regular expression on its first use and again on its
 * second (native code): some 15 ms for these two, which a one-question start of the CLI would pay for
 * every ordinary question.
 */
const OVERVIEW_ANCHOR = /总结|概括|归纳|概述|综述|梳理|介绍|说说|讲讲|说一说|讲一讲|提炼|摘要|内容|要点|重点|大意|主旨|概要|梗概|精神|[讲说写谈绍](?:了|的是|些)?些?(?:什么|啥)|summar|sum up|brief|overview|tl ?dr|gist|points|about|say/u;

const OVERVIEW = new RegExp(`^(?:${[...CHINESE, ...ENGLISH].join('|')})$`, 'u');

/**
 * Whether a question, as the whole-message patterns read it (see bareMessage), asks for the reports
 * as a whole and names nothing in them.
 */
export function asksOverview(bare: string): boolean {
  return OVERVIEW_ANCHOR.test(bare) && OVERVIEW.test(bare);
}

/**
 * The topic a request (read as bareMessage gives it) asks to be summed up (交通 of 总结一下交通方面的进展); undefined
 * when the question is no such request. Whether a report has a section of that name is the
 * caller's to check: if none has, the question is asked as any other.
 */
export function overviewTopic(bare: string): string | undefined {
  const match = OVERVIEW_ANCHOR.test(bare) ? TOPIC.exec(bare) : null;
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * A follow-up naming only a topic (那交通呢, 产业方面呢, 还有生活圈的情况, what about transport; 呢 is taken
 * off by bareMessage): the topic is group 1 or 2.
 */
const TOPIC_FOLLOW_UP = new RegExp(`^(?:(?:那|那么|还有|再)?([\\p{L}\\p{N}]{2,12}?)${TOPIC_TAIL}|(?:what|how) about (?:the )?(\\p{L}[\\p{L}\\p{N} ]{1,30}))$`, 'u');

/**
 * The topic of a follow-up (read as bareMessage gives it) that names nothing but a topic (交通 of 那交通呢): after a
 * request to sum up, it asks for that topic summed up too. Undefined for any other question.
 */
export function followUpTopic(bare: string): string | undefined {
  const match = TOPIC_FOLLOW_UP.exec(bare);
  return match ? (match[1] ?? match[2]) : undefined;
}
