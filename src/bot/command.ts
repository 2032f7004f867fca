import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Engine, Suggester, Turn } from '../core/index.js';
import type { Lang } from './i18n.js';
import type { Outcome } from './reply.js';

/** What commands answer from. */
export interface BotContext {
  engine: Engine;
  suggester: Suggester;
}

/** A command's input, however it arrived (a slash command, a context menu, the terminal). */
export interface CommandInput {
  options: Record<string, string | number | boolean | undefined>;
  /** The target message's text, for message context menu commands. */
  targetText?: string;
  lang: Lang;
  /** The conversation's earlier turns, for a question asked as a follow-up (terminal, chat). */
  history?: readonly Turn[];
}

/** An autocomplete choice. */
export interface Choice {
  name: string;
  value: string;
}

/**
 * A command: its definition (deployed as is) and what it does. `run` is pure: it returns the reply
 * and the dispatcher sends it, so the same commands serve Discord and the terminal.
 */
export interface Command {
  data: RESTPostAPIApplicationCommandsJSONBody;
  /** Counts toward the per-user question cooldown. */
  asks?: boolean;
  /** Acknowledge first (deferReply), then send: for work that may outlast Discord's 3 s. */
  defer?: boolean;
  run(input: CommandInput, context: BotContext): Outcome;
  autocomplete?(option: { name: string; value: string }, context: BotContext): Choice[];
}
