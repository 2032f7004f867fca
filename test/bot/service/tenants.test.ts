import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import type { BotContext } from '../../../src/bot/commands/command.js';
import { openSqliteStore, sqliteFile, type Store } from '../../../src/store/index.js';
import { interact as interactWith, startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { tempCorpus } from '../../helpers/corpus.js';
import { dropDatabases, freshDataDir } from '../../helpers/databases.js';
import { autocomplete, buttonPress, FAKE, FakeDiscord, modalSubmit, slashCommand } from '../../helpers/fake-discord.js';

/**
 * Two servers on one bot (the fake Discord's first server, A, and its second, B), and DMs: what
 * one server adds, asks and votes stays in that server.
 */

const MANAGE_GUILD = String(1 << 5);
const ADMIN_B = '420000000000000077';
const OTHER_ADMIN_B = '420000000000000078';
const REPORT_B = '滨河新区工作简报\n\n2024年8月2日\n\n一、就业\n\n滨河新区今年新增就业岗位4500个,技能培训覆盖1.2万人次。\n\n二、教育\n\n滨河新区新建学校3所,新增学位5400个。\n';

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;
let context: BotContext;
let store: Store;
let corpus: string;
let guildsDir: string;

beforeAll(async () => {
  // a copy of the shipped report: a test that failed to protect it must not delete the real file
  corpus = tempCorpus({});
  for (const name of readdirSync('corpus')) copyFileSync(join('corpus', name), join(corpus, name));
  guildsDir = join(freshDataDir(), 'reports');
  store = await openSqliteStore(sqliteFile(freshDataDir()));
  ({ fake, bot, logs, context } = await startBotOnFake({ CORPUS_DIR: corpus, GUILD_CORPUS_DIR: guildsDir, COOLDOWN_QUESTIONS: '1000', AUTO_DEPLOY: 'false', IMPORT_ALLOWED_HOSTS: '127.0.0.1' }, undefined, store));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
  await dropDatabases();
});

const interact = (interaction: Record<string, unknown>) => interactWith(fake, interaction);
const inB = { guild: FAKE.guildBId } as const;
const ask = (question: string, where: { guild?: string | null } = {}) => interact(slashCommand('ask', [{ name: 'question', type: 3, value: question }], { userId: '430000000000000043', ...where }));

/** /sources add in server B with the report attached, as `user`. */
function addInB(options: Array<Record<string, unknown>>, user = ADMIN_B): Record<string, unknown> {
  const attachment = fake.attach(`b-${Math.random().toString(36).slice(2)}.txt`, 'text/plain; charset=utf-8', new TextEncoder().encode(REPORT_B));
  const interaction = slashCommand('sources', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: attachment.id }, { name: 'publisher', type: 3, value: '滨河日报' }, { name: 'link', type: 3, value: 'https://example.org/binhe' }, ...options] }], { permissions: MANAGE_GUILD, userId: user, ...inB });
  (interaction.data as Record<string, unknown>).resolved = { attachments: { [String(attachment.id)]: attachment } };
  return interaction;
}

/** The custom id of a button of a reply, and the message it is on. */
function buttonOf(reply: Awaited<ReturnType<typeof interact>>['reply'], prefix: string): { id: string; message: Record<string, unknown> } {
  const id = reply!.components!.flatMap((row) => row.components).find((button) => button.custom_id?.startsWith(prefix))!.custom_id!;
  return { id, message: [...fake.messages.values()].pop()! };
}

