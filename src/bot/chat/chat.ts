import { randomBytes } from 'node:crypto';
import { ChannelType, DiscordAPIError, MessageType, PermissionFlagsBits, type Message, type PermissionResolvable, type SendableChannels } from 'discord.js';
import { MAX_QUESTION_CHARS, ReportQaError, type Turn } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import { trackInFlight } from '../discord/in-flight.js';
import { scoped, type BotContext } from '../commands/command.js';
import { answer } from '../commands/answer.js';
import { Cooldown } from '../service/cooldown.js';
import { CUSTOM_ID } from '../discord/custom-id.js';
import { withFeedback } from '../render/format.js';
import { newAnswerId } from '../service/memory.js';
import type { AskedVia, ChatMode } from '../../store/index.js';
import { handledOf } from '../discord/dispatch.js';
import type { Handled } from '../service/health.js';
import { langOf, t, type Lang } from '../render/i18n.js';
import { LIMITS, truncate } from '../discord/limits.js';
import type { Reply } from '../render/reply.js';
import { NO_MENTIONS, toMessage } from '../discord/send.js';

/**
 * Chat: the bot answers messages that mention it. In a channel it starts a public thread on the
 * question and answers there; later messages in that thread (mentioning it, or all of them with
 * the Message Content intent) are answered as follow-ups, with the thread's earlier questions as
 * history, read back from the bot's own answers so that it survives a restart. DMs are answered
 * the same way. Where it cannot start a thread, it replies to the message.
 */

/** How chat behaves (from the environment; see .env.example). */
export interface ChatSettings {
  /**
   * mention: answer messages that mention the bot (and DMs); all: also every other message of a
   * channel that the report answers (needs the Message Content intent); off: answer none. A
   * channel's stored settings (/settings chat) override it.
   */
  mode: ChatMode;
  /** Start a thread for a mention in a channel (else reply in place). */
  threads: boolean;
  /** The privileged Message Content intent is on: every message in the bot's threads is answered. */
  messageContent: boolean;
}

/** New threads per channel per minute, unless THREADS_PER_MINUTE says otherwise. */
export const DEFAULT_THREADS_PER_MINUTE = 10;
/** How many earlier messages of a thread or DM are read for its history. */
const HISTORY_MESSAGES = 50;
/** How many earlier turns a follow-up is given (the last one leads; see core/conversation.ts). */
const HISTORY_TURNS = 6;
/** How many conversations' turns are kept in memory, sparing a REST call per message. */
const CACHED_CONVERSATIONS = 500;

/** What the handler needs. */
export interface ChatOptions {
  context: BotContext;
  logger: Logger;
  cooldown: Cooldown;
  settings: ChatSettings;
  /** Told of every answered message (for metrics). */
  onHandled?: (handled: Handled) => void;
  /** New threads one channel may get per minute (THREADS_PER_MINUTE); past it the bot answers in place. */
  threadsPerMinute?: number;
}

/** The message handler, and a way to wait for answers in flight (for a graceful stop). */
export interface ChatHandler {
  (message: Message): Promise<void>;
  idle(): Promise<void>;
}

