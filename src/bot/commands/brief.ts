import { slashCommandData, type Command } from '../command.js';
import { renderBrief } from '../helpers.js';
import { sectionChoices } from '../sections.js';

const options = [{ name: 'section', type: 'string', description: 'Brief only this section, in more depth', zh: ['只简报这个部分,内容更详细', '只簡報這個部分,內容更詳細'], autocomplete: true }] as const;

/** /brief [section]: a team briefing with key figures, each cited. */
export function briefCommand(): Command<typeof options> {
  return {
    data: slashCommandData('brief', "A team briefing: each section's headline and key figures, cited", ['团队简报:各部分标题和关键数字,附出处', '團隊簡報:各部分標題和關鍵數字,附出處'], options),
    options,
    defer: true,
    run({ section }, { lang }, { engine }) {
      return { reply: renderBrief(engine, section ?? '', 0, lang) };
    },
    autocomplete: ({ value }, { engine }) => sectionChoices(engine, value),
  };
}
