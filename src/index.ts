import { startBot } from './bot/client.js';
import { createCommands } from './bot/commands/index.js';
import { runTerminal } from './bot/terminal.js';
import { isMainModule } from './cli/main-module.js';
import { ConfigError, getConfig } from './config.js';
import { Engine, fileCache, loadCorpus, ReportQaError, Suggester } from './core/index.js';
import { createLogger } from './logger.js';

/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the same commands in the terminal.
 * Bad settings or a bad corpus stop start-up with one readable message and exit code 1.
 */
export async function main(): Promise<void> {
  let config;
  let engine;
  try {
    config = getConfig();
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
  const context = { engine, suggester: new Suggester(engine) };

  if (!config.DISCORD_TOKEN) {
    const interactive = Boolean(process.stdin.isTTY);
    await runTerminal(createCommands(engine), context, process.stdin, process.stdout, interactive);
    return;
  }

  const logger = createLogger(config.LOG_LEVEL);
  // the dictionary and the typo corrector are read before the first question, not during it
  engine.warm();
  const bot = await startBot(config, context, logger);
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
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

if (isMainModule(import.meta.url)) await main();