describe('reports per server', () => {
  it('GIVEN server B adds a report THEN B answers from it; A, DMs, A\'s /sources, autocomplete and /brief never see it; the global index is not rebuilt', async () => {
    const globalPassages = context.tenants!.global.passages;
    const { reply } = await interact(addInB([{ name: 'id', type: 3, value: 'binhe-2024' }]));
    const save = buttonOf(reply, 'import-save:');
    const saved = await interact(buttonPress(save.id, save.message, { permissions: MANAGE_GUILD, userId: ADMIN_B, ...inB }));
    expect(saved.reply?.content).toMatch(/已保存/);
    expect(existsSync(join(guildsDir, FAKE.guildBId, 'binhe-2024.md'))).toBe(true);
    expect(existsSync(join(corpus, 'binhe-2024.md'))).toBe(false);
    // only server B's reports were loaded again
    expect(await logs.waitFor((line) => line.msg === 'corpus reloaded' && line.scope === FAKE.guildBId)).toMatchObject({ added: ['binhe-2024'] });
    expect(context.tenants!.global.passages).toBe(globalPassages);

    expect(JSON.stringify((await ask('滨河新区新增学位多少个', inB)).reply)).toContain('5400个');
    expect(JSON.stringify((await ask('滨河新区新增学位多少个')).reply)).not.toContain('5400');
    expect(JSON.stringify((await ask('滨河新区新增学位多少个', { guild: null })).reply)).not.toContain('5400');
    // both servers still answer from the operator's report
    expect(JSON.stringify((await ask('成资S3线开工了吗', inB)).reply)).toContain('成资S3线');

    const listA = JSON.stringify((await interact(slashCommand('sources', [{ name: 'list', type: 1 }]))).reply);
    expect(listA).not.toContain('滨河');
    const listB = JSON.stringify((await interact(slashCommand('sources', [{ name: 'list', type: 1 }], inB))).reply);
    expect(listB).toMatch(/滨河新区工作简报 \(本服务器添加\)/);
    expect(listB).toContain('七个关键词');

    const suggest = async (where: { guild?: string }) => {
      const since = fake.requests.length;
      const interaction = autocomplete('ask', 'question', '新增学位', where);
      fake.send(interaction);
      return JSON.stringify((await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 5000, since)).body);
    };
    expect(await suggest(inB)).toContain('新增学位');
    expect(await suggest({})).not.toContain('滨河');

    expect(JSON.stringify((await interact(slashCommand('brief', [], inB))).reply)).toContain('滨河');
    expect(JSON.stringify((await interact(slashCommand('brief', []))).reply)).not.toContain('滨河');
    expect(JSON.stringify((await interact(slashCommand('brief', [{ name: 'report', type: 3, value: 'binhe-2024' }]))).reply)).not.toContain('5400');
  });

  it('GIVEN a passage button of B\'s report pressed in A THEN A is shown nothing of it', async () => {
    const passageId = context.tenants!.view(FAKE.guildBId).engine.passages.find((passage) => passage.documentId === 'binhe-2024')!.id;
    const message = [...fake.messages.values()].pop()!;
    const shown = await interact(buttonPress(`passage:${passageId}`, message, { userId: '430000000000000043' }));
    expect(JSON.stringify(shown.reply)).not.toContain('滨河');
  });

  it('GIVEN a mention in B\'s channel and in A\'s THEN chat answers each from its own server\'s reports', async () => {
    const mention = async (channelId: string) => {
      const since = fake.requests.length;
      fake.sendMessage({ channelId, content: `<@${FAKE.botId}> 滨河新区新增学位多少个`, mentions: [FAKE.botId], authorId: '430000000000000099' });
      return JSON.stringify((await fake.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path), 5000, since)).body);
    };
    expect(await mention(FAKE.channelBId)).toContain('5400个');
    expect(await mention(FAKE.channelId)).not.toContain('5400');
  });

  it('GIVEN a Manage Server member of B THEN B cannot remove the operator\'s report, by command or by a crafted button, and A still answers from it', async () => {
    const globalId = [...context.tenants!.global.documents.keys()][0]!;
    const refused = await interact(slashCommand('sources', [{ name: 'remove', type: 1, options: [{ name: 'report', type: 3, value: globalId }] }], { permissions: MANAGE_GUILD, userId: ADMIN_B, ...inB }));
    expect(refused.reply?.content).toMatch(/不是本服务器添加的/);
    const message = [...fake.messages.values()].pop()!;
    const crafted = await interact(buttonPress(`remove-confirm:${globalId}`, message, { permissions: MANAGE_GUILD, userId: ADMIN_B, ...inB }));
    expect(crafted.reply?.content).toMatch(/不是本服务器添加的/);
    expect(existsSync(join(corpus, `${globalId}.md`))).toBe(true);
    expect(JSON.stringify((await ask('成资S3线开工了吗')).reply)).toMatch(/市域铁路\**成资S3线/);
    // the remove option offers B its own reports only
    const since = fake.requests.length;
    const choices = autocomplete('sources', 'report', '', { permissions: MANAGE_GUILD, ...inB });
    (choices.data as { options: unknown[] }).options = [{ name: 'remove', type: 1, options: [{ name: 'report', type: 3, value: '', focused: true }] }];
    fake.send(choices);
    const offered = (await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${choices.id}/`), 5000, since)).body as { data: { choices: Array<{ value: string }> } };
    expect(offered.data.choices.map(({ value }) => value)).toEqual(['binhe-2024']);
  });

  it('GIVEN ids that leave the folder or stop a reload (../escaped, !!!) THEN each is refused with the option named, and nothing is written', async () => {
    for (const id of ['../escaped', '!!!', '..', 'a/b']) {
      const { reply } = await interact(addInB([{ name: 'id', type: 3, value: id }]));
      expect(reply?.content, id).toMatch(/id: 选项不可用/);
    }
    expect(existsSync(join(guildsDir, 'escaped.md'))).toBe(false);
    expect(existsSync(resolve(guildsDir, FAKE.guildBId, '..', 'escaped.md'))).toBe(false);
    expect(readdirSync(join(guildsDir, FAKE.guildBId))).toEqual(['binhe-2024.md']);
  });

  it('GIVEN a link over 512 characters THEN it is refused at import with the option named', async () => {
    const { reply } = await interact(addInB([{ name: 'id', type: 3, value: 'long-link' }, { name: 'link', type: 3, value: `https://example.org/${'x'.repeat(600)}` }]));
    expect(reply?.content).toMatch(/link: 选项不可用.*512/);
  });

  it('GIVEN B\'s preview THEN another admin of B, or its maker pressing in A, cannot save it; its maker in B can', async () => {
    const { reply } = await interact(addInB([{ name: 'id', type: 3, value: 'binhe-second' }]));
    const save = buttonOf(reply, 'import-save:');
    const other = await interact(buttonPress(save.id, save.message, { permissions: MANAGE_GUILD, userId: OTHER_ADMIN_B, ...inB }));
    expect(other.reply?.content).toMatch(/不是你的/);
    const elsewhere = await interact(buttonPress(save.id, save.message, { permissions: MANAGE_GUILD, userId: ADMIN_B }));
    expect(elsewhere.reply?.content).toMatch(/不是你的/);
    expect(existsSync(join(guildsDir, FAKE.guildBId, 'binhe-second.md'))).toBe(false);
    const mine = await interact(buttonPress(save.id, save.message, { permissions: MANAGE_GUILD, userId: ADMIN_B, ...inB }));
    expect(mine.reply?.content).toMatch(/已保存/);
  });

  it('GIVEN a Save whose reload is refused (a broken file beside it) THEN the save is rolled back, the reason told, and B keeps answering', async () => {
    const { reply } = await interact(addInB([{ name: 'id', type: 3, value: 'binhe-third' }]));
    const save = buttonOf(reply, 'import-save:');
    writeFileSync(join(guildsDir, FAKE.guildBId, 'stray.lexicon.yaml'), 'terms: []\n');
    try {
      const rolled = await interact(buttonPress(save.id, save.message, { permissions: MANAGE_GUILD, userId: ADMIN_B, ...inB }));
      expect(rolled.reply?.content).toMatch(/未保存:报告无法加载.*lexicon/);
      expect(existsSync(join(guildsDir, FAKE.guildBId, 'binhe-third.md'))).toBe(false);
    } finally {
      // eslint-disable-next-line
      (await import('node:fs')).rmSync(join(guildsDir, FAKE.guildBId, 'stray.lexicon.yaml'));
    }
    expect(JSON.stringify((await ask('滨河新区新增学位多少个', inB)).reply)).toContain('5400个');
  });
});

