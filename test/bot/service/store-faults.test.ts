import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore, openSqliteStore, sqliteFile } from '../../../src/store/index.js';
import { interact, startBotOnFake } from '../../helpers/bot.js';
import { asAdmin, dropDatabases, freshDataDir, freshPostgres, makeUnwritable, pgAdminUrl } from '../../helpers/databases.js';
import { FAKE, slashCommand } from '../../helpers/fake-discord.js';

afterAll(dropDatabases);

/** Runs the entry point with `env` (a token set: the Discord path, which opens the store); its exit code and output. */
async function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['dist/index.js'], {
    env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: 'http://127.0.0.1:1/api', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('the store at start and while running', () => {
  it('GIVEN a DATABASE_URL where no server listens THEN one line naming DATABASE_URL (no password, no stack trace) and exit 1', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'postgres://bot:hunter2@127.0.0.1:1/bot' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^cannot use the database at DATABASE_URL \(postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/bot\)/);
    expect(stderr).not.toContain('hunter2');
  });

  it('GIVEN a DATA_DIR whose bot.db is not a database THEN one line naming the file and exit 1; the file is left as it was', async () => {
    const dir = freshDataDir();
    writeFileSync(sqliteFile(dir), 'not a database, '.repeat(300));
    const { code, stderr } = await start({ DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${sqliteFile(dir)} is not a SQLite database`);
    expect(readFileSync(sqliteFile(dir), 'utf8')).toBe('not a database, '.repeat(300));
  });

  it('GIVEN a DATA_DIR whose bot.db cannot be written THEN start-up stops with one line naming the file and exit 1, never "ready"', async () => {
    const dir = freshDataDir();
    (await openSqliteStore(sqliteFile(dir))).close();
    const restore = makeUnwritable(sqliteFile(dir));
    try {
      const { code, stderr } = await start({ DATA_DIR: dir });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`${sqliteFile(dir)} cannot be written`);
    } finally {
      restore();
    }
  });

  it.skipIf(!pgAdminUrl)('GIVEN the database lost while the bot runs THEN answers keep coming, the log writes are retried then dropped with a warning, and nothing crashes', async () => {
    const url = await freshPostgres();
    const store = await openPostgresStore(url);
    const { fake, bot, logs } = await startBotOnFake({ AUTO_DEPLOY: 'false', COOLDOWN_QUESTIONS: '100', HEALTH_PORT: '0' }, undefined, store);
    try {
      const name = new URL(url).pathname.slice(1);
      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      for (const question of ['成资S3线开工了吗', '日开行动车多少对']) {
        const { reply } = await interact(fake, slashCommand('ask', [{ name: 'question', type: 3, value: question }]));
        expect(reply?.embeds?.[0]?.title).toBe('答案');
      }
      // /gaps needs the database: a notice, not "something went wrong"
      const gaps = await interact(fake, slashCommand('gaps', [], { permissions: String(1 << 5) }));
      expect(gaps.reply?.content).toMatch(/暂时无法连接/);
      const dropped = await logs.waitFor((line) => line.msg === 'store write dropped after retries', 10_000);
      expect(dropped).toMatchObject({ level: 40, what: 'question log' });
      expect(logs.lines.filter((line) => line.msg === 'interaction failed')).toEqual([]);
      // the operator sees it in the metrics too: attempts retried, writes dropped, none waiting now
      await logs.waitFor((line) => line.msg === 'store write dropped after retries' && logs.lines.filter((l) => l.msg === 'store write dropped after retries').length >= 2, 10_000);
      const metrics = await (await fetch(`http://127.0.0.1:${bot.health!.port}/metrics`)).text();
      expect(metrics).toMatch(/report_bot_store_writes_total\{outcome="retried"\} [1-9]/);
      expect(metrics).toMatch(/report_bot_store_writes_total\{outcome="dropped"\} 2/);
      expect(metrics).toMatch(/report_bot_store_writes_waiting 0/);
      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    } finally {
      await bot.stop();
      await fake.close();
      await store.close();
    }
  });
});
