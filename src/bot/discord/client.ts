import { Client, Events, GatewayIntentBits, Options, Partials } from 'discord.js';
import { FATAL_CLOSE_CODES } from './failures.js';
import { deployIfChanged } from './deploy.js';
import { BotMetrics, startHealthServer, type HealthServer } from '../service/health.js';
import { makeReloader, watchCorpus, type CorpusWatch } from '../service/reload.js';
import { createChatHandler, type ChatHandler } from '../chat/chat.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { BotContext } from '../commands/command.js';
import { createCommands } from '../commands/index.js';
import { Cooldown } from '../service/cooldown.js';
import { createDispatcher, type Dispatcher } from './dispatch.js';
import { NO_MENTIONS } from './send.js';
import { Scheduler } from '../service/scheduler.js';
import { memoryPendingImports, storePendingImports } from '../service/pending-imports.js';
import { ImportRunner } from '../../ingest/import-worker.js';
import { startForgetting } from '../service/forget.js';

/** A running bot: the discord.js client and a graceful stop. */
export interface Bot {
  client: Client;
  dispatcher: Dispatcher;
  /** The message handler (chat), or null when CHAT_MODE=off. */
  chat: ChatHandler | null;
  metrics: BotMetrics;
  /** The /healthz and /metrics server, when HEALTH_PORT is set. */
  health: HealthServer | null;
  /** The watch of the corpus folder (hot reload), unless CORPUS_WATCH=false. */
  corpusWatch: CorpusWatch | null;
  /** Scheduled briefings, when the bot has a store. */
  scheduler: Scheduler | null;
  /** Lets answers in flight finish (up to `graceMs`), then disconnects. */
  stop(graceMs?: number): Promise<void>;
}

/** How the bot is started, besides its settings. */
export interface StartOptions {
  /** Told when the gateway closes for good while running (a revoked token): one line and an exit code. */
  onFatal?: (line: string, code: number) => void;
  /** Check for due briefings on a timer (default true); tests tick the scheduler themselves. */
  schedule?: boolean;
}

/**
 * The gateway intents: Guilds for slash commands; with chat on, GuildMessages and DirectMessages
 * (not privileged: a message that mentions the bot carries its content without MessageContent),
 * and MessageContent only when MESSAGE_CONTENT_INTENT=true.
 */
export function intentsFor(config: Pick<Config, 'CHAT_MODE' | 'MESSAGE_CONTENT_INTENT'>): GatewayIntentBits[] {
  if (config.CHAT_MODE === 'off') return [GatewayIntentBits.Guilds];
  return [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, ...(config.MESSAGE_CONTENT_INTENT ? [GatewayIntentBits.MessageContent] : [])];
}

/**
 * Creates the bot's discord.js client (REST at DISCORD_API_URL), wires the dispatcher and the chat
 * handler, and logs in. This is what `npm start` runs.
 */
