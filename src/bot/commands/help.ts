import { slashCommandData, type Command } from './command.js';
import { helpReply } from '../render/format.js';

const options = [] as const;

/** /help: how to ask, with examples. */
export function helpCommand(): Command<typeof options> {
  return {
    data: slashCommandData('help', 'How to ask the report, with examples', ['怎么向报告提问(附例子)', '怎麼向報告提問(附例子)'], options),
    options,
    run: (_args, { lang }) => ({ reply: helpReply(lang) }),
  };
}
