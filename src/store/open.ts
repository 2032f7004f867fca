import { join } from 'node:path';
import { StoreError } from './driver.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

/** Where the store lives: PostgreSQL when DATABASE_URL is set, else the SQLite file in DATA_DIR. */
export interface StoreLocation {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
}

/** The SQLite file of a data folder. */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'bot.db');

/**
 * Opens the store the settings name and applies its migrations.
 * @throws StoreError with one line for the operator (naming DATABASE_URL or the file)
 */
export async function openStore(location: StoreLocation, onConnectionError?: (error: Error) => void): Promise<Store> {
  const url = location.DATABASE_URL;
  let store: Store;
  let where: string;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreError('DATABASE_URL must start with postgres:// (or leave it unset to use SQLite in DATA_DIR)', 'bad-url');
    store = await openPostgresStore(url, onConnectionError);
    where = 'the database of DATABASE_URL';
  } else {
    where = sqliteFile(location.DATA_DIR);
    store = await openSqliteStore(where);
  }
  // a database that opens but cannot be written (a read-only file, a read-only user) would start
  // "ready" and then drop every row: a write is tried now, and its failure stops start-up
  try {
    await store.probeWrite();
  } catch (error) {
    await store.close().catch(() => undefined);
    const reason = error instanceof StoreError && error.cause instanceof Error ? error.cause.message : (error as Error).message;
    throw new StoreError(`${where} cannot be written (${reason}); give the bot write access to it${url ? '' : ' and to DATA_DIR'}, or point it at another database`, 'read-only', { cause: error });
  }
  return store;
}
