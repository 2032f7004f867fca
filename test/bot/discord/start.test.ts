import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE, FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';
import { GOOD_REPORT, tempCorpus } from '../../helpers/corpus.js';

describe('npm start (the entry point, as a process)', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('GIVEN a token and DISCORD_API_URL at a fake Discord THEN it logs ready, answers /ask, and exits 0 on SIGTERM', async () => {
    const session = fake.nextSession();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await session;
    const interaction = slashCommand('ask', [{ name: 'question', type: 3, value: '川芎市场占有率' }]);
    fake.send(interaction);
    const callback = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 10_000);
    expect(JSON.stringify(callback.body)).toContain('70%');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"ready"');
    expect(stdout).toContain('"msg":"shutting down"');
  });

  it('GIVEN SIGTERM or SIGINT to the pid of `npm start` (as Docker and systemd send it) THEN the bot itself stops cleanly: exit 0, disconnected', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const session = fake.nextSession();
      const child = spawn('npm', ['start'], {
        env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      await session;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.sockets.size).toBe(1);
      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect(code, signal).toBe(0);
      expect(stdout).toContain('"msg":"shutting down"');
      // the bot process is gone, not orphaned and still answering: its gateway connection closed
      const deadline = Date.now() + 3000;
      while (fake.sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.sockets.size).toBe(0);
    }
  });

  it('GIVEN invalid settings THEN one readable message naming the variable and exit 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: 'not-an-id', DISCORD_API_URL: fake.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_APP_ID: expected a Discord id');
    expect(stderr).not.toContain('    at ');
  });
});

describe('npm start when Discord refuses or cannot be reached', () => {
  /** Starts the entry point as a process against `apiUrl`; resolves with its exit code and output. */
  const start = (apiUrl: string, env: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: apiUrl, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return { child, done: once(child, 'exit').then(([code]) => ({ code, stdout: () => stdout, stderr: () => stderr })) };
  };
  const noStack = (text: string) => expect(text.split('\n').some((line) => /^\s*at /.test(line))).toBe(false);

  it('GIVEN a token Discord rejects (401) THEN one line naming DISCORD_TOKEN and what to do, exit 1, no stack trace', async () => {
    const fake = await FakeDiscord.start();
    fake.override((request, response) => {
      if (!request.path.endsWith('/gateway/bot')) return false;
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
      return true;
    });
    const { code, stderr, stdout } = await start(fake.apiUrl).done;
    await fake.close();
    expect(code).toBe(1);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    expect(stderr()).toMatch(/DISCORD_TOKEN.*Reset Token/);
    noStack(stderr() + stdout());
  });

  it('GIVEN the gateway closes with 4014 (disallowed intents) THEN one line naming the portal switch, exit 1', async () => {
    const fake = await FakeDiscord.start();
    fake.closeOnIdentify = 4014;
    const { code, stderr, stdout } = await start(fake.apiUrl, { MESSAGE_CONTENT_INTENT: 'true' }).done;
    await fake.close();
    expect(code).toBe(1);
    expect(stderr()).toMatch(/Message Content Intent/);
    noStack(stderr() + stdout());
  });

  it('GIVEN nothing listens at the API address THEN each attempt is logged, then one clear line and exit 1', async () => {
    const { code, stderr, stdout } = await start('http://127.0.0.1:9/api', { DISCORD_CONNECT_ATTEMPTS: '2' }).done;
    expect(code).toBe(1);
    expect(stdout()).toContain('"msg":"Discord could not be reached; trying again"');
    expect(stdout()).toContain('"attempt":1');
    expect(stderr()).toMatch(/Discord could not be reached at http:\/\/127\.0\.0\.1:9\/api .*\(gave up after 2 attempts\)/);
    noStack(stderr() + stdout());
  });

  it('GIVEN the token is revoked while the bot runs (gateway close 4004) THEN one line and exit 1, never 0', async () => {
    const fake = await FakeDiscord.start();
    const session = fake.nextSession();
    const run = start(fake.apiUrl);
    await session;
    await new Promise((resolve) => setTimeout(resolve, 300));
    fake.closeOnIdentify = 4004;
    fake.closeGateway(4004);
    const { code, stderr, stdout } = await run.done;
    await fake.close();
    expect(code).toBe(1);
    expect(stderr()).toMatch(/revoked or reset while the bot ran/);
    noStack(stderr() + stdout());
  });
});

describe('npm start with a broken corpus', () => {
  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env: { ...process.env, DISCORD_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return once(child, 'exit').then(([code]) => ({ code, stderr }));
  };

  it('GIVEN a report added with a broken front matter THEN start-up stops with the loader message, exit 1', async () => {
    const dir = tempCorpus({ 'good.md': GOOD_REPORT, 'bad.md': GOOD_REPORT.replace('date: 2022-01-02', 'date: soon') });
    const { code, stderr } = await run({ CORPUS_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.md:4: front matter "date"/);
    expect(stderr).not.toContain('    at ');
  });

  it('GIVEN a lexicon with a bad entry THEN start-up stops with the file, line and entry, exit 1', async () => {
    const dir = tempCorpus({ 'good.md': GOOD_REPORT, 'good.lexicon.yaml': 'synonyms:\n  - [地铁]\n' });
    const { code, stderr } = await run({ CORPUS_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/good\.lexicon\.yaml:2: "synonyms" entry 1/);
  });
});
