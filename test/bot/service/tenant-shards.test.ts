import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardOfGuild, Tenants, tenantsFor } from '../../../src/bot/service/tenants.js';
import { Engine, loadCorpus } from '../../../src/core/index.js';
import { createLogger } from '../../../src/logger.js';
import { LogLines } from '../../helpers/bot.js';
import { GOOD_REPORT, tempCorpus } from '../../helpers/corpus.js';

const own = (title: string, sentence: string) => GOOD_REPORT.replace('测试报告', title).replace('地铁开通了。', sentence);

function guildsFolder(files: Record<string, Record<string, string>>): string {
  const root = tempCorpus({});
  for (const [guild, reports] of Object.entries(files)) {
    mkdirSync(join(root, guild));
    for (const [name, text] of Object.entries(reports)) writeFileSync(join(root, guild, name), text);
  }
  return root;
}

describe('servers\' own reports in a process', () => {
  it('GIVEN Discord\'s routing THEN a server id maps to its shard: (id >> 22) % shards', () => {
    expect(shardOfGuild('4194304', 2)).toBe(1);
    expect(shardOfGuild('8388608', 2)).toBe(0);
    expect(shardOfGuild('4194303', 2)).toBe(0);
    expect(shardOfGuild('81384788765712384', 16)).toBe(Number((81384788765712384n >> 22n) % 16n));
  });

  it('GIVEN a shard process THEN it loads the folders of its own servers only; without shards, all', () => {
    const a = '100000000000000000';
    const b = '100000000004194304'; // a + (1 << 22): the next shard
    const folder = guildsFolder({ [a]: { 'a.md': own('甲报告', '甲服务器的地铁开通了。') }, [b]: { 'b.md': own('乙报告', '乙服务器的地铁开通了。') } });
    const global = Engine.build(loadCorpus(tempCorpus({ 'g.md': GOOD_REPORT })));
    const config = { CORPUS_DIR: '', GUILD_CORPUS_DIR: folder, INDEX_CACHE_DIR: '' };
    const shardOfA = shardOfGuild(a, 2);
    expect(shardOfGuild(b, 2)).toBe(1 - shardOfA);
    const shard = tenantsFor(config, global, createLogger('silent'), { SHARDING_MANAGER: 'true', SHARDS: String(shardOfA), SHARD_COUNT: '2' });
    expect(shard.stats.guilds).toBe(1);
    expect(shard.own(a).has('a')).toBe(true);
    expect(shard.own(b).size).toBe(0);
    const all = tenantsFor(config, global, createLogger('silent'), {});
    expect(all.stats.guilds).toBe(2);
  });

  it('GIVEN one server\'s folder broken THEN it is logged and skipped; the others load and answer', () => {
    const good = '100000000000000000';
    const broken = '100000000000000001';
    const folder = guildsFolder({ [good]: { 'a.md': own('甲报告', '甲服务器的地铁开通了。') }, [broken]: { 'x.md': '---\ntitle: 坏\n---\n' } });
    const logs = new LogLines();
    const tenants = tenantsFor({ CORPUS_DIR: '', GUILD_CORPUS_DIR: folder, INDEX_CACHE_DIR: '' }, Engine.build(loadCorpus(tempCorpus({ 'g.md': GOOD_REPORT }))), createLogger('info', logs), {});
    // found at start, loaded when first asked
    expect(tenants.stats).toMatchObject({ guilds: 2, loaded: 0 });
    expect(tenants.view(broken).engine.documents.size).toBe(1);
    expect(logs.lines.find((line) => line.msg === 'corpus reload refused: the old reports keep answering')).toMatchObject({ scope: broken });
    expect(tenants.view(good).engine.ask('甲服务器的地铁开通了吗').answer).toContain('甲服务器');
    // the broken folder is not read again on every question
    const refusals = logs.lines.filter((line) => line.msg === 'corpus reload refused: the old reports keep answering').length;
    tenants.view(broken);
    expect(logs.lines.filter((line) => line.msg === 'corpus reload refused: the old reports keep answering')).toHaveLength(refusals);
  });

  it('GIVEN more servers asked than maxLoaded THEN the least recently asked engines are dropped and built again when asked', () => {
    const ids = ['100000000000000000', '100000000000000001', '100000000000000002'];
    const folder = guildsFolder(Object.fromEntries(ids.map((id, i) => [id, { [`r${i}.md`]: own(`报告${i}`, `第${i}号服务器的地铁开通了。`) }])));
    const tenants = new Tenants(Engine.build(loadCorpus(tempCorpus({ 'g.md': GOOD_REPORT }))), { globalDir: '', guildsDir: folder, logger: createLogger('silent'), maxLoaded: 2 });
    tenants.loadGuilds();
    const first = tenants.view(ids[0]).engine;
    tenants.view(ids[1]);
    tenants.view(ids[0]);
    tenants.view(ids[2]);
    // 1 was asked least recently: dropped; 0 kept (the same view)
    expect(tenants.stats).toMatchObject({ guilds: 3, loaded: 2 });
    expect(tenants.view(ids[0]).engine).toBe(first);
    expect(tenants.view(ids[1]).engine.ask('第1号服务器的地铁开通了吗').answer).toContain('第1号服务器');
    expect(tenants.stats.loaded).toBe(2);
  });

  it('GIVEN a server whose reports are all removed THEN reloading it drops its engine, and its view is the global one', () => {
    const guild = '100000000000000000';
    const folder = guildsFolder({ [guild]: { 'a.md': own('甲报告', '甲服务器的地铁开通了。') } });
    const tenants = tenantsFor({ CORPUS_DIR: '', GUILD_CORPUS_DIR: folder, INDEX_CACHE_DIR: '' }, Engine.build(loadCorpus(tempCorpus({ 'g.md': GOOD_REPORT }))), createLogger('silent'), {});
    expect(tenants.view(guild).engine.documents.size).toBe(2);
    rmSync(join(folder, guild, 'a.md'));
    expect(tenants.reload(guild)).toMatchObject({ ok: true, removed: ['a'] });
    expect(tenants.stats.guilds).toBe(0);
    expect(tenants.view(guild).engine).toBe(tenants.global);
  });
});
