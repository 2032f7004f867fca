import { escapeMarkdown } from 'discord.js';

/** Discord's limits on what a message may hold (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  /** A link button's url. */
  linkUrl: 512,
  buttonLabel: 80,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  threadName: 100,
  actionRows: 5,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts a text to at most `max` UTF-16 code units (Discord counts those), ending with an ellipsis
 * when cut. The cut falls between characters, never inside a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  return out + ELLIPSIS;
}

/** Drops lone surrogates, which Discord rejects, so that any user text can be echoed. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Makes user text safe to show: Markdown escaped (discord.js's escapeMarkdown, headings, lists and
 * masked links included), and mention syntax broken with a zero-width space, so that even a client
 * that ignores allowed_mentions shows no live mention.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(wellFormed(text), { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}
