import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, openPostgresStore, openSqliteStore, openStore, ResilientWrites, SCHEMA_VERSION, sqliteFile, StoreError, type QuestionRecord, type Schedule, type Store, type StoreLocation } from '../../src/store/index.js';
import { createLogger } from '../../src/logger.js';
import { LogLines } from '../helpers/bot.js';
import { asAdmin, dropDatabases, freshDataDir, freshPostgres, makeUnwritable, pgAdminUrl, pgSkipReason } from '../helpers/databases.js';

afterAll(dropDatabases);

if (!pgAdminUrl) console.warn(`PostgreSQL store tests skipped: ${pgSkipReason}`);

/** Each engine: how to make a new empty store, and a location a second process can open. */
const engines = [
  { name: 'SQLite', skip: false, empty: async (): Promise<StoreLocation> => ({ DATA_DIR: freshDataDir() }) },
  { name: 'PostgreSQL', skip: !pgAdminUrl, empty: async (): Promise<StoreLocation> => ({ DATA_DIR: '', DATABASE_URL: await freshPostgres() }) },
] as const;

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12);

function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return { id: Math.random().toString(36).slice(2, 12), at: NOW, guild: 'g1', channel: 'c1', via: 'slash', found: true, confidence: 0.9, passageIds: ['r1-3'], report: 'r1', latencyMs: 2, question: '问题', questionKey: '问题', ...overrides };
}

function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return { id: Math.random().toString(36).slice(2, 8), guild: 'g1', channel: 'c1', cron: '0 9 * * 1', timezone: 'Asia/Shanghai', section: null, lang: 'zh-CN', createdBy: 'u1', createdAt: NOW, lastRunAt: null, knownReports: null, pausedReason: null, ...overrides };
}

/** Runs `count` question writes in a separate node process against the store at `location`. */
function writerProcess(location: StoreLocation, prefix: string, count: number): Promise<void> {
  const script = `
    import { openStore } from ${JSON.stringify(join(process.cwd(), 'dist/store/index.js'))};
    const store = await openStore(${JSON.stringify(location)});
    await Promise.all(Array.from({ length: ${count} }, (_, i) => store.logQuestion({ id: '${prefix}' + i, at: Date.now(), guild: 'g', channel: 'c', via: 'slash', found: i % 2 === 0, confidence: 0.5, passageIds: [], report: null, latencyMs: 1, question: 'q' + i, questionKey: 'q' + i })));
    await store.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${prefix} exited ${code}: ${stderr}`))));
  });
}

