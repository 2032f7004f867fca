import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy.js';
import { parseConfig } from '../../src/config.js';
import { FAKE, FakeDiscord } from '../helpers/fake-discord.js';

describe('deploy-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(() => fake.close());

  it('GIVEN a guild id THEN one bulk overwrite of every command to that guild, localized', async () => {
    const config = parseConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_GUILD_ID: FAKE.guildId, DISCORD_API_URL: fake.apiUrl });
    const names = await deployCommands(config);
    expect(names).toEqual(['ask', 'section', 'brief', 'sources', 'help', 'Ask the report']);
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
    expect(await deployCommands(config)).toHaveLength(6);
  });

  it('GIVEN no token THEN a clear error', async () => {
    await expect(deployCommands(parseConfig({}))).rejects.toThrow(/DISCORD_TOKEN and DISCORD_APP_ID are required/);
  });
});
