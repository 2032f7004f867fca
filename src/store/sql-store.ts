import type { SqlDriver } from './driver.js';
import { guarded, StoreError } from './driver.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import type { ChannelSettings, DownVote, ForgottenGuild, GapGroup, GapsQuery, GapsReport, PendingImportRecord, QuestionRecord, Schedule, Store, VoteRecord } from './types.js';

/** Applies the migrations not yet applied; refuses a database made by a newer version. Returns the version. */
export async function migrate(driver: SqlDriver, describe: string): Promise<number> {
  return driver.exclusive(async (db) => {
    await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)'.replace('BIGINT', db.dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'));
    const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION) throw new StoreError(`${describe} has schema version ${newest}, made by a newer version of the bot (this one knows up to ${SCHEMA_VERSION}); upgrade the bot or point it at another database`, 'newer-schema');
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await db.exec(db.dialect === 'sqlite' ? migration.sqlite : migration.postgres);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, Date.now()]);
    }
    return SCHEMA_VERSION;
  });
}

interface QuestionRow {
  id: string;
  at: number;
  guild: string | null;
  channel: string | null;
  via: string;
  found: number;
  confidence: number | null;
  passage_ids: string;
  report: string | null;
  latency_ms: number;
  question: string | null;
  question_key: string | null;
}

interface ScheduleRow {
  id: string;
  guild: string;
  channel: string;
  cron: string;
  timezone: string;
  section: string | null;
  lang: string;
  created_by: string;
  created_at: number;
  last_run_at: number | null;
  known_reports: string | null;
  paused_reason: string | null;
}

/** An answer's server matches the voter's: both null (a DM) or the same id ('' stands for null). */
const SAME_GUILD = "COALESCE(q.guild, '') = ?";

/** User text as stored: PostgreSQL's text cannot hold NUL, so neither engine keeps it (the same rows on both). */
const storable = (text: string | null): string | null => (text === null ? null : text.replace(/\u0000/g, ''));

const toQuestion = (row: QuestionRow): QuestionRecord => ({
  id: row.id,
  at: Number(row.at),
  guild: row.guild,
  channel: row.channel,
  via: row.via as QuestionRecord['via'],
  found: Number(row.found) === 1,
  confidence: row.confidence === null ? null : Number(row.confidence),
  passageIds: JSON.parse(row.passage_ids) as string[],
  report: row.report,
  latencyMs: Number(row.latency_ms),
  question: row.question,
  questionKey: row.question_key,
});

const toSchedule = (row: ScheduleRow): Schedule => ({
  id: row.id,
  guild: row.guild,
  channel: row.channel,
  cron: row.cron,
  timezone: row.timezone,
  section: row.section,
  lang: row.lang,
  createdBy: row.created_by,
  createdAt: Number(row.created_at),
  lastRunAt: row.last_run_at === null ? null : Number(row.last_run_at),
  knownReports: row.known_reports === null ? null : (JSON.parse(row.known_reports) as string[]),
  pausedReason: row.paused_reason,
});

/**
 * The store on any SQL engine: every query is written once, in the SQL that SQLite and
 * PostgreSQL share (ON CONFLICT upserts, `?` placeholders numbered by the PostgreSQL driver).
 */
