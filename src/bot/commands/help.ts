import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { helpReply } from '../format.js';
import { zh } from '../localize.js';

/** /help: how to ask, with examples. */
export function helpCommand(): Command {
  return {
    data: new SlashCommandBuilder()
      .setName('help')
      .setDescription('How to ask the report, with examples')
      .setDescriptionLocalizations(zh('怎么向报告提问(附例子)', '怎麼向報告提問(附例子)'))
      .toJSON(),
    run: ({ lang }) => ({ reply: helpReply(lang) }),
  };
}
