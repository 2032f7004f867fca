import type { Store } from '../../store/index.js';
import type { PendingImport } from '../commands/command.js';

/** How long a previewed import waits for its Save button. */
export const PENDING_MS = 15 * 60_000;
/** Previews kept in memory at most (without a store). */
const PENDING_KEPT = 50;

/** Imports previewed by /sources add, awaiting Save, by token. */
export interface PendingImports {
  put(token: string, pending: PendingImport): Promise<void>;
  /**
   * Removes and returns a preview of `user` in `guild` still within {@link PENDING_MS}; null when
   * unknown, expired, or previewed by someone else or in another server (theirs is left alone).
   */
  take(token: string, user: string, guild: string, now?: number): Promise<PendingImport | null>;
}

/** Previews in the process's memory: lost at a restart (the bot without a store). */
export function memoryPendingImports(): PendingImports {
  const pending = new Map<string, PendingImport>();
  return {
    async put(token, entry) {
      // an old preview is forgotten: the list stays small
      for (const [key, old] of pending) if (entry.at - old.at > PENDING_MS || pending.size >= PENDING_KEPT) pending.delete(key);
      pending.set(token, entry);
    },
    async take(token, user, guild, now = Date.now()) {
      const entry = pending.get(token);
      if (!entry || entry.user !== user || entry.guild !== guild) return null;
      pending.delete(token);
      return now - entry.at <= PENDING_MS ? entry : null;
    },
  };
}

/** Previews in the store: a restart, or another process sharing the database, can still save them. */
export function storePendingImports(store: Store): PendingImports {
  return {
    put: (token, entry) => store.putPendingImport({ token, reportId: entry.id, markdown: entry.markdown, user: entry.user, at: entry.at, guild: entry.guild, scope: entry.scope }, entry.at - PENDING_MS),
    async take(token, user, guild, now = Date.now()) {
      const record = await store.takePendingImport(token, user, guild);
      return record && now - record.at <= PENDING_MS ? { id: record.reportId, markdown: record.markdown, user: record.user, at: record.at, guild: record.guild, scope: record.scope } : null;
    },
  };
}
