import * as OpenCC from 'opencc-js/cn2t';

/** The languages fixed reply texts come in. */
export type Lang = 'en' | 'zh-CN' | 'zh-TW';

const en = {
  answer: 'Answer',
  citation: 'Citation',
  related: 'Related passages',
  showPassage: 'Show passage',
  moreResults: 'More results',
  notFound: 'The report does not answer this question.',
  nearest: 'Nearest sections',
  closest: 'Closest in the report (not an answer: judge for yourself)',
  rejected: 'That question cannot be asked: {reason}.',
  whichReport: 'That section is in several reports: choose one with the report option, or give it as report#number:',
  addNeedsSource: 'Give a url: or attach a file: to import.',
  addMissing: 'The file does not say everything a report needs: run /sources add again with {options} to enable Save.',
  addFailed: 'That cannot be imported: {reason}',
  addExists: 'A report with the id {id} exists: saving replaces it.',
  addPreview: 'Import preview: check it, then Save',
  addFetchFailed: 'That address could not be imported: it did not answer with a document the bot may read. Check the address, or attach the file instead.',
  addTooLarge: 'That file is {size} MB; /sources add reads at most {max} MB.',
  addBusy: 'Another import is running in this bot: try again in a minute.',
  addBadField: 'The {option} option cannot be used: {reason}',
  addFailedImport: 'That document could not be imported: {reason}',
  addIdTaken: 'The id {id} belongs to a report every server shares: give another id: option.',
  addRolledBack: 'Not saved: the report does not load ({reason}). Nothing was changed.',
  addNotYours: 'That preview is not yours, or has expired: run /sources add yourself.',
  removeNotOwn: 'That report is not one this server added: only reports added here can be removed here.',
  sourcesOwn: 'added by this server',
  channelNotHere: 'That channel is not a channel of this server.',
  scheduleTooOften: 'Briefings may run at most once an hour: that expression runs again after {minutes} min. Use e.g. 0 9 * * 1 (Mondays at 9:00).',
  scheduleFields: 'A schedule is five fields: minute hour day month weekday (e.g. 0 9 * * 1), not {count}.',
  forgetMeDone: 'Done: {count} of your votes and comments were deleted. Questions are logged without who asked, so nothing else names you.',
  forgetMeConfirm: 'Delete all your 👍/👎 votes and comments, in every server? This cannot be undone.',
  forget: 'Delete',
  save: 'Save',
  cancel: 'Cancel',
  remove: 'Remove',
  cancelled: 'Cancelled: nothing was changed.',
  added: 'Saved: "{title}" ({id}, {passages} passages) is in the corpus and answers now.',
  addExpired: 'That preview has expired (after 15 minutes; without a store, also at a restart): run /sources add again.',
  noSuchReport: 'No such report. Pick one from the list.',
  removeConfirm: 'Remove "{title}" ({id}) from the corpus? Its answers go with it.',
  removed: 'Removed: {id} is no longer in the corpus.',
  needsManage: 'That needs the Manage Server permission.',
  discordOnly: 'That works on Discord only.',
  context: 'Context from the earlier question',
  followUp: 'Ask a follow-up',
  followUpTitle: 'Ask a follow-up',
  followUpLabel: 'Your follow-up question',
  followUpPlaceholder: 'e.g. 那眉山呢? / What about Meishan?',
  questionTooLong: 'That message is {length} characters long; ask in at most {max} (the question, not the whole text).',
  chatHelp: 'Mention me with a question, e.g. @bot 成资S3线开工了吗 — I answer in a thread, and you can ask follow-ups there. /help lists the commands.',
  confidence: 'confidence {percent}%',
  tryBrowsing: 'Browse them with /section, or ask with other words.',
  matched: 'Matched',
  passage: 'Passage',
  noMore: 'No further results.',
  moreTitle: 'More results',
  unknownPassage: 'That passage no longer exists in the corpus (it may have been edited).',
  unknownSection: 'No such section. Pick one from the list.',
  unknownCommand: 'I do not know that command. Try /help.',
  error: 'Something went wrong (ref {ref}). The team can find it in the logs by that ref.',
  cooldown: 'You are asking quickly: try again in {seconds} s.',
  briefTitle: 'Briefing: {title}',
  page: 'Page {page}/{pages}',
  previous: 'Previous',
  next: 'Next',
  sourcesTitle: 'Reports in the corpus',
  passages: '{count} passages',
  emptyQuestion: 'The question is empty: type what you want to know.',
  noQuestionInMessage: 'That message has no text to ask about.',
  expectedTitle: 'What did you expect?',
  expectedLabel: 'What did you expect? (optional)',
  expectedPlaceholder: 'e.g. the date line S3 opens',
  thanksUp: 'Thanks! Noted that this answer helped.',
  thanksDown: 'Thanks! The team will see what you expected.',
  noMemory: 'This bot keeps no records here, so that is not available.',
  storeDown: "The bot's database cannot be reached right now: try again in a minute.",
  guildOnly: 'That works in a server only.',
  gapsTitle: 'Gaps: the last {days} days{report}',
  gapsTotals: '{questions} questions · {notFound} not found · {low} low confidence · 👍 {up} · 👎 {down}',
  gapsUnanswered: 'Asked, not answered',
  gapsLow: 'Answered with low confidence',
  gapsDown: 'Answers marked 👎',
  gapsNone: 'None.',
  gapsNoText: '{count} without text (QUESTION_LOG=outcomes)',
  settingsSaved: 'Saved: in {channel}, chat is {mode}, threads {threads}.',
  settingsTitle: 'Chat settings',
  settingsDefault: 'Every other channel: {mode}, threads {threads} (the defaults).',
  settingsNeedsContent: 'Note: mode all answers every message only with the Message Content intent (MESSAGE_CONTENT_INTENT=true); without it, only mentions are answered.',
  settingsChatOff: 'Note: chat is off for the whole bot (CHAT_MODE=off); these settings apply once it is on.',
  scheduleAdded: 'Scheduled `{id}`: a briefing in {channel}, `{cron}` ({timezone}); next at {next}.',
  scheduleBadCron: 'That is not a cron expression ({reason}). Example: `0 9 * * 1` (Mondays at 9:00).',
  scheduleBadTimezone: '{timezone} is not a time zone: use an IANA name such as Asia/Shanghai or Europe/London.',
  scheduleNever: 'That cron expression never fires.',
  scheduleNone: 'No briefings are scheduled in this server.',
  scheduleRemoved: 'Removed the schedule `{id}`.',
  scheduleUnknown: 'There is no schedule `{id}` in this server: see /brief-schedule list.',
  scheduleListTitle: 'Scheduled briefings',
  scheduleCannotPost: 'I cannot post in {channel} (missing: {missing}): give me those permissions there, or choose another channel.',
  scheduleTooMany: 'This server has {max} schedules already: remove one first.',
  schedulePaused: 'paused: {reason}',
  schedulePausedNotice: 'The scheduled briefing `{id}` in <#{channel}> is paused: {reason}. Fix it, then remove it and add it again.',
  newReports: 'New since the last briefing: {titles}',
  helpTitle: 'How to ask',
  help:
    'Ask in Chinese, traditional characters or English; the answer is the report\'s own sentence with its citation.\n\n' +
    '**/ask** `question` — e.g. `/ask 成资S3线开工了吗`, `/ask 日开行动车多少对`, `/ask How many schools in Chengdu pair up?`\n' +
    '  options: `section` to search one section, `private` to see the answer alone\n' +
    '**/section** `name` — a section\'s headline and passages\n' +
    '**/brief** `[section]` — a team briefing with key figures, each cited\n' +
    '**/sources** — the reports in the corpus, with links\n' +
    'For the team (Manage Server): **/gaps** (unanswered questions, 👎), **/settings** (chat per channel), **/brief-schedule** (briefings on a schedule)\n' +
    'Press 👍 or 👎 under an answer to tell the team whether it helped.\n' +
    '**Ask the report** (right-click a message → Apps) — asks with that message\'s text\n\n' +
    'When the report has no answer, the bot says so and lists the nearest sections.\n' +
    'Mention the bot with a question to get the answer in a thread, and ask follow-ups there; DMs work too.\n' +
    'In the terminal (no Discord token): /passage, /more, /new (start over), /quit.',
};

