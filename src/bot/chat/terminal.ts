import { createInterface } from 'node:readline';
import type { APIButtonComponent } from 'discord.js';
import { QueryError, type Turn } from '../../core/index.js';
import { handleButton } from '../commands/buttons.js';
import { argumentsOf, type BotContext, type Command } from '../commands/command.js';
import type { Lang } from '../render/i18n.js';
import type { Outcome, Reply } from '../render/reply.js';
import { CUSTOM_ID } from '../discord/custom-id.js';
import { renderText } from '../render/text.js';

export const BANNER = `No DISCORD_TOKEN is set, so the bot runs here in the terminal and prints what it would send.
Try: /ask 成资S3线开工了吗   /brief   /section 2   /sources   /help   (a line without / is asked as a question)
A line without / after an answer is a follow-up of it (那成德S11线呢); /new starts over;
/passage shows the last answer's whole passage, /more its next results; /quit ends.
To connect to Discord: put DISCORD_TOKEN and DISCORD_APP_ID in .env (see README), run npm run deploy-commands, then npm start.`;

/** Splits `/ask question section:2 private:true` into a command name and its options. */
export function parseLine(line: string, commands: Command[]): { name: string; options: Record<string, string | boolean> } | null {
  const text = line.trim();
  if (!text) return null;
  if (!text.startsWith('/')) return { name: 'ask', options: { question: text } };
  const [head = '', ...words] = text.slice(1).split(/\s+/);
  const command = commands.find((candidate) => candidate.data.name === head);
  const optionNames = ((command?.data as { options?: Array<{ name: string; type: number }> })?.options ?? []);
  const options: Record<string, string | boolean> = {};
  const free: string[] = [];
  for (const word of words) {
    const named = /^(\w+):(.*)$/.exec(word);
    const option = named && optionNames.find((candidate) => candidate.name === named[1]);
    if (named && option) options[option.name] = option.type === 5 ? named[2] === 'true' : (named[2] ?? '');
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

/**
 * Answers one terminal line the way the bot would answer the command, as text (all pages).
 * @param history - the conversation so far, for a plain line (a question without /)
 * @param onAnswer - told the outcome of an answered question (to record the conversation)
 */
export function answerLine(line: string, commands: Command[], context: BotContext, lang: Lang = 'zh-CN', history: readonly Turn[] = [], onAnswer?: (question: string, outcome: Outcome) => void): string | null {
  const parsed = parseLine(line, commands);
  if (!parsed) return null;
  const command = commands.find((candidate) => candidate.data.name === parsed.name && candidate.data.type !== 3);
  if (!command) return `Unknown command /${parsed.name}. Commands: ${commands.filter((c) => c.data.type !== 3).map((c) => `/${c.data.name}`).join(' ')}`;
  try {
    // only a plain line continues the conversation; /ask asks anew
    const plain = !line.trim().startsWith('/');
    const result = command.run(argumentsOf(command.options, parsed.options), { lang, history: plain ? history : [] }, context);
    // a command that reads the network or writes files (/sources add) answers on Discord only
    if (result instanceof Promise) return 'That command works on Discord only.';
    const outcome = result;
    if (parsed.name === 'ask') onAnswer?.(String(parsed.options.question ?? ''), outcome);
    let reply = outcome.reply;
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

/** How many turns of the terminal's conversation are kept as history. */
const TERMINAL_TURNS = 6;

/** The prompt: plain, or naming the question the next line follows up. */
export function promptFor(turns: readonly Turn[]): string {
  const last = turns[turns.length - 1];
  if (!last) return '> ';
  const chars = [...last.question];
  return `(追问 · follow-up of: ${chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : last.question}; /new starts over) > `;
}

/**
 * The bot without Discord: a prompt on a terminal, or line-by-line commands from piped input
 * (ending at the end of input). A plain line after an answer is a follow-up of the conversation;
 * /new starts over; /quit (or /exit) ends.
 */
export async function runTerminal(commands: Command[], context: BotContext, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): Promise<void> {
  output.write(`${BANNER}\n\n`);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  let turns: Turn[] = [];
  const prompt = (): void => {
    lines.setPrompt(promptFor(turns));
    lines.prompt();
  };
  if (interactive) prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (/^\/(quit|exit)$/.test(text)) break;
    const last = turns[turns.length - 1];
    if (text === '/new') {
      turns = [];
      output.write('Started over: the next question is asked on its own.\n\n');
    } else if (/^\/(passage|more)(\s|$)/.test(text)) {
      // what the Show passage and More results buttons do, for the last answer (or a given passage id)
      const [name, ...rest] = text.slice(1).split(/\s+/);
      const passageId = rest.join(' ') || last?.passageIds?.[0];
      if (name === 'passage' && !passageId) output.write('No answer yet: ask a question first, or give a passage id (/passage cdms-2021-04-15#2.2).\n\n');
      else if (name === 'more' && !last) output.write('No question yet: ask one first.\n\n');
      else output.write(`${renderText(handleButton(name === 'passage' ? CUSTOM_ID.passage(passageId!) : CUSTOM_ID.more(''), last?.question, context, 'zh-CN').reply)}\n\n`);
    } else {
      const plain = !text.startsWith('/');
      const answer = answerLine(line, commands, context, 'zh-CN', turns, (question, outcome) => {
        // small talk (谢谢, 答错了) is no turn: a follow-up after it still follows the answer before
        if (outcome.smallTalk) return;
        const turn: Turn = { question, passageIds: outcome.answerPassageId ? [outcome.answerPassageId] : [] };
        turns = plain ? [...turns, turn].slice(-TERMINAL_TURNS) : [turn];
      });
      if (answer !== null) output.write(`${answer}\n\n`);
    }
    if (interactive) prompt();
  }
  lines.close();
}
