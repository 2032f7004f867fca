import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startBot, type Bot } from '../../src/bot/discord/client.js';
import { parseConfig } from '../../src/config.js';
import { Engine, loadCorpus, Suggester } from '../../src/core/index.js';
import { createLogger } from '../../src/logger.js';
import { memoryFor } from '../../src/bot/service/memory.js';
import type { BotContext } from '../../src/bot/commands/command.js';
import { tenantsFor } from '../../src/bot/service/tenants.js';
import type { Store } from '../../src/store/index.js';
import { FAKE, FakeDiscord, type RecordedRequest } from './fake-discord.js';

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

/**
 * The bot, started by the same code as `npm start`, logged in to a fake Discord (a fresh one unless
 * given). With a store, it logs questions and takes votes as `npm start` does; its scheduler is
 * ticked by the test (a fake clock), not by a timer.
 */
export async function startBotOnFake(env: Record<string, string> = {}, existing?: FakeDiscord, store?: Store): Promise<{ fake: FakeDiscord; bot: Bot; logs: LogLines; engine: Engine; context: BotContext }> {
  const fake = existing ?? (await FakeDiscord.start());
  // servers' own reports go to a folder of this test unless it names one
  const config = parseConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', GUILD_CORPUS_DIR: mkdtempSync(join(tmpdir(), 'guild-reports-')), ...env });
  const engine = Engine.build(loadCorpus(config.CORPUS_DIR));
  const logs = new LogLines();
  const logger = createLogger(config.LOG_LEVEL, logs);
  const tenants = tenantsFor(config, engine, logger);
  const context: BotContext = { engine, suggester: new Suggester(engine), tenants, ...(store ? { memory: memoryFor(store, config, logger, [10, 10]) } : {}) };
  const ready = fake.nextSession();
  const bot = await startBot(config, context, logger, { schedule: false });
  await ready;
  return { fake, bot, logs, engine, context };
}

/** What the bot sent for an interaction: the callback, and the reply (a deferred reply's edit). */
export interface Sent {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    custom_id?: string;
    title?: string;
    embeds?: Array<{ description?: string; title?: string; fields?: Array<{ name: string; value: string }> }>;
    components?: Array<{ components: Array<{ custom_id?: string; emoji?: { name?: string }; disabled?: boolean }> }>;
  };
}

/** Sends an interaction to the bot; resolves with its callback and its reply as sent. */
export async function interact(fake: FakeDiscord, interaction: Record<string, unknown>): Promise<{ callback: Sent; reply: Sent['data'] }> {
  const since = fake.requests.length;
  fake.send(interaction);
  const callback = (await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 10_000, since)).body as Sent;
  if (callback.type !== 5) return { callback, reply: callback.data };
  const edit: RecordedRequest = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(interaction.token)), 10_000, since);
  return { callback, reply: edit.body as Sent['data'] };
}
