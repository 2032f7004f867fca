import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { checkCron, MAX_SCHEDULES_PER_GUILD } from '../../../src/bot/service/scheduler.js';
import { openSqliteStore, sqliteFile, type Store } from '../../../src/store/index.js';
import { interact as interactWith, startBotOnFake } from '../../helpers/bot.js';
import { dropDatabases, freshDataDir } from '../../helpers/databases.js';
import { buttonPress, FAKE, FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

/** Limits against abuse: schedules, threads, and button presses. */

const MANAGE_GUILD = String(1 << 5);
let fake: FakeDiscord;
let bot: Bot;
let store: Store;

beforeAll(async () => {
  store = await openSqliteStore(sqliteFile(freshDataDir()));
  ({ fake, bot } = await startBotOnFake({ AUTO_DEPLOY: 'false', COOLDOWN_QUESTIONS: '3', COOLDOWN_SECONDS: '60', THREADS_PER_MINUTE: '2' }, undefined, store));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
  await dropDatabases();
});

const interact = (interaction: Record<string, unknown>) => interactWith(fake, interaction);
const addSchedule = (cron: string) => interact(slashCommand('brief-schedule', [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: cron }] }], { permissions: MANAGE_GUILD, userId: '450000000000000045' }));

describe('limits against abuse', () => {
  it('GIVEN cron expressions THEN five fields only, at least an hour apart', () => {
    const now = new Date(Date.UTC(2026, 11, 5, 6));
    expect(checkCron('0 9 * * 1', 'Asia/Shanghai', now)).toMatchObject({ ok: true });
    expect(checkCron('0 9,17 * * *', 'Asia/Shanghai', now)).toMatchObject({ ok: true });
    expect(checkCron('0 * * * *', 'Asia/Shanghai', now)).toMatchObject({ ok: true });
    expect(checkCron('* * * * * *', 'Asia/Shanghai', now)).toMatchObject({ ok: false, key: 'scheduleFields', vars: { count: '6' } });
    expect(checkCron('0 9 * *', 'Asia/Shanghai', now)).toMatchObject({ ok: false, key: 'scheduleFields' });
    expect(checkCron('*/30 * * * *', 'Asia/Shanghai', now)).toMatchObject({ ok: false, key: 'scheduleTooOften', vars: { minutes: '30' } });
    expect(checkCron('0,59 9 * * 1', 'Asia/Shanghai', now)).toMatchObject({ ok: false, key: 'scheduleTooOften' });
    // the dense day of a rare expression is found too (every minute of 9:00 on the first of the month)
    expect(checkCron('* 9 1 * *', 'Asia/Shanghai', now)).toMatchObject({ ok: false, key: 'scheduleTooOften', vars: { minutes: '1' } });
  });

  it('GIVEN /brief-schedule add every second, or every minute THEN it is refused and nothing is stored; hourly is accepted up to the per-server maximum', async () => {
    expect((await addSchedule('* * * * * *')).reply?.content).toMatch(/五个字段/);
    expect((await addSchedule('* * * * *')).reply?.content).toMatch(/每小时一次/);
    expect(await store.schedules(FAKE.guildId)).toEqual([]);
    for (let i = 0; i < MAX_SCHEDULES_PER_GUILD; i++) expect((await addSchedule(`${i} 9 * * 1`)).reply?.content).not.toMatch(/已有|最多/);
    expect(await store.schedules(FAKE.guildId)).toHaveLength(MAX_SCHEDULES_PER_GUILD);
    expect((await addSchedule('30 10 * * 1')).reply?.content).toMatch(new RegExp(`${MAX_SCHEDULES_PER_GUILD}`));
    expect(await store.schedules(FAKE.guildId)).toHaveLength(MAX_SCHEDULES_PER_GUILD);
    for (const schedule of await store.schedules(FAKE.guildId)) await store.removeSchedule(FAKE.guildId, schedule.id);
  });

  it('GIVEN a stored schedule that runs every second (written before the rules) THEN the scheduler pauses it and posts nothing', async () => {
    await store.addSchedule({ id: 'old1', guild: FAKE.guildId, channel: FAKE.channelId, cron: '* * * * * *', timezone: 'Asia/Shanghai', section: null, lang: 'zh-CN', createdBy: '450000000000000045', createdAt: Date.now() - 60_000, lastRunAt: null, knownReports: null, pausedReason: null });
    const since = fake.requests.length;
    await bot.scheduler!.tick(Date.now());
    expect((await store.schedules(FAKE.guildId)).find(({ id }) => id === 'old1')?.pausedReason).toMatch(/once an hour/);
    expect(fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${FAKE.channelId}/messages`)).toEqual([]);
    await store.removeSchedule(FAKE.guildId, 'old1');
  });

  it('GIVEN more mentions in a channel within a minute than THREADS_PER_MINUTE THEN that many threads are started and the rest are answered in place', async () => {
    const since = fake.requests.length;
    for (let i = 0; i < 5; i++) fake.sendMessage({ channelId: FAKE.channelId, content: `<@${FAKE.botId}> 都市圈日开行动车多少对`, mentions: [FAKE.botId], authorId: `46000000000000004${i}` });
    await fake.waitFor(() => fake.requests.slice(since).filter((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path)).length >= 5, 10_000, since);
    const made = fake.requests.slice(since);
    expect(made.filter((r) => r.method === 'POST' && r.path.endsWith('/threads'))).toHaveLength(2);
    expect(made.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${FAKE.channelId}/messages`)).toHaveLength(3);
  });

  it('GIVEN a user pressing buttons fast THEN the presses count toward the same cooldown as questions', async () => {
    const user = '470000000000000047';
    const asked = await interact(slashCommand('ask', [{ name: 'question', type: 3, value: '都市圈日开行动车多少对' }], { userId: user }));
    const more = asked.reply!.components!.flatMap((row) => row.components).find((button) => button.custom_id?.startsWith('more:'))!.custom_id!;
    const message = [...fake.messages.values()].pop()!;
    const first = await interact(buttonPress(more, message, { userId: user }));
    expect(first.reply?.content ?? '').not.toMatch(/太快|稍后/);
    await interact(buttonPress(more, message, { userId: user }));
    const fourth = await interact(buttonPress(more, message, { userId: user }));
    expect(fourth.reply?.content).toMatch(/\d+ 秒/);
    // another user is not held up
    const other = await interact(buttonPress(more, message, { userId: '470000000000000048' }));
    expect(other.reply?.content ?? '').not.toMatch(/\d+ 秒后/);
  });
});
