import { slashCommandData, type Command } from './command.js';
import { notice, sectionReply, whichReportReply } from '../render/format.js';
import { t } from '../render/i18n.js';
import { findSections, reportChoices, sectionChoices } from './sections.js';

const options = [
  { name: 'name', type: 'string', description: 'The section', zh: ['哪个部分', '哪個部分'], required: true, autocomplete: true },
  { name: 'report', type: 'string', description: 'The report (when several have the section)', zh: ['哪个报告(几个报告都有这个部分时)', '哪個報告(幾個報告都有這個部分時)'], autocomplete: true },
] as const;

/** /section name:<section> [report]: a section's keyword, headline and passages. */
export function sectionCommand(): Command<typeof options> {
  return {
    data: slashCommandData('section', 'Show a section of the report: its keyword, headline and passages', ['查看报告的一个部分:关键词、标题和段落', '查看報告的一個部分:關鍵詞、標題和段落'], options),
    options,
    run({ name, report }, { lang }, { engine }) {
      const choices = findSections(engine, name, report);
      if (choices.length === 0) return { reply: notice(t(lang, 'unknownSection')) };
      // a section number in several reports is not guessed: the user is asked which
      if (choices.length > 1) return { reply: whichReportReply(choices, engine, lang) };
      const [choice] = choices as [(typeof choices)[number]];
      const reply = sectionReply(engine, choice.documentId, choice.section.number, 0, lang);
      return { reply, passageIds: engine.sectionPassages(choice.documentId, choice.section.number).map((p) => p.id) };
    },
    autocomplete: ({ name, value }, { engine }) => (name === 'report' ? reportChoices(engine, value) : sectionChoices(engine, value)),
  };
}
