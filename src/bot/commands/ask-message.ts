import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { Command } from './command.js';
import { notice } from '../render/format.js';
import { t } from '../render/i18n.js';
import { zh } from '../render/localize.js';
import { answer } from './answer.js';
import { MAX_QUESTION_CHARS } from '../../core/index.js';

const options = [] as const;

/** Message context menu "Ask the report": the target message's text is the question (ephemeral). */
export function askMessageCommand(): Command<typeof options> {
  return {
    options,
    data: new ContextMenuCommandBuilder()
      .setName('Ask the report')
      .setNameLocalizations(zh('向报告提问', '向報告提問'))
      .setType(ApplicationCommandType.Message)
      .toJSON(),
    asks: true,
    run(_args, { targetText, lang }, { engine }) {
      const question = (targetText ?? '').trim();
      if (!question) return { reply: notice(t(lang, 'noQuestionInMessage')) };
      // a long message is asked by its beginning rather than refused
      const outcome = answer([...question].slice(0, MAX_QUESTION_CHARS).join(''), undefined, engine, lang);
      return { ...outcome, reply: { ...outcome.reply, ephemeral: true } };
    },
  };
}
