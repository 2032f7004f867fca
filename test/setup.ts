import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/corpus.js';

// the index cache of every test file (and of the processes tests start) lives in a temporary
// folder, never in the working tree's .cache/
const cacheDir = mkdtempSync(join(tmpdir(), 'report-bot-cache-'));
process.env.INDEX_CACHE_DIR = cacheDir;
// so does the store of every bot process a test starts (DATA_DIR/bot.db), never .data/
const dataDir = mkdtempSync(join(tmpdir(), 'report-bot-data-'));
process.env.DATA_DIR = dataDir;

afterAll(() => {
  removeTempDirs();
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});
