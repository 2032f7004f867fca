import { MessageFlags, type APIEmbed, type InteractionReplyOptions, type MessageCreateOptions } from 'discord.js';
import { LIMITS, truncate } from './limits.js';
import type { Reply } from '../render/reply.js';

/** Nobody is ever pinged by what the bot sends, whatever the text holds. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Keeps the embeds of one message within Discord's 6,000 characters by shortening the longest texts. */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, LIMITS.embedsPerMessage).map((embed) => ({ ...embed, fields: embed.fields?.slice(0, LIMITS.embedFields).map((field) => ({ ...field })) }));
  let total = fitted.reduce((sum, embed) => sum + embedLength(embed), 0);
  while (total > LIMITS.embedTotal) {
    // shorten whichever text is longest: a field value or a description
    let longest: { get: () => string; set: (value: string) => void } | null = null;
    let longestLength = 0;
    for (const embed of fitted) {
      if ((embed.description?.length ?? 0) > longestLength) {
        longestLength = embed.description!.length;
        longest = { get: () => embed.description!, set: (value) => (embed.description = value) };
      }
      for (const field of embed.fields ?? []) {
        if (field.value.length > longestLength) {
          longestLength = field.value.length;
          longest = { get: () => field.value, set: (value) => (field.value = value) };
        }
      }
    }
    if (!longest || longestLength <= 1) break;
    const cut = Math.min(longestLength - 1, total - LIMITS.embedTotal);
    longest.set(truncate(longest.get(), Math.max(1, longestLength - cut)));
    total = fitted.reduce((sum, embed) => sum + embedLength(embed), 0);
  }
  return fitted;
}

/** The discord.js options for a reply: limits enforced, mentions off, ephemeral as a flag. */
export function toDiscord(reply: Reply): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    content: reply.content === undefined ? undefined : truncate(reply.content, LIMITS.content),
    embeds: reply.embeds ? fitEmbeds(reply.embeds) : [],
    components: reply.components ?? [],
    allowedMentions: NO_MENTIONS,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** A reply as a message to send in a channel (no ephemeral; limits and no pings as for interactions). */
export function toMessage(reply: Reply): MessageCreateOptions {
  const { content, embeds, components } = toDiscord(reply);
  return { ...(content === undefined ? {} : { content }), embeds, components, allowedMentions: NO_MENTIONS } as MessageCreateOptions;
}
