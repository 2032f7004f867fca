import { SlashCommandBuilder } from 'discord.js';
import type { Engine, Turn } from '../../core/index.js';
import type { Outcome } from '../reply.js';
import { MAX_SUGGESTION_CHARS } from '../../core/index.js';
import type { Command } from '../command.js';
import { answerReply, notice } from '../format.js';
import { t } from '../i18n.js';
import { LIMITS, truncate } from '../limits.js';
import { zh } from '../localize.js';
import { resolveSection, sectionChoices } from '../sections.js';

/** The longest question Discord lets a user type into /ask. */
export const MAX_ASK_CHARS = 200;

/** A section option: fixed choices when the corpus has at most 25 sections, else autocomplete. */
export function withSectionOption(builder: Pick<SlashCommandBuilder, 'addStringOption'>, engine: Engine, name: string, required: boolean, en: string, cn: string, tw: string): void {
  builder.addStringOption((option) => {
    option.setName(name).setDescription(en).setDescriptionLocalizations(zh(cn, tw)).setRequired(required);
    const choices = sectionChoices(engine);
    const total = [...engine.documents.values()].reduce((sum, document) => sum + document.sections.length, 0);
    return total <= LIMITS.choices ? option.addChoices(...choices) : option.setAutocomplete(true);
  });
}

/**
 * Answers a question with the report's own sentence: shared by /ask, the context menu, chat
 * messages and follow-ups (with `history`, the conversation's earlier turns).
 */
export function answer(question: string, sectionValue: string | undefined, engine: Engine, lang: Parameters<typeof t>[0], history: readonly Turn[] = []): Outcome {
  if (!question.trim()) return { reply: notice(t(lang, 'emptyQuestion')) };
  const scope = sectionValue ? resolveSection(engine, sectionValue) : undefined;
  if (sectionValue && !scope) return { reply: notice(t(lang, 'unknownSection')) };
  const result = engine.ask(question, { ...(scope ? { documentId: scope.documentId, section: scope.section.number } : {}), history });
  return {
    reply: answerReply(result, engine, lang, scope ? `${scope.documentId}#${scope.section.number}` : ''),
    passageIds: result.passages.map(({ passage }) => passage.id),
    found: result.found,
    ...(result.found && result.citations[0] ? { answerPassageId: result.citations[0].passageId } : {}),
  };
}

/** /ask question:<text> [section] [private]. */
export function askCommand(engine: Engine): Command {
  const builder = new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask the report a question; get its own sentence with a citation')
    .setDescriptionLocalizations(zh('向报告提问,得到原文句子和出处', '向報告提問,得到原文句子和出處'))
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, in Chinese or English')
        .setDescriptionLocalizations(zh('你的问题(中文或英文)', '你的問題(中文或英文)'))
        .setRequired(true)
        .setMaxLength(MAX_ASK_CHARS)
        .setAutocomplete(true),
    );
  withSectionOption(builder, engine, 'section', false, 'Search only this section', '只在这个部分中查找', '只在這個部分中查找');
  builder.addBooleanOption((option) =>
    option.setName('private').setDescription('Only you see the answer').setDescriptionLocalizations(zh('只有你能看到答案', '只有你能看到答案')),
  );
  return {
    data: builder.toJSON(),
    asks: true,
    run({ options, lang, history }, { engine }) {
      const outcome = answer(String(options.question ?? ''), options.section === undefined ? undefined : String(options.section), engine, lang, history);
      return options.private === true ? { ...outcome, reply: { ...outcome.reply, ephemeral: true } } : outcome;
    },
    autocomplete({ name, value }, { engine, suggester }) {
      if (name === 'section') return sectionChoices(engine, value);
      return suggester.suggest(value).map((text) => ({ name: truncate(text, LIMITS.choiceName), value: truncate(text, Math.min(MAX_SUGGESTION_CHARS, LIMITS.choiceValue)) }));
    },
  };
}
