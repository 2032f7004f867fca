import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, sqliteFile } from '../../src/store/index.js';
import { dropDatabases, freshDataDir } from '../helpers/databases.js';

const run = promisify(execFile);
let dataDir: string;

beforeAll(async () => {
  dataDir = freshDataDir();
  const store = await openSqliteStore(sqliteFile(dataDir));
  const now = Date.now();
  const base = { guild: '200000000000000002', channel: 'c', via: 'slash' as const, passageIds: [], report: 'r', latencyMs: 1 };
  await store.logQuestion({ ...base, id: 'q1', at: now, found: false, confidence: 0.1, question: '跨市公交票价多少', questionKey: '跨市公交票价多少' });
  await store.logQuestion({ ...base, id: 'q2', at: now, found: false, confidence: 0.1, question: '请问跨市公交票价多少?', questionKey: '跨市公交票价多少' });
  await store.logQuestion({ ...base, id: 'q3', at: now - 20 * 86_400_000, found: false, confidence: 0.1, question: '三周前的问题', questionKey: '三周前的问题' });
  await store.logQuestion({ ...base, id: 'q4', at: now, found: true, confidence: 0.9, question: 'S3线开工了吗', questionKey: 's3线开工了吗' });
  await store.comment('q4', 'u1', '200000000000000002', '想知道通车时间', now);
  // another server's question and a DM's: never in this server's gaps
  await store.logQuestion({ ...base, guild: '200000000000000003', id: 'other', at: now, found: false, confidence: 0.1, question: '别的服务器的问题', questionKey: '别的服务器的问题' });
  await store.logQuestion({ ...base, guild: null, via: 'dm', id: 'dm', at: now, found: false, confidence: 0.1, question: '私信的问题', questionKey: '私信的问题' });
  await store.close();
});

afterAll(dropDatabases);

const gaps = (...args: string[]) => run(process.execPath, ['dist/cli/gaps.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });

describe('npm run gaps', () => {
  it('GIVEN --json --days 7 THEN the grouped unanswered questions of the last week, the 👎 with its comment', async () => {
    const report = JSON.parse((await gaps('--guild', '200000000000000002', '--json', '--days', '7')).stdout);
    expect(report.days).toBe(7);
    expect(report.unanswered).toEqual([expect.objectContaining({ key: '跨市公交票价多少', count: 2 })]);
    expect(report.downVotes).toEqual([expect.objectContaining({ question: 'S3线开工了吗', comments: ['想知道通车时间'] })]);
    expect(report.totals).toMatchObject({ questions: 3, notFound: 2, down: 1 });
  });

  it('GIVEN only --guild THEN that server\'s text over the last 30 days, the older question included, and no other server\'s or DM question', async () => {
    const { stdout } = await gaps('--guild', '200000000000000002');
    expect(stdout).not.toContain('别的服务器的问题');
    expect(stdout).not.toContain('私信的问题');
    expect(stdout).toMatch(/Gaps: the last 30 days/);
    expect(stdout).toMatch(/2× (请问)?跨市公交票价多少/);
    expect(stdout).toContain('1× 三周前的问题');
  });

  it('GIVEN --guild dm THEN the DM questions alone', async () => {
    const { stdout } = await gaps('--guild', 'dm');
    expect(stdout).toContain('1× 私信的问题');
    expect(stdout).not.toContain('跨市公交');
  });

  it('GIVEN no --guild THEN the usage and exit code 2: no server\'s questions are shown with another\'s', async () => {
    const failed = await gaps().catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('--guild names one server') });
  });

  it('GIVEN a bad --days THEN the usage and exit code 2', async () => {
    const failed = await gaps('--guild', '200000000000000002', '--days', 'week').catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('--days must be a whole number') });
  });
});
