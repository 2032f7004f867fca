import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

let fake: FakeDiscord | undefined;
let bot: Bot | undefined;

afterEach(async () => {
  await bot?.stop(100);
  await fake?.close();
  fake = undefined;
  bot = undefined;
});

async function start(): Promise<{ fake: FakeDiscord; bot: Bot; logs: LogLines }> {
  const started = await startBotOnFake({ COOLDOWN_QUESTIONS: '1000' });
  fake = started.fake;
  bot = started.bot;
  return started;
}

const ask = (question: string) => slashCommand('ask', [{ name: 'question', type: 3, value: question }], { userId: String(700000000000000000n + BigInt(Math.floor(Math.random() * 1e9))) });

async function answered(f: FakeDiscord, interaction: Record<string, unknown>, timeoutMs = 10_000) {
  return f.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), timeoutMs);
}

describe('Discord faults', () => {
  for (const code of [1006, 4000]) {
    it(`GIVEN the gateway drops the connection with ${code} THEN the bot resumes or reconnects and answers the next interaction`, async () => {
      const { fake } = await start();
      const back = fake.nextSession();
      fake.dropGateway(code);
      await back;
      expect(fake.resumes + fake.identifies).toBeGreaterThanOrEqual(2);
      const interaction = ask('成资S3线开工了吗');
      fake.send(interaction);
      expect(JSON.stringify((await answered(fake, interaction)).body)).toContain('成资S3线开工');
    });
  }

  it('GIVEN REST answers 429 with retry-after, then 500 once THEN the reply still goes out', async () => {
    const { fake } = await start();
    let calls = 0;
    fake.override((request, response) => {
      if (!request.path.endsWith('/callback')) return false;
      calls++;
      if (calls === 1) {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0.2', 'x-ratelimit-scope': 'user' }).end(JSON.stringify({ message: 'You are being rate limited.', retry_after: 0.2, global: false }));
        return true;
      }
      if (calls === 2) {
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Internal Server Error', code: 0 }));
        return true;
      }
      return false;
    });
    const interaction = ask('川芎');
    fake.send(interaction);
    await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`) && calls >= 3, 10_000);
    expect(calls).toBe(3);
    const callbacks = fake.requests.filter((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`));
    expect(callbacks).toHaveLength(3);
    expect(JSON.stringify(callbacks[2]!.body)).toContain('川芎');
  });

  it('GIVEN a callback fails with 404 Unknown interaction THEN it is logged, nothing crashes, the next one is answered', async () => {
    const { fake, logs } = await start();
    let failed = false;
    fake.override((request, response) => {
      if (failed || !request.path.endsWith('/callback')) return false;
      failed = true;
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Unknown interaction', code: 10062 }));
      return true;
    });
    const expired = ask('川芎');
    fake.send(expired);
    const line = await logs.waitFor((l) => l.msg === 'interaction failed' && l.interaction === expired.id, 5000);
    expect(JSON.stringify(line)).toContain('Unknown interaction');
    const next = ask('成资S3线开工了吗');
    fake.send(next);
    expect(JSON.stringify((await answered(fake, next)).body)).toContain('成资S3线开工');
  });

  it('GIVEN REST calls that fail (500, then 404 Unknown interaction) THEN no log line at info or above holds the interaction token or the question', async () => {
    const { fake, logs } = await start();
    fake.override((request, response) => {
      if (!request.path.endsWith('/callback')) return false;
      const unknown = request.path.includes('FAIL404');
      response.writeHead(unknown ? 404 : 500, { 'content-type': 'application/json' }).end(JSON.stringify(unknown ? { message: 'Unknown interaction', code: 10062 } : { message: 'Internal Server Error', code: 0 }));
      return true;
    });
    const question = '资阳公共图书馆通借通还了吗';
    const failing: Record<string, unknown> = { ...ask(question), token: 'FAIL500-secret-interaction-token' };
    const expired: Record<string, unknown> = { ...ask(question), token: 'FAIL404-secret-interaction-token' };
    fake.send(failing);
    fake.send(expired);
    await logs.waitFor((l) => l.msg === 'interaction failed' && l.interaction === expired.id, 10_000);
    await logs.waitFor((l) => l.msg === 'interaction failed' && l.interaction === failing.id, 15_000);
    const logged = JSON.stringify(logs.lines.filter((line) => Number(line.level) >= 30));
    expect(logged).toContain('Unknown interaction');
    expect(logged).not.toContain('secret-interaction-token');
    expect(logged).not.toContain(question);
    expect(logged).toContain('[redacted]');
  });

  it('GIVEN a stop while an answer is in flight THEN the answer finishes before the client is destroyed', async () => {
    const { fake, bot } = await start();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    fake.override((request, response) => {
      if (!request.path.endsWith('/callback')) return false;
      void held.then(() => response.writeHead(204).end());
      return true;
    });
    const interaction = ask('川芎');
    fake.send(interaction);
    await answered(fake, interaction);
    let stopped = false;
    const stopping = bot.stop(10_000).then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
  });
});
