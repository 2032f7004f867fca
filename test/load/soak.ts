/**
 * `npm run load`: the bot as `npm start` runs it (a child process), against the fake Discord: a burst
 * of 200 /ask from 200 users within one second, then LOAD_TOTAL (default 10,000) interactions from
 * as many distinct users at LOAD_RATE a second, with the bot's RSS sampled after every 1,000 (its
 * peak and its end are reported). Prints a table and appends it to docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { FAKE, FakeDiscord, slashCommand } from '../helpers/fake-discord.js';
import { SERVICE_NODE_FLAGS } from '../../src/node-flags.js';

const QUESTIONS = ['成资S3线开工了吗', '日开行动车多少对', '川芎产值同比增长多少', 'How many schools in Chengdu pair up?', '成都的人口有多少', '就医一码通', '跨市公交增加到了几条', '四川省省长是谁'];
const TOTAL = Number(process.env.LOAD_TOTAL ?? 10_000);
const RATE = Number(process.env.LOAD_RATE ?? 60); // interactions a second

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const fake = await FakeDiscord.start();
  const session = fake.nextSession();
  // LOAD_NODE_FLAGS (space-separated) measures the bot under other V8 flags than the service's
  const flags = process.env.LOAD_NODE_FLAGS === undefined ? SERVICE_NODE_FLAGS : process.env.LOAD_NODE_FLAGS.split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, 'dist/index.js'], {
    env: { ...process.env, DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'warn', COOLDOWN_QUESTIONS: '1000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await session;
  let user = 0n;
  const sendAndTime = async (count: number, spacingMs: number): Promise<number[]> => {
    const pending: Array<Promise<number>> = [];
    for (let i = 0; i < count; i++) {
      const interaction = slashCommand('ask', [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length]! }], { userId: String(900000000000000000n + user++) });
      const sentAt = performance.now();
      fake.send(interaction);
      pending.push(fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 30_000).then((r) => r.at - sentAt));
      if (spacingMs) await new Promise((resolve) => setTimeout(resolve, spacingMs));
    }
    return Promise.all(pending);
  };

  const burst = await sendAndTime(200, 4);
  const soak: number[] = [];
  let rssAfterFirst = 0;
  let rssPeak = 0;
  const started = performance.now();
  for (let done = 0; done < TOTAL; done += 1000) {
    soak.push(...(await sendAndTime(Math.min(1000, TOTAL - done), 1000 / RATE)));
    const rss = rssMB(child.pid!);
    rssPeak = Math.max(rssPeak, rss);
    if (done === 0) rssAfterFirst = rss;
    fake.requests.length = 0; // the fake forgets, so that only the bot's memory is watched
  }
  const seconds = (performance.now() - started) / 1000;
  const rssEnd = rssMB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await fake.close();

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const p = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))]!.toFixed(1);
  const growth = ((rssEnd - rssAfterFirst) / rssAfterFirst) * 100;
  const report = [
    '',
    '## Load (npm run load)',
    '',
    `The bot as \`npm start\` runs it, against the fake Discord on loopback, ${new Date().toISOString().slice(0, 10)}; V8 flags: ${flags.join(' ') || '(V8 defaults)'}.`,
    '',
    '| phase | interactions | answered | ack p50 (ms) | ack p99 (ms) | ack max (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    `| burst: 200 users within 1 s | 200 | ${burst.length} | ${p(burst, 0.5)} | ${p(burst, 0.99)} | ${Math.max(...burst).toFixed(1)} |`,
    `| soak: ${TOTAL} over ${seconds.toFixed(0)} s | ${TOTAL} | ${soak.length} | ${p(soak, 0.5)} | ${p(soak, 0.99)} | ${Math.max(...soak).toFixed(1)} |`,
    '',
    `Bot RSS after the first 1,000 soak interactions (as many distinct users): ${rssAfterFirst.toFixed(0)} MB; peak of the samples after every 1,000: ${rssPeak.toFixed(0)} MB; at the end, after ${TOTAL} distinct users: ${rssEnd.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%; target within 20%: ${Math.abs(growth) <= 20 ? 'met' : '**not met**'}). Every acknowledgement within Discord's 3 s: ${Math.max(...burst, ...soak) < 3000 ? 'yes' : '**no**'}.`,
    '',
  ].join('\n');
  process.stdout.write(report);
  appendFileSync('docs/benchmarks.md', report);
  process.exitCode = Math.abs(growth) <= 20 && Math.max(...burst, ...soak) < 3000 && soak.length === TOTAL ? 0 : 1;
}

await main();
