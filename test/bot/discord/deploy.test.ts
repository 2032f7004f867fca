import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../../src/bot/discord/deploy.js';
import { parseConfig } from '../../../src/config.js';
import { FAKE, FakeDiscord } from '../../helpers/fake-discord.js';

describe('deploy-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(() => fake.close());

  it('GIVEN a guild id THEN one bulk overwrite of every command to that guild, localized', async () => {
    const config = parseConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_GUILD_ID: FAKE.guildId, DISCORD_API_URL: fake.apiUrl });
    const names = await deployCommands(config);
    expect(names).toEqual(['ask', 'section', 'brief', 'sources', 'gaps', 'settings', 'brief-schedule', 'privacy', 'help', 'Ask the report']);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/api/v10/applications/${FAKE.appId}/guilds/${FAKE.guildId}/commands`]);
    const ask = (puts[0]!.body as Array<Record<string, any>>)[0]!;
    expect(ask.description_localizations['zh-CN']).toBeTruthy();
    expect(ask.description_localizations['zh-TW']).toBeTruthy();
    // sections autocomplete: the definitions name no section, so a new report needs no redeploy
    const section = ask.options.find((o: { name: string }) => o.name === 'section');
    expect(section).toMatchObject({ autocomplete: true });
    expect(section.choices).toBeUndefined();
    expect(ask.options[0]).toMatchObject({ name: 'question', max_length: 200, autocomplete: true, required: true });
  });

  it('GIVEN no guild id THEN the commands go global', async () => {
    const config = parseConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl });
    await deployCommands(config);
    expect(fake.requests.at(-1)!.path).toBe(`/api/v10/applications/${FAKE.appId}/commands`);
  });

  it('GIVEN a corpus folder that does not exist THEN deploying still works: it builds no index', async () => {
    const config = parseConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: '/nonexistent/corpus' });
    expect(await deployCommands(config)).toHaveLength(10);
  });

  it('GIVEN no token THEN a clear error', async () => {
    await expect(deployCommands(parseConfig({}))).rejects.toThrow(/DISCORD_TOKEN and DISCORD_APP_ID are required/);
  });

  it('GIVEN AUTO_DEPLOY (the default) THEN the first start deploys the commands, a second start finds them up to date, and a changed command is deployed again', async () => {
    const { startBotOnFake } = await import('../../helpers/bot.js');
    const { fake: f, bot, logs } = await startBotOnFake();
    try {
      expect(await logs.waitFor((line) => line.msg === 'commands deployed (they had changed)', 5000)).toMatchObject({ deployed: true });
      expect(f.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    } finally {
      await bot.stop();
    }
    const again = await startBotOnFake({}, f);
    try {
      await again.logs.waitFor((line) => line.msg === 'commands up to date', 5000);
      expect(f.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    } finally {
      await again.bot.stop();
    }
    // Discord holds an older definition: it is replaced
    f.deployedCommands = f.deployedCommands.map((command) => (command.name === 'ask' ? { ...command, description: 'an older description' } : command));
    const third = await startBotOnFake({}, f);
    try {
      await third.logs.waitFor((line) => line.msg === 'commands deployed (they had changed)', 5000);
      expect(f.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
    } finally {
      await third.bot.stop();
      await f.close();
    }
  });

  it('GIVEN AUTO_DEPLOY=false THEN the bot neither reads nor writes the commands', async () => {
    const { startBotOnFake } = await import('../../helpers/bot.js');
    const { fake: f, bot, logs } = await startBotOnFake({ AUTO_DEPLOY: 'false' });
    try {
      await logs.waitFor((line) => line.msg === 'ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(f.requests.some((r) => r.path.endsWith('/commands'))).toBe(false);
    } finally {
      await bot.stop();
      await f.close();
    }
  });
});
