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
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreError('DATABASE_URL must start with postgres:// (or leave it unset to use SQLite in DATA_DIR)', 'bad-url');
    return openPostgresStore(url, onConnectionError);
  }
  return openSqliteStore(sqliteFile(location.DATA_DIR));
}
