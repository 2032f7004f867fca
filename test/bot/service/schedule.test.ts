import { afterAll, describe, expect, it } from 'vitest';
import { Cron } from 'croner';
import type { Bot } from '../../../src/bot/discord/client.js';
import { Scheduler } from '../../../src/bot/service/scheduler.js';
import { createLogger } from '../../../src/logger.js';
import { openPostgresStore, openSqliteStore, sqliteFile, type Store } from '../../../src/store/index.js';
import { interact, startBotOnFake } from '../../helpers/bot.js';
import { dropDatabases, freshDataDir, freshPostgres, pgAdminUrl } from '../../helpers/databases.js';
import { FAKE, FakeDiscord, slashCommand, type RecordedRequest } from '../../helpers/fake-discord.js';

const MANAGE_GUILD = String(1 << 5);
const ADMIN = '420000000000000042';
const CRON = '0 9 * * *';
const TIMEZONE = 'Asia/Shanghai';

afterAll(dropDatabases);

/** Each engine: two connections to one new database, as two bot processes would hold. */
const engines = [
  {
    name: 'SQLite',
    skip: false,
    open: async (): Promise<[Store, Store]> => {
      const file = sqliteFile(freshDataDir());
      return [await openSqliteStore(file), await openSqliteStore(file)];
    },
  },
  {
    name: 'PostgreSQL',
    skip: !pgAdminUrl,
    open: async (): Promise<[Store, Store]> => {
      const url = await freshPostgres();
      return [await openPostgresStore(url), await openPostgresStore(url)];
    },
  },
] as const;

