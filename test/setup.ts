import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/corpus.js';

// the index cache of every test file (and of the processes tests start) lives in a temporary
// folder, never in the working tree's .cache/
const cacheDir = mkdtempSync(join(tmpdir(), 'report-bot-cache-'));
process.env.INDEX_CACHE_DIR = cacheDir;

afterAll(() => {
  removeTempDirs();
  rmSync(cacheDir, { recursive: true, force: true });
});
