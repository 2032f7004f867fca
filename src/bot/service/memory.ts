import { randomBytes } from 'node:crypto';
import { questionKey } from '../../core/index.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { BoundedCache } from '../../core/util/bounded-cache.js';
import { ResilientWrites, type AskedVia, type ChatMode, type Store } from '../../store/index.js';

/** What the question log keeps (QUESTION_LOG): the text and the outcome, the outcome only, or nothing. */
export type QuestionLogMode = 'full' | 'outcomes' | 'off';

/** How long a channel's chat settings are trusted before being read again (another process may change them). */
const SETTINGS_TTL_MS = 30_000;
const DAY_MS = 86_400_000;

/** A question answered, as the bot layer knows it. */
export interface Asked {
  via: AskedVia;
  guild: string | null;
  channel: string | null;
  question: string;
  found: boolean;
  confidence: number | null;
  passageIds: readonly string[];
  report: string | null;
  latencyMs: number;
}

/** A channel's chat behaviour after its stored settings and the env defaults. */
export interface ChatBehaviour {
  mode: ChatMode;
  threads: boolean;
}

/** What {@link BotMemory} needs. */
export interface MemoryOptions {
  store: Store;
  logger: Logger;
  questionLog: QuestionLogMode;
  retentionDays: number;
  /** CHAT_MODE and CHAT_THREADS: what a channel without settings does. */
  defaults: ChatBehaviour;
  /** MESSAGE_CONTENT_INTENT: whether mode all can read messages that do not mention the bot. */
  messageContent?: boolean;
  /** Write retry delays (tests shorten them). */
  retryDelays?: readonly number[];
  now?: () => number;
}

/** The memory for a store, from the settings (QUESTION_LOG, QUESTION_LOG_DAYS, the chat defaults). */
export function memoryFor(store: Store, config: Pick<Config, 'QUESTION_LOG' | 'QUESTION_LOG_DAYS' | 'CHAT_MODE' | 'CHAT_THREADS' | 'MESSAGE_CONTENT_INTENT'>, logger: Logger, retryDelays?: readonly number[]): BotMemory {
  return new BotMemory({
    store,
    logger,
    questionLog: config.QUESTION_LOG,
    retentionDays: config.QUESTION_LOG_DAYS,
    defaults: { mode: config.CHAT_MODE, threads: config.CHAT_THREADS },
    messageContent: config.MESSAGE_CONTENT_INTENT,
    ...(retryDelays ? { retryDelays } : {}),
  });
}

/** A new answer id: what the 👍/👎 buttons carry (11 characters, fits a custom id). */
export function newAnswerId(): string {
  return randomBytes(8).toString('base64url');
}

/**
 * The bot's side of the store: the question log by QUESTION_LOG, votes, chat settings with a short
 * cache, and daily pruning. Logging and votes never wait for the database: they are queued and
 * retried ({@link ResilientWrites}); an answer is sent before its log row is written.
 */
export class BotMemory {
  readonly store: Store;
  readonly writes: ResilientWrites;
  readonly questionLog: QuestionLogMode;
  readonly logger: Logger;
  private readonly retentionDays: number;
  private readonly defaults: ChatBehaviour;
  /** Whether the bot reads every message's text (mode all needs it). */
  readonly messageContent: boolean;
  private readonly now: () => number;
  private readonly settings = new BoundedCache<string, { at: number; behaviour: ChatBehaviour }>(2000);
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(options: MemoryOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.questionLog = options.questionLog;
    this.retentionDays = options.retentionDays;
    this.defaults = options.defaults;
    this.messageContent = options.messageContent ?? false;
    this.now = options.now ?? Date.now;
    this.writes = new ResilientWrites(options.logger, options.retryDelays);
  }

  /** Logs an answered question under its answer id (see {@link newAnswerId}), as QUESTION_LOG says. */
  record(id: string, asked: Asked): void {
    if (this.questionLog === 'off') return;
    const full = this.questionLog === 'full';
    const record = {
      id,
      at: this.now(),
      guild: asked.guild,
      channel: asked.channel,
      via: asked.via,
      found: asked.found,
      confidence: asked.confidence,
      passageIds: [...asked.passageIds],
      report: asked.report,
      latencyMs: asked.latencyMs,
      question: full ? asked.question : null,
      questionKey: full ? questionKey(asked.question) : null,
    };
    this.writes.write('question log', () => this.store.logQuestion(record));
  }

  /**
   * Records (or changes) a user's 👍/👎, cast in `guild` (null: a DM). The store keeps it only on
   * an answer logged in that same server: a vote on another server's answer, or on an id nobody
   * answered, is dropped (and logged at debug).
   */
  vote(answerId: string, user: string, guild: string | null, value: 1 | -1): void {
    const at = this.now();
    this.writes.write('vote', async () => this.unmatched('vote', answerId, await this.store.vote({ answerId, user, value, at, guild })));
  }

  /** Stores what the user expected, with their 👎 (on the same terms as {@link vote}). */
  comment(answerId: string, user: string, guild: string | null, text: string): void {
    const at = this.now();
    this.writes.write('vote comment', async () => this.unmatched('vote comment', answerId, await this.store.comment(answerId, user, guild, text, at)));
  }

  private unmatched(what: string, answerId: string, stored: boolean): void {
    if (!stored) this.logger.debug({ what, answer: answerId }, 'no answer of this server has that id: nothing stored');
  }

  /**
   * A channel's chat behaviour: its stored settings, else the env defaults. Read through a 30 s
   * cache; when the database cannot be read, the last known (or default) behaviour is used.
   */
  async chatBehaviour(channel: string): Promise<ChatBehaviour> {
    const cached = this.settings.peek(channel);
    if (cached && this.now() - cached.at < SETTINGS_TTL_MS) return cached.behaviour;
    try {
      const stored = await this.store.channelSettings(channel);
      const behaviour = stored ? { mode: stored.mode, threads: stored.threads } : this.defaults;
      this.settings.set(channel, { at: this.now(), behaviour });
      return behaviour;
    } catch (error) {
      this.logger.warn({ err: error, channel }, 'could not read the channel settings; using the last known');
      return cached?.behaviour ?? this.defaults;
    }
  }

  /** Stores a channel's chat settings (awaited: the admin is told whether it worked). */
  async setChatBehaviour(guild: string, channel: string, behaviour: ChatBehaviour, user: string): Promise<void> {
    await this.store.setChannelSettings({ guild, channel, ...behaviour, updatedBy: user, updatedAt: this.now() });
    this.settings.set(channel, { at: this.now(), behaviour });
  }

  /** The env defaults, for /settings show. */
  get chatDefaults(): ChatBehaviour {
    return this.defaults;
  }

  /** CHAT_MODE=off: no channel chats, whatever its settings. */
  get chatOff(): boolean {
    return this.defaults.mode === 'off';
  }

  /** Deletes what is older than QUESTION_LOG_DAYS now, then once a day. */
  startPruning(): void {
    const prune = (): void => {
      const before = this.now() - this.retentionDays * DAY_MS;
      this.store.prune(before).then(
        (rows) => this.logger.info({ rows, days: this.retentionDays }, 'question log pruned'),
        (error: unknown) => this.logger.warn({ err: error }, 'could not prune the question log; trying again tomorrow'),
      );
    };
    prune();
    this.pruneTimer = setInterval(prune, DAY_MS).unref();
  }

  /** Stops pruning and waits for queued writes (bounded by their retries). */
  async close(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.writes.flush();
  }
}
