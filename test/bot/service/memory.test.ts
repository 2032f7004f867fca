import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import type { BotContext } from '../../../src/bot/commands/command.js';
import { openSqliteStore, sqliteFile, type Store } from '../../../src/store/index.js';
import { interact, startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { dropDatabases, freshDataDir } from '../../helpers/databases.js';
import { buttonPress, FAKE, FakeDiscord, messageCommand, modalSubmit, slashCommand, type RecordedRequest } from '../../helpers/fake-discord.js';

const MANAGE_GUILD = String(1 << 5);
const ADMIN = '420000000000000042';

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;
let context: BotContext;
let store: Store;

beforeAll(async () => {
  store = await openSqliteStore(sqliteFile(freshDataDir()));
  ({ fake, bot, logs, context } = await startBotOnFake({ COOLDOWN_QUESTIONS: '100' }, undefined, store));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
  await dropDatabases();
});

const ask = (question: string, userId = '430000000000000043') => interact(fake, slashCommand('ask', [{ name: 'question', type: 3, value: question }], { userId }));
const buttonIds = (reply: Awaited<ReturnType<typeof ask>>['reply']) => (reply?.components ?? []).flatMap((row) => row.components.map((button) => button.custom_id ?? ''));
const lastBotMessage = () => [...fake.messages.values()].pop()!;
/** Waits until the bot has queued the answer's log row (its log line names it), then until it is written. */
async function written(answerId: string): Promise<void> {
  await logs.waitFor((line) => line.answer === answerId);
  await context.memory!.writes.flush();
}
/** The answer id its 👍 button carries. */
const answerIdOf = (reply: Awaited<ReturnType<typeof ask>>['reply']) => buttonIds(reply).find((id) => id.startsWith('vote:up:'))!.slice('vote:up:'.length);

describe('feedback on answers', () => {
  it('GIVEN an answer THEN it carries 👍 and 👎 for its logged question, which records how it was asked', async () => {
    const { reply } = await ask('成资S3线开工了吗');
    const id = answerIdOf(reply);
    expect(buttonIds(reply)).toEqual(expect.arrayContaining([`vote:up:${id}`, `vote:down:${id}`]));
    await written(id);
    const logged = await store.question(id);
    expect(logged).toMatchObject({ via: 'slash', found: true, guild: FAKE.guildId, channel: FAKE.channelId, question: '成资S3线开工了吗', questionKey: '成资s3线开工了吗' });
    expect(logged!.confidence).toBeGreaterThan(0.5);
    expect(logged!.passageIds.length).toBeGreaterThan(0);
  });

  it('GIVEN 👍 then 👎 from one user THEN one vote is kept and changed; 👎 opens the modal, whose text is stored; each press gets a private thank-you and the answer is not edited', async () => {
    const { reply } = await ask('日开行动车多少对');
    const id = answerIdOf(reply);
    const message = lastBotMessage();
    const up = await interact(fake, buttonPress(`vote:up:${id}`, message, { userId: '440000000000000044' }));
    expect(up.callback.type).toBe(4);
    expect(up.reply).toMatchObject({ flags: 64, content: expect.stringMatching(/谢谢/) });
    await context.memory!.writes.flush();
    expect(await store.voteOf(id, '440000000000000044')).toMatchObject({ value: 1 });
    const down = await interact(fake, buttonPress(`vote:down:${id}`, message, { userId: '440000000000000044' }));
    // 9: the modal, "what did you expect?"
    expect(down.callback).toMatchObject({ type: 9, data: { custom_id: `vote-comment:${id}` } });
    await context.memory!.writes.flush();
    expect(await store.voteOf(id, '440000000000000044')).toMatchObject({ value: -1, comment: null });
    const submitted = await interact(fake, modalSubmit(`vote-comment:${id}`, { expected: '我想知道每天的班次时间' }, message, { userId: '440000000000000044' }));
    expect(submitted.reply).toMatchObject({ flags: 64, content: expect.stringMatching(/团队会看到/) });
    await context.memory!.writes.flush();
    expect(await store.voteOf(id, '440000000000000044')).toMatchObject({ value: -1, comment: '我想知道每天的班次时间' });
    // no press edited the answer for everyone: no update callback (7), no edit of the original
    const presses = fake.requests.filter((r) => r.path.includes('/callback') && (r.body as { type?: number }).type === 7);
    expect(presses).toHaveLength(0);
  });

  it('GIVEN "Ask the report" on a message THEN its answer is logged as asked from the context menu', async () => {
    const { reply } = await interact(fake, messageCommand('Ask the report', '日开行动车多少对'));
    const id = answerIdOf(reply);
    await written(id);
    expect(await store.question(id)).toMatchObject({ via: 'context-menu', found: true, question: '日开行动车多少对' });
  });

  it('GIVEN a mention in a channel THEN the answer in its thread has the buttons too, logged as a mention', async () => {
    const since = fake.requests.length;
    fake.sendMessage({ channelId: FAKE.channelId, content: `<@${FAKE.botId}> 成资S3线开工了吗`, mentions: [FAKE.botId], authorId: '450000000000000045' });
    const sent = await fake.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && JSON.stringify(r.body).includes('vote:up:'), 5000, since);
    const id = JSON.stringify(sent.body).match(/vote:up:([\w-]+)/)![1]!;
    await written(id);
    expect(await store.question(id)).toMatchObject({ via: 'mention', found: true });
  });

  it('GIVEN 答错了 after an answer in its thread THEN it is that user\'s 👎 on the answer, told in one line, and a follow-up after it still follows the answer', async () => {
    const since = fake.requests.length;
    fake.sendMessage({ channelId: FAKE.channelId, content: `<@${FAKE.botId}> 都市圈日开行动车多少对`, mentions: [FAKE.botId], authorId: '451000000000000045' });
    const sent = await fake.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && JSON.stringify(r.body).includes('vote:up:'), 5000, since);
    const id = JSON.stringify(sent.body).match(/vote:up:([\w-]+)/)![1]!;
    const thread = /channels\/(\d+)\/messages/.exec(sent.path)![1]!;
    await written(id);
    const before = fake.requests.length;
    fake.sendMessage({ channelId: thread, content: `<@${FAKE.botId}> 答错了`, mentions: [FAKE.botId], authorId: '452000000000000045' });
    const told = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${thread}/messages`, 5000, before);
    expect((told.body as { content: string }).content).toMatch(/已把上一个答案记为 👎/);
    await logs.waitFor((line) => line.msg === 'message' && line.vote === -1);
    await context.memory!.writes.flush();
    expect(await store.voteOf(id, '452000000000000045')).toMatchObject({ value: -1 });
    const after = fake.requests.length;
    fake.sendMessage({ channelId: thread, content: `<@${FAKE.botId}> 日均客流量呢`, mentions: [FAKE.botId], authorId: '452000000000000045' });
    const followed = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${thread}/messages`, 5000, after);
    expect(JSON.stringify(followed.body)).toContain('3.8万余人次');
  });
});

