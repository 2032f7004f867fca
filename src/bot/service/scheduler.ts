import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import { DiscordAPIError, PermissionFlagsBits, type Client, type PermissionResolvable } from 'discord.js';
import type { Reports } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import type { Schedule, Store } from '../../store/index.js';
import { renderBrief } from '../commands/answer.js';
import { t, type Lang } from '../render/i18n.js';
import { escapeUserText, truncate, LIMITS } from '../discord/limits.js';
import { toMessage } from '../discord/send.js';

/** How often the store is read for due briefings: a briefing is posted at most this late. */
export const SCHEDULER_TICK_MS = 15_000;
/** The time zone of a schedule that names none: the reports' own (China Standard Time). */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** Schedules one server may have. */
export const MAX_SCHEDULES_PER_GUILD = 10;
/** The shortest time between two runs of a schedule: a briefing channel is not a feed. */
export const MIN_SCHEDULE_GAP_MS = 3_600_000;
/** How many upcoming runs are read to find a schedule's shortest gap (a cron expression repeats its densest day early). */
const GAP_RUNS_CHECKED = 100;

/** Discord errors that another try cannot mend: the channel is gone or closed to the bot. */
const CANNOT_POST = new Set([10003, 50001, 50013]);
/** What posting a briefing needs in its channel. */
const POST_PERMISSIONS: Array<[PermissionResolvable, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/** A cron expression and time zone checked: the next run, or what is wrong (an i18n key and its values). */
export type CronCheck = { ok: true; next: Date } | { ok: false; key: 'scheduleBadCron' | 'scheduleBadTimezone' | 'scheduleNever' | 'scheduleFields' | 'scheduleTooOften'; vars: Record<string, string> };

/**
 * Checks a schedule's cron expression and IANA time zone: five fields (minute hour day month
 * weekday; croner's seconds field is refused), and at least {@link MIN_SCHEDULE_GAP_MS} between any
 * two of its runs.
 */
export function checkCron(cron: string, timezone: string, now: Date = new Date()): CronCheck {
  const fields = cron.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return { ok: false, key: 'scheduleFields', vars: { count: String(fields.length) } };
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    return { ok: false, key: 'scheduleBadTimezone', vars: { timezone } };
  }
  let job: Cron;
  try {
    job = new Cron(cron, { timezone, paused: true });
  } catch (error) {
    return { ok: false, key: 'scheduleBadCron', vars: { reason: (error as Error).message.replace(/^CronPattern:\s*/, '') } };
  }
  const next = job.nextRun(now);
  if (!next) return { ok: false, key: 'scheduleNever', vars: {} };
  const gap = shortestGap(job, now);
  if (gap < MIN_SCHEDULE_GAP_MS) return { ok: false, key: 'scheduleTooOften', vars: { minutes: String(Math.round(gap / 60_000)) } };
  return { ok: true, next };
}

/** The shortest time between two of a cron job's next GAP_RUNS_CHECKED runs (Infinity for fewer than two). */
function shortestGap(job: Cron, now: Date): number {
  const runs = job.nextRuns(GAP_RUNS_CHECKED, now).map((run) => run.getTime());
  return Math.min(Infinity, ...runs.slice(1).map((run, index) => run - runs[index]!));
}

/**
 * A schedule's runs around `now`: the run due (the latest time the cron expression names at or
 * before `now`, when that is after the last posted run or the schedule's creation; after downtime
 * only the latest missed run is due, so at most one is caught up) and the next run to come. None
 * for a paused schedule.
 */
export function runsOf(schedule: Schedule, now: number): { due: number | null; next: number | null } {
  if (schedule.pausedReason) return { due: null, next: null };
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const latest = cron.previousRuns(1, new Date(now + 1))[0]?.getTime();
  const due = latest !== undefined && latest > (schedule.lastRunAt ?? schedule.createdAt) ? latest : null;
  return { due, next: cron.nextRun(new Date(now))?.getTime() ?? null };
}

/** What the scheduler needs. */
export interface SchedulerOptions {
  store: Store;
  client: Client;
  /** The reports a server sees now (hot reload changes them): a briefing reads its own server's. */
  engine: (guild: string) => Reports;
  logger: Logger;
  now?: () => number;
  /** Told of each briefing posted (for metrics). */
  onPosted?: () => void;
  /**
   * A stored schedule whose runs come closer than this is paused instead of run (rows written
   * before the rules; /brief-schedule add refuses them). Default {@link MIN_SCHEDULE_GAP_MS}.
   */
  minGapMs?: number;
}

/**
 * Posts scheduled briefings. Every bot process runs one; each due run is claimed in the store (a
 * lease row keyed by schedule and run time), so exactly one process posts it. A channel the bot
 * cannot post in pauses the schedule and its creator is told by DM; it is not retried.
 */
