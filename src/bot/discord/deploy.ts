import { REST, Routes } from 'discord.js';
import { ConfigError, getConfig, type Config } from '../../config.js';
import { ReportQaError } from '../../core/index.js';
import { isMainModule } from '../../cli/main-module.js';
import { createCommands } from '../commands/index.js';

/**
 * Registers every command in one bulk overwrite: to DISCORD_GUILD_ID when set (instant), else
 * globally. Returns the names Discord registered.
 */
export async function deployCommands(config: Config): Promise<string[]> {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
    throw new ConfigError('invalid settings (from the environment or .env):\n  DISCORD_TOKEN and DISCORD_APP_ID are required to deploy commands');
  }
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  // the definitions do not depend on the corpus: no index is built to deploy them
  const body = createCommands().map((command) => command.data);
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(config.DISCORD_APP_ID, config.DISCORD_GUILD_ID) : Routes.applicationCommands(config.DISCORD_APP_ID);
  const registered = (await rest.put(route, { body })) as Array<{ name: string }>;
  return registered.map((command) => command.name);
}

/** The parts of a command definition that we send, in a fixed shape, for comparing. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'name_localizations', 'description', 'description_localizations', 'type', 'options', 'required', 'autocomplete', 'max_length', 'min_length', 'choices', 'value']) {
    const field = record[key];
    // Discord fills defaults in (required: false, empty localizations): they equal leaving them out
    if (field === undefined || field === null || field === false || (typeof field === 'object' && !Array.isArray(field) && Object.keys(field as object).length === 0)) continue;
    out[key] = key === 'options' || key === 'choices' ? (field as unknown[]).map(comparable) : comparable(field);
  }
  return out;
}

/** True when the deployed commands are ours (same names, options, descriptions, localizations). */
export function sameCommands(deployed: unknown[], ours: unknown[]): boolean {
  const key = (list: unknown[]): string => JSON.stringify(list.map(comparable).sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name))));
  return key(deployed) === key(ours);
}

/**
 * At start (AUTO_DEPLOY=true): compares the commands Discord has with the bot's own and deploys
 * them when they differ, so that an upgrade that changes a command needs no manual step.
 * @returns whether it deployed
 */
export async function deployIfChanged(config: Config, rest: REST): Promise<boolean> {
  if (!config.DISCORD_APP_ID) return false;
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(config.DISCORD_APP_ID, config.DISCORD_GUILD_ID) : Routes.applicationCommands(config.DISCORD_APP_ID);
  const ours = createCommands().map((command) => command.data);
  const deployed = (await rest.get(route)) as unknown[];
  if (sameCommands(deployed, ours)) return false;
  await rest.put(route, { body: ours });
  return true;
}

async function main(): Promise<number> {
  try {
    const config = getConfig();
    const names = await deployCommands(config);
    const where = config.DISCORD_GUILD_ID ? `server ${config.DISCORD_GUILD_ID} (available now)` : 'all servers (global; may take up to an hour to appear)';
    process.stdout.write(`Registered ${names.length} commands to ${where}: ${names.join(', ')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ReportQaError) {
      process.stderr.write(`deploy-commands: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`deploy-commands: Discord refused the commands: ${(error as Error).message}\n`);
    return 1;
  }
}

if (isMainModule(import.meta.url)) process.exitCode = await main();
