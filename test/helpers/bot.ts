import { Writable } from 'node:stream';
import { startBot, type Bot } from '../../src/bot/client.js';
import { parseConfig } from '../../src/config.js';
import { Engine, loadCorpus, Suggester } from '../../src/core/index.js';
import { createLogger } from '../../src/logger.js';
import { FAKE, FakeDiscord } from './fake-discord.js';

/** Log lines the bot wrote, parsed. */
export class LogLines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }

  /** Resolves with the first line that matches, waiting for it to be written. */
  async waitFor(match: (line: Record<string, unknown>) => boolean, timeoutMs = 2000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.findLast(match);
      if (line) return line;
      if (Date.now() > deadline) throw new Error('no such log line in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** The bot, started by the same code as `npm start`, logged in to a fake Discord (a fresh one unless given). */
export async function startBotOnFake(env: Record<string, string> = {}, existing?: FakeDiscord): Promise<{ fake: FakeDiscord; bot: Bot; logs: LogLines; engine: Engine }> {
  const fake = existing ?? (await FakeDiscord.start());
  const config = parseConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', ...env });
  const engine = Engine.build(loadCorpus(config.CORPUS_DIR));
  const logs = new LogLines();
  const ready = fake.nextSession();
  const bot = await startBot(config, { engine, suggester: new Suggester(engine) }, createLogger(config.LOG_LEVEL, logs));
  await ready;
  return { fake, bot, logs, engine };
}
