import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../logger.js';
import type { ForgottenGuild, Store } from '../../store/index.js';

/**
 * Forgetting a server: when the bot leaves it, the server is noted with the time; once
 * FORGET_AFTER_DAYS have passed (the grace period: a server that invites the bot back keeps its
 * data), everything kept about it is deleted: its question log, votes, channel settings,
 * schedules, previews and its own reports. The operator can do it at once (`npm run forget`).
 */

const DAY_MS = 86_400_000;
const SERVER_ID = /^\d{1,21}$/;

/** What forgetting a server deleted: the store's rows by table, and whether it had reports of its own. */
export interface Forgotten extends ForgottenGuild {
  reports: boolean;
}

/** Deletes everything kept about `guild` now: the store's rows and its reports folder in `guildsDir`. */
export async function forgetGuild(store: Store, guildsDir: string, guild: string): Promise<Forgotten> {
  if (!SERVER_ID.test(guild)) throw new Error(`not a server id: ${guild}`);
  const rows = await store.forgetGuild(guild);
  const dir = join(guildsDir, guild);
  const reports = existsSync(dir);
  if (reports) rmSync(dir, { recursive: true, force: true });
  return { ...rows, reports };
}

/** What the sweep needs. */
export interface ForgetOptions {
  store: Store;
  guildsDir: string;
  /** FORGET_AFTER_DAYS. */
  afterDays: number;
  logger: Logger;
  /** True for a server the bot is in again: its departure is cleared instead. */
  stillServed?: (guild: string) => boolean;
  /** Told of each server forgotten (the process drops its engine). */
  onForgotten?: (guild: string) => void;
  now?: () => number;
}

/** Deletes the data of every server the bot left more than `afterDays` ago; returns their ids. */
export async function sweepDeparted(options: ForgetOptions): Promise<string[]> {
  const now = (options.now ?? Date.now)();
  const due = await options.store.departedBefore(now - options.afterDays * DAY_MS + 1);
  const forgottenNow: string[] = [];
  for (const guild of due) {
    if (options.stillServed?.(guild)) {
      await options.store.markDeparted(guild, null);
      continue;
    }
    forgottenNow.push(guild);
    const forgotten = await forgetGuild(options.store, options.guildsDir, guild);
    options.logger.info({ guild, ...forgotten }, 'the data of a server the bot left was deleted');
    options.onForgotten?.(guild);
  }
  return forgottenNow;
}

/** Runs {@link sweepDeparted} now and then hourly; a failure is logged and tried again next time. */
export function startForgetting(options: ForgetOptions): { stop(): void } {
  const run = (): void => {
    sweepDeparted(options).catch((error: unknown) => options.logger.warn({ err: error }, 'could not delete the data of servers the bot left; trying again in an hour'));
  };
  run();
  const timer = setInterval(run, DAY_MS / 24).unref();
  return { stop: () => clearInterval(timer) };
}
