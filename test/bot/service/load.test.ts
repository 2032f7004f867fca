import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { startBotOnFake } from '../../helpers/bot.js';
import { autocomplete, FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

const QUESTIONS = ['成资S3线开工了吗', '日开行动车多少对', '川芎产值同比增长多少', 'How many schools in Chengdu pair up?', '成都的人口有多少', '就医一码通'];

describe('a burst of questions', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  beforeAll(async () => {
    ({ fake, bot } = await startBotOnFake({ LOG_LEVEL: 'warn' }));
  });
  afterAll(async () => {
    await bot.stop();
    await fake.close();
  });

  it('GIVEN 200 /ask from 200 users within one second THEN every one is acknowledged within 3 s and answered', async () => {
    const sent = new Map<string, number>();
    const interactions = Array.from({ length: 200 }, (_, i) =>
      slashCommand('ask', [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length]! }], { userId: String(800000000000000000n + BigInt(i)) }),
    );
    for (const [i, interaction] of interactions.entries()) {
      sent.set(String(interaction.id), performance.now());
      fake.send(interaction);
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 80));
    }
    const answers = await Promise.all(interactions.map((interaction) => fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 10_000)));
    const latencies = answers.map((answer, i) => answer.at - sent.get(String(interactions[i]!.id))!);
    expect(answers).toHaveLength(200);
    expect(Math.max(...latencies)).toBeLessThan(3000);
    expect(answers.every((answer) => (answer.body as { type: number }).type === 4)).toBe(true);
    expect(answers.filter((answer) => JSON.stringify(answer.body).includes('try again')).length).toBe(0);
  });

  it('GIVEN 1,500 distinct users THEN the user and member caches stay bounded (1,000 users, 200 members), the bot itself kept', async () => {
    const users = 1500;
    for (let i = 0; i < users; i += 100) {
      const batch = Array.from({ length: 100 }, (_, j) => autocomplete('ask', 'question', '成', { userId: String(810000000000000000n + BigInt(i + j)) }));
      for (const interaction of batch) fake.send(interaction);
      await Promise.all(batch.map((interaction) => fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 10_000)));
    }
    expect(bot.client.users.cache.size).toBeLessThanOrEqual(1001);
    expect(bot.client.users.cache.has(bot.client.user!.id)).toBe(true);
    const guild = bot.client.guilds.cache.first()!;
    expect(guild.members.cache.size).toBeLessThanOrEqual(201);
    expect(guild.members.me).not.toBeNull();
  });
});