describe.each(engines)('the $name store', ({ skip, empty }) => {
  const open = async (): Promise<{ store: Store; location: StoreLocation }> => {
    const location = await empty();
    const store = await openStore(location);
    stores.push(store);
    return { store, location };
  };
  const stores: Store[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close().catch(() => undefined);
  });

  it.skipIf(skip)('GIVEN an empty database THEN every migration is applied once, and opening it again applies none', async () => {
    const { store, location } = await open();
    expect(store.version).toBe(SCHEMA_VERSION);
    await store.logQuestion(question({ id: 'kept' }));
    // a second open of the same database (another process, a restart) finds it up to date and keeps the rows
    const again = location.DATABASE_URL ? await openPostgresStore(location.DATABASE_URL) : await openSqliteStore(sqliteFile(location.DATA_DIR));
    expect((await again.question('kept'))?.question).toBe('问题');
    await again.close();
  });

  it.skipIf(skip)('GIVEN a logged question THEN it reads back with every field, and a repeated write of it is not a second row', async () => {
    const { store } = await open();
    const record = question({ id: 'a1', found: false, confidence: null, passageIds: ['r1-1', 'r1-2'], guild: null, via: 'dm' });
    await store.logQuestion(record);
    await store.logQuestion({ ...record, question: 'changed' });
    expect(await store.question('a1')).toEqual(record);
    expect((await store.gaps({ guild: null, since: 0, lowConfidenceBelow: 0.5, limit: 10 })).totals.questions).toBe(1);
  });

  it.skipIf(skip)('GIVEN question and comment text with a NUL character and astral characters THEN both engines store it whole but the NUL', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'nul', question: '成资\u0000S3线𠀀开工了吗', questionKey: '成资\u0000s3线𠀀开工了吗' }));
    await store.comment('nul', 'u1', 'g1', '想要\u0000通车时间😀', NOW);
    expect(await store.question('nul')).toMatchObject({ question: '成资S3线𠀀开工了吗', questionKey: '成资s3线𠀀开工了吗' });
    expect(await store.voteOf('nul', 'u1')).toMatchObject({ value: -1, comment: '想要通车时间😀' });
  });

  it.skipIf(skip)('GIVEN a user who votes twice on an answer THEN one vote is kept, the latest, and a 👎 comment is stored with it', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'v1' }));
    await store.vote({ answerId: 'v1', user: 'u1', value: 1, at: NOW, guild: 'g1' });
    await store.vote({ answerId: 'v1', user: 'u1', value: -1, at: NOW + 1, guild: 'g1' });
    await store.comment('v1', 'u1', 'g1', '应该是S3线的开工时间', NOW + 2);
    expect(await store.voteOf('v1', 'u1')).toMatchObject({ value: -1, comment: '应该是S3线的开工时间' });
    await store.vote({ answerId: 'v1', user: 'u2', value: 1, at: NOW + 3, guild: 'g1' });
    const gaps = await store.gaps({ guild: 'g1', since: 0, lowConfidenceBelow: 0.5, limit: 10 });
    expect(gaps.totals).toMatchObject({ up: 1, down: 1 });
    expect(gaps.downVotes).toEqual([expect.objectContaining({ answerId: 'v1', question: '问题', count: 1, comments: ['应该是S3线的开工时间'] })]);
    // changed back to 👍: the comment that explained the 👎 goes with it
    await store.vote({ answerId: 'v1', user: 'u1', value: 1, at: NOW + 4, guild: 'g1' });
    expect(await store.voteOf('v1', 'u1')).toMatchObject({ value: 1, comment: null });
  });

  it.skipIf(skip)('GIVEN questions over several days THEN gaps groups the unanswered by normalized text, lists low-confidence answers, and keeps to the days and report asked', async () => {
    const { store } = await open();
    await store.logQuestion(question({ found: false, confidence: 0.1, question: '票价多少?', questionKey: '票价多少', report: 'r1' }));
    await store.logQuestion(question({ found: false, confidence: 0.2, question: '请问票价多少', questionKey: '票价多少', report: 'r1', at: NOW + 5 }));
    await store.logQuestion(question({ found: false, question: '谁主持', questionKey: '谁主持', report: 'r2' }));
    await store.logQuestion(question({ found: false, question: '很久以前', questionKey: '很久以前', at: NOW - 40 * DAY }));
    await store.logQuestion(question({ found: true, confidence: 0.3, question: '低把握', questionKey: '低把握' }));
    await store.logQuestion(question({ found: true, confidence: 0.95, question: '有把握', questionKey: '有把握' }));
    await store.logQuestion(question({ found: false, question: null, questionKey: null }));
    const gaps = await store.gaps({ guild: 'g1', since: NOW - 30 * DAY, lowConfidenceBelow: 0.5, limit: 10 });
    expect(gaps.unanswered.map(({ key, count }) => [key, count])).toEqual([['票价多少', 2], ['谁主持', 1]]);
    expect(gaps.unanswered[0]!.lastAt).toBe(NOW + 5);
    expect(gaps.lowConfidence).toEqual([expect.objectContaining({ key: '低把握', count: 1, confidence: 0.3 })]);
    expect(gaps.totals).toMatchObject({ questions: 6, notFound: 4, lowConfidence: 1 });
    const r2 = await store.gaps({ guild: 'g1', since: NOW - 30 * DAY, report: 'r2', lowConfidenceBelow: 0.5, limit: 10 });
    expect(r2.unanswered.map(({ key }) => key)).toEqual(['谁主持']);
  });

  it.skipIf(skip)('GIVEN rows older than the retention THEN prune deletes them and keeps the rest', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'old', at: NOW - 100 * DAY }));
    await store.vote({ answerId: 'old', user: 'u1', value: -1, at: NOW - 100 * DAY, guild: 'g1' });
    await store.logQuestion(question({ id: 'new', at: NOW }));
    expect(await store.prune(NOW - 90 * DAY)).toBe(2);
    expect(await store.question('old')).toBeNull();
    expect(await store.question('new')).not.toBeNull();
    expect(await store.voteOf('old', 'u1')).toBeNull();
  });

  it.skipIf(skip)('GIVEN channel settings set twice THEN the latest is stored and listed for the guild', async () => {
    const { store } = await open();
    await store.setChannelSettings({ guild: 'g1', channel: 'c1', mode: 'all', threads: true, updatedBy: 'u1', updatedAt: NOW });
    await store.setChannelSettings({ guild: 'g1', channel: 'c1', mode: 'off', threads: false, updatedBy: 'u2', updatedAt: NOW + 1 });
    await store.setChannelSettings({ guild: 'g2', channel: 'c9', mode: 'mention', threads: true, updatedBy: 'u1', updatedAt: NOW });
    expect(await store.channelSettings('c1')).toEqual({ guild: 'g1', channel: 'c1', mode: 'off', threads: false, updatedBy: 'u2', updatedAt: NOW + 1 });
    expect((await store.guildSettings('g1')).map(({ channel }) => channel)).toEqual(['c1']);
    expect(await store.channelSettings('nowhere')).toBeNull();
  });

  it.skipIf(skip)('GIVEN a schedule THEN each run is claimed by exactly one of many concurrent claimers, and finishing records the reports', async () => {
    const { store } = await open();
    const s = schedule();
    await store.addSchedule(s);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => store.claimRun(s.id, NOW, `p${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.finishRun(s.id, NOW, ['r1', 'r2']);
    // an older run finishing late does not move the schedule back
    await store.finishRun(s.id, NOW - DAY, ['r1']);
    expect((await store.schedules('g1'))[0]).toMatchObject({ lastRunAt: NOW, knownReports: ['r1', 'r2'], pausedReason: null });
    await store.pauseSchedule(s.id, 'cannot post');
    expect((await store.schedules())[0]!.pausedReason).toBe('cannot post');
    expect(await store.removeSchedule('other-guild', s.id)).toBe(false);
    expect(await store.removeSchedule('g1', s.id)).toBe(true);
    expect(await store.schedules()).toEqual([]);
  });

  it.skipIf(skip)('GIVEN a previewed import THEN it is taken once, even by concurrent presses, and old previews are cleared', async () => {
    const { store } = await open();
    await store.putPendingImport({ token: 'old', reportId: 'r-old', markdown: '# old', user: 'u1', at: NOW - 3_600_000, guild: 'g1', scope: 'g1' }, 0);
    await store.putPendingImport({ token: 't1', reportId: 'r1', markdown: '---\ntitle: 报告\n---\n正文', user: 'u1', at: NOW, guild: 'g1', scope: 'g1' }, NOW - 900_000);
    const takes = await Promise.all(Array.from({ length: 5 }, () => store.takePendingImport('t1', 'u1', 'g1')));
    expect(takes.filter(Boolean)).toEqual([{ token: 't1', reportId: 'r1', markdown: '---\ntitle: 报告\n---\n正文', user: 'u1', at: NOW, guild: 'g1', scope: 'g1' }]);
    expect(await store.takePendingImport('old', 'u1', 'g1')).toBeNull();
  });

  it.skipIf(skip)('GIVEN a preview made by one user in one server THEN another user, or the same user in another server, cannot take it and it stays for its maker', async () => {
    const { store } = await open();
    await store.putPendingImport({ token: 't2', reportId: 'r2', markdown: 'm', user: 'u1', at: NOW, guild: 'g1', scope: 'g1' }, 0);
    expect(await store.takePendingImport('t2', 'u2', 'g1')).toBeNull();
    expect(await store.takePendingImport('t2', 'u1', 'g2')).toBeNull();
    expect(await store.takePendingImport('t2', 'u1', 'g1')).toMatchObject({ reportId: 'r2', guild: 'g1', scope: 'g1' });
  });

  it.skipIf(skip)('GIVEN questions in two servers and in DMs THEN each server\'s gaps hold its own questions and votes only, and DM questions only the DM view', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'a', guild: 'g1', found: false, question: '一号服务器的问题', questionKey: 'a' }));
    await store.logQuestion(question({ id: 'b', guild: 'g2', found: false, question: '二号服务器的问题', questionKey: 'b' }));
    await store.logQuestion(question({ id: 'c', guild: null, via: 'dm', found: false, question: '私信里的问题', questionKey: 'c' }));
    await store.comment('a', 'u1', 'g1', '一号的意见', NOW);
    await store.comment('b', 'u1', 'g2', '二号的意见', NOW);
    const one = await store.gaps({ guild: 'g1', since: 0, lowConfidenceBelow: 0.5, limit: 10 });
    expect(one.unanswered.map(({ example }) => example)).toEqual(['一号服务器的问题']);
    expect(one.downVotes.flatMap(({ comments }) => comments)).toEqual(['一号的意见']);
    expect(one.totals).toMatchObject({ questions: 1, down: 1 });
    const two = await store.gaps({ guild: 'g2', since: 0, lowConfidenceBelow: 0.5, limit: 10 });
    expect(two.unanswered.map(({ example }) => example)).toEqual(['二号服务器的问题']);
    const dms = await store.gaps({ guild: null, since: 0, lowConfidenceBelow: 0.5, limit: 10 });
    expect(dms.unanswered.map(({ example }) => example)).toEqual(['私信里的问题']);
  });

  it.skipIf(skip)('GIVEN a vote on another server\'s answer, or on an id nobody answered THEN nothing is stored; on its own server\'s answer it is', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'mine', guild: 'g1' }));
    expect(await store.vote({ answerId: 'mine', user: 'u1', value: -1, at: NOW, guild: 'g2' })).toBe(false);
    expect(await store.comment('mine', 'u1', 'g2', '跨服务器', NOW)).toBe(false);
    expect(await store.vote({ answerId: 'made-up', user: 'u1', value: -1, at: NOW, guild: 'g1' })).toBe(false);
    expect(await store.comment('made-up', 'u1', 'g1', '编造的', NOW)).toBe(false);
    expect(await store.voteOf('mine', 'u1')).toBeNull();
    expect(await store.voteOf('made-up', 'u1')).toBeNull();
    expect(await store.vote({ answerId: 'mine', user: 'u1', value: -1, at: NOW, guild: 'g1' })).toBe(true);
    expect(await store.voteOf('mine', 'u1')).toMatchObject({ value: -1, guild: 'g1' });
  });

  it.skipIf(skip)('GIVEN a user\'s votes in two servers THEN forgetting the user deletes them all and no one else\'s', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'x', guild: 'g1' }));
    await store.logQuestion(question({ id: 'y', guild: 'g2' }));
    await store.comment('x', 'u1', 'g1', '意见', NOW);
    await store.vote({ answerId: 'y', user: 'u1', value: 1, at: NOW, guild: 'g2' });
    await store.vote({ answerId: 'y', user: 'u2', value: 1, at: NOW, guild: 'g2' });
    expect(await store.forgetUser('u1')).toBe(2);
    expect(await store.voteOf('x', 'u1')).toBeNull();
    expect(await store.voteOf('y', 'u2')).toMatchObject({ value: 1 });
  });

  it.skipIf(skip)('GIVEN a server the bot left THEN it is due after the grace period, and forgetting it deletes its rows and no other server\'s', async () => {
    const { store } = await open();
    await store.logQuestion(question({ id: 'g1q', guild: 'g1' }));
    await store.logQuestion(question({ id: 'g2q', guild: 'g2' }));
    await store.vote({ answerId: 'g1q', user: 'u1', value: -1, at: NOW, guild: 'g1' });
    await store.setChannelSettings({ guild: 'g1', channel: 'c1', mode: 'all', threads: true, updatedBy: 'u1', updatedAt: NOW });
    await store.addSchedule(schedule({ guild: 'g1' }));
    await store.addSchedule(schedule({ guild: 'g2', channel: 'c2' }));
    await store.putPendingImport({ token: 'p', reportId: 'r', markdown: 'm', user: 'u1', at: NOW, guild: 'g1', scope: 'g1' }, 0);
    await store.markDeparted('g1', NOW);
    expect(await store.departedBefore(NOW)).toEqual([]);
    expect(await store.departedBefore(NOW + 1)).toEqual(['g1']);
    expect(await store.forgetGuild('g1')).toEqual({ questions: 1, votes: 1, settings: 1, schedules: 1, previews: 1 });
    expect(await store.question('g1q')).toBeNull();
    expect(await store.question('g2q')).not.toBeNull();
    expect((await store.schedules()).map(({ guild }) => guild)).toEqual(['g2']);
    expect(await store.departedBefore(NOW + 1)).toEqual([]);
    // a server the bot joins again is no longer due
    await store.markDeparted('g2', NOW);
    await store.markDeparted('g2', null);
    expect(await store.departedBefore(NOW + 1)).toEqual([]);
  });

  it.skipIf(skip)('GIVEN two processes starting at once on an empty database THEN the schema is made once and both write', async () => {
    const location = await empty();
    await Promise.all([writerProcess(location, 'a', 20), writerProcess(location, 'b', 20)]);
    const store = await openStore(location);
    stores.push(store);
    expect((await store.gaps({ guild: 'g', since: 0, lowConfidenceBelow: 0.5, limit: 1 })).totals.questions).toBe(40);
  });

  it.skipIf(skip)('GIVEN two processes writing at once to the same database THEN no row is lost', async () => {
    const { store, location } = await open();
    await Promise.all([writerProcess(location, 'a', 300), writerProcess(location, 'b', 300)]);
    expect((await store.gaps({ guild: 'g', since: 0, lowConfidenceBelow: 0.5, limit: 1 })).totals).toMatchObject({ questions: 600, notFound: 300 });
  });
});

describe('migrations', () => {
  it('GIVEN a SQLite database at version 1 THEN opening it applies every later version and keeps its rows', async () => {
    const file = sqliteFile(freshDataDir());
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    old.exec(MIGRATIONS[0]!.sqlite);
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, NOW);
    old.prepare("INSERT INTO questions (id, at, via, found, passage_ids, latency_ms, question) VALUES ('v1-row', ?, 'slash', 1, '[]', 1, '旧问题')").run(NOW);
    old.close();
    const store = await openSqliteStore(file);
    expect(store.version).toBe(SCHEMA_VERSION);
    expect((await store.question('v1-row'))?.question).toBe('旧问题');
    await store.putPendingImport({ token: 't', reportId: 'r', markdown: 'm', user: 'u', at: NOW, guild: 'g', scope: 'g' }, 0);
    expect(await store.takePendingImport('t', 'u', 'g')).toMatchObject({ reportId: 'r' });
    await store.close();
    const after = new Database(file);
    expect(after.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    after.close();
  });

  it.skipIf(!pgAdminUrl)('GIVEN a PostgreSQL database at version 1 THEN opening it applies every later version and keeps its rows', async () => {
    const url = await freshPostgres();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    await client.query(MIGRATIONS[0]!.postgres);
    await client.query('INSERT INTO schema_migrations VALUES (1, $1, $2)', [MIGRATIONS[0]!.name, NOW]);
    await client.query("INSERT INTO questions (id, at, via, found, passage_ids, latency_ms, question) VALUES ('v1-row', $1, 'slash', 1, '[]', 1, '旧问题')", [NOW]);
    await client.end();
    const store = await openPostgresStore(url);
    expect(store.version).toBe(SCHEMA_VERSION);
    expect((await store.question('v1-row'))?.question).toBe('旧问题');
    await store.putPendingImport({ token: 't', reportId: 'r', markdown: 'm', user: 'u', at: NOW, guild: 'g', scope: 'g' }, 0);
    expect(await store.takePendingImport('t', 'u', 'g')).toMatchObject({ reportId: 'r' });
    await store.close();
  });
});

describe('store faults', () => {
  it('GIVEN a file that is not a SQLite database THEN opening it is a clear error naming the file', async () => {
    const dir = freshDataDir();
    writeFileSync(sqliteFile(dir), 'this is a text file, not a database '.repeat(200));
    const error = await openSqliteStore(sqliteFile(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'not-a-database' });
    expect((error as Error).message).toContain(sqliteFile(dir));
    expect((error as Error).message).toContain('DATA_DIR');
  });

  it('GIVEN another program’s SQLite database THEN the store refuses it and writes nothing into it', async () => {
    const dir = freshDataDir();
    const other = new Database(sqliteFile(dir));
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    await expect(openSqliteStore(sqliteFile(dir))).rejects.toMatchObject({ code: 'foreign-database', message: expect.stringContaining('customers') });
    const after = new Database(sqliteFile(dir));
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'customers' }]);
    after.close();
  });

  it('GIVEN a database made by a newer version THEN it is refused, not downgraded', async () => {
    const dir = freshDataDir();
    (await openSqliteStore(sqliteFile(dir))).close();
    const db = new Database(sqliteFile(dir));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', NOW);
    db.close();
    await expect(openSqliteStore(sqliteFile(dir))).rejects.toMatchObject({ code: 'newer-schema' });
  });

  it('GIVEN a DATABASE_URL where no server listens THEN opening fails with one line naming DATABASE_URL and no password', async () => {
    const error = await openPostgresStore('postgres://bot:secret@127.0.0.1:1/bot', undefined, 2000).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unreachable' });
    expect((error as Error).message).toContain('DATABASE_URL');
    expect((error as Error).message).not.toContain('secret');
    expect((error as Error).message).not.toContain('\n');
  });

  it.skipIf(!pgAdminUrl)('GIVEN the PostgreSQL server lost while running THEN writes are retried, then dropped with a warning; nothing throws, and writes work again once it is back', async () => {
    const url = await freshPostgres();
    const logs = new LogLines();
    const store = await openPostgresStore(url);
    const writes = new ResilientWrites(createLogger('debug', logs), [20, 20]);
    const name = new URL(url).pathname.slice(1);
    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    writes.write('question log', () => store.logQuestion(question({ id: 'lost' })));
    await writes.flush();
    expect(writes.dropped).toBe(1);
    expect(logs.lines.filter((line) => line.msg === 'store write failed; retrying')).toHaveLength(2);
    const dropped = logs.lines.find((line) => line.msg === 'store write dropped after retries');
    expect(dropped).toMatchObject({ level: 40, what: 'question log', attempts: 3 });
    // the reason is logged with its message and code, never as "[object Object]"
    expect(dropped!.err).toMatchObject({ message: expect.stringMatching(/^the database failed: \S/), code: 'unavailable' });
    expect(JSON.stringify(logs.lines)).not.toContain('[object Object]');
    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    writes.write('question log', () => store.logQuestion(question({ id: 'back' })));
    await writes.flush();
    expect(await store.question('back')).not.toBeNull();
    expect(await store.question('lost')).toBeNull();
    await store.close();
  });

  it('GIVEN a SQLite file that cannot be written (immutable, or read-only for a non-root user) THEN opening the store fails with one line naming the file, not a silent start', async () => {
    const dir = freshDataDir();
    (await openSqliteStore(sqliteFile(dir))).close();
    const restore = makeUnwritable(sqliteFile(dir));
    try {
      const error = await openStore({ DATA_DIR: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'read-only' });
      expect((error as Error).message).toContain(sqliteFile(dir));
      expect((error as Error).message).toMatch(/cannot be written/);
      expect((error as Error).message).not.toContain('\n');
    } finally {
      restore();
    }
  });

  it.skipIf(!pgAdminUrl)('GIVEN a PostgreSQL database whose sessions are read-only THEN opening the store fails with one line, not a silent start', async () => {
    const url = await freshPostgres();
    await (await openPostgresStore(url)).close();
    const name = new URL(url).pathname.slice(1);
    await asAdmin(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    const error = await openStore({ DATA_DIR: '', DATABASE_URL: url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/read-only|cannot be written/);
    expect((error as Error).message).not.toContain('\n');
  });
});
