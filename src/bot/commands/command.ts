import { SlashCommandBuilder, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Reports, Suggestions, Turn } from '../../core/index.js';
import type { Lang } from '../render/i18n.js';
import { zh } from '../render/localize.js';
import type { Outcome } from '../render/reply.js';
import type { BotMemory } from '../service/memory.js';
import type { Scheduler } from '../service/scheduler.js';
import type { PendingImports } from '../service/pending-imports.js';
import type { Tenants } from '../service/tenants.js';
import type { ImportRunner } from '../../ingest/import-worker.js';
import type { FetchPolicy } from '../../ingest/fetch.js';

/**
 * What commands answer from. `engine` and `suggester` are the reports of the audience asking: the
 * dispatcher and the chat handler hand each command the view of its server ({@link scoped}), so a
 * command never reads another server's reports.
 */
export interface BotContext {
  engine: Reports;
  suggester: Suggestions;
  /** Every audience's reports (global and per server); absent in the terminal, which has the global ones alone. */
  tenants?: Tenants;
  /** Changing the corpus from Discord (/sources add and remove); absent in the terminal. */
  admin?: CorpusAdmin;
  /** The store's side of the bot (question log, votes, settings); absent when nothing is stored (terminal). */
  memory?: BotMemory;
  /** Scheduled briefings; absent in the terminal. */
  scheduler?: Scheduler;
}

/** What changing reports from Discord needs: whose reports, the importer's limits, and the log. */
export interface CorpusAdmin {
  tenants: Tenants;
  /** Servers whose admins change the operator's corpus (CORPUS_ADMIN_GUILDS). */
  adminGuilds: ReadonlySet<string>;
  /** Imports awaiting their Save button, by token (in the store when the bot has one). */
  pending: PendingImports;
  /** One import at a time, extracted in a worker thread. */
  importer: ImportRunner;
  /** The addresses an import may reach (IMPORT_ALLOWED_HOSTS). */
  fetchPolicy: FetchPolicy;
  /** The largest document read, in bytes (IMPORT_MAX_MB). */
  maxBytes: number;
  /** Logs a change with who made it. */
  log(change: Record<string, unknown>): void;
}

/** An import previewed on Discord, waiting to be saved. */
export interface PendingImport {
  id: string;
  markdown: string;
  user: string;
  at: number;
  /** The server it was previewed in. */
  guild: string;
  /** Where Save writes it: 'global' or the server's id. */
  scope: string;
}

/** The context of one audience: `context` with the reports `guild` sees (null: a DM). */
export function scoped(context: BotContext, guild: string | null | undefined): BotContext {
  if (!context.tenants) return context;
  const view = context.tenants.view(guild);
  return { ...context, engine: view.engine, suggester: view.suggester };
}

/**
 * One option of a slash command, described once: the definition sent to Discord and the type of
 * the argument `run` receives are both derived from it (see {@link ArgumentsOf}).
 */
export interface OptionSpec {
  readonly name: string;
  readonly type: 'string' | 'boolean' | 'attachment';
  readonly description: string;
  /** The description in simplified and traditional Chinese. */
  readonly zh: readonly [simplified: string, traditional: string];
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly maxLength?: number;
}

/** A file attached to a command (Discord's attachment option). */
export interface AttachmentArg {
  url: string;
  name: string;
  contentType: string | null;
  size: number;
}

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean' ? boolean : O['type'] extends 'attachment' ? AttachmentArg : string;

/**
 * The typed arguments of a command, from its option specs (as discord-utils-bot's ArgumentsOf):
 * `{ question: string; section: string | undefined; private: boolean | undefined }` for /ask.
 */
export type ArgumentsOf<S extends readonly OptionSpec[]> = {
  [O in S[number] as O['name']]: ValueOf<O> | (O['required'] extends true ? never : undefined);
};

/** How a command was asked, besides its options. */
export interface CommandInput {
  /** The target message's text, for message context menu commands. */
  targetText?: string;
  lang: Lang;
  /** The conversation's earlier turns, for a question asked as a follow-up (terminal, chat). */
  history?: readonly Turn[];
  /** True when the asker may manage the server (Manage Server): what changes the corpus needs. */
  canManage?: boolean;
  /** Who asked (a Discord user id), for the log of changes. */
  user?: string;
  /** Where it was asked: the server (null in DMs) and the channel. */
  guild?: string | null;
  channel?: string | null;
  /** Whether a channel id (a channel option's value) is a channel of the server asking. */
  ownsChannel?: (channel: string) => boolean;
}

