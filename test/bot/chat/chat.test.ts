import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { buttonPress, FAKE, FakeDiscord, modalSubmit, slashCommand, type RecordedRequest } from '../../helpers/fake-discord.js';

type SentMessage = { content?: string; embeds?: Array<Record<string, any>>; components?: Array<{ components: Array<Record<string, any>> }>; allowed_mentions?: { parse: string[] }; message_reference?: { message_id: string } };

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;
let nextUser = 700000000000000000n;
const freshUser = (): string => String(++nextUser);
const BOT = `<@${FAKE.botId}>`;

beforeAll(async () => {
  ({ fake, bot, logs } = await startBotOnFake({ COOLDOWN_QUESTIONS: '3', COOLDOWN_SECONDS: '60' }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** Sends a user's message and waits for the bot's message in `channel` (any channel when omitted). */
async function say(options: Parameters<FakeDiscord['sendMessage']>[0], channel?: (path: string) => boolean): Promise<{ request: RecordedRequest; body: SentMessage }> {
  const since = fake.requests.length;
  fake.sendMessage({ authorId: freshUser(), ...options });
  const request = await fake.waitFor((r) => r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path) && (channel?.(r.path) ?? true), 5000, since);
  return { request, body: request.body as SentMessage };
}

/** Submits the follow-up modal of an answer's passage, as a fresh user, and gives the bot's reply. */
async function submitFollowUp(passageId: string, question: string, answerMessage: Parameters<typeof modalSubmit>[2]): Promise<SentMessage> {
  const submit = modalSubmit(`followup-modal:${passageId}`, { question }, answerMessage, { userId: freshUser() });
  const since = fake.requests.length;
  fake.send(submit);
  const answered = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${submit.id}/`), 5000, since);
  return (answered.body as { type: number; data: SentMessage }).data;
}

const threadOf = (request: RecordedRequest): string => /channels\/(\d+)\/messages/.exec(request.path)![1]!;

/** True when the bot made no REST request after `since` within `ms`. */
async function silentFor(ms: number, since: number): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return fake.requests.slice(since).every((r) => r.method === 'GET');
}

describe('chat: mentions, threads, follow-ups and DMs against a fake Discord', () => {
  let threadId = '';

  it('GIVEN a mention in a channel THEN a thread named after the question is started and the cited answer is posted in it', async () => {
    const since = fake.requests.length;
    const { request, body } = await say({ channelId: FAKE.channelId, content: `${BOT} 都市圈日开行动车多少对`, mentions: [FAKE.botId] });
    const start = fake.requests.slice(since).find((r) => r.method === 'POST' && r.path.endsWith('/threads'))!;
    expect(start.path).toMatch(new RegExp(`^/api/v10/channels/${FAKE.channelId}/messages/\\d+/threads$`));
    expect((start.body as { name: string }).name).toBe('都市圈日开行动车多少对');
    threadId = threadOf(request);
    expect(fake.threads.has(threadId)).toBe(true);
    expect(body.embeds![0]!.description).toContain('107.5');
    expect(JSON.stringify(body.embeds![0]!.fields)).toContain('cdms-2021-04-15#2.2');
    expect(body.allowed_mentions?.parse).toEqual([]);
    expect(body.components![0]!.components.map((b) => b.custom_id ?? b.url)).toContain('followup:cdms-2021-04-15#2.2');
  });

  it('GIVEN a follow-up mention in that thread THEN it is answered with the earlier question as context', async () => {
    const { request, body } = await say({ channelId: threadId, content: `${BOT} 那它每天拉多少人?`, mentions: [FAKE.botId] });
    expect(threadOf(request)).toBe(threadId);
    expect(body.embeds![0]!.description).toContain('3.8万余人次');
    expect(body.embeds![0]!.description).toMatch(/沿用上文: 都市圈日开行动车/);
    const line = await logs.waitFor((l) => l.msg === 'message' && l.channel === threadId && l.history === 1);
    expect(line.found).toBe(true);
  });

  it('GIVEN a message in the thread that does not mention the bot THEN, without the Message Content intent, it is not answered', async () => {
    const since = fake.requests.length;
    fake.sendMessage({ channelId: threadId, content: '那眉山呢', authorId: freshUser() });
    expect(await silentFor(300, since)).toBe(true);
  });

  it('GIVEN thanks in the answer\'s thread and a greeting in a DM THEN one friendly line each, never a report sentence or passage', async () => {
    const thanks = await say({ channelId: threadId, content: `${BOT} 好的，谢谢你的帮助！`, mentions: [FAKE.botId] });
    expect(threadOf(thanks.request)).toBe(threadId);
    expect(thanks.body.content).toMatch(/不客气/);
    expect(thanks.body.embeds ?? []).toEqual([]);
    const wrong = await say({ channelId: threadId, content: `${BOT} 你答错了吧`, mentions: [FAKE.botId] });
    expect(wrong.body.content).toMatch(/抱歉.*👎/);
    expect(wrong.body.embeds ?? []).toEqual([]);
    const hello = await say({ channelId: '800000000000000009', content: '哈喽', guild: false });
    expect(hello.body.content).toMatch(/你好/);
    expect(hello.body.embeds ?? []).toEqual([]);
    const praise = await say({ channelId: '800000000000000009', content: '你真棒👍', guild: false });
    expect(praise.body.content).toMatch(/^谢谢夸奖/);
    expect(praise.body.embeds ?? []).toEqual([]);
  });

  it('GIVEN 详细说说 after an answer in a DM THEN the section that answer stands in, and the next follow-up still has that answer\'s context', async () => {
    const dm = '800000000000000012';
    const first = await say({ channelId: dm, content: '跨市公交增至几条', guild: false });
    expect(first.body.embeds![0]!.description).toContain('9条');
    const more = await say({ channelId: dm, content: '详细说说', guild: false });
    expect(more.body.embeds![0]!.title).toBe('关键词2 · 交通');
    expect(more.body.embeds![0]!.description).toContain('cdms-2021-04-15#2.2');
    const next = await say({ channelId: dm, content: '日均客流量呢', guild: false });
    expect(next.body.embeds![0]!.description).toContain('2.2万余人次');
  });

  it('GIVEN questions about the bot itself in a DM THEN /help\'s text and /sources\' list, never a report sentence', async () => {
    const dm = '800000000000000011';
    const help = await say({ channelId: dm, content: '你能做什么?', guild: false });
    expect(help.body.embeds![0]!.title).toBe('怎么提问');
    expect(help.body.embeds![0]!.description).toContain('/ask');
    const sources = await say({ channelId: dm, content: '有哪些报告', guild: false });
    const fields = sources.body.embeds![0]!.fields as Array<{ name: string; value: string }>;
    expect(fields.map((field) => field.name)).toContain('七个关键词看懂成德眉资同城化“棋局”');
  });

  it('GIVEN a question about the report\'s record in a DM THEN its front matter, never a report sentence', async () => {
    const dm = '800000000000000013';
    const date = await say({ channelId: dm, content: '这篇报道是哪天发的?', guild: false });
    const embed = date.body.embeds![0]!;
    expect(embed.title).toBe('报告信息');
    expect((embed.fields as Array<{ value: string }>)[0]!.value).toContain('**2021-04-15**');
  });

  it('GIVEN a question in a DM asking where the report mentions something THEN its passages, or one line that none does, logged as not found', async () => {
    const dm = '800000000000000014';
    const school = await say({ channelId: dm, content: '哪一部分提到了学校?', guild: false });
    expect(school.body.embeds![0]!.title).toBe('报告中提到“学校”的地方');
    const none = await say({ channelId: dm, content: '有没有提到房价', guild: false });
    expect(none.body.content).toMatch(/^这里的报告都没有提到“房价”/);
    const line = await logs.waitFor((l) => l.msg === 'message' && l.channel === dm && l.found === false);
    expect(line.found).toBe(false);
  });

  it('GIVEN a DM that opens with a topic and 呢 (学校呢) THEN where the report mentions it, not one sentence matching the word', async () => {
    const dm = '800000000000000016';
    const school = await say({ channelId: dm, content: '学校呢?', guild: false });
    expect(school.body.embeds![0]!.title).toBe('报告中提到“学校”的地方');
    expect(JSON.stringify(school.body.embeds![0]!.fields)).toContain('cdms-2021-04-15#5.1');
  });

  it('GIVEN a DM asking two questions at once THEN one reply with each answer under its question, each button once, and one log entry', async () => {
    const dm = '800000000000000015';
    const both = await say({ channelId: dm, content: '成资S3线开工了吗？动车每天多少对？', guild: false });
    const embeds = both.body.embeds!;
    expect(embeds.map((embed) => embed.author?.name)).toEqual(['成资S3线开工了吗？', '动车每天多少对？']);
    expect(embeds[0]!.description).toContain('成资S3线开工');
    expect(embeds[1]!.description).toContain('107.5对');
    const rows = both.body.components as Array<{ components: Array<{ custom_id?: string; url?: string }> }>;
    const keys = rows.flatMap((row) => row.components.map((button) => button.custom_id ?? button.url));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    const line = await logs.waitFor((l) => l.msg === 'message' && l.channel === dm);
    expect(line.found).toBe(true);
  });

  it('GIVEN a request to sum up in a DM THEN the briefing /brief gives, of the whole report or of the section named, never one sentence', async () => {
    const dm = '800000000000000010';
    const whole = await say({ channelId: dm, content: '帮我总结一下这篇报告', guild: false });
    expect(threadOf(whole.request)).toBe(dm);
    const embed = whole.body.embeds![0]!;
    expect(embed.title).toMatch(/^简报:七个关键词看懂成德眉资同城化/);
    // key sentences of several sections, each with the passage it is quoted from
    expect(embed.description).toContain('关键词1 · 顶层设计');
    expect(embed.description).toContain('关键词2 · 交通');
    expect(embed.description).toMatch(/`cdms-2021-04-15#2\.2`/);
    const section = await say({ channelId: dm, content: '总结一下交通方面的进展', guild: false });
    const sectionEmbed = section.body.embeds![0]!;
    expect(sectionEmbed.title).toBe('简报:关键词2 · 交通');
    expect(sectionEmbed.description).toContain('成资S3线开工');
    expect(sectionEmbed.description).not.toContain('关键词1');
    // the conversation goes on: a follow-up naming another section is that one summed up
    const next = await say({ channelId: dm, content: '那产业呢', guild: false });
    expect(next.body.embeds![0]!.title).toBe('简报:关键词3 · 产业');
  });

  it('GIVEN a DM THEN it is answered in the DM, and a follow-up there uses the DM\'s history', async () => {
    const dm = '800000000000000008';
    const first = await say({ channelId: dm, content: '跨市公交增至几条', guild: false });
    expect(threadOf(first.request)).toBe(dm);
    expect(first.body.embeds![0]!.description).toContain('9条');
    const second = await say({ channelId: dm, content: '日均客流量呢', guild: false });
    expect(second.body.embeds![0]!.description).toContain('2.2万余人次');
  });

  it('GIVEN a channel where the bot may not start threads THEN it replies to the message instead, and logs the permission once', async () => {
    const first = await say({ channelId: FAKE.noThreadsChannelId, content: `${BOT} 成资S3线开工了吗`, mentions: [FAKE.botId] });
    expect(threadOf(first.request)).toBe(FAKE.noThreadsChannelId);
    expect(first.body.message_reference?.message_id).toBeDefined();
    expect(first.body.embeds![0]!.description).toContain('成资S3线开工');
    await say({ channelId: FAKE.noThreadsChannelId, content: `${BOT} 川芎市场占有率`, mentions: [FAKE.botId] });
    expect(logs.lines.filter((l) => l.msg === 'missing permission' && l.channel === FAKE.noThreadsChannelId)).toHaveLength(1);
  });

  it('GIVEN Discord refuses the thread (403 Missing Permissions) THEN the bot replies to the message instead', async () => {
    let refused = 0;
    fake.override((request, response) => {
      if (refused > 0 || request.method !== 'POST' || !request.path.endsWith('/threads')) return false;
      refused++;
      response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Missing Permissions', code: 50013 }));
      return true;
    });
    const { request, body } = await say({ channelId: FAKE.channelId, content: `${BOT} 川芎市场占有率`, mentions: [FAKE.botId] });
    expect(refused).toBe(1);
    expect(threadOf(request)).toBe(FAKE.channelId);
    expect(body.message_reference?.message_id).toBeDefined();
    expect(body.embeds![0]!.description).toContain('70%');
  });

  it('GIVEN messages from bots, webhooks, system messages and @everyone-only mentions THEN none is answered', async () => {
    const since = fake.requests.length;
    fake.sendMessage({ channelId: FAKE.channelId, content: `${BOT} 成资S3线开工了吗`, mentions: [FAKE.botId], bot: true });
    fake.sendMessage({ channelId: FAKE.channelId, content: `${BOT} 成资S3线开工了吗`, mentions: [FAKE.botId], webhookId: '900000000000000009' });
    fake.sendMessage({ channelId: FAKE.channelId, content: '', mentions: [FAKE.botId], type: 7 });
    fake.sendMessage({ channelId: FAKE.channelId, content: '@everyone 成资S3线开工了吗', mentionEveryone: true });
    fake.sendMessage({ channelId: FAKE.channelId, content: '<@&250000000000000000> 成资S3线开工了吗', mentionRoles: ['250000000000000000'] });
    expect(await silentFor(400, since)).toBe(true);
  });

  it('GIVEN a mention with no question THEN the help text; a question over 500 characters THEN a clear notice', async () => {
    const empty = await say({ channelId: FAKE.noThreadsChannelId, content: BOT, mentions: [FAKE.botId] });
    expect(empty.body.content).toMatch(/@我并附上问题/);
    const long = await say({ channelId: FAKE.noThreadsChannelId, content: `${BOT} ${'成资S3线'.repeat(120)}`, mentions: [FAKE.botId] });
    expect(long.body.content).toMatch(/600 个字符.*500/);
  });

  it('GIVEN a user over the cooldown THEN mentions are refused like slash commands', async () => {
    const userId = freshUser();
    for (let i = 0; i < 3; i++) await say({ channelId: FAKE.noThreadsChannelId, content: `${BOT} 川芎`, mentions: [FAKE.botId], authorId: userId });
    const refused = await say({ channelId: FAKE.noThreadsChannelId, content: `${BOT} 川芎`, mentions: [FAKE.botId], authorId: userId });
    expect(refused.body.content).toMatch(/秒后再试/);
  });

  it('GIVEN the Ask a follow-up button THEN a modal opens, and its submit is answered with the original question as history', async () => {
    const ask = slashCommand('ask', [{ name: 'question', type: 3, value: '都市圈日开行动车多少对' }], { userId: freshUser() });
    let since = fake.requests.length;
    fake.send(ask);
    const callback = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${ask.id}/`), 5000, since);
    const answerMessage = [...fake.messages.values()].pop()!;
    const followUpId = ((callback.body as { data: SentMessage }).data.components![0]!.components.find((b) => String(b.custom_id).startsWith('followup:'))!).custom_id as string;
    const press = buttonPress(followUpId, answerMessage, { userId: freshUser() });
    since = fake.requests.length;
    fake.send(press);
    const modal = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${press.id}/`), 5000, since);
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: 'followup-modal:cdms-2021-04-15#2.2', title: '追问' } });
    const data = await submitFollowUp('cdms-2021-04-15#2.2', '那它每天拉多少人', answerMessage);
    expect(data.embeds![0]!.description).toContain('3.8万余人次');
    expect(data.embeds![0]!.description).toMatch(/沿用上文/);
  });

  it('GIVEN /ask with two questions THEN no More results button (it could not tell which), and the second answer\'s Follow up takes the second question as history', async () => {
    const ask = slashCommand('ask', [{ name: 'question', type: 3, value: '川芎产值同比增长多少?都市圈日开行动车多少对?' }], { userId: freshUser() });
    const since = fake.requests.length;
    fake.send(ask);
    const callback = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${ask.id}/`), 5000, since);
    const sent = (callback.body as { data: SentMessage }).data;
    expect(sent.embeds!.map((embed) => embed.author?.name)).toEqual(['川芎产值同比增长多少?', '都市圈日开行动车多少对?']);
    const ids = sent.components!.flatMap((row) => row.components.map((b) => String(b.custom_id ?? '')));
    expect(ids.some((id) => id.startsWith('more:'))).toBe(false);
    expect(ids).toContain('followup:cdms-2021-04-15#2.2');
    const data = await submitFollowUp('cdms-2021-04-15#2.2', '那它每天拉多少人', [...fake.messages.values()].pop()!);
    expect(data.embeds![0]!.description).toContain('3.8万余人次');
    // the context is the second question's words, not the first's (川芎, 产值)
    expect(data.embeds![0]!.description).toMatch(/沿用上文: .*都市/);
    expect(data.embeds![0]!.description).not.toMatch(/川芎|产值/);
  });
});

describe('chat after a restart', () => {
  it('GIVEN the bot restarts THEN a follow-up in its old thread still has the thread\'s context', async () => {
    const first = await startBotOnFake({}, await FakeDiscord.start());
    const { fake: f } = first;
    f.sendMessage({ channelId: FAKE.channelId, content: `${BOT} 农交所累计成交项目多少宗`, mentions: [FAKE.botId], authorId: freshUser() });
    const posted = await f.waitFor((r) => r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path) && !r.path.includes(FAKE.channelId));
    const thread = threadOf(posted);
    expect((posted.body as SentMessage).embeds![0]!.description).toContain('3714宗');
    await first.bot.stop();

    const second = await startBotOnFake({}, f);
    try {
      const since = f.requests.length;
      f.sendMessage({ channelId: thread, content: `${BOT} 交易金额呢`, mentions: [FAKE.botId], authorId: freshUser() });
      const reply = await f.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${thread}/messages`, 5000, since);
      expect(f.requests.slice(since).some((r) => r.method === 'GET' && r.path === `/api/v10/channels/${thread}/messages`)).toBe(true);
      // Markdown escapes stand before the report's dots (56\\.31): they are not shown
      expect((reply.body as SentMessage).embeds![0]!.description.replace(/\\/g, '')).toContain('56.31亿元');
      expect((reply.body as SentMessage).embeds![0]!.description).toMatch(/沿用上文/);
    } finally {
      await second.bot.stop();
      await f.close();
    }
  });
});

describe('chat with the Message Content intent', () => {
  it('GIVEN MESSAGE_CONTENT_INTENT=true THEN the intent is requested and every message in the bot\'s thread is answered', async () => {
    const { fake: f, bot: b } = await startBotOnFake({ MESSAGE_CONTENT_INTENT: 'true' });
    try {
      expect(f.intents & (1 << 15)).toBe(1 << 15);
      f.sendMessage({ channelId: FAKE.channelId, content: `${BOT} 都市圈日开行动车多少对`, mentions: [FAKE.botId], authorId: freshUser() });
      const first = await f.waitFor((r) => r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path));
      const thread = threadOf(first);
      const since = f.requests.length;
      f.sendMessage({ channelId: thread, content: '那它每天拉多少人', authorId: freshUser() });
      const reply = await f.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${thread}/messages`, 5000, since);
      expect((reply.body as SentMessage).embeds![0]!.description).toContain('3.8万余人次');
      // outside its threads a message still has to mention the bot
      const before = f.requests.length;
      f.sendMessage({ channelId: FAKE.channelId, content: '成资S3线开工了吗', authorId: freshUser() });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(f.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
    } finally {
      await b.stop();
      await f.close();
    }
  });
});
