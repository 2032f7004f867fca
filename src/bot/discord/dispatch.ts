import { randomBytes } from 'node:crypto';
import { ApplicationCommandOptionType, MessageFlags, PermissionFlagsBits, type CommandInteractionOption, type Interaction, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../../logger.js';
import { trackInFlight } from './in-flight.js';
import { ReportQaError } from '../../core/index.js';
import { handleButton } from '../commands/buttons.js';
import { scoped, type BotContext, type Command, type CommandInput } from '../commands/command.js';
import { Cooldown } from '../service/cooldown.js';
import { answer } from '../commands/answer.js';
import { argumentsOf } from '../commands/command.js';
import { CUSTOM_ID, EXPECTED_FIELD, FOLLOW_UP_FIELD, MAX_EXPECTED_CHARS, parseCustomId } from './custom-id.js';
import { handleAdminButton } from '../commands/sources-admin.js';
import { expectedModal, followUpModal, notice, withFeedback } from '../render/format.js';
import { newAnswerId } from '../service/memory.js';
import type { AskedVia } from '../../store/index.js';
import { langOf, t } from '../render/i18n.js';
import { LIMITS, truncate } from './limits.js';
import type { Outcome } from '../render/reply.js';
import type { Handled } from '../service/health.js';
import { toDiscord } from './send.js';

/** What metrics count of a handled interaction or message, read from its log line. */
export function handledOf(command: string, log: Record<string, unknown>, latencyMs: number): Handled {
  const outcome = log.ref ? 'error' : log.cooldown || log.rejected || log.tooLong ? 'refused' : log.found === true ? 'answered' : log.found === false ? 'not_found' : 'done';
  return { command, outcome, latencyMs, ...(typeof log.found === 'boolean' ? { found: log.found } : {}) };
}

const FOLLOW_UP_PREFIX = CUSTOM_ID.followUp('');
const FOLLOW_UP_MODAL_PREFIX = CUSTOM_ID.followUpModal('');

/** What the dispatcher needs. */
export interface DispatchOptions {
  commands: Command[];
  context: BotContext;
  logger: Logger;
  cooldown: Cooldown;
  /** Told of every handled interaction (for metrics). */
  onHandled?: (handled: Handled) => void;
}

/** The dispatcher: one entry for every interaction, and a way to wait for those in flight. */
export interface Dispatcher {
  (interaction: Interaction): Promise<void>;
  /** Resolves when no interaction is being answered (for a graceful shutdown). */
  idle(): Promise<void>;
}

/**
 * The raw option values of a command interaction, by name: a subcommand's name as `subcommand`
 * and its options beside it; an attachment as its address, name, type and size.
 */
function rawOptions(interaction: Interaction): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (!interaction.isChatInputCommand()) return options;
  const read = (list: readonly CommandInteractionOption[]): void => {
    for (const option of list) {
      if (option.type === ApplicationCommandOptionType.Subcommand) {
        options.subcommand = option.name;
        read(option.options ?? []);
      } else if (option.attachment) {
        options[option.name] = { url: option.attachment.url, name: option.attachment.name, contentType: option.attachment.contentType, size: option.attachment.size };
      } else {
        options[option.name] = option.value;
      }
    }
  };
  read(interaction.options.data);
  return options;
}

/** Whether a channel id names a channel of the interaction's own server (known from the gateway's cache). */
function channelOfServer(interaction: Interaction, channel: string): boolean {
  const known = interaction.client.channels.cache.get(channel);
  return interaction.guildId !== null && known !== undefined && 'guildId' in known && known.guildId === interaction.guildId;
}

function commandInput(interaction: Interaction): CommandInput {
  const lang = langOf(interaction.locale);
  // Manage Server, checked before a command changes the corpus (false in DMs)
  const who = {
    user: interaction.user.id,
    canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    guild: interaction.guildId,
    channel: interaction.channelId,
    ownsChannel: (channel: string) => channelOfServer(interaction, channel),
  };
  if (interaction.isMessageContextMenuCommand()) return { targetText: interaction.targetMessage.content, lang, ...who };
  return { lang, ...who };
}

async function send(interaction: RepliableInteraction, outcome: Outcome, update = false): Promise<void> {
  const options = toDiscord(outcome.reply);
  if (interaction.deferred || interaction.replied) {
    const { flags: _ephemeralIsSetAtDefer, ...edit } = options;
    await interaction.editReply(edit);
  } else if (update && interaction.isMessageComponent()) {
    const { flags: _notForUpdates, ...edit } = options;
    await interaction.update(edit);
  } else {
    await interaction.reply(options);
  }
}

