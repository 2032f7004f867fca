import { config as loadDotenv } from 'dotenv';
import { join } from 'node:path';
import * as z from 'zod';

const blankIsUnset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const snowflake = z.string().regex(/^\d{1,20}$/, 'expected a Discord id (digits only)');
const booleanFlag = z.enum(['true', 'false'], { error: 'expected true or false' }).transform((value) => value === 'true');
const positiveInt = z.coerce.number().int('expected a whole number').positive('expected a number above 0');

/** Every setting the program reads from the environment, validated in one place. */
export const configSchema = z
  .object({
    DISCORD_TOKEN: z.preprocess(blankIsUnset, z.string().regex(/^\S+$/, 'a bot token has no spaces (copy it again from the Developer Portal)').optional()),
    DISCORD_APP_ID: z.preprocess(blankIsUnset, snowflake.optional()),
    DISCORD_GUILD_ID: z.preprocess(blankIsUnset, snowflake.optional()),
    DISCORD_API_URL: z.preprocess(
      blankIsUnset,
      z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).default('https://discord.com/api'),
    ),
    CORPUS_DIR: z.preprocess(blankIsUnset, z.string().default('corpus')),
    INDEX_CACHE_DIR: z.preprocess(blankIsUnset, z.string().default('.cache')),
    AUTO_DEPLOY: z.preprocess(blankIsUnset, z.enum(['true', 'false'], { error: 'expected true or false' }).transform((value) => value === 'true').default(true)),
    CORPUS_WATCH: z.preprocess(blankIsUnset, z.enum(['true', 'false'], { error: 'expected true or false' }).transform((value) => value === 'true').default(true)),
    LOG_LEVEL: z.preprocess(
      blankIsUnset,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    COOLDOWN_QUESTIONS: z.preprocess(blankIsUnset, positiveInt.default(5)),
    COOLDOWN_SECONDS: z.preprocess(blankIsUnset, positiveInt.default(30)),
    SHARDS: z.preprocess(blankIsUnset, z.union([z.literal('auto'), positiveInt], { error: 'expected auto or a number of shards' }).optional()),
    SHARD_LIST: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^\d+(\s*,\s*\d+)*$/, 'expected shard ids separated by commas, e.g. 0,1')
        .transform((value) => value.split(',').map((id) => Number(id.trim())))
        .optional(),
    ),
    TOTAL_SHARDS: z.preprocess(blankIsUnset, positiveInt.optional()),
    HEALTH_PORT: z.preprocess(blankIsUnset, z.coerce.number().int('expected a port number').min(0, 'expected a port from 0 to 65535').max(65535, 'expected a port from 0 to 65535').optional()),
    HEALTH_HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
    DISCORD_CONNECT_ATTEMPTS: z.preprocess(blankIsUnset, positiveInt.default(5)),
    CHAT_MODE: z.preprocess(blankIsUnset, z.enum(['mention', 'all', 'off'], { error: 'expected mention, all or off' }).default('mention')),
    CHAT_THREADS: z.preprocess(blankIsUnset, booleanFlag.default(true)),
    MESSAGE_CONTENT_INTENT: z.preprocess(blankIsUnset, booleanFlag.default(false)),
    DATA_DIR: z.preprocess(blankIsUnset, z.string().default('.data')),
    DATABASE_URL: z.preprocess(blankIsUnset, z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgres://user:password@host:port/database (or leave it unset for SQLite in DATA_DIR)').optional()),
    QUESTION_LOG: z.preprocess(blankIsUnset, z.enum(['full', 'outcomes', 'off'], { error: 'expected full, outcomes or off' }).default('full')),
    QUESTION_LOG_DAYS: z.preprocess(blankIsUnset, positiveInt.default(90)),
    GUILD_CORPUS_DIR: z.preprocess(blankIsUnset, z.string().optional()),
    CORPUS_ADMIN_GUILDS: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^\d{1,20}(\s*,\s*\d{1,20})*$/, 'expected Discord server ids separated by commas')
        .transform((value) => new Set(value.split(',').map((id) => id.trim())))
        .default(new Set<string>()),
    ),
    IMPORT_ALLOWED_HOSTS: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^[\w.:\-\[\]]+(\s*,\s*[\w.:\-\[\]]+)*$/, 'expected host names or addresses separated by commas')
        .transform((value) => new Set(value.split(',').map((host) => host.trim().toLowerCase().replace(/^\[|\]$/g, ''))))
        .default(new Set<string>()),
    ),
    IMPORT_MAX_MB: z.preprocess(blankIsUnset, z.coerce.number().positive('expected a size in MB above 0').max(25, 'at most 25 (MB)').default(5)),
    FORGET_AFTER_DAYS: z.preprocess(blankIsUnset, z.coerce.number().int('expected a whole number').min(0, 'expected 0 or more days').default(30)),
    THREADS_PER_MINUTE: z.preprocess(blankIsUnset, positiveInt.default(10)),
    GUILD_ENGINES_KEPT: z.preprocess(blankIsUnset, positiveInt.default(128)),
  })
  // a server's own reports live beside the rest of the bot's data unless told otherwise
  .transform((config) => ({ ...config, GUILD_CORPUS_DIR: config.GUILD_CORPUS_DIR ?? join(config.DATA_DIR, 'reports') }));

/** The validated settings. */
export type Config = z.infer<typeof configSchema>;

/** Settings that are wrong; the message lists each bad variable on its own line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates settings from an environment object (process.env by default), reporting every bad
 * variable at once.
 * @throws ConfigError
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // in a shard process, discord.js's manager sets SHARDS to the shard's id: not our setting
  const input = env.SHARDING_MANAGER === 'true' ? { ...env, SHARDS: undefined, SHARD_LIST: undefined, TOTAL_SHARDS: undefined } : env;
  const result = configSchema.safeParse(input);
  const lines = result.success ? [] : result.error.issues.map((issue) => `  ${String(issue.path[0] ?? 'environment')}: ${issue.message}`);
  // checked apart from the schema so that it is reported together with every other problem
  if (blankIsUnset(env.DISCORD_TOKEN) !== undefined && blankIsUnset(env.DISCORD_APP_ID) === undefined) {
    lines.push('  DISCORD_APP_ID: required when DISCORD_TOKEN is set');
  }
  if (result.success && result.data.SHARD_LIST && result.data.TOTAL_SHARDS === undefined) lines.push('  TOTAL_SHARDS: required with SHARD_LIST (how many shards all machines run together)');
  if (result.success && result.data.SHARD_LIST && result.data.TOTAL_SHARDS !== undefined && result.data.SHARD_LIST.some((id) => id >= result.data.TOTAL_SHARDS!)) lines.push('  SHARD_LIST: every shard id must be below TOTAL_SHARDS');
  if (result.success && lines.length === 0) return result.data;
  throw new ConfigError(`invalid settings (from the environment or .env):\n${lines.join('\n')}`);
}

let loaded: Config | undefined;

/** Loads .env once (variables already set win) and validates the result once. */
export function getConfig(): Config {
  loaded ??= (loadDotenv({ quiet: true }), parseConfig(process.env));
  return loaded;
}
