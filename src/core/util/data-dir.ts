import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * data/ at the package root (with a trailing separator): the nearest folder above this module that
 * has data/README.md. Found, not counted in levels, so that the same code reads it from src/, from
 * dist/ and from the command line's one-file bundle (see scripts/bundle-cli.ts).
 */
export const DATA_DIR = dataDirAbove(dirname(fileURLToPath(import.meta.url)));

function dataDirAbove(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'README.md'))) return join(dir, 'data') + sep;
    if (dirname(dir) === dir) throw new Error(`no data/ folder (with its README.md) above ${start}: the package is incomplete`);
  }
}
