import type { BotContext } from './command.js';
import { moreReply, notice, passageReply, sectionReply } from './format.js';
import { t, type Lang } from './i18n.js';
import type { Outcome } from './reply.js';
import { resolveSection } from './sections.js';
import { renderBrief } from './commands/brief.js';

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
  const [kind, ...rest] = customId.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'passage': {
      const passage = engine.passage(arg);
      return { reply: passageReply(engine, passage, lang), passageIds: passage ? [passage.id] : [], update: false };
    }
    case 'more': {
      if (!messageQuestion?.trim()) return { reply: notice(t(lang, 'noMore')), update: false };
      const scope = arg ? resolveSection(engine, arg) : undefined;
      const result = engine.ask(messageQuestion, scope ? { documentId: scope.documentId, section: scope.section.number, limit: 8 } : { limit: 8 });
      return { reply: moreReply(result, lang), passageIds: result.passages.slice(3).map(({ passage }) => passage.id), found: result.found, update: false };
    }
    case 'section':
    case 'brief': {
      const cut = arg.lastIndexOf(':');
      const scope = arg.slice(0, cut);
      const page = Number(arg.slice(cut + 1));
      if (cut < 0 || !Number.isInteger(page)) return { reply: notice(t(lang, 'unknownCommand')), update: false };
      if (kind === 'brief') return { reply: renderBrief(engine, scope, page, lang), update: true };
      const choice = resolveSection(engine, scope);
      if (!choice) return { reply: notice(t(lang, 'unknownSection')), update: false };
      return { reply: sectionReply(engine, choice.documentId, choice.section.number, page, lang), update: true };
    }
    default:
      return { reply: notice(t(lang, 'unknownCommand')), update: false };
  }
}
