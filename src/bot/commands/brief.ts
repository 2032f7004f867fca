import { slashCommandData, type Command } from './command.js';
import { renderBrief } from './answer.js';
import { findSections, reportChoices, sectionChoices } from './sections.js';

const options = [
  { name: 'section', type: 'string', description: 'Brief only this section, in more depth', zh: ['只简报这个部分,内容更详细', '只簡報這個部分,內容更詳細'], autocomplete: true },
  { name: 'report', type: 'string', description: 'Brief only this report', zh: ['只简报这个报告', '只簡報這個報告'], autocomplete: true },
] as const;

/** /brief [section] [report]: a team briefing with key figures, each cited, a header before each report. */
export function briefCommand(): Command<typeof options> {
  return {
    data: slashCommandData('brief', "A team briefing: each section's headline and key figures, cited", ['团队简报:各部分标题和关键数字,附出处', '團隊簡報:各部分標題和關鍵數字,附出處'], options),
    options,
    defer: true,
    run({ section, report }, { lang }, { engine }) {
      if (!section) return { reply: renderBrief(engine, report ?? '', 0, lang) };
      // a section of a chosen report is named exactly; without a report, renderBrief asks which one
      const [only, ...more] = findSections(engine, section, report);
      return { reply: renderBrief(engine, only && more.length === 0 ? `${only.documentId}#${only.section.number}` : section, 0, lang) };
    },
    autocomplete: ({ name, value }, { engine }) => (name === 'report' ? reportChoices(engine, value) : sectionChoices(engine, value)),
  };
}