const isPost = (channelId: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${channelId}/messages`;

describe.each(engines)('scheduled briefings on $name, two bot processes', ({ skip, open }) => {
  it.skipIf(skip)('GIVEN a bad cron expression, time zone or section THEN clear private errors; GIVEN a channel the bot cannot post in THEN the schedule is refused', async () => {
    const [store] = await open();
    const { fake, bot } = await startBotOnFake({}, undefined, store);
    try {
      const add = (options: Array<Record<string, unknown>>) => interact(fake, slashCommand('brief-schedule', [{ name: 'add', type: 1, options }], { permissions: MANAGE_GUILD, userId: ADMIN }));
      const badCron = await add([{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: '61 9 * * *' }]);
      expect(badCron.callback.data?.flags).toBe(64);
      expect(badCron.reply?.content).toMatch(/cron[\s\S]*minute[\s\S]*0 9 \* \* 1/);
      const badZone = await add([{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: CRON }, { name: 'timezone', type: 3, value: 'Mars/Olympus' }]);
      expect(badZone.reply?.content).toMatch(/Mars\/Olympus.*时区/);
      const badSection = await add([{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: CRON }, { name: 'section', type: 3, value: '没有这个部分' }]);
      expect(badSection.reply?.content).toMatch(/没有这个部分,请从列表中选择/);
      const readOnly = await add([{ name: 'channel', type: 7, value: FAKE.readOnlyChannelId }, { name: 'cron', type: 3, value: CRON }]);
      expect(readOnly.reply?.content).toMatch(/Send Messages/);
      const refused = await interact(fake, slashCommand('brief-schedule', [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: CRON }] }], { permissions: '0' }));
      expect(refused.reply?.content).toMatch(/管理服务器/);
      expect(await store.schedules()).toEqual([]);
    } finally {
      await bot.stop();
      await fake.close();
      await store.close();
    }
  });

  it.skipIf(skip)('GIVEN a schedule THEN on a fake clock exactly one of two processes posts the cited briefing, once per run; after downtime one missed run is caught up; new reports are marked', async () => {
    const [storeA, storeB] = await open();
    const fake = await FakeDiscord.start();
    const bots: Bot[] = [];
    try {
      const a = await startBotOnFake({ AUTO_DEPLOY: 'false' }, fake, storeA);
      const b = await startBotOnFake({ AUTO_DEPLOY: 'false' }, fake, storeB);
      bots.push(a.bot, b.bot);
      const added = await interact(fake, slashCommand('brief-schedule', [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: FAKE.channelId }, { name: 'cron', type: 3, value: CRON }] }], { permissions: MANAGE_GUILD, userId: ADMIN }, ), );
      expect(added.reply?.content).toMatch(/已安排 `\w+`/);
      const [schedule] = await storeA.schedules(FAKE.guildId);
      expect(schedule).toMatchObject({ channel: FAKE.channelId, cron: CRON, timezone: TIMEZONE, createdBy: ADMIN });
      const listed = await interact(fake, slashCommand('brief-schedule', [{ name: 'list', type: 1, options: [] }], { permissions: MANAGE_GUILD }));
      expect(listed.reply?.content).toContain(`\`${schedule!.id}\``);

      const runs = new Cron(CRON, { timezone: TIMEZONE, paused: true }).nextRuns(5, new Date(schedule!.createdAt));
      const posts = () => fake.requests.filter(isPost(FAKE.channelId)).filter((r) => JSON.stringify(r.body).includes('简报'));
      const before = posts().length;
      // before the first run: nothing
      await Promise.all([a.bot.scheduler!.tick(runs[0]!.getTime() - 60_000), b.bot.scheduler!.tick(runs[0]!.getTime() - 60_000)]);
      expect(posts()).toHaveLength(before);
      // the first run: both processes tick at once, one posts
      await Promise.all([a.bot.scheduler!.tick(runs[0]!.getTime() + 1000), b.bot.scheduler!.tick(runs[0]!.getTime() + 1000)]);
      expect(posts()).toHaveLength(before + 1);
      const body = JSON.stringify(posts().at(-1)!.body);
      // cited: each key sentence carries its passage id
      expect(body).toMatch(/`cdms-2021-04-15#\d+\.\d+`/);
      expect(body).not.toMatch(/🆕/);
      // ticking again within the same run posts nothing more
      await Promise.all([a.bot.scheduler!.tick(runs[0]!.getTime() + 20_000), b.bot.scheduler!.tick(runs[0]!.getTime() + 20_000)]);
      expect(posts()).toHaveLength(before + 1);
      // down for three runs: at the fourth, one briefing, not three
      await Promise.all([a.bot.scheduler!.tick(runs[3]!.getTime() + 5000), b.bot.scheduler!.tick(runs[3]!.getTime() + 5000)]);
      expect(posts()).toHaveLength(before + 2);
      expect((await storeB.schedules())[0]!.lastRunAt).toBe(runs[3]!.getTime());
      // as if the report had come after the last briefing: the next one marks it as new
      await storeA.finishRun(schedule!.id, runs[3]!.getTime() + 1, []);
      await Promise.all([a.bot.scheduler!.tick(runs[4]!.getTime() + 1000), b.bot.scheduler!.tick(runs[4]!.getTime() + 1000)]);
      expect(posts()).toHaveLength(before + 3);
      expect((posts().at(-1)!.body as { content?: string }).content).toMatch(/🆕 自上次简报以来新增:「七个关键词看懂成德眉资同城化/);
    } finally {
      for (const bot of bots) await bot.stop();
      await fake.close();
      await storeA.close();
      await storeB.close();
    }
  });

  it.skipIf(skip)('GIVEN the scheduler running on real time THEN a run is posted when it falls due, not a tick later', async () => {
    const [store] = await open();
    const { fake, bot, context } = await startBotOnFake({ AUTO_DEPLOY: 'false' }, undefined, store);
    // a scheduler of its own whose gap rule allows a run every 2 seconds (croner's seconds field:
    // the bot's own pauses such a row), so the test need not wait for a minute to turn
    const scheduler = new Scheduler({ store, client: bot.client, engine: (guild) => context.tenants!.view(guild).engine, logger: createLogger('silent'), minGapMs: 1000 });
    try {
      await store.addSchedule({ id: 'rt1', guild: FAKE.guildId, channel: FAKE.channelId, cron: '*/2 * * * * *', timezone: TIMEZONE, section: null, lang: 'zh-CN', createdBy: ADMIN, createdAt: Date.now(), lastRunAt: null, knownReports: null, pausedReason: null });
      const started = Date.now();
      // the regular tick is set to a minute, so only the timer for the next run can post it in time
      scheduler.start(60_000);
      const post = await fake.waitFor(isPost(FAKE.channelId), 5000);
      expect(JSON.stringify(post.body)).toContain('简报');
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await scheduler.stop();
      await bot.stop();
      await fake.close();
      await store.close();
    }
  });

  it.skipIf(skip)('GIVEN a channel the bot can no longer post in THEN the schedule is paused, its creator told by DM, and it is not retried', async () => {
    const [store] = await open();
    const { fake, bot } = await startBotOnFake({ AUTO_DEPLOY: 'false' }, undefined, store);
    try {
      const createdAt = Date.UTC(2026, 0, 1);
      await store.addSchedule({ id: 'ro1', guild: FAKE.guildId, channel: FAKE.readOnlyChannelId, cron: CRON, timezone: TIMEZONE, section: null, lang: 'en', createdBy: ADMIN, createdAt, lastRunAt: null, knownReports: null, pausedReason: null });
      const due = new Cron(CRON, { timezone: TIMEZONE, paused: true }).nextRun(new Date(createdAt))!.getTime() + 1000;
      await bot.scheduler!.tick(due);
      expect((await store.schedules())[0]!.pausedReason).toMatch(/Send Messages/);
      expect(fake.requests.filter(isPost(FAKE.readOnlyChannelId))).toEqual([]);
      const dm = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/7${ADMIN.slice(1)}/messages`);
      expect((dm.body as { content: string }).content).toMatch(/`ro1`.*paused: missing permissions: Send Messages/);
      const requests = fake.requests.length;
      await bot.scheduler!.tick(due + 86_400_000);
      expect(fake.requests.slice(requests).filter((r) => r.method === 'POST')).toEqual([]);
    } finally {
      await bot.stop();
      await fake.close();
      await store.close();
    }
  });
});
