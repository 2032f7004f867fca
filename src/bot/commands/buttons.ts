import type { BotContext } from './command.js';
import { moreReply, notice, passageReply, sectionReply } from '../render/format.js';
import { t, type Lang } from '../render/i18n.js';
import type { Outcome } from '../render/reply.js';
import { resolveSection } from './sections.js';
import { parseCustomId } from '../discord/custom-id.js';
import { renderBrief } from './answer.js';

/** How a button's answer is sent: a new (ephemeral) reply, or an update of the message it is on. */
export interface ButtonOutcome extends Outcome {
  update: boolean;
}

/**
 * Answers a button press from its custom id alone (and, for More results, the question shown on the
 * message), so buttons keep working after a restart.
 */
export function handleButton(customId: string, messageQuestion: string | undefined, context: BotContext, lang: Lang): ButtonOutcome {
  const { engine } = context;
  const parsed = parseCustomId(customId);
  switch (parsed.kind) {
    case 'passage': {
      const passage = engine.passage(parsed.passageId);
      return { reply: passageReply(engine, passage, lang), passageIds: passage ? [passage.id] : [], update: false };
    }
    case 'more': {
      if (!messageQuestion?.trim()) return { reply: notice(t(lang, 'noMore')), update: false };
      const scope = parsed.scope ? resolveSection(engine, parsed.scope) : undefined;
      const result = engine.ask(messageQuestion, scope ? { documentId: scope.documentId, section: scope.section.number, limit: 8 } : { limit: 8 });
      return { reply: moreReply(result, lang), passageIds: result.passages.slice(3).map(({ passage }) => passage.id), found: result.found, update: false };
    }
    case 'brief':
      return { reply: renderBrief(engine, parsed.scope, parsed.page, lang), update: true };
    case 'section': {
      const choice = resolveSection(engine, parsed.scope);
      if (!choice) return { reply: notice(t(lang, 'unknownSection')), update: false };
      return { reply: sectionReply(engine, choice.documentId, choice.section.number, parsed.page, lang), update: true };
    }
    default:
      return { reply: notice(t(lang, 'unknownCommand')), update: false };
  }
}
