import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/client.js';
import { startBotOnFake } from '../helpers/bot.js';
import { FakeDiscord, slashCommand } from '../helpers/fake-discord.js';

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
});