export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';

  private readonly db: SqlDriver;

  /** @param driver - a migrated database; its failures reach callers as StoreError ('unavailable') */
  constructor(
    driver: SqlDriver,
    readonly version: number,
  ) {
    this.db = guarded(driver);
    this.kind = driver.dialect;
  }

  async logQuestion(r: QuestionRecord): Promise<void> {
    // a retried write that did reach the database is not counted twice
    await this.db.run(
      'INSERT INTO questions (id, at, guild, channel, via, found, confidence, passage_ids, report, latency_ms, question, question_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      [r.id, r.at, r.guild, r.channel, r.via, r.found ? 1 : 0, r.confidence, JSON.stringify(r.passageIds), r.report, Math.round(r.latencyMs), storable(r.question), storable(r.questionKey)],
    );
  }

  async vote(v: VoteRecord): Promise<boolean> {
    // only an answer logged in the voter's own server (or DM side) takes a vote; changing a 👎 to
    // a 👍 drops the comment that explained the 👎
    const stored = await this.db.run(
      `INSERT INTO votes (answer_id, user_id, value, comment, at, guild) SELECT q.id, ?, ?, NULL, ?, q.guild FROM questions q WHERE q.id = ? AND ${SAME_GUILD} ON CONFLICT (answer_id, user_id) DO UPDATE SET value = excluded.value, at = excluded.at, comment = CASE WHEN excluded.value = votes.value THEN votes.comment ELSE NULL END`,
      [v.user, v.value, v.at, v.answerId, v.guild ?? ''],
    );
    return stored > 0;
  }

  async comment(answerId: string, user: string, guild: string | null, text: string, at: number): Promise<boolean> {
    const stored = await this.db.run(
      `INSERT INTO votes (answer_id, user_id, value, comment, at, guild) SELECT q.id, ?, -1, ?, ?, q.guild FROM questions q WHERE q.id = ? AND ${SAME_GUILD} ON CONFLICT (answer_id, user_id) DO UPDATE SET value = -1, comment = excluded.comment, at = excluded.at`,
      [user, storable(text), at, answerId, guild ?? ''],
    );
    return stored > 0;
  }

  async forgetUser(user: string): Promise<number> {
    return this.db.run('DELETE FROM votes WHERE user_id = ?', [user]);
  }

  async forgetGuild(guild: string): Promise<ForgottenGuild> {
    const votes = await this.db.run('DELETE FROM votes WHERE guild = ? OR answer_id IN (SELECT id FROM questions WHERE guild = ?)', [guild, guild]);
    const questions = await this.db.run('DELETE FROM questions WHERE guild = ?', [guild]);
    const settings = await this.db.run('DELETE FROM channel_settings WHERE guild = ?', [guild]);
    await this.db.run('DELETE FROM schedule_runs WHERE schedule_id IN (SELECT id FROM schedules WHERE guild = ?)', [guild]);
    const schedules = await this.db.run('DELETE FROM schedules WHERE guild = ?', [guild]);
    const previews = await this.db.run('DELETE FROM pending_imports WHERE guild = ?', [guild]);
    await this.db.run('DELETE FROM departed_guilds WHERE guild = ?', [guild]);
    return { questions, votes, settings, schedules, previews };
  }

  async markDeparted(guild: string, at: number | null): Promise<void> {
    if (at === null) await this.db.run('DELETE FROM departed_guilds WHERE guild = ?', [guild]);
    else await this.db.run('INSERT INTO departed_guilds (guild, left_at) VALUES (?, ?) ON CONFLICT (guild) DO NOTHING', [guild, at]);
  }

  async departedBefore(before: number): Promise<string[]> {
    const rows = await this.db.all<{ guild: string }>('SELECT guild FROM departed_guilds WHERE left_at < ? ORDER BY left_at', [before]);
    return rows.map((row) => row.guild);
  }

  async voteOf(answerId: string, user: string): Promise<(VoteRecord & { comment: string | null }) | null> {
    const [row] = await this.db.all<{ value: number; comment: string | null; at: number; guild: string | null }>('SELECT value, comment, at, guild FROM votes WHERE answer_id = ? AND user_id = ?', [answerId, user]);
    return row ? { answerId, user, value: Number(row.value) === 1 ? 1 : -1, comment: row.comment, at: Number(row.at), guild: row.guild } : null;
  }

  async question(id: string): Promise<QuestionRecord | null> {
    const [row] = await this.db.all<QuestionRow>('SELECT * FROM questions WHERE id = ?', [id]);
    return row ? toQuestion(row) : null;
  }

  async gaps(query: GapsQuery): Promise<GapsReport> {
    const report = query.report ?? null;
    // one server's rows only (DM questions have no server and are never read for one)
    const guildScope = query.guild === null ? ' AND guild IS NULL' : ' AND guild = ?';
    const guildParams = query.guild === null ? [] : [query.guild];
    const scope = `${guildScope}${report === null ? '' : ' AND report = ?'}`;
    const params = (...extra: unknown[]) => [query.since, ...guildParams, ...(report === null ? [] : [report]), ...extra];
    const [totals] = await this.db.all<{ questions: number; not_found: number | null; low: number | null }>(
      `SELECT COUNT(*) AS questions, SUM(CASE WHEN found = 0 THEN 1 ELSE 0 END) AS not_found, SUM(CASE WHEN found = 1 AND confidence < ? THEN 1 ELSE 0 END) AS low FROM questions WHERE at >= ?${scope}`,
      [query.lowConfidenceBelow, ...params()],
    );
    const group = async (where: string, extra: unknown[]): Promise<GapGroup[]> => {
      const rows = await this.db.all<{ key: string; example: string; count: number; last_at: number; confidence: number | null }>(
        `SELECT question_key AS key, MIN(question) AS example, COUNT(*) AS count, MAX(at) AS last_at, AVG(confidence) AS confidence FROM questions WHERE at >= ?${scope} AND question_key IS NOT NULL AND ${where} GROUP BY question_key ORDER BY COUNT(*) DESC, MAX(at) DESC LIMIT ?`,
        [...params(...extra), query.limit],
      );
      return rows.map((row) => ({ key: row.key, example: row.example, count: Number(row.count), lastAt: Number(row.last_at), ...(row.confidence === null ? {} : { confidence: Number(row.confidence) }) }));
    };
    const unanswered = (await group('found = 0', [])).map(({ confidence: _notAnAnswer, ...rest }) => rest);
    const lowConfidence = await group('found = 1 AND confidence < ?', [query.lowConfidenceBelow]);
    // votes are kept by answer; a vote whose question was not logged still counts (no report then)
    const voteScope = `${query.guild === null ? ' AND v.guild IS NULL' : ' AND v.guild = ?'}${report === null ? '' : ' AND q.report = ?'}`;
    const voteRows = await this.db.all<{ answer_id: string; value: number; comment: string | null; at: number; question: string | null; question_key: string | null; passage_ids: string | null }>(
      `SELECT v.answer_id, v.value, v.comment, v.at, q.question, q.question_key, q.passage_ids FROM votes v LEFT JOIN questions q ON q.id = v.answer_id WHERE v.at >= ?${voteScope} ORDER BY v.at DESC`,
      [query.since, ...guildParams, ...(report === null ? [] : [report])],
    );
    let up = 0;
    const down = new Map<string, DownVote>();
    for (const row of voteRows) {
      if (Number(row.value) === 1) {
        up += 1;
        continue;
      }
      const key = row.question_key ?? row.answer_id;
      const entry = down.get(key) ?? { answerId: row.answer_id, question: row.question, passageIds: row.passage_ids ? (JSON.parse(row.passage_ids) as string[]) : [], count: 0, comments: [], lastAt: Number(row.at) };
      entry.count += 1;
      if (row.comment) entry.comments.push(row.comment);
      down.set(key, entry);
    }
    const downVotes = [...down.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, query.limit);
    return {
      since: query.since,
      report,
      totals: { questions: Number(totals?.questions ?? 0), notFound: Number(totals?.not_found ?? 0), lowConfidence: Number(totals?.low ?? 0), up, down: voteRows.length - up },
      unanswered,
      lowConfidence,
      downVotes,
    };
  }

  async prune(before: number): Promise<number> {
    const votes = await this.db.run('DELETE FROM votes WHERE at < ?', [before]);
    const questions = await this.db.run('DELETE FROM questions WHERE at < ?', [before]);
    // leases of runs long past are only there to stop a second post of the same run
    const runs = await this.db.run('DELETE FROM schedule_runs WHERE run_at < ?', [before]);
    return votes + questions + runs;
  }

  async setChannelSettings(s: ChannelSettings): Promise<void> {
    await this.db.run(
      'INSERT INTO channel_settings (channel, guild, mode, threads, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel) DO UPDATE SET guild = excluded.guild, mode = excluded.mode, threads = excluded.threads, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
      [s.channel, s.guild, s.mode, s.threads ? 1 : 0, s.updatedBy, s.updatedAt],
    );
  }

  private static toSettings(row: { channel: string; guild: string; mode: string; threads: number; updated_by: string; updated_at: number }): ChannelSettings {
    return { channel: row.channel, guild: row.guild, mode: row.mode as ChannelSettings['mode'], threads: Number(row.threads) === 1, updatedBy: row.updated_by, updatedAt: Number(row.updated_at) };
  }

  async channelSettings(channel: string): Promise<ChannelSettings | null> {
    const [row] = await this.db.all<Parameters<typeof SqlStore.toSettings>[0]>('SELECT * FROM channel_settings WHERE channel = ?', [channel]);
    return row ? SqlStore.toSettings(row) : null;
  }

  async guildSettings(guild: string): Promise<ChannelSettings[]> {
    const rows = await this.db.all<Parameters<typeof SqlStore.toSettings>[0]>('SELECT * FROM channel_settings WHERE guild = ? ORDER BY channel', [guild]);
    return rows.map((row) => SqlStore.toSettings(row));
  }

  async addSchedule(s: Schedule): Promise<void> {
    await this.db.run(
      'INSERT INTO schedules (id, guild, channel, cron, timezone, section, lang, created_by, created_at, last_run_at, known_reports, paused_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [s.id, s.guild, s.channel, s.cron, s.timezone, s.section, s.lang, s.createdBy, s.createdAt, s.lastRunAt, s.knownReports === null ? null : JSON.stringify(s.knownReports), s.pausedReason],
    );
  }

  async schedules(guild?: string): Promise<Schedule[]> {
    const rows = guild === undefined ? await this.db.all<ScheduleRow>('SELECT * FROM schedules ORDER BY created_at, id') : await this.db.all<ScheduleRow>('SELECT * FROM schedules WHERE guild = ? ORDER BY created_at, id', [guild]);
    return rows.map(toSchedule);
  }

  async removeSchedule(guild: string, id: string): Promise<boolean> {
    const removed = await this.db.run('DELETE FROM schedules WHERE guild = ? AND id = ?', [guild, id]);
    if (removed) await this.db.run('DELETE FROM schedule_runs WHERE schedule_id = ?', [id]);
    return removed > 0;
  }

  async claimRun(scheduleId: string, runAt: number, holder: string): Promise<boolean> {
    const inserted = await this.db.run('INSERT INTO schedule_runs (schedule_id, run_at, holder, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT (schedule_id, run_at) DO NOTHING', [scheduleId, runAt, holder, Date.now()]);
    return inserted === 1;
  }

  async finishRun(scheduleId: string, runAt: number, reports: readonly string[]): Promise<void> {
    await this.db.run('UPDATE schedules SET last_run_at = ?, known_reports = ? WHERE id = ? AND (last_run_at IS NULL OR last_run_at < ?)', [runAt, JSON.stringify(reports), scheduleId, runAt]);
  }

  async pauseSchedule(scheduleId: string, reason: string): Promise<void> {
    await this.db.run('UPDATE schedules SET paused_reason = ? WHERE id = ?', [reason, scheduleId]);
  }

  async putPendingImport(p: PendingImportRecord, expiredBefore: number): Promise<void> {
    await this.db.run('DELETE FROM pending_imports WHERE at < ?', [expiredBefore]);
    await this.db.run('INSERT INTO pending_imports (token, report_id, markdown, user_id, at, guild, scope) VALUES (?, ?, ?, ?, ?, ?, ?)', [p.token, p.reportId, storable(p.markdown), p.user, p.at, p.guild, p.scope]);
  }

  async takePendingImport(token: string, user: string, guild: string): Promise<PendingImportRecord | null> {
    // DELETE … RETURNING (SQLite 3.35+, PostgreSQL): two presses of Save, even on two processes,
    // take it once; another user's press, or a press in another server, takes nothing
    const [row] = await this.db.all<{ token: string; report_id: string; markdown: string; user_id: string; at: number; guild: string; scope: string }>(
      'DELETE FROM pending_imports WHERE token = ? AND user_id = ? AND guild = ? RETURNING token, report_id, markdown, user_id, at, guild, scope',
      [token, user, guild],
    );
    return row ? { token: row.token, reportId: row.report_id, markdown: row.markdown, user: row.user_id, at: Number(row.at), guild: row.guild, scope: row.scope } : null;
  }

  async probeWrite(): Promise<void> {
    const probe = `probe:${process.pid}:${Date.now()}`;
    await this.db.run('INSERT INTO departed_guilds (guild, left_at) VALUES (?, 0)', [probe]);
    await this.db.run('DELETE FROM departed_guilds WHERE guild = ?', [probe]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