describe('/gaps', () => {
  it('GIVEN an abstained question THEN /gaps lists it with its count, and the 👎 with its comment', async () => {
    await written(answerIdOf((await ask('请问火星基地的门票多少钱?')).reply));
    await written(answerIdOf((await ask('火星基地的门票多少钱')).reply));
    const { callback, reply } = await interact(fake, slashCommand('gaps', [{ name: 'days', type: 4, value: 7 }], { permissions: MANAGE_GUILD, userId: ADMIN }));
    expect(callback.data?.flags).toBe(64);
    const fields = reply!.embeds![0]!.fields!;
    expect(fields[0]!.value).toMatch(/^2× .*火星基地的门票多少钱/);
    expect(fields[2]!.value).toContain('我想知道每天的班次时间');
    expect(reply!.embeds![0]!.description).toMatch(/未找到/);
  });

  it('GIVEN a member without Manage Server THEN /gaps is refused and shows nothing', async () => {
    const { reply } = await interact(fake, slashCommand('gaps', [], { permissions: '0' }));
    expect(reply?.content).toMatch(/管理服务器/);
    expect(reply?.embeds ?? []).toEqual([]);
  });

  it('GIVEN the definition THEN Discord shows /gaps, /settings and /brief-schedule only to Manage Server, in servers', () => {
    for (const name of ['gaps', 'settings', 'brief-schedule']) {
      const deployed = fake.requests.findLast((r) => r.method === 'PUT' && r.path.endsWith('/commands'))!.body as Array<{ name: string; default_member_permissions?: string; contexts?: number[] }>;
      expect(deployed.find((command) => command.name === name)).toMatchObject({ default_member_permissions: MANAGE_GUILD, contexts: [0] });
    }
  });
});

