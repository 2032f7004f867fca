import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { notice } from '../format.js';
import { t } from '../i18n.js';
import { zh } from '../localize.js';
import { answer } from './ask.js';
import { MAX_QUESTION_CHARS } from '../../core/index.js';

/** Message context menu "Ask the report": the target message's text is the question (ephemeral). */
export function askMessageCommand(): Command {
  return {
    data: new ContextMenuCommandBuilder()
      .setName('Ask the report')
      .setNameLocalizations(zh('向报告提问', '向報告提問'))
      .setType(ApplicationCommandType.Message)
      .toJSON(),
    asks: true,
    run({ targetText, lang }, { engine }) {
      const question = (targetText ?? '').trim();
      if (!question) return { reply: notice(t(lang, 'noQuestionInMessage')) };
      // a long message is asked by its beginning rather than refused
      const outcome = answer([...question].slice(0, MAX_QUESTION_CHARS).join(''), undefined, engine, lang);
      return { ...outcome, reply: { ...outcome.reply, ephemeral: true } };
    },
  };
}