/**
 * Creates the interaction handler: finds the command, applies the per-user cooldown, answers, and
 * logs one line per interaction. One error boundary: a failure is logged with a ref and the user
 * gets an ephemeral "something went wrong (ref …)"; the process keeps serving.
 */
export function createDispatcher({ commands, context: shared, logger, cooldown, onHandled }: DispatchOptions): Dispatcher {
  const byName = new Map(commands.map((command) => [command.data.name, command]));

  /**
   * Sends an answer with its 👍/👎 buttons and records it in the question log (when the bot has a
   * store): the answer id is made first, so that the buttons can carry it, and the log row is
   * queued after the reply is sent, never awaited.
   */
  async function sendAnswer(interaction: RepliableInteraction, outcome: Outcome, via: AskedVia, started: number, log: Record<string, unknown>): Promise<void> {
    const { memory } = shared;
    if (!memory || !outcome.asked) return send(interaction, outcome);
    const id = newAnswerId();
    await send(interaction, { ...outcome, reply: withFeedback(outcome.reply, id) });
    log.answer = id;
    memory.record(id, { via, guild: interaction.guildId, channel: interaction.channelId, question: outcome.asked.question, found: outcome.found ?? false, confidence: outcome.asked.confidence, passageIds: outcome.passageIds ?? [], report: outcome.asked.report, latencyMs: performance.now() - started });
  }

  async function handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const lang = langOf(interaction.locale);
    const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() || interaction.isModalSubmit() ? interaction.customId.split(':')[0] : `type ${interaction.type}`;
    const log: Record<string, unknown> = { interaction: interaction.id, kind: interaction.type, command: name, guild: interaction.guildId ?? null, locale: interaction.locale };
    // the reports of the asker's server (the global ones in a DM): no command sees another server's
    const context = scoped(shared, interaction.guildId);
    try {
      if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        const focused = interaction.options.getFocused(true);
        const choices = command?.autocomplete?.({ name: focused.name, value: String(focused.value) }, context, interaction.guildId) ?? [];
        await interaction.respond(choices.slice(0, LIMITS.choices).map((choice) => ({ name: truncate(choice.name, LIMITS.choiceName), value: truncate(choice.value, LIMITS.choiceValue) })));
        log.choices = choices.length;
        return;
      }
      if (interaction.isButton() && interaction.customId.startsWith(FOLLOW_UP_PREFIX)) {
        // the modal is the acknowledgement; the answer comes with its submit
        await interaction.showModal(followUpModal(interaction.customId.slice(FOLLOW_UP_PREFIX.length), lang));
        return;
      }
      const component = interaction.isButton() || interaction.isModalSubmit() ? parseCustomId(interaction.customId) : null;
      // a button press is work done for a user, as a question is: it counts toward the same cooldown
      if (interaction.isButton()) {
        const wait = cooldown.hit(interaction.user.id);
        if (wait > 0) {
          log.cooldown = wait;
          await send(interaction, { reply: notice(t(lang, 'cooldown', { seconds: wait })) });
          return;
        }
      }
      if (component?.kind === 'vote' && interaction.isButton()) {
        log.vote = component.value;
        if (!context.memory) return await send(interaction, { reply: notice(t(lang, 'noMemory')) });
        context.memory.vote(component.answerId, interaction.user.id, interaction.guildId, component.value);
        // a 👎 asks what was expected (optional): the modal is the acknowledgement
        if (component.value === -1) await interaction.showModal(expectedModal(component.answerId, lang));
        else await send(interaction, { reply: notice(t(lang, 'thanksUp')) });
        return;
      }
      if (component?.kind === 'vote-comment' && interaction.isModalSubmit()) {
        if (!context.memory) return await send(interaction, { reply: notice(t(lang, 'noMemory')) });
        const expected = [...interaction.fields.getTextInputValue(EXPECTED_FIELD).trim()].slice(0, MAX_EXPECTED_CHARS).join('');
        if (expected) context.memory.comment(component.answerId, interaction.user.id, interaction.guildId, expected);
        log.comment = expected.length > 0;
        await send(interaction, { reply: notice(t(lang, 'thanksDown')) });
        return;
      }
      if (interaction.isModalSubmit()) {
        if (!interaction.customId.startsWith(FOLLOW_UP_MODAL_PREFIX)) {
          log.unknown = true;
          await send(interaction, { reply: notice(t(lang, 'unknownCommand')) });
          return;
        }
        const wait = cooldown.hit(interaction.user.id);
        if (wait > 0) {
          log.cooldown = wait;
          await send(interaction, { reply: notice(t(lang, 'cooldown', { seconds: wait })) });
          return;
        }
        const passageId = interaction.customId.slice(FOLLOW_UP_MODAL_PREFIX.length);
        // the question of the answer this button was under: in a reply to several questions, the
        // embed whose citation holds the passage
        const embeds = interaction.message?.embeds ?? [];
        const earlier = (embeds.find((embed) => embed.fields.some((field) => field.value.includes(`\`${passageId}\``))) ?? embeds[0])?.author?.name;
        const history = earlier ? [{ question: earlier, passageIds: [passageId] }] : [];
        const outcome = answer(interaction.fields.getTextInputValue(FOLLOW_UP_FIELD), undefined, context.engine, lang, history);
        Object.assign(log, { passageIds: outcome.passageIds, found: outcome.found, followUp: true });
        await sendAnswer(interaction, outcome, 'follow-up', started, log);
        return;
      }
      const adminKind = interaction.isButton() ? parseCustomId(interaction.customId) : null;
      if (interaction.isButton() && adminKind && ['import-save', 'import-cancel', 'remove-confirm', 'remove-cancel'].includes(adminKind.kind)) {
        const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
        const reply = interaction.guildId ? await handleAdminButton(adminKind, context, { user: interaction.user.id, guild: interaction.guildId, canManage, lang }) : notice(t(lang, 'guildOnly'));
        // a refusal is a notice for the presser; a change updates the preview in place
        await send(interaction, { reply }, !reply.ephemeral);
        return;
      }
      if (interaction.isButton()) {
        const question = interaction.message.embeds[0]?.author?.name;
        const outcome = handleButton(interaction.customId, question, context, lang);
        Object.assign(log, { passageIds: outcome.passageIds, found: outcome.found });
        await send(interaction, outcome, outcome.update);
        return;
      }
      if (!interaction.isCommand()) return;
      const command = byName.get(interaction.commandName);
      if (!command) {
        log.unknown = true;
        await send(interaction, { reply: notice(t(lang, 'unknownCommand')) });
        return;
      }
      if (command.asks) {
        const wait = cooldown.hit(interaction.user.id);
        if (wait > 0) {
          log.cooldown = wait;
          await send(interaction, { reply: notice(t(lang, 'cooldown', { seconds: wait })) });
          return;
        }
      }
      const input = commandInput(interaction);
      const raw = rawOptions(interaction);
      if (logger.isLevelEnabled('debug')) logger.debug({ interaction: interaction.id, options: raw, targetText: input.targetText }, 'question');
      if (command.defer) await interaction.deferReply(command.deferEphemeral?.(raw) ? { flags: MessageFlags.Ephemeral } : {});
      const outcome = await command.run(argumentsOf(command.options, raw), input, context);
      Object.assign(log, { passageIds: outcome.passageIds, found: outcome.found });
      await sendAnswer(interaction, outcome, interaction.isMessageContextMenuCommand() ? 'context-menu' : 'slash', started, log);
    } catch (error) {
      if (error instanceof ReportQaError && interaction.isRepliable()) {
        // an expected failure (a question too long, a corpus problem): the user is told what is wrong
        log.rejected = true;
        try {
          await send(interaction, { reply: notice(t(lang, 'rejected', { reason: error.message })) });
        } catch (sendError) {
          logger.warn({ err: sendError }, 'could not tell the user why the question was refused');
        }
        return;
      }
      const ref = randomBytes(3).toString('hex').toUpperCase();
      log.ref = ref;
      logger.error({ err: error, ref, interaction: interaction.id, command: name }, 'interaction failed');
      if (interaction.isRepliable()) {
        try {
          await send(interaction, { reply: notice(t(lang, 'error', { ref })) });
        } catch (sendError) {
          logger.warn({ err: sendError, ref }, 'could not tell the user about the failure');
        }
      }
    } finally {
      log.latencyMs = Math.round(performance.now() - started);
      logger.info(log, 'interaction');
      onHandled?.(handledOf(String(name), log, performance.now() - started));
    }
  }

  return trackInFlight(handle);
}
