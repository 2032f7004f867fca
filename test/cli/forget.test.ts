import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, sqliteFile } from '../../src/store/index.js';
import { dropDatabases, freshDataDir } from '../helpers/databases.js';

const run = promisify(execFile);
afterAll(dropDatabases);

const A = '200000000000000002';
const B = '200000000000000022';

describe('npm run forget', () => {
  it('GIVEN --guild ID THEN that server\'s rows and reports folder are deleted at once, and another server\'s stay', async () => {
    const dataDir = freshDataDir();
    const store = await openSqliteStore(sqliteFile(dataDir));
    const base = { channel: 'c', via: 'slash' as const, found: true, confidence: 0.9, passageIds: [], report: null, latencyMs: 1, question: '问题', questionKey: '问题', at: Date.now() };
    await store.logQuestion({ ...base, id: 'a1', guild: A });
    await store.logQuestion({ ...base, id: 'b1', guild: B });
    await store.vote({ answerId: 'b1', user: 'u1', value: -1, at: Date.now(), guild: B });
    await store.setChannelSettings({ guild: B, channel: 'cb', mode: 'off', threads: false, updatedBy: 'u1', updatedAt: Date.now() });
    await store.close();
    const reports = join(dataDir, 'reports');
    mkdirSync(join(reports, B), { recursive: true });
    writeFileSync(join(reports, B, 'r.md'), '# r');
    mkdirSync(join(reports, A), { recursive: true });
    const { stdout } = await run(process.execPath, ['dist/cli/forget.js', '--guild', B], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', GUILD_CORPUS_DIR: '' } });
    expect(stdout).toMatch(new RegExp(`forgot server ${B}: 1 questions, 1 votes, 1 channel settings, 0 schedules, 0 previews, and its reports folder`));
    expect(existsSync(join(reports, B))).toBe(false);
    expect(existsSync(join(reports, A))).toBe(true);
    const after = await openSqliteStore(sqliteFile(dataDir));
    expect(await after.question('b1')).toBeNull();
    expect(await after.question('a1')).not.toBeNull();
    await after.close();
  });

  it('GIVEN no --guild, or one that is not an id THEN the usage and exit code 2', async () => {
    for (const args of [[], ['--guild', '../etc']]) {
      const failed = await run(process.execPath, ['dist/cli/forget.js', ...args]).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('--guild names one server') });
    }
  });
});