export async function startBot(config: Config, context: BotContext, logger: Logger, { onFatal = () => undefined, schedule = true }: StartOptions = {}): Promise<Bot> {
  if (!config.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  const client = new Client({
    intents: intentsFor(config),
    // a DM channel is not cached before its first message: discord.js makes it from the event
    partials: [Partials.Channel],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: NO_MENTIONS,
    // bounded caches: every user, member and message seen would otherwise stay in memory for good;
    // the bot itself (its member decides permissions) is always kept
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      UserManager: { maxSize: 1000, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 900, lifetime: 900 },
      users: { interval: 900, filter: () => (user) => user.id !== user.client.user.id },
    },
  });
  // slash commands and chat messages share one per-user cooldown
  const cooldown = new Cooldown(config.COOLDOWN_QUESTIONS, config.COOLDOWN_SECONDS * 1000);
  // a shard's metrics carry its id (discord.js tells a shard process its id in SHARDS)
  const metrics = new BotMetrics(process.env.SHARDING_MANAGER === 'true' && process.env.SHARDS ? { shard: process.env.SHARDS } : {});
  metrics.corpus(context.engine.passages.length, context.engine.documents.size);
  const onHandled = metrics.record.bind(metrics);
  const tenants = context.tenants;
  if (!tenants) throw new Error('startBot needs the tenants of the context (tenantsFor)');
  const dispatcher = createDispatcher({ commands: createCommands(), context, logger, cooldown, onHandled });
  const chat = config.CHAT_MODE === 'off' ? null : createChatHandler({ context, logger, cooldown, onHandled, threadsPerMinute: config.THREADS_PER_MINUTE, settings: { mode: config.CHAT_MODE, threads: config.CHAT_THREADS, messageContent: config.MESSAGE_CONTENT_INTENT } });
  if (chat) client.on(Events.MessageCreate, (message) => void chat(message));
  // scheduled briefings and the question log's retention, when the bot has a store
  const scheduler = context.memory ? new Scheduler({ store: context.memory.store, client, engine: (guild) => tenants.view(guild).engine, logger, onPosted: () => metrics.briefings.inc() }) : null;
  if (context.memory) {
    const { writes } = context.memory;
    writes.observe((outcome) => metrics.storeWrites.inc({ outcome }));
    metrics.countWaiting(() => writes.waiting);
  }
  if (scheduler) context.scheduler = scheduler;
  client.once(Events.ClientReady, (ready) => {
    logger.info({ tag: ready.user.tag, passages: context.engine.passages.length, reports: context.engine.documents.size, store: context.memory?.store.kind ?? null }, 'ready');
    if (scheduler && schedule) scheduler.start();
    context.memory?.startPruning();
    // the data of servers the bot left is deleted after the grace period (FORGET_AFTER_DAYS)
    if (context.memory) {
      const store = context.memory.store;
      forgetting = startForgetting({
        store,
        guildsDir: config.GUILD_CORPUS_DIR,
        afterDays: config.FORGET_AFTER_DAYS,
        logger,
        // a server the bot is in again is not forgotten
        stillServed: (guild) => client.guilds.cache.has(guild),
        onForgotten: (guild) => tenants.drop(guild),
      });
    }
    // commands that differ from the deployed ones are deployed: an upgrade needs no manual step
    if (config.AUTO_DEPLOY) {
      deployIfChanged(config, client.rest).then(
        (deployed) => logger.info({ deployed }, deployed ? 'commands deployed (they had changed)' : 'commands up to date'),
        (error: unknown) => logger.warn({ err: error }, 'could not compare or deploy the commands; run npm run deploy-commands'),
      );
    }
  });
  client.on(Events.InteractionCreate, (interaction) => void dispatcher(interaction));
  let forgetting: { stop(): void } | null = null;
  if (context.memory) {
    const { memory } = context;
    // leaving a server starts its grace period (an outage, guild.available false, is no leaving);
    // joining it again ends it
    client.on(Events.GuildDelete, (guild) => {
      if (!guild.available) return;
      logger.info({ guild: guild.id, forgetAfterDays: config.FORGET_AFTER_DAYS }, 'left a server; its data is deleted after the grace period');
      memory.writes.write('server left', () => memory.store.markDeparted(guild.id, Date.now()));
    });
    client.on(Events.GuildCreate, (guild) => memory.writes.write('server joined', () => memory.store.markDeparted(guild.id, null)));
  }
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  // a token revoked or intents refused while running: reconnecting cannot help, so the process ends
  client.on(Events.ShardDisconnect, (event, shard) => {
    const line = FATAL_CLOSE_CODES.get(event.code);
    logger[line ? 'fatal' : 'warn']({ code: event.code, shard }, line ?? 'gateway disconnected');
    if (line) onFatal(line, event.code);
  });
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  // a report added, changed or removed in the corpus folder is answered from without a restart
  const reload = makeReloader(tenants, () => {
    metrics.reloads.inc();
    context.suggester = tenants.view(null).suggester;
    metrics.corpus(context.engine.passages.length, context.engine.documents.size);
  });
  const corpusWatch = config.CORPUS_WATCH ? watchCorpus(config.CORPUS_DIR, reload, logger) : null;
  // /sources add and remove change a server's own reports (or, for CORPUS_ADMIN_GUILDS, the
  // operator's) and load that scope again at once; imports are extracted in a worker thread
  context.admin = {
    tenants,
    adminGuilds: config.CORPUS_ADMIN_GUILDS,
    pending: context.memory ? storePendingImports(context.memory.store) : memoryPendingImports(),
    importer: new ImportRunner(),
    fetchPolicy: { allowedHosts: config.IMPORT_ALLOWED_HOSTS },
    maxBytes: Math.round(config.IMPORT_MAX_MB * 2 ** 20),
    log: (change) => logger.info(change, 'reports changed from Discord'),
  };
  // healthy while the gateway is connected; the corpus is loaded before the bot starts
  const health = config.HEALTH_PORT === undefined ? null : await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, metrics, healthy: () => client.isReady() && context.engine.passages.length > 0 });
  if (health) logger.info({ port: health.port, host: config.HEALTH_HOST }, 'health and metrics served');
  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (error) {
    // a failed login leaves sockets and timers that would keep the process alive
    await client.destroy().catch(() => undefined);
    await health?.close();
    corpusWatch?.close();
    throw error;
  }
  return {
    client,
    dispatcher,
    chat,
    metrics,
    health,
    corpusWatch,
    scheduler,
    async stop(graceMs = 5000) {
      corpusWatch?.close();
      forgetting?.stop();
      await Promise.race([Promise.all([dispatcher.idle(), chat?.idle(), scheduler?.stop()]), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      // queued log rows and votes are written (or dropped after their retries) before the end
      await Promise.race([context.memory?.close(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      await health?.close();
      await client.destroy();
    },
  };
}