/** An autocomplete choice. */
export interface Choice {
  name: string;
  value: string;
}

/**
 * A command: its definition (deployed as is), its options, and what it does. `run` is pure: it
 * returns the reply and the dispatcher sends it, so the same commands serve Discord and the
 * terminal. Definitions do not depend on the corpus: section and report options autocomplete, so
 * adding a report never needs a redeploy.
 */
export interface Command<S extends readonly OptionSpec[] = readonly OptionSpec[]> {
  data: RESTPostAPIApplicationCommandsJSONBody;
  options: S;
  /** Counts toward the per-user question cooldown. */
  asks?: boolean;
  /** Acknowledge first (deferReply), then send: for work that may outlast Discord's 3 s. */
  defer?: boolean;
  /** When deferring: whether the reply is for the asker alone, from the raw options. */
  deferEphemeral?(raw: Readonly<Record<string, unknown>>): boolean;
  /** The reply; a command that reads the network or writes files answers asynchronously (Discord only). */
  run(args: ArgumentsOf<S>, input: CommandInput, context: BotContext): Outcome | Promise<Outcome>;
  /** Choices for a focused option, from the reports of the asker's server (`guild`, null in a DM). */
  autocomplete?(option: { name: string; value: string }, context: BotContext, guild: string | null): Choice[];
}

/**
 * Reads raw option values (from an interaction or a terminal line) into a command's arguments: a
 * value of another type than its spec says is converted when it can be (a terminal's "true") and
 * dropped otherwise.
 */
export function argumentsOf<S extends readonly OptionSpec[]>(specs: S, raw: Readonly<Record<string, unknown>>): ArgumentsOf<S> {
  const args: Record<string, string | boolean | AttachmentArg | undefined> = {};
  for (const spec of specs) {
    const value = raw[spec.name];
    if (value === undefined || value === null) args[spec.name] = spec.type === 'string' && spec.required ? '' : undefined;
    else if (spec.type === 'attachment') args[spec.name] = typeof value === 'object' && typeof (value as AttachmentArg).url === 'string' ? (value as AttachmentArg) : undefined;
    else if (spec.type === 'boolean') args[spec.name] = typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
    else args[spec.name] = String(value);
  }
  return args as ArgumentsOf<S>;
}

/** A builder option (string, integer, channel…), as discord.js's builders type it. */
type DescribableOption<T> = { setName(n: string): T; setDescription(d: string): T; setDescriptionLocalizations(l: ReturnType<typeof zh>): T };

/**
 * Names and describes a builder option from the spec of that name, in English, simplified and
 * traditional Chinese: for definitions with subcommands, which {@link slashCommandData} does not build.
 */
export function describedOption<T extends DescribableOption<T>>(option: T, specs: readonly OptionSpec[], name: string): T {
  const spec = specs.find((item) => item.name === name);
  if (!spec) throw new Error(`no option spec named ${name}`);
  return option.setName(spec.name).setDescription(spec.description).setDescriptionLocalizations(zh(...spec.zh));
}

/** A slash command's definition from its name, description and option specs. */
export function slashCommandData(name: string, description: string, localized: readonly [string, string], options: readonly OptionSpec[]): RESTPostAPIApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder().setName(name).setDescription(description).setDescriptionLocalizations(zh(...localized));
  for (const spec of options) {
    const common = <T extends { setName(n: string): T; setDescription(d: string): T; setDescriptionLocalizations(l: ReturnType<typeof zh>): T; setRequired(r: boolean): T }>(option: T): T =>
      option.setName(spec.name).setDescription(spec.description).setDescriptionLocalizations(zh(...spec.zh)).setRequired(spec.required ?? false);
    if (spec.type === 'boolean') builder.addBooleanOption((option) => common(option));
    else if (spec.type === 'attachment') builder.addAttachmentOption((option) => common(option));
    else
      builder.addStringOption((option) => {
        common(option).setAutocomplete(spec.autocomplete ?? false);
        return spec.maxLength === undefined ? option : option.setMaxLength(spec.maxLength);
      });
  }
  return builder.toJSON();
}