describe('data per server', () => {
  it('GIVEN questions in A, in B and in a DM THEN /gaps in B lists B\'s alone', async () => {
    // questions the report does not answer well: listed by /gaps as unanswered or low-confidence
    await ask('qwzxv plorf server-a', {});
    await ask('qwzxv plorf dm-only', { guild: null });
    await ask('qwzxv plorf server-b', inB);
    await bot.chat?.idle();
    await context.memory!.writes.flush();
    const gaps = JSON.stringify((await interact(slashCommand('gaps', [], { permissions: MANAGE_GUILD, ...inB }))).reply);
    expect(gaps).toContain('qwzxv plorf server-b');
    expect(gaps).not.toContain('server-a');
    expect(gaps).not.toContain('dm-only');
  });

  it('GIVEN A\'s answer id voted on in B, or a made-up id commented on THEN nothing is stored; a vote in A on A\'s answer is', async () => {
    const answered = await ask('成资S3线开工了吗');
    const voteDown = buttonOf(answered.reply, 'vote:down:');
    const answerId = voteDown.id.split(':')[2]!;
    await context.memory!.writes.flush();
    await interact(buttonPress(`vote:up:${answerId}`, voteDown.message, { userId: '440000000000000044', ...inB }));
    await interact(modalSubmit('vote-comment:made-up-id', { expected: '编造的' }, voteDown.message, { userId: '440000000000000044' }));
    await context.memory!.writes.flush();
    expect(await store.voteOf(answerId, '440000000000000044')).toBeNull();
    expect(await store.voteOf('made-up-id', '440000000000000044')).toBeNull();
    await interact(buttonPress(`vote:up:${answerId}`, voteDown.message, { userId: '440000000000000044' }));
    await context.memory!.writes.flush();
    expect(await store.voteOf(answerId, '440000000000000044')).toMatchObject({ value: 1, guild: FAKE.guildId });
  });

  it('GIVEN a channel of A named in B\'s /settings chat or /brief-schedule add THEN it is refused; B\'s own channel is accepted', async () => {
    const settings = (channel: string) => interact(slashCommand('settings', [{ name: 'chat', type: 1, options: [{ name: 'channel', type: 7, value: channel }, { name: 'mode', type: 3, value: 'off' }] }], { permissions: MANAGE_GUILD, ...inB }));
    expect((await settings(FAKE.channelId)).reply?.content).toMatch(/不属于本服务器/);
    expect(await store.channelSettings(FAKE.channelId)).toBeNull();
    expect((await settings(FAKE.channelBId)).reply?.content).not.toMatch(/不属于本服务器/);
    const schedule = await interact(slashCommand('brief-schedule', [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: '0 9 * * 1' }] }], { permissions: MANAGE_GUILD, ...inB }));
    expect(schedule.reply?.content).toMatch(/不属于本服务器/);
    expect(await store.schedules(FAKE.guildBId)).toEqual([]);
  });

  it('GIVEN /privacy forget-me THEN the asker\'s votes are gone, everywhere, and others\' stay', async () => {
    const answered = await ask('成资S3线开工了吗', inB);
    const up = buttonOf(answered.reply, 'vote:up:');
    await context.memory!.writes.flush();
    await interact(buttonPress(up.id, up.message, { userId: '440000000000000044', ...inB }));
    await interact(buttonPress(up.id, up.message, { userId: '440000000000000045', ...inB }));
    await context.memory!.writes.flush();
    const answerId = up.id.split(':')[2]!;
    expect(await store.voteOf(answerId, '440000000000000044')).not.toBeNull();
    const { callback, reply } = await interact(slashCommand('privacy', [{ name: 'forget-me', type: 1 }], { userId: '440000000000000044', guild: null }));
    expect(callback.data?.flags).toBe(64);
    expect(reply?.content).toMatch(/删除了你的 2 条投票和留言/);
    expect(await store.voteOf(answerId, '440000000000000044')).toBeNull();
    expect(await store.voteOf(answerId, '440000000000000045')).not.toBeNull();
  });

  it('GIVEN scheduled briefings in A and in B THEN each briefs its own server\'s reports', async () => {
    const base = { cron: '0 9 * * *', timezone: 'Asia/Shanghai', section: null, lang: 'zh-CN', createdBy: ADMIN_B, createdAt: Date.UTC(2026, 0, 1), lastRunAt: null, knownReports: null, pausedReason: null };
    await store.addSchedule({ ...base, id: 'sa', guild: FAKE.guildId, channel: FAKE.channelId });
    await store.addSchedule({ ...base, id: 'sb', guild: FAKE.guildBId, channel: FAKE.channelBId });
    const since = fake.requests.length;
    await bot.scheduler!.tick(Date.UTC(2026, 0, 2, 2));
    const posted = (channel: string) => JSON.stringify(fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`).map((r) => r.body));
    expect(posted(FAKE.channelBId)).toContain('滨河');
    expect(posted(FAKE.channelId)).toContain('七个关键词');
    expect(posted(FAKE.channelId)).not.toContain('滨河');
    for (const [guild, id] of [[FAKE.guildId, 'sa'], [FAKE.guildBId, 'sb']] as const) await store.removeSchedule(guild, id);
  });

  it('GIVEN the bot removed from B THEN B is noted as left (an outage is not), and after the grace period its rows and reports are deleted', async () => {
    fake.removeFromGuild(FAKE.guildId, true);
    fake.removeFromGuild(FAKE.guildBId);
    await logs.waitFor((line) => line.msg === 'left a server; its data is deleted after the grace period' && line.guild === FAKE.guildBId);
    await context.memory!.writes.flush();
    expect(await store.departedBefore(Date.now() + 1)).toEqual([FAKE.guildBId]);
    const { sweepDeparted } = await import('../../../src/bot/service/forget.js');
    const forgotten = await sweepDeparted({ store, guildsDir, afterDays: 0, logger: (await import('../../../src/logger.js')).createLogger('silent'), stillServed: (guild) => bot.client.guilds.cache.has(guild), onForgotten: (guild) => context.tenants!.drop(guild) });
    expect(forgotten).toEqual([FAKE.guildBId]);
    expect(existsSync(join(guildsDir, FAKE.guildBId))).toBe(false);
    expect(await store.gaps({ guild: FAKE.guildBId, since: 0, lowConfidenceBelow: 0.7, limit: 10 })).toMatchObject({ totals: { questions: 0, up: 0, down: 0 } });
    expect(await store.guildSettings(FAKE.guildBId)).toEqual([]);
    // server A's rows stay
    expect((await store.gaps({ guild: FAKE.guildId, since: 0, lowConfidenceBelow: 0.7, limit: 10 })).totals.questions).toBeGreaterThan(0);
  });
});
