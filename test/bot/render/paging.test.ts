import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import { answerLine } from '../../../src/bot/chat/terminal.js';
import { createCommands } from '../../../src/bot/commands/index.js';
import { Engine, loadCorpus, Suggester } from '../../../src/core/index.js';
import { interact as interactWith, startBotOnFake } from '../../helpers/bot.js';
import { pagedCorpus } from '../../helpers/corpus.js';
import { buttonPress, FakeDiscord, slashCommand } from '../../helpers/fake-discord.js';

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
  // deferred (/brief): the reply is the edit of the original message
  const { callback, reply } = await interactWith(fake, interaction);
  return { type: callback.type!, data: reply as Data };
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

describe('several reports in the commands', () => {
  it('GIVEN a section number two reports have THEN /section asks which report; with the report option it shows that one; /brief puts a header before each report', async () => {
    const { createCommands: commands } = await import('../../../src/bot/commands/index.js');
    const engine = Engine.build(loadCorpus('test/fixtures/corpus'));
    const context = { engine, suggester: new Suggester(engine) };
    const section = commands().find((command) => command.data.name === 'section')!;
    const ambiguous = await section.run({ name: '1', report: undefined }, { lang: 'zh-CN' }, context);
    expect(ambiguous.reply.content).toMatch(/多个报告都有这个部分/);
    expect(ambiguous.reply.content).toContain('`metro-2022#1`');
    expect(ambiguous.reply.content).toContain('`parks-2023#1`');
    const chosen = await section.run({ name: '1', report: 'parks-2023' }, { lang: 'zh-CN' }, context);
    expect(chosen.reply.embeds![0]!.description).toContain('parks-2023#1.1');
    const brief = commands().find((command) => command.data.name === 'brief')!;
    const all = (await brief.run({ section: undefined, report: undefined }, { lang: 'zh-CN' }, context)).reply.embeds![0]!.description!;
    for (const document of engine.documents.values()) expect(all).toContain(`__**${document.source.title} · ${document.source.publisher} · ${document.source.date}**__`);
    const one = (await brief.run({ section: undefined, report: 'parks-2023' }, { lang: 'zh-CN' }, context)).reply.embeds![0]!.description!;
    expect(one).toContain('parks-2023#');
    expect(one).not.toContain('metro-2022#');
  });
});
