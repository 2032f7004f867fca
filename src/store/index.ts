export type { Store, QuestionRecord, VoteRecord, GapsReport, GapsQuery, GapGroup, DownVote, ChannelSettings, ChatMode, Schedule, AskedVia, PendingImportRecord, ForgottenGuild } from './types.js';
export { StoreError } from './driver.js';
export { openStore, sqliteFile, type StoreLocation } from './open.js';
export { openSqliteStore } from './sqlite.js';
export { openPostgresStore, redactUrl } from './postgres.js';
export { ResilientWrites, type WriteOutcome } from './resilient.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
