import pg from 'pg';
import { StoreError, type SqlDriver } from './driver.js';
import { migrate, SqlStore } from './sql-store.js';

/** `?` placeholders to PostgreSQL's `$1`, `$2`… (none of our statements has a `?` in a literal). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// BIGINT (millisecond times, counts) as numbers rather than strings: they stay far below 2^53
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** An arbitrary constant: the advisory lock that serialises migrations between processes. */
const MIGRATION_LOCK = 4_217_001;

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres';
  constructor(private readonly pool: pg.Pool | pg.PoolClient) {}

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.pool.query(numbered(sql), params as unknown[])).rowCount ?? 0;
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(numbered(sql), params as unknown[])).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async exclusive<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T> {
    const client = await (this.pool as pg.Pool).connect();
    try {
      await client.query('BEGIN');
      // held until the transaction ends: a second process migrating at the same moment waits here
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const result = await work(new PostgresDriver(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await (this.pool as pg.Pool).end();
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/**
 * Connects to PostgreSQL at `url` and applies the migrations. The pool reconnects by itself after a
 * lost connection; an idle connection that drops is reported to `onError`, never thrown.
 * @throws StoreError naming DATABASE_URL when the server cannot be reached or refuses the login
 */
export async function openPostgresStore(url: string, onError: (error: Error) => void = () => undefined, connectTimeoutMs = 5000): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: url, types, max: 4, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 30_000 });
  // without a listener, a server closing an idle connection would end the process
  pool.on('error', onError);
  const driver = new PostgresDriver(pool);
  try {
    return new SqlStore(driver, await migrate(driver, `the database at DATABASE_URL (${redactUrl(url)})`));
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot use the database at DATABASE_URL (${redactUrl(url)}): ${(error as Error).message || (error as { code?: string }).code || 'connection failed'}`, 'unreachable', { cause: error });
  }
}
