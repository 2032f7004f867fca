import { REST, Routes } from 'discord.js';
import { ConfigError, getConfig, type Config } from '../config.js';
import { ReportQaError } from '../core/index.js';
import { isMainModule } from '../cli/main-module.js';
import { createCommands } from './commands/index.js';

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
