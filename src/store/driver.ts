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
    readonly code: 'unreachable' | 'not-a-database' | 'foreign-database' | 'newer-schema' | 'bad-url',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
