import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, type SqlDriver } from './driver.js';
import { migrate, SqlStore } from './sql-store.js';

/** How long a writer waits for another process's write lock on the same file before failing. */
const BUSY_TIMEOUT_MS = 5000;

class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  constructor(private readonly db: Database.Database) {}

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return Promise.resolve(this.db.prepare(sql).run(...params).changes);
  }

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return Promise.resolve(this.db.prepare(sql).all(...params) as T[]);
  }

  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }

  async exclusive<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock at once: a second process starting at the same moment waits
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/**
 * Opens (creating it if absent) the SQLite store at `file`, in WAL mode so that readers never wait
 * for the writer, and applies the migrations. Several processes may share the file.
 * @throws StoreError for a file that is not a database, or another program's database
 */
export async function openSqliteStore(file: string): Promise<SqlStore> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new StoreError(`cannot open the database file ${file}: ${(error as Error).message} (check DATA_DIR and its permissions)`, 'unreachable', { cause: error });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((row) => row.name);
    // a database with tables but no migration record is some other program's: never write into it
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new StoreError(`${file} is a SQLite database of another program (tables: ${tables.slice(0, 5).join(', ')}); set DATA_DIR to another folder or move the file away`, 'foreign-database');
    }
    const driver = new SqliteDriver(db);
    return new SqlStore(driver, await migrate(driver, file));
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreError(`${file} is not a SQLite database or is damaged (${(error as Error).message}); move it away and the bot will start a new one, or set DATA_DIR to another folder`, 'not-a-database', { cause: error });
    }
    throw error;
  }
}
