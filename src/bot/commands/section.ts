import { SlashCommandBuilder } from 'discord.js';
import type { Engine } from '../../core/index.js';
import type { Command } from '../command.js';
import { notice, sectionReply } from '../format.js';
import { t } from '../i18n.js';
import { zh } from '../localize.js';
import { resolveSection, sectionChoices } from '../sections.js';
import { withSectionOption } from './ask.js';

/** /section name:<choice>: a section's keyword, headline and passages. */
export function sectionCommand(engine: Engine): Command {
  const builder = new SlashCommandBuilder()
    .setName('section')
    .setDescription("Show a section of the report: its keyword, headline and passages")
    .setDescriptionLocalizations(zh('查看报告的一个部分:关键词、标题和段落', '查看報告的一個部分:關鍵詞、標題和段落'));
  withSectionOption(builder, engine, 'name', true, 'The section', '哪个部分', '哪個部分');
  return {
    data: builder.toJSON(),
    run({ options, lang }, { engine }) {
      const choice = resolveSection(engine, String(options.name ?? ''));
      if (!choice) return { reply: notice(t(lang, 'unknownSection')) };
      const reply = sectionReply(engine, choice.documentId, choice.section.number, 0, lang);
      return { reply, passageIds: engine.sectionPassages(choice.documentId, choice.section.number).map((p) => p.id) };
    },
    autocomplete: ({ value }, { engine }) => sectionChoices(engine, value),
  };
}
