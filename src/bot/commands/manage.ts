import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { ArgumentsOf, BotContext, Choice, Command, CommandInput, OptionSpec } from './command.js';
import { notice } from '../render/format.js';
import { t } from '../render/i18n.js';
import { zh } from '../render/localize.js';
import type { BotMemory } from '../service/memory.js';
import type { Outcome } from '../render/reply.js';
import { StoreError } from '../../store/index.js';

/**
 * What the commands that read or change the bot's records share: a definition that Discord shows
 * only to members with Manage Server, in servers; and the same checks again before acting (a
 * server may override the default permission).
 */

/** A slash command builder for a Manage Server command, in servers only. */
export function manageCommand(name: string, description: string, localized: readonly [string, string]): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setDescriptionLocalizations(zh(...localized))
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
}

/** The refusal when a command cannot act: no store, no server, no permission; null when it may. */
function refusal(input: CommandInput, context: BotContext): Outcome | null {
  if (!context.memory) return { reply: notice(t(input.lang, 'noMemory')) };
  if (!input.guild) return { reply: notice(t(input.lang, 'guildOnly')) };
  if (!input.canManage) return { reply: notice(t(input.lang, 'needsManage')) };
  return null;
}

/**
 * Runs a read or change of the store for a command: a database that fails (a StoreError) is a
 * notice for the user ("try again in a minute") and a warning in the log; anything else is a bug,
 * left to the dispatcher's error boundary.
 */
export async function withStore(memory: BotMemory, input: CommandInput, work: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    memory.logger.warn({ err: error }, 'store unavailable for a command');
    return { reply: notice(t(input.lang, 'storeDown')) };
  }
}

/** What a team command runs with: a server, and the bot's memory. */
export interface TeamInput extends CommandInput {
  guild: string;
}

/** A team command's parts; {@link teamCommand} adds what they all share. */
export interface TeamCommandSpec<S extends readonly OptionSpec[]> {
  data: RESTPostAPIApplicationCommandsJSONBody;
  options: S;
  run(args: ArgumentsOf<S>, input: TeamInput, memory: BotMemory, context: BotContext): Outcome | Promise<Outcome>;
  autocomplete?(option: { name: string; value: string }, context: BotContext): Choice[];
}

/**
 * A command for the team (/gaps, /settings, /brief-schedule): acknowledged at once and answered to
 * the asker alone; refused without a store, outside a server or without Manage Server, before it
 * reads or changes anything.
 */
export function teamCommand<S extends readonly OptionSpec[]>(spec: TeamCommandSpec<S>): Command<S> {
  return {
    data: spec.data,
    options: spec.options,
    defer: true,
    deferEphemeral: () => true,
    run(args, input, context) {
      const refused = refusal(input, context);
      if (refused) return refused;
      return spec.run(args, { ...input, guild: input.guild! }, context.memory!, context);
    },
    ...(spec.autocomplete ? { autocomplete: spec.autocomplete } : {}),
  };
}
