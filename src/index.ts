import { startBot, type Bot } from './bot/discord/client.js';
import { describeConnectFailure } from './bot/discord/failures.js';
import { createCommands } from './bot/commands/index.js';
import { runTerminal } from './bot/chat/terminal.js';
import { isMainModule } from './cli/main-module.js';
import { ConfigError, getConfig, type Config } from './config.js';
import { Engine, fileCache, loadCorpus, ReportQaError, Suggester } from './core/index.js';
import { createLogger, type Logger } from './logger.js';
import { currentShard, managesShards, runShards } from './shards.js';
import { memoryFor } from './bot/service/memory.js';
import { openStore, StoreError, type Store } from './store/index.js';
import type { BotContext } from './bot/commands/command.js';
import { tenantsFor } from './bot/service/tenants.js';

/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the same commands in the terminal.
 * Bad settings or a bad corpus stop start-up with one readable message and exit code 1.
 */
export async function main(): Promise<void> {
  let config;
  let engine;
  try {
    config = getConfig();
    if (config.DISCORD_TOKEN && managesShards(config)) {
      // the manager holds no engine: each shard process loads its own
      await runShards(config, createLogger(config.LOG_LEVEL), process.argv[1]!);
      return;
    }
    const caching = {
      cache: fileCache(config.INDEX_CACHE_DIR),
      onCacheProblem: (message: string) => process.stderr.write(`warning: ${message}\n`),
    };
    engine = Engine.build(loadCorpus(config.CORPUS_DIR, caching), caching);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ReportQaError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const context: BotContext = { engine, suggester: new Suggester(engine) };

  if (!config.DISCORD_TOKEN) {
    const interactive = Boolean(process.stdin.isTTY);
    await runTerminal(createCommands(), context, process.stdin, process.stdout, interactive);
    return;
  }

  const shard = currentShard();
  const logger = shard === null ? createLogger(config.LOG_LEVEL) : createLogger(config.LOG_LEVEL).child({ shard });
  // with shards, each shard's health server listens on HEALTH_PORT + its shard id
  if (shard !== null && config.HEALTH_PORT) config = { ...config, HEALTH_PORT: config.HEALTH_PORT + shard };
  // the dictionary and the typo corrector are read before the first question, not during it
  engine.warm();
  const fail = (line: string): never => {
    process.stderr.write(`${line}\n`);
    process.exit(1);
  };
  // the store is opened (and migrated) before Discord: a database that cannot be used is one line
  let store: Store;
  try {
    store = await openStore(config, (error) => logger.warn({ err: error }, 'database connection lost; it reconnects on the next write'));
  } catch (error) {
    if (error instanceof StoreError) fail(error.message);
    throw error;
  }
  context.memory = memoryFor(store, config, logger);
  // the operator's reports for everyone, and each server's own (those of this shard's servers)
  context.tenants = tenantsFor(config, engine, logger);
  logger.info({ store: store.kind, schema: store.version, questionLog: config.QUESTION_LOG, days: config.QUESTION_LOG_DAYS }, 'store open');
  const bot = await connect(config, context, logger, (line) => fail(line));
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    bot
      .stop()
      .then(() => store.close())
      .then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * Logs in, trying again with backoff (each attempt logged) while Discord cannot be reached, at most
 * DISCORD_CONNECT_ATTEMPTS times. A failure that another try cannot mend (a rejected token,
 * refused intents) or the last attempt ends the process: one line naming what to do, exit code 1.
 */
async function connect(config: Config, context: Parameters<typeof startBot>[1], logger: Logger, fail: (line: string) => never): Promise<Bot> {
  const attempts = config.DISCORD_CONNECT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBot(config, context, logger, { onFatal: (line) => fail(line) });
    } catch (error) {
      const failure = describeConnectFailure(error, config.DISCORD_API_URL);
      if (!failure.retry || attempt >= attempts) fail(attempt > 1 && failure.retry ? `${failure.line} (gave up after ${attempt} attempts)` : failure.line);
      const waitMs = Math.min(30_000, 1000 * 2 ** (attempt - 1));
      logger.warn({ attempt, attempts, retryInMs: waitMs, reason: (error as Error).message }, 'Discord could not be reached; trying again');
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

if (isMainModule(import.meta.url)) await main();
