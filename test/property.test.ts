import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommands } from '../src/bot/commands/index.js';
import { answerReply, passageReply } from '../src/bot/render/format.js';
import { LIMITS } from '../src/bot/discord/limits.js';
import { toDiscord } from '../src/bot/discord/send.js';
import { Engine, loadCorpus, QueryError, Suggester, tokenizeDocument, tokenizeQuery } from '../src/core/index.js';

/** Pieces that break naive code: mentions, Markdown, right-to-left marks, controls, lone surrogates. */
const NASTY = [
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>',
  '**', '__', '`', '```', '> ', '# ', '- ', '[x](http://e.x)', '||', '\\', '\u202E', '\u200F', 'مرحبا', 'שלום', '\u0000', '\u0007',
  '\n', '\t', '\uD800', '\uDFFF', '😀', '👨‍👩‍👧', '成资S3线', '川芎', '多少', '几', '1+1+N', 'PM2.5', '７.９％', '資陽', 'How many',
];
const unit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom(...NASTY));
const text = fc.string({ unit, maxLength: 60 });
const long = fc.tuple(fc.constantFrom(...NASTY), fc.integer({ min: 2000, max: 10_000 })).map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));
const anyInput = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: long });

const LIVE_MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/;

function embedTotal(embed: { title?: string; description?: string; author?: { name: string }; footer?: { text: string }; fields?: Array<{ name: string; value: string }> }): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.author?.name.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}

describe('properties over any input', () => {
  let engine: Engine;
  let suggester: Suggester;
  beforeAll(() => {
    engine = Engine.build(loadCorpus('corpus'));
    suggester = new Suggester(engine);
  });

  it('GIVEN any text THEN the tokenizers never throw and yield no empty token', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const token of [...tokenizeQuery(input), ...tokenizeDocument(input)]) expect(token.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN any question THEN the engine answers verbatim from the corpus or null, or refuses it with a QueryError', () => {
    const texts = engine.passages.map((passage) => passage.text);
    fc.assert(
      fc.property(anyInput, (input) => {
        let result;
        try {
          result = engine.ask(input);
        } catch (error) {
          expect(error).toBeInstanceOf(QueryError);
          return;
        }
        if (result.answer === null) {
          expect(result.found).toBe(false);
        } else {
          expect(result.passages[0]!.passage.text).toContain(result.answer);
          expect(texts.some((passage) => passage.includes(result.answer!))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN any question THEN the Discord reply stays within every limit and holds no live mention', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('en-US', 'zh-CN', 'zh-TW'), (input, locale) => {
        let result;
        try {
          result = engine.ask(input);
        } catch {
          return;
        }
        const lang = locale === 'en-US' ? 'en' : locale;
        for (const reply of [answerReply(result, engine, lang as 'en'), passageReply(engine, result.passages[0]?.passage, lang as 'en')]) {
          const options = toDiscord(reply);
          expect(options.allowedMentions).toEqual({ parse: [], repliedUser: false });
          if (options.content) expect(options.content.length).toBeLessThanOrEqual(LIMITS.content);
          const embeds = (options.embeds ?? []) as Array<Parameters<typeof embedTotal>[0]>;
          expect(embeds.reduce((sum, embed) => sum + embedTotal(embed), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
          for (const embed of embeds) {
            expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
            expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
            for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
            // the author line shows the question raw, but Discord renders no mention there
            expect(`${embed.description ?? ''}${JSON.stringify(embed.fields ?? [])}`).not.toMatch(LIVE_MENTION);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN anything typed THEN autocomplete gives at most 25 choices of at most 100 characters', () => {
    const ask = createCommands().find((command) => command.data.name === 'ask')!;
    fc.assert(
      fc.property(anyInput, (typed) => {
        const choices = ask.autocomplete!({ name: 'question', value: typed }, { engine, suggester }, null);
        expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
        for (const choice of choices) {
          expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
        }
      }),
      { numRuns: 200 },
    );
  });
});
