import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { interact as interactWith, startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

/**
 * /sources add against addresses inside the network, and imports large enough to take seconds:
 * nothing fetched reaches a private address unless the operator trusts it, errors tell nothing of
 * ports, and answers keep flowing while an import runs.
 */

const MANAGE_GUILD = String(1 << 5);
const ADMIN = '480000000000000048';
const PARAGRAPH = '<p>新区今年新增就业岗位4500个,技能培训覆盖1.2万人次,新建学校3所,新增学位5400个,群众满意度持续提高。</p>\n';
/** About 8 MB of article: seconds of extraction. */
const BIG = `<!doctype html><html lang="zh-CN"><head><title>大报告</title><meta name="publisher" content="示例日报"></head><body><article><h1>大报告</h1>${PARAGRAPH.repeat(Math.ceil((8 * 2 ** 20) / Buffer.byteLength(PARAGRAPH)))}</article></body></html>`;

let server: Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/big') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BIG);
    if (request.url === '/stall') {
      // the head, a little of the body, then nothing
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<html><body><p>开头');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><h1>内部</h1><p>机密:内网数据库口令。</p></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const addUrl = (url: string, extra: Array<Record<string, unknown>> = []) =>
  slashCommand('sources', [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: url }, { name: 'date', type: 3, value: '2024-08-02' }, { name: 'publisher', type: 3, value: '示例日报' }, ...extra] }], { permissions: MANAGE_GUILD, userId: ADMIN });

describe('/sources add: addresses inside the network', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  beforeAll(async () => {
    // IMPORT_ALLOWED_HOSTS unset: every private address is refused
    ({ fake, bot } = await startBotOnFake({ AUTO_DEPLOY: 'false', COOLDOWN_QUESTIONS: '100' }));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('GIVEN a page on 127.0.0.1, localhost, [::1], a decimal address, and a closed port THEN each gets the same generic message, no request reaches the server, and no preview is made', async () => {
    const port = new URL(base).port;
    const replies: string[] = [];
    for (const url of [`${base}/secret`, `http://localhost:${port}/secret`, `http://[::1]:${port}/secret`, `http://2130706433:${port}/secret`, 'http://127.0.0.1:1/secret']) {
      const { reply } = await interactWith(fake, addUrl(url));
      expect(reply?.embeds ?? [], url).toEqual([]);
      replies.push(reply?.content ?? '');
    }
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toMatch(/无法导入这个地址/);
    expect(replies[0]).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|port|端口/);
    expect(hits.filter((hit) => hit === '/secret')).toEqual([]);
  });
});

describe('/sources add: a large import', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  let logs: LogLines;
  beforeAll(async () => {
    ({ fake, bot, logs } = await startBotOnFake({ AUTO_DEPLOY: 'false', COOLDOWN_QUESTIONS: '100', IMPORT_ALLOWED_HOSTS: '127.0.0.1', IMPORT_MAX_MB: '10' }));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('GIVEN an 8 MB page importing THEN questions from others keep being acknowledged within 1 s, a second import is told to wait, and the preview comes', async () => {
    const since = fake.requests.length;
    const add = addUrl(`${base}/big`, [{ name: 'id', type: 3, value: 'big' }]);
    fake.send(add);
    // the import is under way once the page is fetched
    await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${add.id}/`), 5000, since);
    const acks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const question = slashCommand('ask', [{ name: 'question', type: 3, value: '都市圈日开行动车多少对' }], { userId: `49000000000000004${i}` });
      const sent = performance.now();
      const before = fake.requests.length;
      fake.send(question);
      const callback = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${question.id}/`), 5000, before);
      acks.push(callback.at - sent);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(Math.max(...acks)).toBeLessThan(1000);
    const second = await interactWith(fake, addUrl(`${base}/big`, [{ name: 'id', type: 3, value: 'big2' }]));
    expect(second.reply?.content).toMatch(/另一个导入/);
    const preview = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(add.token)), 60_000, since);
    expect(JSON.stringify(preview.body)).toMatch(/passages/);
  }, 90_000);

  it('GIVEN a page whose body stalls THEN the admin gets the fetch message, not "something went wrong", and the bot logs the reason', async () => {
    const since = fake.requests.length;
    const add = addUrl(`${base}/stall`, [{ name: 'id', type: 3, value: 'stalled' }]);
    fake.send(add);
    // the body's 10 s idle limit passes first
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(add.token)), 20_000, since);
    const content = (edit.body as { content?: string }).content ?? '';
    expect(content).toMatch(/无法导入这个地址/);
    expect(content).not.toMatch(/出错|ref/);
    expect(await logs.waitFor((line) => line.action === 'import fetch refused or failed')).toMatchObject({ code: 'timeout', reason: expect.stringMatching(/stopped sending for 10 s/) });
  }, 30_000);

  it('GIVEN an attachment over IMPORT_MAX_MB THEN it is refused before it is fetched', async () => {
    const attachment = fake.attach('huge.html', 'text/html', new TextEncoder().encode('x'));
    attachment.size = 11 * 2 ** 20;
    const interaction = slashCommand('sources', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: attachment.id }] }], { permissions: MANAGE_GUILD, userId: ADMIN });
    (interaction.data as Record<string, unknown>).resolved = { attachments: { [String(attachment.id)]: attachment } };
    const since = fake.requests.length;
    const { reply } = await interactWith(fake, interaction);
    expect(reply?.content).toMatch(/11\.0 MB.*最多读取 10 MB/);
    expect(fake.requests.slice(since).some((r) => r.path.startsWith('/attachments/'))).toBe(false);
  });
});
