import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './command.js';
import { createCommands } from './commands/index.js';
import { Cooldown } from './cooldown.js';
import { createDispatcher, type Dispatcher } from './dispatch.js';
import { NO_MENTIONS } from './send.js';

/** A running bot: the discord.js client and a graceful stop. */
export interface Bot {
  client: Client;
  dispatcher: Dispatcher;
  /** Lets answers in flight finish (up to `graceMs`), then disconnects. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Creates the bot's discord.js client (Guilds intent only, no privileged intents; REST at
 * DISCORD_API_URL), wires the dispatcher and logs in. This is what `npm start` runs.
 */
export async function startBot(config: Config, context: BotContext, logger: Logger): Promise<Bot> {
  if (!config.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: NO_MENTIONS,
  });
  const dispatcher = createDispatcher({
    commands: createCommands(context.engine),
    context,
    logger,
    cooldown: new Cooldown(config.COOLDOWN_QUESTIONS, config.COOLDOWN_SECONDS * 1000),
  });
  client.once(Events.ClientReady, (ready) => logger.info({ tag: ready.user.tag, passages: context.engine.passages.length, reports: context.engine.documents.size }, 'ready'));
  client.on(Events.InteractionCreate, (interaction) => void dispatcher(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  await client.login(config.DISCORD_TOKEN);
  return {
    client,
    dispatcher,
    async stop(graceMs = 5000) {
      await Promise.race([dispatcher.idle(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      await client.destroy();
    },
  };
}
