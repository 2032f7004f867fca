import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts a throwaway PostgreSQL server for the store tests (Debian's postgresql package, which
 * .ci/run installs), unless TEST_DATABASE_URL names one already running. Without either, the
 * PostgreSQL tests are skipped with the reason printed, except when REQUIRE_POSTGRES=1 (CI): then
 * the run fails here.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of a PostgreSQL server for tests, or '' when there is none. */
    pgUrl: string;
    /** Why there is none. */
    pgSkipReason: string;
  }
}

function postgresBin(): string | null {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [fromConfig.status === 0 ? fromConfig.stdout.trim() : '', ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((version) => `/usr/lib/postgresql/${version}/bin`) : [])];
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', '');
    return () => undefined;
  }
  const bin = postgresBin();
  const refuse = (reason: string): (() => void) => {
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
    console.warn(`\n[store tests] PostgreSQL tests skipped: ${reason}. Install Debian's postgresql package or set TEST_DATABASE_URL.\n`);
    project.provide('pgUrl', '');
    project.provide('pgSkipReason', reason);
    return () => undefined;
  };
  if (!bin) return refuse('no PostgreSQL server binaries (initdb, pg_ctl) found');
  const dir = mkdtempSync(join(tmpdir(), 'report-bot-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, the server runs as the package's postgres user
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' }));
  chmodSync(dir, 0o777);
  const port = await freePort();
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return refuse(`the test server did not start (${stderr || (error as Error).message})`);
  }
  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  project.provide('pgSkipReason', '');
  return () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
