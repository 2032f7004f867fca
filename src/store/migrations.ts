/**
 * The schema, as versioned migrations applied in order at start (see {@link migrate}). A migration
 * is never edited once released: a change is a new version. Each gives its SQL for both engines
 * where they differ (PostgreSQL has BIGINT for millisecond times; SQLite's INTEGER is 64-bit).
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const same = (sql: string) => ({ sqlite: sql.replaceAll('BIGINT', 'INTEGER'), postgres: sql });

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'question log, votes, channel settings, schedules',
    ...same(`
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        guild TEXT,
        channel TEXT,
        via TEXT NOT NULL,
        found INTEGER NOT NULL,
        confidence DOUBLE PRECISION,
        passage_ids TEXT NOT NULL,
        report TEXT,
        latency_ms INTEGER NOT NULL,
        question TEXT,
        question_key TEXT
      );
      CREATE INDEX questions_at ON questions (at);
      CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        value INTEGER NOT NULL,
        comment TEXT,
        at BIGINT NOT NULL,
        PRIMARY KEY (answer_id, user_id)
      );
      CREATE INDEX votes_at ON votes (at);
      CREATE TABLE channel_settings (
        channel TEXT PRIMARY KEY,
        guild TEXT NOT NULL,
        mode TEXT NOT NULL,
        threads INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX channel_settings_guild ON channel_settings (guild);
      CREATE TABLE schedules (
        id TEXT PRIMARY KEY,
        guild TEXT NOT NULL,
        channel TEXT NOT NULL,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        section TEXT,
        lang TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_run_at BIGINT,
        known_reports TEXT,
        paused_reason TEXT
      );
      CREATE TABLE schedule_runs (
        schedule_id TEXT NOT NULL,
        run_at BIGINT NOT NULL,
        holder TEXT NOT NULL,
        claimed_at BIGINT NOT NULL,
        PRIMARY KEY (schedule_id, run_at)
      );
    `),
  },
  {
    version: 2,
    name: 'imports previewed by /sources add, awaiting Save',
    ...same(`
      CREATE TABLE pending_imports (
        token TEXT PRIMARY KEY,
        report_id TEXT NOT NULL,
        markdown TEXT NOT NULL,
        user_id TEXT NOT NULL,
        at BIGINT NOT NULL
      );
    `),
  },
  {
    version: 3,
    name: 'data kept per server: votes and previews name their server; servers the bot left',
    ...same(`
      ALTER TABLE votes ADD COLUMN guild TEXT;
      ALTER TABLE pending_imports ADD COLUMN guild TEXT;
      ALTER TABLE pending_imports ADD COLUMN scope TEXT;
      CREATE INDEX questions_guild_at ON questions (guild, at);
      CREATE INDEX votes_guild ON votes (guild);
      CREATE TABLE departed_guilds (
        guild TEXT PRIMARY KEY,
        left_at BIGINT NOT NULL
      );
    `),
  },
];

/** The newest schema version this program knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
