import { ComponentType, type APIButtonComponent } from 'discord.js';
import type { Reply } from './reply.js';

/** Discord Markdown to plain text: bold markers and backslash escapes dropped. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/^-# /gm, '').replace(/\\([\\*_~`|>#\-[\]().!+])/g, '$1').replace(/\u200b/g, '');
}

/**
 * What the terminal offers instead of a button it cannot press, by the button's custom id prefix:
 * the command that does the same.
 */
const TERMINAL_EQUIVALENTS: Array<[prefix: string, hint: string]> = [
  ['passage:', '/passage'],
  ['more:', '/more'],
  ['followup:', 'a plain line (follow-up)'],
];

/**
 * A reply as the terminal shows it: what Discord would display, as text. Link buttons are shown
 * with their address; a button the terminal cannot press is named by the command that does the
 * same (/passage, /more), never printed as a dead button.
 */
export function renderText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.content) lines.push(plain(reply.content));
  for (const embed of reply.embeds ?? []) {
    if (embed.author?.name) lines.push(`❓ ${embed.author.name}`);
    if (embed.title) lines.push(`── ${plain(embed.title)} ──`);
    if (embed.description) lines.push(plain(embed.description));
    for (const field of embed.fields ?? []) lines.push('', `${plain(field.name)}:`, plain(field.value));
    if (embed.footer?.text) lines.push('', plain(embed.footer.text));
  }
  const buttons = (reply.components ?? []).flatMap((row) => row.components).filter((component): component is APIButtonComponent => component.type === ComponentType.Button);
  const links = buttons.filter((button) => 'url' in button && button.url).map((button) => `[${'label' in button ? button.label : ''} → ${'url' in button ? button.url : ''}]`);
  const hints = buttons.flatMap((button) => {
    const id = 'custom_id' in button ? button.custom_id : '';
    const found = TERMINAL_EQUIVALENTS.find(([prefix]) => id.startsWith(prefix));
    return found ? [found[1]] : [];
  });
  if (links.length) lines.push(links.join(' '));
  // a reply to several questions has a Show passage button for each: the terminal's /passage is one
  if (hints.length) lines.push(`(more: ${[...new Set(hints)].join(' · ')})`);
  if (reply.ephemeral) lines.push('(only you can see this)');
  return lines.join('\n');
}
