import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { currentShard, managesShards } from '../src/shards.js';
import { FAKE, FakeDiscord, slashCommand } from './helpers/fake-discord.js';

describe('shards', () => {
  it('GIVEN SHARDS=2 THEN two shard processes identify with their own shard pairs, and each answers an interaction', async () => {
    const fake = await FakeDiscord.start();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', SHARDS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const deadline = Date.now() + 40_000;
      while ((fake.shardOf.size < 2 || !stdout.includes('every shard is ready')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect([...fake.shardOf.values()].sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const shard of [0, 1]) {
        const interaction = slashCommand('ask', [{ name: 'question', type: 3, value: '川芎市场占有率' }], { userId: String(800000000000000000n + BigInt(shard)) });
        fake.send(interaction, shard);
        const callback = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 10_000);
        expect(JSON.stringify(callback.body)).toContain('70%');
      }
      // every shard logs with its shard id (the line follows the answer)
      const logged = Date.now() + 5000;
      while ((stdout.match(/"msg":"interaction"/g) ?? []).length < 2 && Date.now() < logged) await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = stdout.split('\n').filter((line) => line.includes('"msg":"interaction"')).map((line) => JSON.parse(line) as { shard?: number });
      expect(lines.map((line) => line.shard).sort()).toEqual([0, 1]);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      const gone = Date.now() + 5000;
      while (fake.sockets.size > 0 && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.sockets.size).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  }, 60_000);

  it('GIVEN the settings THEN a process manages shards only outside a shard, and SHARD_LIST needs TOTAL_SHARDS', () => {
    const config = parseConfig({ SHARDS: 'auto' });
    expect(managesShards(config, {})).toBe(true);
    expect(managesShards(config, { SHARDING_MANAGER: 'true', SHARDS: '1' })).toBe(false);
    expect(currentShard({ SHARDING_MANAGER: 'true', SHARDS: '1' })).toBe(1);
    // in a shard process, the manager's SHARDS (the shard id) is not read as our setting
    expect(parseConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' }).SHARDS).toBeUndefined();
    expect(parseConfig({ SHARD_LIST: '0, 1', TOTAL_SHARDS: '4' })).toMatchObject({ SHARD_LIST: [0, 1], TOTAL_SHARDS: 4 });
    expect(() => parseConfig({ SHARD_LIST: '0,1' })).toThrow(/TOTAL_SHARDS: required with SHARD_LIST/);
    expect(() => parseConfig({ SHARD_LIST: '0,4', TOTAL_SHARDS: '4' })).toThrow(/SHARD_LIST: every shard id must be below TOTAL_SHARDS/);
    expect(() => parseConfig({ SHARDS: 'many' })).toThrow(/SHARDS: expected auto or a number of shards/);
  });
});
