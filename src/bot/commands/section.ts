import { slashCommandData, type Command } from '../command.js';
import { notice, sectionReply } from '../format.js';
import { t } from '../i18n.js';
import { resolveSection, sectionChoices } from '../sections.js';

const options = [{ name: 'name', type: 'string', description: 'The section', zh: ['哪个部分', '哪個部分'], required: true, autocomplete: true }] as const;

/** /section name:<section>: a section's keyword, headline and passages. */
export function sectionCommand(): Command<typeof options> {
  return {
    data: slashCommandData('section', 'Show a section of the report: its keyword, headline and passages', ['查看报告的一个部分:关键词、标题和段落', '查看報告的一個部分:關鍵詞、標題和段落'], options),
    options,
    run({ name }, { lang }, { engine }) {
      const choice = resolveSection(engine, name);
      if (!choice) return { reply: notice(t(lang, 'unknownSection')) };
      const reply = sectionReply(engine, choice.documentId, choice.section.number, 0, lang);
      return { reply, passageIds: engine.sectionPassages(choice.documentId, choice.section.number).map((p) => p.id) };
    },
    autocomplete: ({ value }, { engine }) => sectionChoices(engine, value),
  };
}
