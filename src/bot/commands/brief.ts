import { SlashCommandBuilder } from 'discord.js';
import { briefReport, briefSection, sectionLabel, type Engine } from '../../core/index.js';
import type { Command } from '../command.js';
import { briefReply, notice } from '../format.js';
import { t, type Lang } from '../i18n.js';
import { zh } from '../localize.js';
import { resolveSection, sectionChoices } from '../sections.js';
import type { Reply } from '../reply.js';
import { withSectionOption } from './ask.js';

/** Key sentences per section in a whole-report briefing, and for one section. */
const POINTS_PER_SECTION = 3;
const POINTS_FOR_ONE_SECTION = 8;

/** The briefing for a scope (`''` for every report, or `<document id>#<section>`), at a page. */
export function renderBrief(engine: Engine, scope: string, page: number, lang: Lang): Reply {
  if (!scope) {
    const sections = [...engine.documents.values()].flatMap((document) => briefReport(engine, document, POINTS_PER_SECTION));
    const titles = [...engine.documents.values()].map((document) => document.source.title).join(' / ');
    return briefReply(titles, sections, '', page, lang);
  }
  const choice = resolveSection(engine, scope);
  if (!choice) return notice(t(lang, 'unknownSection'));
  const brief = briefSection(engine, choice.documentId, choice.section, POINTS_FOR_ONE_SECTION);
  return briefReply(sectionLabel(choice.section), [brief], `${choice.documentId}#${choice.section.number}`, page, lang);
}

/** /brief [section]: a team briefing with key figures, each cited. */
export function briefCommand(engine: Engine): Command {
  const builder = new SlashCommandBuilder()
    .setName('brief')
    .setDescription('A team briefing: each section\'s headline and key figures, cited')
    .setDescriptionLocalizations(zh('团队简报:各部分标题和关键数字,附出处', '團隊簡報:各部分標題和關鍵數字,附出處'));
  withSectionOption(builder, engine, 'section', false, 'Brief only this section, in more depth', '只简报这个部分,内容更详细', '只簡報這個部分,內容更詳細');
  return {
    data: builder.toJSON(),
    defer: true,
    run({ options, lang }, { engine }) {
      return { reply: renderBrief(engine, options.section === undefined ? '' : String(options.section), 0, lang) };
    },
    autocomplete: ({ value }, { engine }) => sectionChoices(engine, value),
  };
}