export class Scheduler {
  /** This process, as named in the lease rows. */
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private nextTimer: NodeJS.Timeout | null = null;
  private interval = SCHEDULER_TICK_MS;
  private running: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly checked = new Map<string, boolean>();

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Checks for due briefings now and every {@link SCHEDULER_TICK_MS} (schedules added by another
   * process are seen within that), and also exactly when the next known run falls due, so a
   * briefing comes on time rather than up to a tick late.
   */
  start(intervalMs = SCHEDULER_TICK_MS): void {
    this.interval = intervalMs;
    this.timer = setInterval(() => void this.tick(), intervalMs).unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.nextTimer) clearTimeout(this.nextTimer);
    this.timer = null;
    this.nextTimer = null;
    await this.running;
  }

  /** Reads the schedules again now (one was added here), when the scheduler runs on its timers. */
  refresh(): void {
    if (this.timer) void this.tick();
  }

  /** Posts every briefing due at `now` that this process claims; one tick at a time. Never rejects. */
  tick(now: number = this.now()): Promise<void> {
    this.running ??= this.check(now).finally(() => (this.running = null));
    return this.running;
  }

  /** Sets a timer for the earliest next run (`next`), when it comes before the next tick. */
  private wakeAt(next: number): void {
    if (!this.timer) return;
    if (this.nextTimer) clearTimeout(this.nextTimer);
    this.nextTimer = null;
    const wait = next - this.now();
    // a few milliseconds late, so that the run is due (not a millisecond early) when the tick reads the clock
    if (wait < this.interval) this.nextTimer = setTimeout(() => void this.tick(), Math.max(0, wait) + 5).unref();
  }

  /** Whether a stored schedule's runs are at least minGapMs apart (read once per expression). */
  private allowed(schedule: Schedule, now: number): boolean {
    const key = `${schedule.cron}\u0000${schedule.timezone}`;
    let ok = this.checked.get(key);
    if (ok === undefined) {
      try {
        ok = shortestGap(new Cron(schedule.cron, { timezone: schedule.timezone, paused: true }), new Date(now)) >= (this.options.minGapMs ?? MIN_SCHEDULE_GAP_MS);
      } catch {
        // an expression croner cannot read is left to the run's own error handling, as before the rule
        ok = true;
      }
      this.checked.set(key, ok);
    }
    return ok;
  }

  private async check(now: number): Promise<void> {
    const { store, client, logger } = this.options;
    let schedules: Schedule[];
    try {
      schedules = await store.schedules();
    } catch (error) {
      logger.warn({ err: error }, 'could not read the schedules; trying at the next tick');
      return;
    }
    let next = Infinity;
    for (const schedule of schedules) {
      // a shard posts only for the servers it serves
      if (!client.guilds.cache.has(schedule.guild)) continue;
      // a schedule stored before the rules (a seconds field, runs minutes apart) is paused, not run
      if (!schedule.pausedReason && !this.allowed(schedule, now)) {
        await store.pauseSchedule(schedule.id, 'its cron expression runs more often than once an hour').catch((error: unknown) => logger.warn({ err: error, schedule: schedule.id }, 'could not pause a schedule'));
        continue;
      }
      const { due: runAt, next: upcoming } = runsOf(schedule, now);
      if (upcoming !== null) next = Math.min(next, upcoming);
      if (runAt === null) continue;
      try {
        if (!(await store.claimRun(schedule.id, runAt, this.holder))) continue;
        await this.post(schedule, runAt);
      } catch (error) {
        logger.error({ err: error, schedule: schedule.id, runAt }, 'scheduled briefing failed');
      }
    }
    this.wakeAt(next);
  }

  private async channel(id: string) {
    return this.options.client.channels.fetch(id).catch((error: unknown) => {
      if (error instanceof DiscordAPIError && CANNOT_POST.has(Number(error.code))) return null;
      throw error;
    });
  }

  /** The permissions the bot lacks to post a briefing in a channel (names; all when it cannot see it). */
  async missingPermissions(channelId: string): Promise<string[]> {
    const { client } = this.options;
    const channel = await this.channel(channelId);
    if (!channel || !channel.isSendable()) return POST_PERMISSIONS.map(([, name]) => name);
    if (!('permissionsFor' in channel) || !client.user) return [];
    const permissions = channel.permissionsFor(client.user);
    return POST_PERMISSIONS.filter(([bit]) => !permissions?.has(bit)).map(([, name]) => name);
  }

  private async post(schedule: Schedule, runAt: number): Promise<void> {
    const { store, logger } = this.options;
    const engine = this.options.engine(schedule.guild);
    const lang = schedule.lang as Lang;
    const channel = await this.channel(schedule.channel);
    if (!channel || !channel.isSendable()) return this.pause(schedule, 'the channel is gone or is not a text channel');
    const missing = await this.missingPermissions(schedule.channel);
    if (missing.length) return this.pause(schedule, `missing permissions: ${missing.join(', ')}`);
    const reports = [...engine.documents.keys()];
    const added = schedule.knownReports ? reports.filter((id) => !schedule.knownReports!.includes(id)) : [];
    const brief = renderBrief(engine, schedule.section ?? '', 0, lang);
    const titles = added.map((id) => `「${escapeUserText(engine.documents.get(id)!.source.title)}」`).join(' ');
    const reply = added.length ? { ...brief, content: truncate(`🆕 ${t(lang, 'newReports', { titles })}`, LIMITS.content) } : brief;
    try {
      await channel.send(toMessage(reply));
    } catch (error) {
      if (error instanceof DiscordAPIError && CANNOT_POST.has(Number(error.code))) return this.pause(schedule, `Discord refused the post (${error.code}: ${error.message})`);
      throw error;
    }
    await store.finishRun(schedule.id, runAt, reports);
    this.options.onPosted?.();
    logger.info({ schedule: schedule.id, channel: schedule.channel, runAt: new Date(runAt).toISOString(), added }, 'scheduled briefing posted');
  }

  /** Pauses a schedule the bot cannot post for, and tells its creator (a DM; logged when that fails too). */
  private async pause(schedule: Schedule, reason: string): Promise<void> {
    const { store, client, logger } = this.options;
    await store.pauseSchedule(schedule.id, reason);
    logger.warn({ schedule: schedule.id, channel: schedule.channel, reason }, 'scheduled briefing paused');
    try {
      await client.users.send(schedule.createdBy, toMessage({ content: t(schedule.lang as Lang, 'schedulePausedNotice', { id: schedule.id, channel: schedule.channel, reason }) }));
    } catch (error) {
      logger.warn({ schedule: schedule.id, err: error }, 'could not tell the scheduler that the briefing is paused');
    }
  }
}
