import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/client.js';
import { answerLine } from '../../src/bot/terminal.js';
import { createCommands } from '../../src/bot/commands/index.js';
import { Engine, loadCorpus, Suggester } from '../../src/core/index.js';
import { startBotOnFake } from '../helpers/bot.js';
import { pagedCorpus } from '../helpers/corpus.js';
import { buttonPress, FakeDiscord, slashCommand } from '../helpers/fake-discord.js';

type Data = { embeds?: Array<{ description?: string; footer?: { text: string } }>; components?: Array<{ components: Array<{ custom_id?: string }> }> };

let fake: FakeDiscord;
let bot: Bot;
let corpus: string;

beforeAll(async () => {
  corpus = pagedCorpus();
  ({ fake, bot } = await startBotOnFake({ CORPUS_DIR: corpus, COOLDOWN_QUESTIONS: '100' }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** Sends an interaction and returns the data of the bot's callback to it. */
async function interact(interaction: Record<string, unknown>): Promise<{ type: number; data: Data }> {
  const since = fake.requests.length;
  fake.send(interaction);
  const request = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 5000, since);
  const callback = request.body as { type: number; data: Data };
  if (callback.type !== 5) return callback;
  // deferred (/brief): the reply is the edit of the original message
  const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(interaction.token)), 5000, since);
  return { type: 5, data: edit.body as Data };
}

const buttons = (data: Data) => (data.components ?? []).flatMap((row) => row.components).map((button) => button.custom_id).filter(Boolean);

describe('paging on Discord: the buttons are pressed', () => {
  for (const [command, options] of [['section', [{ name: 'name', type: 3, value: 'long-2024#1' }]], ['brief', []]] as const) {
    it(`GIVEN /${command} longer than a page THEN Next shows page 2 in place and Previous brings page 1 back`, async () => {
      const first = await interact(slashCommand(command, [...options]));
      const page1 = first.data.embeds![0]!;
      expect(page1.footer!.text).toMatch(/第 1\/(\d+) 页/);
      const next = buttons(first.data).find((id) => id!.endsWith(':1'))!;
      expect(next).toBeDefined();
      const message = [...fake.messages.values()].pop()!;
      const second = await interact(buttonPress(next, message));
      expect(second.type).toBe(7);
      expect(second.data.embeds![0]!.footer!.text).toMatch(/第 2\/\d+ 页/);
      expect(second.data.embeds![0]!.description).not.toBe(page1.description);
      const previous = buttons(second.data).find((id) => id!.endsWith(':0'))!;
      const back = await interact(buttonPress(previous, message));
      expect(back.data.embeds![0]!.description).toBe(page1.description);
    });
  }
});

describe('paging in the terminal', () => {
  it('GIVEN a section longer than a page THEN every page is printed: all 40 paragraphs', () => {
    const engine = Engine.build(loadCorpus(corpus));
    const text = answerLine('/section long-2024#1', createCommands(), { engine, suggester: new Suggester(engine) })!;
    for (let i = 1; i <= 40; i++) expect(text).toContain(`第${i}段`);
    expect(text).toMatch(/第 2\/\d+ 页/);
  });
});
