/**
 * What the bot remembers, behind one interface ({@link Store}) with two implementations: SQLite
 * (embedded, the default) and PostgreSQL (several processes or machines sharing one state).
 * Times are milliseconds since the epoch; ids are short random strings made by the caller, so that
 * a button can name its answer before the answer's log row is written.
 */

/** How a question reached the bot. */
export type AskedVia = 'slash' | 'context-menu' | 'mention' | 'thread' | 'dm' | 'follow-up' | 'more' | 'channel';

/** One question answered (or not), as the question log keeps it. */
export interface QuestionRecord {
  /** The answer's id: its 👍/👎 buttons carry it. */
  id: string;
  at: number;
  guild: string | null;
  channel: string | null;
  via: AskedVia;
  found: boolean;
  /** 0–1, the engine's calibrated confidence; null when nothing was ranked. */
  confidence: number | null;
  passageIds: string[];
  /** The report of the answer (or of the nearest passage when not found), for /gaps report:. */
  report: string | null;
  latencyMs: number;
  /** The question as asked; null when QUESTION_LOG=outcomes. */
  question: string | null;
  /** The question normalized (case, width, script, fillers) so that rewordings group; null with the text. */
  questionKey: string | null;
}

/** A 👍 (1) or 👎 (-1) on an answer; one per user per answer, the latest wins. */
export interface VoteRecord {
  answerId: string;
  user: string;
  value: 1 | -1;
  at: number;
  /** The server the vote was cast in (null in a DM): it must be the answer's own. */
  guild: string | null;
}

/** A group of questions in /gaps: the same normalized text, how often, and an example as asked. */
export interface GapGroup {
  key: string;
  example: string;
  count: number;
  lastAt: number;
  /** For low-confidence answers: their mean confidence. */
  confidence?: number;
}

/** A 👎 answer in /gaps, with the comments left on it. */
export interface DownVote {
  answerId: string;
  /** The question as asked; null when not logged (QUESTION_LOG=outcomes or off, or pruned). */
  question: string | null;
  passageIds: string[];
  count: number;
  comments: string[];
  lastAt: number;
}

/** What /gaps and `npm run gaps` show. */
export interface GapsReport {
  since: number;
  report: string | null;
  totals: { questions: number; notFound: number; lowConfidence: number; up: number; down: number };
  unanswered: GapGroup[];
  lowConfidence: GapGroup[];
  downVotes: DownVote[];
}

/** What /gaps asks for. */
export interface GapsQuery {
  /** The one server whose questions and votes are read; null for DMs (the operator's CLI only). */
  guild: string | null;
  since: number;
  report?: string | undefined;
  /** Answers given with a confidence below this are "low confidence". */
  lowConfidenceBelow: number;
  /** At most this many groups per list. */
  limit: number;
}

/** How the bot chats in one channel (the conversation settings; the env values are the defaults). */
export type ChatMode = 'off' | 'mention' | 'all';

/** One channel's chat settings. */
export interface ChannelSettings {
  guild: string;
  channel: string;
  mode: ChatMode;
  threads: boolean;
  updatedBy: string;
  updatedAt: number;
}

/** A scheduled briefing. */
export interface Schedule {
  id: string;
  guild: string;
  channel: string;
  cron: string;
  timezone: string;
  /** A section or report scope as /brief takes it; null for every report. */
  section: string | null;
  lang: string;
  createdBy: string;
  createdAt: number;
  /** The run time of the last briefing posted; null before the first. */
  lastRunAt: number | null;
  /** The reports in the corpus at the last briefing, to mark those added since; null before the first. */
  knownReports: string[] | null;
  /** Why it was paused (a channel the bot cannot post in); null while active. */
  pausedReason: string | null;
}

/** A report previewed by /sources add, waiting for its Save button (kept across restarts and processes). */
export interface PendingImportRecord {
  token: string;
  reportId: string;
  markdown: string;
  user: string;
  at: number;
  /** The server it was previewed in: only the same user in the same server can save it. */
  guild: string;
  /** Where Save writes it: 'global' (the operator's corpus) or the server's id. */
  scope: string;
}

/** What deleting a server's data removed, by table. */
export interface ForgottenGuild {
  questions: number;
  votes: number;
  settings: number;
  schedules: number;
  previews: number;
}

/**
 * The bot's persistent state. Every method may reject when the database is unreachable; writers
 * go through {@link ResilientWrites} so that an answer never waits for, or fails with, a write.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The schema version after the migrations applied at open. */
  readonly version: number;
  logQuestion(record: QuestionRecord): Promise<void>;
  /**
   * Records or changes a user's vote on an answer: only on an answer logged in the same server
   * (or the same DM side); false when there is no such answer, and nothing is stored.
   */
  vote(vote: VoteRecord): Promise<boolean>;
  /** Stores the "what did you expect?" text on a user's 👎 (made a 👎 if there was none), on the same terms as {@link vote}. */
  comment(answerId: string, user: string, guild: string | null, text: string, at: number): Promise<boolean>;
  /** Deletes every vote and comment of a user (/privacy forget-me); returns how many went. */
  forgetUser(user: string): Promise<number>;
  /** Deletes everything kept about a server: its question log, votes, channel settings, schedules and previews. */
  forgetGuild(guild: string): Promise<ForgottenGuild>;
  /** Notes that the bot left a server at `at` (its data is deleted after FORGET_AFTER_DAYS), or, with null, that it is back. */
  markDeparted(guild: string, at: number | null): Promise<void>;
  /** The servers the bot left before `before`. */
  departedBefore(before: number): Promise<string[]>;
  /** The user's current vote on an answer, if any. */
  voteOf(answerId: string, user: string): Promise<(VoteRecord & { comment: string | null }) | null>;
  /** A logged question by its answer id. */
  question(id: string): Promise<QuestionRecord | null>;
  gaps(query: GapsQuery): Promise<GapsReport>;
  /** Deletes questions and votes older than `before`; returns how many rows went. */
  prune(before: number): Promise<number>;
  setChannelSettings(settings: ChannelSettings): Promise<void>;
  channelSettings(channel: string): Promise<ChannelSettings | null>;
  guildSettings(guild: string): Promise<ChannelSettings[]>;
  addSchedule(schedule: Schedule): Promise<void>;
  /** Every schedule, or a guild's. */
  schedules(guild?: string): Promise<Schedule[]>;
  removeSchedule(guild: string, id: string): Promise<boolean>;
  /**
   * Claims one run of a schedule for this process: true for exactly one caller per (schedule, run
   * time) across every process sharing the database (a lease row with a unique key).
   */
  claimRun(scheduleId: string, runAt: number, holder: string): Promise<boolean>;
  /** Records a posted briefing: its run time and the reports it covered. */
  finishRun(scheduleId: string, runAt: number, reports: readonly string[]): Promise<void>;
  pauseSchedule(scheduleId: string, reason: string): Promise<void>;
  /** Keeps a previewed import; those made before `expiredBefore` are deleted. */
  putPendingImport(record: PendingImportRecord, expiredBefore: number): Promise<void>;
  /** Removes and returns a previewed import of this user in this server: only one Save of it can succeed, and only theirs. */
  takePendingImport(token: string, user: string, guild: string): Promise<PendingImportRecord | null>;
  /** Writes and deletes a row: fails when the database can be read but not written. */
  probeWrite(): Promise<void>;
  close(): Promise<void>;
}