type Key = keyof typeof en;

const zhCN: Record<Key, string> = {
  answer: '答案',
  citation: '出处',
  related: '相关段落',
  showPassage: '查看段落',
  moreResults: '更多结果',
  notFound: '报告中没有这个问题的答案。',
  nearest: '最相近的部分',
  closest: '报告中最接近的内容(并非答案,请自行判断)',
  rejected: '无法提问:{reason}。',
  whichReport: '多个报告都有这个部分:请用 report 选项选择报告,或写成 报告#编号:',
  addNeedsSource: '请提供 url:,或附上 file: 文件。',
  addMissing: '文件中缺少报告所需的信息:请带上 {options} 再次运行 /sources add,即可保存。',
  addFailed: '无法导入:{reason}',
  addExists: '已有编号为 {id} 的报告:保存将替换它。',
  addPreview: '导入预览:请核对后保存',
  addFetchFailed: '无法导入这个地址:它没有返回机器人可读取的文档。请检查地址,或改为附上文件。',
  addTooLarge: '文件大小为 {size} MB;/sources add 最多读取 {max} MB。',
  addBusy: '机器人正在进行另一个导入:请一分钟后再试。',
  addBadField: '{option} 选项不可用:{reason}',
  addFailedImport: '无法导入这个文档:{reason}',
  addIdTaken: '编号 {id} 属于所有服务器共用的报告:请用 id: 选项换一个编号。',
  addRolledBack: '未保存:报告无法加载({reason})。没有做任何更改。',
  addNotYours: '这个预览不是你的,或已过期:请自己运行 /sources add。',
  removeNotOwn: '这个报告不是本服务器添加的:这里只能删除本服务器添加的报告。',
  sourcesOwn: '本服务器添加',
  channelNotHere: '这个频道不属于本服务器。',
  scheduleTooOften: '简报最多每小时一次:这个表达式 {minutes} 分钟后就会再次运行。例如用 0 9 * * 1(每周一 9:00)。',
  scheduleFields: '时间安排需要五个字段:分 时 日 月 周(例如 0 9 * * 1),而不是 {count} 个。',
  forgetMeDone: '已完成:删除了你的 {count} 条投票和留言。问题记录不含提问者,因此没有其他内容指向你。',
  forgetMeConfirm: '删除你在所有服务器中的全部 👍/👎 投票和留言?此操作无法撤销。',
  forget: '删除',
  save: '保存',
  cancel: '取消',
  remove: '删除',
  cancelled: '已取消:没有任何改动。',
  added: '已保存:「{title}」({id},{passages} 个段落)已加入语料,现在即可回答。',
  addExpired: '预览已过期(15 分钟后;没有数据库时重启也会过期):请重新运行 /sources add。',
  noSuchReport: '没有这个报告,请从列表中选择。',
  removeConfirm: '从语料中删除「{title}」({id})?它的答案将一并删除。',
  removed: '已删除:{id} 不再在语料中。',
  needsManage: '这需要“管理服务器”权限。',
  discordOnly: '仅在 Discord 上可用。',
  context: '沿用上文',
  followUp: '追问',
  followUpTitle: '追问',
  followUpLabel: '你的追问',
  followUpPlaceholder: '例如:那眉山呢?',
  questionTooLong: '这条消息有 {length} 个字符;请在 {max} 个字符以内提问(只写问题,不要整段文字)。',
  chatHelp: '@我并附上问题,例如 @bot 成资S3线开工了吗 —— 我会在子区中回答,你可以在那里继续追问。/help 列出全部命令。',
  confidence: '置信度 {percent}%',
  tryBrowsing: '可以用 /section 浏览,或换个说法再问。',
  matched: '匹配',
  passage: '段落',
  noMore: '没有更多结果了。',
  moreTitle: '更多结果',
  unknownPassage: '语料中已没有这个段落(可能已被修改)。',
  unknownSection: '没有这个部分,请从列表中选择。',
  unknownCommand: '不认识这个命令,试试 /help。',
  error: '出错了(编号 {ref})。团队可以凭这个编号在日志中找到它。',
  cooldown: '提问太快了,请在 {seconds} 秒后再试。',
  briefTitle: '简报:{title}',
  page: '第 {page}/{pages} 页',
  previous: '上一页',
  next: '下一页',
  sourcesTitle: '语料中的报告',
  passages: '{count} 个段落',
  emptyQuestion: '问题是空的:请输入你想知道的内容。',
  noQuestionInMessage: '这条消息没有可以提问的文字。',
  expectedTitle: '你期望的答案是什么?',
  expectedLabel: '你期望的答案(可不填)',
  expectedPlaceholder: '例如:S3线的通车时间',
  thanksUp: '谢谢!已记下这个答案有帮助。',
  thanksDown: '谢谢!团队会看到你期望的内容。',
  noMemory: '这个机器人在这里不保存记录,所以无法使用此功能。',
  storeDown: '暂时无法连接机器人的数据库,请一分钟后再试。',
  guildOnly: '只能在服务器中使用。',
  gapsTitle: '缺口:最近 {days} 天{report}',
  gapsTotals: '{questions} 个问题 · {notFound} 个未找到 · {low} 个低置信度 · 👍 {up} · 👎 {down}',
  gapsUnanswered: '被问到但没有答案的问题',
  gapsLow: '置信度低的回答',
  gapsDown: '被点 👎 的回答',
  gapsNone: '无。',
  gapsNoText: '{count} 个未记录文字(QUESTION_LOG=outcomes)',
  settingsSaved: '已保存:{channel} 中聊天模式为 {mode},子区 {threads}。',
  settingsTitle: '聊天设置',
  settingsDefault: '其他频道:{mode},子区 {threads}(默认值)。',
  settingsNeedsContent: '注意:all 模式需要开启 Message Content intent(MESSAGE_CONTENT_INTENT=true)才能回答每条消息;否则只回答 @ 机器人的消息。',
  settingsChatOff: '注意:整个机器人的聊天已关闭(CHAT_MODE=off);开启后这些设置才生效。',
  scheduleAdded: '已安排 `{id}`:在 {channel} 发送简报,`{cron}`({timezone});下一次:{next}。',
  scheduleBadCron: '这不是有效的 cron 表达式({reason})。例如:`0 9 * * 1`(每周一 9:00)。',
  scheduleBadTimezone: '{timezone} 不是时区:请使用 IANA 名称,例如 Asia/Shanghai。',
  scheduleNever: '这个 cron 表达式永远不会触发。',
  scheduleNone: '这个服务器没有安排简报。',
  scheduleRemoved: '已删除安排 `{id}`。',
  scheduleUnknown: '这个服务器没有安排 `{id}`:请看 /brief-schedule list。',
  scheduleListTitle: '定时简报',
  scheduleCannotPost: '我无法在 {channel} 发言(缺少:{missing}):请在那里给我这些权限,或选择其他频道。',
  scheduleTooMany: '这个服务器已有 {max} 个安排:请先删除一个。',
  schedulePaused: '已暂停:{reason}',
  schedulePausedNotice: '<#{channel}> 中的定时简报 `{id}` 已暂停:{reason}。请修正后删除并重新添加。',
  newReports: '自上次简报以来新增:{titles}',
  helpTitle: '怎么提问',
  help:
    '用简体、繁体或英文提问,答案是报告原文的句子,并附出处。\n\n' +
    '**/ask** `question` — 例如 `/ask 成资S3线开工了吗`、`/ask 日开行动车多少对`\n' +
    '  选项:`section` 只在某个部分中查找,`private` 只有你能看到答案\n' +
    '**/section** `name` — 某个部分的标题和段落\n' +
    '**/brief** `[section]` — 团队简报:关键数字,逐条注明出处\n' +
    '**/sources** — 语料中的报告及链接\n' +
    '团队(需管理服务器权限):**/gaps**(未回答的问题、👎)、**/settings**(各频道聊天方式)、**/brief-schedule**(定时简报)\n' +
    '在答案下点 👍 或 👎,告诉团队它是否有用。\n' +
    '**Ask the report**(右键消息 → 应用)— 用这条消息的文字提问\n\n' +
    '报告中没有答案时,机器人会说明,并列出最相近的部分。\n' +
    '@机器人并附上问题,它会在子区中回答,你可以在那里继续追问;私信也可以。\n' +
    '终端模式(没有 Discord token):/passage、/more、/new(重新开始)、/quit(退出)。',
};

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const zhTW = Object.fromEntries(Object.entries(zhCN).map(([key, text]) => [key, toTraditional(text)])) as Record<Key, string>;
const TABLES: Record<Lang, Record<Key, string>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** The language for a Discord locale: Chinese for zh-*, English otherwise. */
export function langOf(locale: string | null | undefined): Lang {
  if (locale === 'zh-TW' || locale === 'zh-HK') return 'zh-TW';
  return locale?.startsWith('zh') ? 'zh-CN' : 'en';
}

/** A fixed reply text in a language, with {name} placeholders filled. */
export function t(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
