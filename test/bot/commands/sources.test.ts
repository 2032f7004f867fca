import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { interact as interactWith, startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { GOOD_REPORT, tempCorpus } from '../../helpers/corpus.js';
import { dropDatabases, freshDataDir } from '../../helpers/databases.js';
import { openSqliteStore, sqliteFile } from '../../../src/store/index.js';
import { buttonPress, FAKE, FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

const MANAGE_GUILD = String(1 << 5);
const REPORT = '示例新区工作简报\n\n2024年8月2日\n\n一、就业\n\n新区今年新增就业岗位4500个,技能培训覆盖1.2万人次。\n\n二、教育\n\n新区新建学校3所,新增学位5400个。\n';

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;
let dir: string;

beforeAll(async () => {
  dir = tempCorpus({ 'a.md': GOOD_REPORT });
  // the first server may change the operator's corpus; the fake serves attachments on 127.0.0.1
  ({ fake, bot, logs } = await startBotOnFake({ CORPUS_DIR: dir, COOLDOWN_QUESTIONS: '100', CORPUS_ADMIN_GUILDS: FAKE.guildId, IMPORT_ALLOWED_HOSTS: '127.0.0.1' }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const interact = (interaction: Record<string, unknown>) => interactWith(fake, interaction);

const addFile = (options: Array<Record<string, unknown>>, permissions = MANAGE_GUILD) => {
  const attachment = fake.attach('brief.txt', 'text/plain; charset=utf-8', new TextEncoder().encode(REPORT));
  const interaction = slashCommand('sources', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: attachment.id }, ...options] }], { permissions, userId: '420000000000000042' });
  (interaction.data as Record<string, unknown>).resolved = { attachments: { [String(attachment.id)]: attachment } };
  return interaction;
};

describe('/sources add and remove from Discord', () => {
  it('GIVEN a member without Manage Server THEN adding is refused, and nothing is written', async () => {
    const { reply } = await interact(addFile([{ name: 'publisher', type: 3, value: '示例日报' }, { name: 'link', type: 3, value: 'https://example.org/brief' }], '0'));
    expect(reply?.content).toMatch(/管理服务器/);
  });

  it('GIVEN an attached file missing a field THEN the preview shows its sections and passages first, names the option to give, and Save stays disabled (a crafted press saves nothing)', async () => {
    const { reply } = await interact(addFile([{ name: 'link', type: 3, value: 'https://example.org/brief' }, { name: 'id', type: 3, value: 'brief-missing' }]));
    const description = reply?.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/2 sections, \d+ passages/);
    expect(description).toMatch(/1\. 就业/);
    expect(description).toMatch(/date 2024-08-02 \(a date by the title\)/);
    expect(description).toMatch(/publisher:/);
    const save = reply!.components![0]!.components.find((button) => button.custom_id?.startsWith('import-save:'))!;
    expect(save.disabled).toBe(true);
    const message = [...fake.messages.values()].pop()!;
    const pressed = await interact(buttonPress(save.custom_id!, message, { permissions: MANAGE_GUILD, userId: '420000000000000042' }));
    expect(pressed.reply?.content).not.toMatch(/已保存/);
    expect(existsSync(join(dir, 'brief-missing.md'))).toBe(false);
  });

  it('GIVEN an attached file THEN a private preview with Save and Cancel; Save writes it, reloads, logs who, and /ask answers from it', async () => {
    const { callback, reply } = await interact(addFile([{ name: 'publisher', type: 3, value: '示例日报' }, { name: 'link', type: 3, value: 'https://example.org/brief' }, { name: 'id', type: 3, value: 'brief-2024' }]));
    expect(callback.data?.flags).toBe(64);
    expect(reply?.embeds?.[0]?.description).toMatch(/2 sections/);
    expect(reply?.embeds?.[0]?.description).toMatch(/1\. 就业/);
    const save = reply!.components![0]!.components.find((button) => button.custom_id?.startsWith('import-save:'))!.custom_id!;
    const message = [...fake.messages.values()].pop()!;
    // the Save button is refused to a member without the permission
    const refused = await interact(buttonPress(save, message, { permissions: '0' }));
    expect(refused.reply?.content).toMatch(/管理服务器/);
    expect(existsSync(join(dir, 'brief-2024.md'))).toBe(false);
    const saved = await interact(buttonPress(save, message, { permissions: MANAGE_GUILD, userId: '420000000000000042' }));
    expect(saved.callback.type).toBe(7);
    expect(saved.reply?.content).toMatch(/已保存/);
    expect(existsSync(join(dir, 'brief-2024.md'))).toBe(true);
    expect(await logs.waitFor((line) => line.msg === 'reports changed from Discord')).toMatchObject({ action: 'report added', report: 'brief-2024', user: '420000000000000042' });
    const ask = await interact(slashCommand('ask', [{ name: 'question', type: 3, value: '新增学位多少个' }], { userId: '430000000000000043' }));
    expect(JSON.stringify(ask.reply)).toContain('5400个');
  });

  it('GIVEN /sources remove THEN a confirmation; Remove deletes the report and it no longer answers', async () => {
    const { reply } = await interact(slashCommand('sources', [{ name: 'remove', type: 1, options: [{ name: 'report', type: 3, value: 'brief-2024' }] }], { permissions: MANAGE_GUILD }));
    expect(reply?.content).toMatch(/删除「示例新区工作简报」/);
    const confirm = reply!.components![0]!.components.find((button) => button.custom_id === 'remove-confirm:brief-2024')!.custom_id!;
    const message = [...fake.messages.values()].pop()!;
    const removed = await interact(buttonPress(confirm, message, { permissions: MANAGE_GUILD }));
    expect(removed.reply?.content).toMatch(/已删除/);
    expect(existsSync(join(dir, 'brief-2024.md'))).toBe(false);
    const ask = await interact(slashCommand('ask', [{ name: 'question', type: 3, value: '新增学位多少个' }], { userId: '430000000000000044' }));
    expect(JSON.stringify(ask.reply)).not.toContain('5400个');
  });

  it('GIVEN /sources or /sources list THEN everyone sees the reports', async () => {
    const { reply } = await interact(slashCommand('sources', [{ name: 'list', type: 1 }]));
    expect(JSON.stringify(reply)).toContain('测试报告');
  });
});

describe('/sources add with a store', () => {
  it('GIVEN a preview and then a restart THEN Save still writes the report (the preview is in the store), and only once', async () => {
    const storeDir = freshDataDir();
    const corpus = tempCorpus({ 'a.md': GOOD_REPORT });
    const env = { CORPUS_DIR: corpus, COOLDOWN_QUESTIONS: '100', AUTO_DEPLOY: 'false', CORPUS_ADMIN_GUILDS: FAKE.guildId, IMPORT_ALLOWED_HOSTS: '127.0.0.1' };
    const first = await openSqliteStore(sqliteFile(storeDir));
    const before = await startBotOnFake(env, undefined, first);
    const attachment = before.fake.attach('brief.txt', 'text/plain; charset=utf-8', new TextEncoder().encode(REPORT));
    const add = slashCommand('sources', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: attachment.id }, { name: 'publisher', type: 3, value: '示例日报' }, { name: 'link', type: 3, value: 'https://example.org/brief' }, { name: 'id', type: 3, value: 'kept-2024' }] }], { permissions: MANAGE_GUILD, userId: '420000000000000042' });
    (add.data as Record<string, unknown>).resolved = { attachments: { [String(attachment.id)]: attachment } };
    const { reply } = await interactWith(before.fake, add);
    const save = reply!.components![0]!.components.find((button) => button.custom_id?.startsWith('import-save:'))!.custom_id!;
    const message = [...before.fake.messages.values()].pop()!;
    await before.bot.stop();
    await first.close();

    const second = await openSqliteStore(sqliteFile(storeDir));
    const after = await startBotOnFake(env, before.fake, second);
    try {
      const saved = await interactWith(after.fake, buttonPress(save, message, { permissions: MANAGE_GUILD, userId: '420000000000000042' }));
      expect(saved.reply?.content).toMatch(/已保存/);
      expect(existsSync(join(corpus, 'kept-2024.md'))).toBe(true);
      const again = await interactWith(after.fake, buttonPress(save, message, { permissions: MANAGE_GUILD, userId: '420000000000000042' }));
      expect(again.reply?.content).toMatch(/已过期/);
    } finally {
      await after.bot.stop();
      await after.fake.close();
      await second.close();
      await dropDatabases();
    }
  });
});
