import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** The throwaway PostgreSQL server of the run (test/global-setup.ts), or '' with the reason it has none. */
export const pgAdminUrl = inject('pgUrl');
export const pgSkipReason = inject('pgSkipReason');

const made: Array<() => Promise<void>> = [];

/** A new, empty PostgreSQL database on the test server; its URL. Dropped by {@link dropDatabases}. */
export async function freshPostgres(): Promise<string> {
  if (!pgAdminUrl) throw new Error(`no PostgreSQL server for tests: ${pgSkipReason}`);
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  made.push(async () => {
    const client = new pg.Client({ connectionString: pgAdminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL as the server's admin (to cut connections, refuse logins…). */
export async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new data folder for a SQLite store; removed by {@link dropDatabases}. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-bot-data-'));
  made.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Drops every database and folder made by this file's tests. */
export async function dropDatabases(): Promise<void> {
  for (const drop of made.splice(0)) await drop().catch(() => undefined);
}

/**
 * Makes a file impossible to write for this process: the immutable attribute as root (root writes
 * through file modes), read-only mode otherwise. Returns what undoes it.
 */
export function makeUnwritable(file: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', file]);
    return () => execFileSync('chattr', ['-i', file]);
  }
  chmodSync(file, 0o444);
  return () => chmodSync(file, 0o644);
}
