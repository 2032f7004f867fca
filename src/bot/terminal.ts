import { createInterface } from 'node:readline';
import type { APIButtonComponent } from 'discord.js';
import { QueryError } from '../core/index.js';
import { handleButton } from './buttons.js';
import type { BotContext, Command, CommandInput } from './command.js';
import type { Lang } from './i18n.js';
import type { Reply } from './reply.js';
import { renderText } from './render-text.js';

export const BANNER = `No DISCORD_TOKEN is set, so the bot runs here in the terminal and prints what it would send.
Try: /ask 成资S3线开工了吗   /brief   /section 2   /sources   /help   (a line without / is asked as a question)
To connect to Discord: put DISCORD_TOKEN and DISCORD_APP_ID in .env (see README), run npm run deploy-commands, then npm start.`;

/** Splits `/ask question section:2 private:true` into a command name and its options. */
export function parseLine(line: string, commands: Command[]): { name: string; options: CommandInput['options'] } | null {
  const text = line.trim();
  if (!text) return null;
  if (!text.startsWith('/')) return { name: 'ask', options: { question: text } };
  const [head = '', ...words] = text.slice(1).split(/\s+/);
  const command = commands.find((candidate) => candidate.data.name === head);
  const optionNames = ((command?.data as { options?: Array<{ name: string; type: number }> })?.options ?? []);
  const options: CommandInput['options'] = {};
  const free: string[] = [];
  for (const word of words) {
    const named = /^(\w+):(.*)$/.exec(word);
    const option = named && optionNames.find((candidate) => candidate.name === named[1]);
    if (named && option) options[option.name] = option.type === 5 ? named[2] === 'true' : named[2];
    else free.push(word);
  }
  // the free words fill the first string option: the question, the section name
  const first = optionNames.find((option) => option.type === 3 && options[option.name] === undefined);
  if (first && free.length) options[first.name] = free.join(' ');
  return { name: head, options };
}

/** The custom id of the button to page `page` of a paged reply, if it has one. */
function pageButton(reply: Reply, page: number): string | undefined {
  const buttons = (reply.components ?? []).flatMap((row) => row.components) as APIButtonComponent[];
  for (const button of buttons) {
    if ('custom_id' in button && /^(section|brief):/.test(button.custom_id) && button.custom_id.endsWith(`:${page}`)) return button.custom_id;
  }
  return undefined;
}

/** Answers one terminal line the way the bot would answer the command, as text (all pages). */
export function answerLine(line: string, commands: Command[], context: BotContext, lang: Lang = 'zh-CN'): string | null {
  const parsed = parseLine(line, commands);
  if (!parsed) return null;
  const command = commands.find((candidate) => candidate.data.name === parsed.name && candidate.data.type !== 3);
  if (!command) return `Unknown command /${parsed.name}. Commands: ${commands.filter((c) => c.data.type !== 3).map((c) => `/${c.data.name}`).join(' ')}`;
  try {
    let reply = command.run({ options: parsed.options, lang }, context).reply;
    const pages = [renderText(reply)];
    // a terminal has no buttons: print every page of a paged reply
    for (let page = 1, next = pageButton(reply, page); next; page++, next = pageButton(reply, page)) {
      reply = handleButton(next, undefined, context, lang).reply;
      pages.push(renderText(reply));
    }
    return pages.join('\n\n');
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
}

/**
 * The bot without Discord: a prompt on a terminal, or line-by-line commands from piped input
 * (ending at the end of input).
 */
export async function runTerminal(commands: Command[], context: BotContext, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): Promise<void> {
  output.write(`${BANNER}\n\n`);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    lines.setPrompt('> ');
    lines.prompt();
  }
  for await (const line of lines) {
    if (/^\/(quit|exit)\s*$/.test(line.trim())) break;
    const answer = answerLine(line, commands, context);
    if (answer !== null) output.write(`${answer}\n\n`);
    if (interactive) lines.prompt();
  }
  lines.close();
}
