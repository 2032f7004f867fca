import { ComponentType, type APIButtonComponent } from 'discord.js';
import type { Reply } from './reply.js';

/** Discord Markdown to plain text: bold markers and backslash escapes dropped. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/^-# /gm, '').replace(/\\([\\*_~`|>#\-[\]().!+])/g, '$1').replace(/\u200b/g, '');
}

/** A reply as the terminal shows it: what Discord would display, as text. */
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
  if (buttons.length) {
    lines.push(
      buttons
        .map((button) => {
          const label = 'label' in button ? button.label : '';
          return 'url' in button && button.url ? `[${label} → ${button.url}]` : `[${label}]`;
        })
        .join(' '),
    );
  }
  if (reply.ephemeral) lines.push('(only you can see this)');
  return lines.join('\n');
}
