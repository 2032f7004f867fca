import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { GOOD_REPORT, tempCorpus } from '../../helpers/corpus.js';
import { FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;
let dir: string;

beforeAll(async () => {
  dir = tempCorpus({ 'a.md': GOOD_REPORT });
  ({ fake, bot, logs } = await startBotOnFake({ CORPUS_DIR: dir, COOLDOWN_QUESTIONS: '100' }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

async function ask(question: string): Promise<string> {
  const interaction = slashCommand('ask', [{ name: 'question', type: 3, value: question }], { userId: String(830000000000000000n + BigInt(Math.floor(Math.random() * 1e6))) });
  const since = fake.requests.length;
  fake.send(interaction);
  const callback = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 5000, since);
  return JSON.stringify(callback.body);
}

describe('hot reload of the corpus folder', () => {
  it('GIVEN a report added to the watched folder while the bot runs THEN /ask answers from it within seconds, with no restart and no redeploy', async () => {
    expect(await ask('滨江大桥什么时候通车')).toContain('报告中没有这个问题的答案');
    // the deploy check of the start is over before the commands are counted
    await logs.waitFor((l) => l.msg === 'commands deployed (they had changed)' || l.msg === 'commands up to date', 5000);
    const putRequests = fake.requests.filter((r) => r.method === 'PUT').length;
    copyFileSync('test/fixtures/everyday/binjiang-2024.md', join(dir, 'binjiang-2024.md'));
    const line = await logs.waitFor((l) => l.msg === 'corpus reloaded', 5000);
    expect(line.added).toEqual(['binjiang-2024']);
    expect(await ask('滨江大桥什么时候通车')).toContain('4月30日');
    expect(await ask('地铁开通了吗')).toContain('地铁开通');
    // /sources shows the new report at once
    // (the answer's dots are Markdown-escaped and its matched words bold)
    expect((await ask('滨江大桥全长多少公里')).replace(/\\|\*/g, '')).toContain('2.4公里');
    const sources = slashCommand('sources', []);
    fake.send(sources);
    // deferred: the list is the edit of the acknowledgement
    const listed = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(sources.token)));
    expect(JSON.stringify(listed.body)).toContain('滨江新区民生工作进展');
    expect(fake.requests.filter((r) => r.method === 'PUT').length).toBe(putRequests);
  });

  it('GIVEN a broken file written to the folder THEN its errors are logged and the old corpus keeps answering', async () => {
    writeFileSync(join(dir, 'broken.md'), GOOD_REPORT.replace('date: 2022-01-02', 'date: someday').replace('## 关键词1 |', '## 关键词 |'));
    const line = await logs.waitFor((l) => l.msg === 'corpus reload refused: the old reports keep answering', 5000);
    const errors = (line.errors as string[]).join('\n');
    expect(errors).toMatch(/broken\.md:4: front matter "date"/);
    expect(errors).toMatch(/broken\.md:\d+: section number/);
    expect(await ask('滨江大桥什么时候通车')).toContain('4月30日');
  });
});
