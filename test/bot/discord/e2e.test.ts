import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bot } from '../../../src/bot/discord/client.js';
import type { Engine } from '../../../src/core/index.js';
import { startBotOnFake, type LogLines } from '../../helpers/bot.js';
import { autocomplete, buttonPress, FakeDiscord, messageCommand, slashCommand, type RecordedRequest } from '../../helpers/fake-discord.js';

const EPHEMERAL = 64;
type Callback = { type: number; data: { content?: string; flags?: number; embeds?: Array<Record<string, any>>; components?: Array<{ components: Array<Record<string, any>> }>; allowed_mentions?: { parse: string[] }; choices?: Array<{ name: string; value: string }> } };

let fake: FakeDiscord;
let bot: Bot;
let logs: LogLines;
let engine: Engine;
let nextUser = 600000000000000000n;
const freshUser = (): string => String(++nextUser);

beforeAll(async () => {
  ({ fake, bot, logs, engine } = await startBotOnFake({ COOLDOWN_QUESTIONS: '3', COOLDOWN_SECONDS: '60' }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** Sends an interaction and waits for the bot's callback to it. */
async function interact(interaction: Record<string, unknown>): Promise<Callback> {
  const since = fake.requests.length;
  fake.send(interaction);
  const request = await fake.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${interaction.id}/`), 5000, since);
  return request.body as Callback;
}

async function edited(interaction: Record<string, unknown>): Promise<RecordedRequest> {
  return fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/webhooks/`) && r.path.includes(String(interaction.token)));
}

const ask = (question: string, extra: { userId?: string; locale?: string } = {}, options: Array<Record<string, unknown>> = []) =>
  slashCommand('ask', [{ name: 'question', type: 3, value: question }, ...options], { userId: extra.userId ?? freshUser(), locale: extra.locale });

describe('the bot against a fake Discord', () => {
  it('GIVEN the bot logs in THEN it identifies with the Guilds, GuildMessages and DirectMessages intents (none privileged) and logs ready', async () => {
    expect(fake.identifies).toBe(1);
    expect(fake.intents).toBe(1 | (1 << 9) | (1 << 12));
    expect(fake.requests[0]?.path).toBe('/api/v10/gateway/bot');
    expect(logs.lines.find((line) => line.msg === 'ready')).toMatchObject({ tag: 'report-bot', passages: engine.passages.length });
  });

  it('GIVEN /ask THEN an embed with the answer, the citation, a source link and no mentions allowed', async () => {
    const interaction = ask('成资S3线开工了吗');
    const callback = await interact(interaction);
    expect(callback.type).toBe(4);
    const embed = callback.data.embeds![0]!;
    expect(embed.description).toContain('成资S3线开工');
    expect(embed.author.name).toBe('成资S3线开工了吗');
    expect(JSON.stringify(embed.fields)).toContain('关键词2 · 交通');
    expect(JSON.stringify(embed.fields)).toContain('cdms-2021-04-15#2.2');
    expect(callback.data.allowed_mentions?.parse).toEqual([]);
    const buttons = callback.data.components![0]!.components;
    expect(buttons.map((b) => b.url ?? b.custom_id)).toEqual(['http://www.kbcmw.com/html/xw/dzyw/70105.html', 'passage:cdms-2021-04-15#2.2', 'more:', 'followup:cdms-2021-04-15#2.2']);
    expect(callback.data.flags ?? 0).toBe(0);
    const line = await logs.waitFor((l) => l.msg === 'interaction' && l.interaction === interaction.id);
    expect(line).toMatchObject({ found: true, guild: '200000000000000002' });
    expect(line?.passageIds).toContain('cdms-2021-04-15#2.2');
    expect(JSON.stringify(line)).not.toContain('开工了吗');
  });

  it('GIVEN /ask with a greeting, thanks or a farewell only THEN one friendly line with a hint: no embed, no report sentence, no passage, no buttons', async () => {
    for (const [message, line] of [['您好呀', /你好!可以问我报告里的任何内容/], ['多谢多谢', /不客气/], ['拜拜啦', /再见/]] as const) {
      const callback = await interact(ask(message));
      expect(callback.type).toBe(4);
      expect(callback.data.content).toMatch(line);
      expect(callback.data.content!.split('\n')).toHaveLength(1);
      expect(callback.data.embeds ?? []).toEqual([]);
      expect(callback.data.components ?? []).toEqual([]);
    }
    const english = await interact(ask('hey there, thank you!', { locale: 'en-US' }));
    expect(english.data.content).toMatch(/^You are welcome!/);
  });

  it('GIVEN an English locale THEN the fixed texts are English; zh-TW THEN traditional', async () => {
    const english = await interact(ask('川芎', { locale: 'en-US' }));
    expect(english.data.embeds![0]!.title).toBe('Answer');
    const traditional = await interact(ask('川芎', { locale: 'zh-TW' }));
    expect(traditional.data.components![0]!.components[1]!.label).toBe('查看段落');
    expect(traditional.data.embeds![0]!.fields[0].name).toBe('出處');
  });

  it('GIVEN a question the report does not answer THEN it says so and lists the nearest sections', async () => {
    const callback = await interact(ask('四川省省长是谁'));
    expect(callback.data.embeds![0]!.description).toContain('报告中没有这个问题的答案');
    expect(callback.data.embeds![0]!.description).toMatch(/关键词\d|导语/);
  });

  it('GIVEN a question containing @everyone and a role mention THEN nobody is pinged', async () => {
    const callback = await interact(ask('@everyone <@&123456789012345678> 成资S3线开工了吗'));
    expect(callback.data.allowed_mentions?.parse).toEqual([]);
    // the reply is embeds only; the question is echoed in the embed's author line, where Discord
    // renders no mention, and nowhere that would (content, description, fields)
    expect(callback.data.content ?? '').toBe('');
    const embed = callback.data.embeds![0]!;
    expect(embed.author.name).toContain('@everyone');
    expect(JSON.stringify([embed.description, embed.fields])).not.toMatch(/@everyone|<@&\d+>/);
  });

  it('GIVEN typing in the question THEN autocomplete answers with at most 25 choices of at most 100 characters', async () => {
    const callback = await interact(autocomplete('ask', 'question', '成都'));
    expect(callback.type).toBe(8);
    const choices = callback.data.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
      expect(choice.name).toContain('成都');
    }
  });

  it('GIVEN Show passage is pressed THEN the whole passage comes back, ephemeral', async () => {
    const callback = await interact(ask('跨市公交增加到了几条'));
    const message = [...fake.messages.values()].at(-1)!;
    const showId = callback.data.components![0]!.components[1]!.custom_id as string;
    const pressed = await interact(buttonPress(showId, message));
    expect(pressed.type).toBe(4);
    expect(pressed.data.flags).toBe(EPHEMERAL);
    expect(pressed.data.embeds![0]!.description).toContain('跨市公交增至9条');
  });

  it('GIVEN More results is pressed THEN further passages for the question come back, ephemeral', async () => {
    await interact(ask('成德眉资同城化'));
    const message = [...fake.messages.values()].at(-1)!;
    const pressed = await interact(buttonPress('more:', message));
    expect(pressed.data.flags).toBe(EPHEMERAL);
    expect(pressed.data.embeds![0]!.fields.length).toBeGreaterThan(0);
  });

  it('GIVEN /brief THEN it is deferred, then edited into a briefing that fits Discord', async () => {
    const interaction = slashCommand('brief', []);
    const callback = await interact(interaction);
    expect(callback.type).toBe(5);
    const edit = await edited(interaction);
    const body = edit.body as Callback['data'];
    const embed = body.embeds![0]!;
    expect(embed.title).toContain('简报');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(embed.description).toContain(`关键词${n}`);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(body.allowed_mentions?.parse).toEqual([]);
  });

  it('GIVEN /section THEN the section keyword, headline and passages', async () => {
    const callback = await interact(slashCommand('section', [{ name: 'name', type: 3, value: 'cdms-2021-04-15#5' }]));
    const embed = callback.data.embeds![0]!;
    expect(embed.title).toBe('关键词5 · 生活圈');
    expect(embed.description).toContain('都市圈居民就医“一码通”');
    expect(embed.description).toContain('cdms-2021-04-15#5.1');
  });

  it('GIVEN the message context menu THEN the message text is asked, ephemeral', async () => {
    const callback = await interact(messageCommand('Ask the report', '日开行动车多少对', { userId: freshUser() }));
    expect(callback.data.flags).toBe(EPHEMERAL);
    expect(callback.data.embeds![0]!.description).toContain('107.5对');
  });

  it('GIVEN the context menu on a message of 504 characters, astral ones among them (999 UTF-16 units) THEN an answer or a notice, never "something went wrong"', async () => {
    const text = `日开行动车多少对${'𠀀'.repeat(495)}啊`;
    expect([...text].length).toBe(504);
    expect(text.length).toBe(999);
    const callback = await interact(messageCommand('Ask the report', text, { userId: freshUser() }));
    expect(callback.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(callback.data)).not.toMatch(/出错了|Something went wrong/);
    expect(callback.data.embeds?.length ?? 0).toBeGreaterThan(0);
  });

  it('GIVEN /sources and /help THEN they answer', async () => {
    // /sources is acknowledged first (it may import), then its reply edits the acknowledgement
    const list = slashCommand('sources', []);
    const sources = await interact(list);
    expect(sources.type).toBe(5);
    expect(JSON.stringify((await edited(list)).body)).toContain('成都商报');
    const help = await interact(slashCommand('help', []));
    expect(help.data.embeds![0]!.description).toContain('/ask');
  });

  it('GIVEN an unknown command THEN it is answered', async () => {
    const callback = await interact(slashCommand('nope', []));
    expect(callback.data.content).toContain('/help');
    expect(callback.data.flags).toBe(EPHEMERAL);
  });

  it('GIVEN a command that throws THEN an ephemeral error with a ref that the log has, and the next interaction is answered', async () => {
    const spy = vi.spyOn(engine, 'ask').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const callback = await interact(ask('成资S3线开工了吗'));
    spy.mockRestore();
    expect(callback.data.flags).toBe(EPHEMERAL);
    const ref = /\(ref ([0-9A-F]{6})\)|编号 ([0-9A-F]{6})/.exec(callback.data.content ?? '');
    expect(ref).not.toBeNull();
    const code = ref![1] ?? ref![2];
    expect(logs.lines.find((line) => line.msg === 'interaction failed' && line.ref === code)).toBeDefined();
    const next = await interact(ask('川芎'));
    expect(next.data.embeds![0]!.description).toContain('川芎');
  });

  it('GIVEN more questions than the cooldown allows THEN the extra one gets an ephemeral try again in N s', async () => {
    const userId = freshUser();
    for (let i = 0; i < 3; i++) expect((await interact(ask('川芎', { userId }))).data.embeds).toBeDefined();
    const limited = await interact(ask('川芎', { userId }));
    expect(limited.data.flags).toBe(EPHEMERAL);
    expect(limited.data.content).toMatch(/请在 \d+ 秒后再试/);
    expect((await interact(ask('川芎', { userId: freshUser() }))).data.embeds).toBeDefined();
  });
});
