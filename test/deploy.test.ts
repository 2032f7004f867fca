import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SERVICE_NODE_FLAGS } from '../src/node-flags.js';
import { FAKE, FakeDiscord } from './helpers/fake-discord.js';

// No container engine runs on this machine (the docker client is there, its daemon is not), so the
// image is checked as far as it can be: its instructions, and its CMD run as the image would run it.
const dockerfile = readFileSync('Dockerfile', 'utf8');

function instruction(name: string): string[] {
  return dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith(`${name} `))
    .map((line) => line.slice(name.length + 1).trim());
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('deployment files', () => {
  it('GIVEN the Dockerfile THEN it is multi-stage, installs production dependencies only, runs as non-root, checks health and keeps corpus and data on volumes', () => {
    expect(instruction('FROM')).toHaveLength(2);
    expect(instruction('RUN').some((run) => run.includes('npm ci --omit=dev'))).toBe(true);
    expect(instruction('USER')).toEqual(['node']);
    expect(instruction('HEALTHCHECK')[0]).toMatch(/healthz/);
    expect(JSON.parse(instruction('VOLUME')[0]!)).toEqual(['/app/corpus', '/data']);
    expect(instruction('COPY').some((copy) => copy.startsWith('data '))).toBe(true);
  });

  it('GIVEN the image\'s CMD and the systemd unit THEN both start node directly with the service flags (so SIGTERM reaches the bot)', () => {
    const cmd = JSON.parse(instruction('CMD')[0]!) as string[];
    expect(cmd).toEqual(['node', ...SERVICE_NODE_FLAGS, 'dist/index.js']);
    const unit = readFileSync('deploy/report-bot.service', 'utf8');
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/node ${SERVICE_NODE_FLAGS.join(' ')} dist/index\\.js$`, 'm'));
    expect(unit).toMatch(/^Restart=on-failure$/m);
  });

  it('GIVEN the image\'s CMD run with its environment THEN the bot connects, its HEALTHCHECK passes, and SIGTERM stops it with exit 0', async () => {
    const fake = await FakeDiscord.start();
    const port = await freePort();
    const cmd = JSON.parse(instruction('CMD')[0]!) as string[];
    const session = fake.nextSession();
    const child = spawn(cmd[0] === 'node' ? process.execPath : cmd[0]!, cmd.slice(1), {
      env: { ...process.env, NODE_ENV: 'production', CORPUS_DIR: 'corpus', HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await session;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const check = instruction('HEALTHCHECK')[0]!.replace(/^.*CMD /, '').replace('8080', String(port));
      const probe = spawnSync('sh', ['-c', check.replace(/^node /, `"${process.execPath}" `)], { encoding: 'utf8' });
      expect(probe.status, `${probe.stderr}${probe.stdout}`).toBe(0);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  });
});
