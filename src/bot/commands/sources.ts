import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { sourcesReply } from '../format.js';
import { zh } from '../localize.js';

/** /sources: the reports in the corpus. */
export function sourcesCommand(): Command {
  return {
    data: new SlashCommandBuilder()
      .setName('sources')
      .setDescription('The reports the bot answers from, with links')
      .setDescriptionLocalizations(zh('机器人所依据的报告及链接', '機器人所依據的報告及連結'))
      .toJSON(),
    run: ({ lang }, { engine }) => ({ reply: sourcesReply(engine, lang) }),
  };
}
