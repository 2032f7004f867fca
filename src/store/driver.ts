/**
 * The little each database engine must provide for {@link SqlStore}: statements with `?`
 * placeholders (the PostgreSQL driver numbers them), rows as plain objects, and a way to apply the
 * migrations with no other process applying them at the same time.
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` holding the database's migration lock, inside one transaction. */
  exclusive<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T>;
  /** Runs several statements (a migration). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** An expected failure of the store: a message for the operator, naming the setting or file to fix. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly code: 'unreachable' | 'read-only' | 'not-a-database' | 'foreign-database' | 'newer-schema' | 'bad-url' | 'unavailable',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The driver with every failure of a statement made a StoreError ('unavailable', the driver's
 * error as its cause): callers tell a database that failed from a bug of their own by its type.
 */
export function guarded(driver: SqlDriver): SqlDriver {
  // async, so that a driver that throws at once (better-sqlite3 is synchronous) is caught as well
  const attempt = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`the database failed: ${(error as Error).message || (error as { code?: string }).code || 'unknown error'}`, 'unavailable', { cause: error });
    }
  };
  return {
    dialect: driver.dialect,
    run: (sql, params) => attempt(() => driver.run(sql, params)),
    all: <T>(sql: string, params?: readonly unknown[]) => attempt(() => driver.all<T>(sql, params)),
    exec: (sql) => attempt(() => driver.exec(sql)),
    exclusive: <T>(work: (inner: SqlDriver) => Promise<T>) => attempt(() => driver.exclusive((inner) => work(guarded(inner)))),
    close: () => driver.close(),
  };
}