describe('/settings', () => {
  it('GIVEN chat set to off in a channel THEN a mention there is not answered, /settings show lists it, and mention brings it back', async () => {
    const set = await interact(fake, slashCommand('settings', [{ name: 'chat', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.noThreadsChannelId }, { name: 'mode', type: 3, value: 'off' }] }], { permissions: MANAGE_GUILD, userId: ADMIN }));
    expect(set.reply?.content).toMatch(/已保存/);
    expect((await store.channelSettings(FAKE.noThreadsChannelId))?.mode).toBe('off');
    const since = fake.requests.length;
    fake.sendMessage({ channelId: FAKE.noThreadsChannelId, content: `<@${FAKE.botId}> 成资S3线开工了吗`, mentions: [FAKE.botId] });
    await logs.waitFor((line) => line.msg === 'message' || line.msg === 'interaction', 300).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path.includes(FAKE.noThreadsChannelId))).toEqual([]);
    const show = await interact(fake, slashCommand('settings', [{ name: 'show', type: 1, options: [] }], { permissions: MANAGE_GUILD }));
    expect(show.reply?.content).toContain(`<#${FAKE.noThreadsChannelId}> — off`);
    await interact(fake, slashCommand('settings', [{ name: 'chat', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.noThreadsChannelId }, { name: 'mode', type: 3, value: 'mention' }] }], { permissions: MANAGE_GUILD, userId: ADMIN }));
    const again = fake.requests.length;
    fake.sendMessage({ channelId: FAKE.noThreadsChannelId, content: `<@${FAKE.botId}> 成资S3线开工了吗`, mentions: [FAKE.botId], authorId: '460000000000000046' });
    await fake.waitFor((r: RecordedRequest) => r.method === 'POST' && r.path.includes(`/channels/${FAKE.noThreadsChannelId}/messages`), 5000, again);
  });

  it('GIVEN a member without Manage Server THEN /settings changes nothing', async () => {
    const { reply } = await interact(fake, slashCommand('settings', [{ name: 'chat', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'mode', type: 3, value: 'off' }] }], { permissions: '0' }));
    expect(reply?.content).toMatch(/管理服务器/);
    expect(await store.channelSettings(FAKE.channelId)).toBeNull();
  });
});

describe('chat mode all (a channel setting)', () => {
  it('GIVEN a channel set to all and the Message Content intent THEN a message the report answers gets its answer unasked, and chatter gets nothing', async () => {
    const own = await openSqliteStore(sqliteFile(freshDataDir()));
    const started = await startBotOnFake({ MESSAGE_CONTENT_INTENT: 'true', CHAT_THREADS: 'false', AUTO_DEPLOY: 'false' }, undefined, own);
    try {
      await started.context.memory!.setChatBehaviour(FAKE.guildId, FAKE.channelId, { mode: 'all', threads: false }, ADMIN);
      const posts = () => started.fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${FAKE.channelId}/messages`);
      started.fake.sendMessage({ channelId: FAKE.channelId, content: '今天中午大家吃什么', authorId: '470000000000000047' });
      await started.logs.waitFor((line) => line.msg === 'message');
      expect(posts()).toEqual([]);
      started.fake.sendMessage({ channelId: FAKE.channelId, content: '成资S3线开工了吗', authorId: '470000000000000047' });
      const answer = await started.fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${FAKE.channelId}/messages`);
      expect(JSON.stringify(answer.body)).toMatch(/vote:up:/);
      const line = await started.logs.waitFor((entry) => typeof entry.answer === 'string');
      await started.context.memory!.writes.flush();
      expect(await own.question(String(line.answer))).toMatchObject({ via: 'channel', found: true });
    } finally {
      await started.bot.stop();
      await started.fake.close();
      await own.close();
    }
  });
});
