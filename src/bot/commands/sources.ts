import { slashCommandData, type Command } from '../command.js';
import { sourcesReply } from '../format.js';

const options = [] as const;

/** /sources: the reports in the corpus. */
export function sourcesCommand(): Command<typeof options> {
  return {
    data: slashCommandData('sources', 'The reports the bot answers from, with links', ['机器人所依据的报告及链接', '機器人所依據的報告及連結'], options),
    options,
    run: (_args, { lang }, { engine }) => ({ reply: sourcesReply(engine, lang) }),
  };
}
