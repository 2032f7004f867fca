import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { BotMetrics, startHealthServer } from '../../../src/bot/service/health.js';
import { startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;

beforeAll(async () => {
  ({ fake, bot, logs } = await startBotOnFake({ HEALTH_PORT: '0' }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const url = (path: string) => `http://127.0.0.1:${bot.health!.port}${path}`;

describe('health and metrics over HTTP', () => {
  it('GIVEN HEALTH_PORT THEN the server listens on 127.0.0.1 and /healthz is 200 while connected', async () => {
    expect(await logs.waitFor((line) => line.msg === 'health and metrics served')).toMatchObject({ host: '127.0.0.1' });
    const response = await fetch(url('/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GIVEN questions answered THEN /metrics counts them by command and outcome, with latency, found rate and corpus size', async () => {
    for (const question of ['成资S3线开工了吗', '四川省省长是谁']) {
      const interaction = slashCommand('ask', [{ name: 'question', type: 3, value: question }], { userId: String(Math.floor(Math.random() * 1e17) + 1e17) });
      fake.send(interaction);
      await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`));
    }
    await logs.waitFor((line) => line.msg === 'interaction' && line.found === false);
    const response = await fetch(url('/metrics'));
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/report_bot_interactions_total\{command="ask",outcome="answered"\} 1/);
    expect(text).toMatch(/report_bot_interactions_total\{command="ask",outcome="not_found"\} 1/);
    expect(text).toMatch(/report_bot_answer_seconds_count\{command="ask"\} 2/);
    expect(text).toMatch(/report_bot_found_rate 0\.5/);
    expect(text).toMatch(/report_bot_corpus_passages 16/);
    expect(text).toMatch(/report_bot_corpus_reloads_total 0/);
    expect(text).toMatch(/process_resident_memory_bytes/);
  });

  it('GIVEN another path or method THEN 404 or 405', async () => {
    expect((await fetch(url('/'))).status).toBe(404);
    expect((await fetch(url('/healthz'), { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN the bot is not connected THEN /healthz is 503', async () => {
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', metrics: new BotMetrics(), healthy: () => false });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await server.close();
    }
  });
});