const MENTION = /<(?:@[!&]?|#)\d+>/g;

/** The question in a message: its text without the bot's mention (or any other mention syntax). */
export function questionOf(content: string): string {
  return content.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
}

/** The language of fixed texts for a message: its guild's, else the question's script. */
function langFor(message: Message, question: string): Lang {
  if (message.guild) return langOf(message.guild.preferredLocale);
  return /\p{Script=Han}/u.test(question) ? 'zh-CN' : 'en';
}

/** A turn of a chat conversation, with the id of its answer when the question log keeps it (its 👍/👎). */
export interface ChatTurn extends Turn {
  answerId?: string;
}

/**
 * The turns of a conversation, read from the bot's answers among `messages` (oldest first): each
 * answer's embed names its question, its Show passage button its passage, and its 👎 button its id.
 */
export function turnsFromMessages(messages: Iterable<Message>, botId: string): ChatTurn[] {
  const passagePrefix = CUSTOM_ID.passage('');
  const votePrefix = CUSTOM_ID.vote('down', '');
  const turns: ChatTurn[] = [];
  const sorted = [...messages].filter((message) => message.author.id === botId).sort((a, b) => a.createdTimestamp - b.createdTimestamp || (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  for (const message of sorted) {
    const question = message.embeds[0]?.author?.name;
    if (!question) continue;
    // read from the raw components: the custom id is all that is needed, whatever the component kind
    const rows = message.components.map((row) => row.toJSON() as { components?: Array<{ custom_id?: string }> });
    const ids = rows.flatMap((row) => row.components ?? []).map((component) => component.custom_id).filter((id): id is string => typeof id === 'string');
    const passageIds = ids.filter((id) => id.startsWith(passagePrefix)).map((id) => id.slice(passagePrefix.length));
    const answerId = ids.find((id) => id.startsWith(votePrefix))?.slice(votePrefix.length);
    turns.push({ question, passageIds, ...(answerId ? { answerId } : {}) });
  }
  return turns;
}

/** Creates the handler of messageCreate events (see the module comment). */
export function createChatHandler({ context: shared, logger, cooldown, settings, onHandled, threadsPerMinute = DEFAULT_THREADS_PER_MINUTE }: ChatOptions): ChatHandler {
  const conversations = new Map<string, ChatTurn[]>();
  // a channel's new threads, as a sliding window per channel: a crowd mentioning at once gets
  // answers in place once the channel has had its threads for the minute
  const threadStarts = new Cooldown(threadsPerMinute, 60_000);
  const warned = new Set<string>();

  /** Logs a missing permission once per channel and permission, not once per message. */
  const missing = (channelId: string, permission: string, action: string): void => {
    const key = `${channelId}:${permission}`;
    if (warned.has(key)) return;
    warned.add(key);
    logger.warn({ channel: channelId, permission, action }, 'missing permission');
  };

  const remember = (channelId: string, turns: ChatTurn[]): void => {
    conversations.delete(channelId);
    conversations.set(channelId, turns.slice(-HISTORY_TURNS));
    if (conversations.size > CACHED_CONVERSATIONS) conversations.delete(conversations.keys().next().value as string);
  };

  /** The earlier turns of the conversation in a thread or DM: from memory, else read from its messages. */
  const historyOf = async (message: Message, botId: string): Promise<ChatTurn[]> => {
    const cached = conversations.get(message.channelId);
    if (cached) return cached;
    const fetched = await message.channel.messages.fetch({ limit: HISTORY_MESSAGES, before: message.id });
    const turns = turnsFromMessages(fetched.values(), botId).slice(-HISTORY_TURNS);
    remember(message.channelId, turns);
    return turns;
  };

  /** Whether the bot has these permissions in the message's channel (always true in DMs). */
  const allowed = (message: Message, permissions: PermissionResolvable[]): string | null => {
    if (!message.inGuild()) return null;
    const me = message.guild.members.me;
    const granted = me ? message.channel.permissionsFor(me) : null;
    // permissions that cannot be known (the bot's member not cached yet) are tried; Discord's
    // refusal is then handled like a missing permission
    if (!granted) return null;
    for (const permission of permissions) {
      if (!granted.has(permission)) return String(Object.entries(PermissionFlagsBits).find(([, bit]) => bit === permission)?.[0] ?? permission);
    }
    return null;
  };

  async function handle(message: Message): Promise<void> {
    const botId = message.client.user.id;
    // bots (itself included), webhooks and system messages are never answered
    if (message.author.bot || message.webhookId || message.system || (message.type !== MessageType.Default && message.type !== MessageType.Reply)) return;
    if (settings.mode === 'off') return;
    const dm = !message.inGuild();
    const channel = message.channel;
    const inThread = channel.isThread();
    const ownThread = inThread && channel.ownerId === botId;
    // an explicit mention of the bot: @everyone, @here or a role alone does not count
    const mentioned = message.mentions.users.has(botId);
    const addressed = dm || mentioned || (ownThread && settings.messageContent);
    // a message not put to the bot can only be overheard (mode all), which needs its text: without
    // the Message Content intent the channel's settings are not even read
    if (!addressed && (inThread || !settings.messageContent)) return;
    // the reports of the message's server (the global ones in a DM)
    const context = scoped(shared, message.guildId);
    // a channel's own settings (a thread follows its parent channel's), else the env defaults
    const behaviour = dm || !context.memory ? settings : await context.memory.chatBehaviour(inThread ? (channel.parentId ?? message.channelId) : message.channelId);
    if (behaviour.mode === 'off') return;
    // mode all: any message of the channel is a candidate, answered only when the report answers it
    const overheard = !addressed && behaviour.mode === 'all';
    if (!addressed && !overheard) return;

    const started = performance.now();
    const question = questionOf(message.content);
    const lang = langFor(message, question);
    const where = dm ? 'dm' : inThread ? 'thread' : 'channel';
    const log: Record<string, unknown> = { message: message.id, kind: 'chat', where, guild: message.guildId ?? null, channel: message.channelId };
    try {
      if (logger.isLevelEnabled('debug')) logger.debug({ message: message.id, question }, 'question');
      const reply = async (body: Reply): Promise<void> => {
        const missingPermission = allowed(message, [inThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages]);
        if (missingPermission) {
          missing(message.channelId, missingPermission, 'reply');
          return;
        }
        const canReference = allowed(message, [PermissionFlagsBits.ReadMessageHistory]) === null;
        const options = toMessage(body);
        if (canReference) await message.reply({ ...options, failIfNotExists: false } as Parameters<Message['reply']>[0]);
        else await (channel as SendableChannels).send(options);
      };
      if (overheard && (!question || [...question].length > MAX_QUESTION_CHARS || cooldown.wait(message.author.id) > 0)) return;
      if (!question) {
        log.help = true;
        await reply({ content: t(lang, 'chatHelp') });
        return;
      }
      if ([...question].length > MAX_QUESTION_CHARS) {
        log.tooLong = true;
        await reply({ content: t(lang, 'questionTooLong', { length: [...question].length, max: MAX_QUESTION_CHARS }) });
        return;
      }
      // an overheard message is not a question put to the bot: it does not count toward the cooldown
      const wait = overheard ? 0 : cooldown.hit(message.author.id);
      if (wait > 0) {
        log.cooldown = wait;
        await reply({ content: t(lang, 'cooldown', { seconds: wait }) });
        return;
      }
      // a thread or a DM is a conversation: its earlier questions are the history
      const history = dm || inThread ? await historyOf(message, botId) : [];
      const answered = answer(question, undefined, context.engine, lang, history);
      // an overheard message the report does not answer is chat, not a question: no reply
      if (overheard && !answered.found) return;
      const answerId = context.memory && answered.asked ? newAnswerId() : null;
      // 答错了 after an answer is a 👎 on it, as its button would cast (stored where the question log keeps that answer)
      const calledWrong = answered.smallTalk === 'feedback' && context.memory ? history.at(-1)?.answerId : undefined;
      const downVoted = calledWrong !== undefined;
      if (downVoted) {
        context.memory!.vote(calledWrong, message.author.id, message.guildId, -1);
        log.vote = -1;
      }
      const outcome = answerId ? { ...answered, reply: withFeedback(answered.reply, answerId) } : downVoted ? { ...answered, reply: { content: t(lang, 'smallTalkFeedbackNoted') } } : answered;
      const via: AskedVia = dm ? 'dm' : inThread ? 'thread' : overheard ? 'channel' : 'mention';
      const recordAnswer = (): void => {
        if (!answerId || !context.memory || !answered.asked) return;
        log.answer = answerId;
        context.memory.record(answerId, { via, guild: message.guildId, channel: message.channelId, question: answered.asked.question, found: answered.found ?? false, confidence: answered.asked.confidence, passageIds: answered.passageIds ?? [], report: answered.asked.report, latencyMs: performance.now() - started });
      };
      Object.assign(log, { passageIds: outcome.passageIds, found: outcome.found, history: history.length });
      const turn: ChatTurn = { question, passageIds: outcome.answerPassageId ? [outcome.answerPassageId] : [], ...(answerId ? { answerId } : {}) };

      const threadable = !dm && !inThread && behaviour.threads && (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement);
      const threadAllowed = threadable && threadStarts.hit(message.channelId) === 0;
      if (threadable && !threadAllowed) log.threadCapped = true;
      if (threadAllowed) {
        const lacking = allowed(message, [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]);
        if (lacking) {
          missing(message.channelId, lacking, 'start a thread');
        } else {
          const name = truncate(questionOf(question).replace(/@/g, '@\u200b'), LIMITS.threadName);
          const thread = await message.startThread({ name }).catch((error: unknown) => {
            // refused after all (a permission, a thread already on the message): reply instead
            if (!(error instanceof DiscordAPIError)) throw error;
            missing(message.channelId, `Discord error ${error.code}`, 'start a thread');
            return null;
          });
          if (thread) {
            await thread.send(toMessage(outcome.reply));
            recordAnswer();
            remember(thread.id, [turn]);
            log.thread = thread.id;
            return;
          }
        }
      }
      await reply(outcome.reply);
      recordAnswer();
      // small talk (谢谢, 答错了) is no turn: a follow-up after it still follows the answer before
      if ((dm || inThread) && !answered.smallTalk) remember(message.channelId, [...history, turn]);
    } catch (error) {
      if (error instanceof ReportQaError) {
        // an expected failure: the user is told what is wrong, nothing is logged as a bug
        log.rejected = true;
        await message.reply({ content: truncate(t(lang, 'rejected', { reason: error.message }), LIMITS.content), allowedMentions: NO_MENTIONS, failIfNotExists: false }).catch(() => undefined);
        return;
      }
      const ref = randomBytes(3).toString('hex').toUpperCase();
      log.ref = ref;
      logger.error({ err: error, ref, message: message.id }, 'message failed');
      try {
        await message.reply({ content: t(lang, 'error', { ref }), allowedMentions: NO_MENTIONS, failIfNotExists: false });
      } catch (sendError) {
        logger.warn({ err: sendError, ref }, 'could not tell the user about the failure');
      }
    } finally {
      log.latencyMs = Math.round(performance.now() - started);
      logger.info(log, 'message');
      onHandled?.(handledOf('chat', log, performance.now() - started));
    }
  }

  return trackInFlight(handle);
}
