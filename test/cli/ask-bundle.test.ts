import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/ask.js';
import { sink, source } from '../helpers/streams.js';

// `npm test` builds first (pretest): dist/cli/ask.js is the one-file bundle scripts/bundle-cli.ts makes
const BUNDLE = resolve('dist/cli/ask.js');
const CORPUS = resolve('test/fixtures/corpus');
const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ask-bundle-'));
  folders.push(folder);
  return folder;
}

/** The answer of the modules as tsc compiles them (run in this process, from src/). */
async function inProcess(args: string[], cacheDir: string): Promise<unknown> {
  const saved = process.env.INDEX_CACHE_DIR;
  process.env.INDEX_CACHE_DIR = cacheDir;
  try {
    const out = sink();
    expect(await main(args, source(''), out, sink())).toBe(0);
    return JSON.parse(out.text());
  } finally {
    if (saved === undefined) delete process.env.INDEX_CACHE_DIR;
    else process.env.INDEX_CACHE_DIR = saved;
  }
}

describe('ask CLI: the built one-file bundle', () => {
  it('GIVEN the build THEN dist/cli/ask.js imports no module of the project (one file to read and compile at start)', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text).not.toMatch(/(?:from|import)\s*["']\.\.?\//);
    expect(text).not.toMatch(/require\(["']\.\.?\//);
  });

  // kinds of question that reach each lazily loaded part: the dictionaries under data/, the
  // traditional-to-simplified converter, the typo corrector, small talk, an abstention, a
  // question about a report's record, a request to sum up
  const questions = ['白鹭湾湿地观测到多少种鸟类', '白鷺灣濕地觀測到多少種鳥類', '地贴18号线什么时候开通', 'How many bird species were observed in the wetland?', '谢谢', '明天会下雨吗', '这篇报道是哪天发的', '总结一下'];

  it('GIVEN questions of every kind, asked from another folder THEN the bundle answers exactly as the modules do', async () => {
    const cwd = freshFolder();
    for (const question of questions) {
      const args = ['--json', '--corpus', CORPUS, question];
      const bundled = await run(process.execPath, [BUNDLE, ...args], { cwd, env: { ...process.env, INDEX_CACHE_DIR: join(cwd, 'cache') } });
      expect(JSON.parse(bundled.stdout), question).toEqual(await inProcess(args, freshFolder()));
    }
  }, 60_000);
});
