import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { SmallTalk } from '../../core/index.js';

/**
 * What a command answers, independent of how it is sent: to Discord (toDiscord), or printed in the
 * terminal (renderText). Builders keep it within Discord's limits.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Only the asking user sees it. */
  ephemeral?: boolean;
}

/** What the dispatcher logs about a command's work. */
export interface Outcome {
  reply: Reply;
  passageIds?: string[];
  found?: boolean;
  /** For an answer: the passage it was taken from (what a follow-up of it prefers). */
  answerPassageId?: string;
  /** Set when the message was small talk (你好, 谢谢, 答错了; see AskResult.smallTalk): no turn of the conversation. */
  smallTalk?: SmallTalk;
  /** Set when the outcome answers a question (found or not): what the question log records. */
  asked?: {
    question: string;
    confidence: number | null;
    /** The report of the answer, or of the nearest passage when not found. */
    report: string | null;
  };
}
