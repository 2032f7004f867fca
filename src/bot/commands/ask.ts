import { MAX_SUGGESTION_CHARS } from '../../core/index.js';
import { slashCommandData, type Command } from './command.js';
import { answer } from './answer.js';
import { LIMITS, truncate } from '../discord/limits.js';
import { sectionChoices } from './sections.js';

/** The longest question Discord lets a user type into /ask. */
export const MAX_ASK_CHARS = 200;

const options = [
  { name: 'question', type: 'string', description: 'Your question, in Chinese or English', zh: ['你的问题(中文或英文)', '你的問題(中文或英文)'], required: true, autocomplete: true, maxLength: MAX_ASK_CHARS },
  { name: 'section', type: 'string', description: 'Search only this section', zh: ['只在这个部分中查找', '只在這個部分中查找'], autocomplete: true },
  { name: 'private', type: 'boolean', description: 'Only you see the answer', zh: ['只有你能看到答案', '只有你能看到答案'] },
] as const;

/** /ask question:<text> [section] [private]. */
export function askCommand(): Command<typeof options> {
  return {
    data: slashCommandData('ask', 'Ask the report a question; get its own sentence with a citation', ['向报告提问,得到原文句子和出处', '向報告提問,得到原文句子和出處'], options),
    options,
    asks: true,
    run({ question, section, private: only }, { lang, history }, { engine }) {
      const outcome = answer(question, section, engine, lang, history);
      return only === true ? { ...outcome, reply: { ...outcome.reply, ephemeral: true } } : outcome;
    },
    autocomplete({ name, value }, { engine, suggester }) {
      if (name === 'section') return sectionChoices(engine, value);
      return suggester.suggest(value).map((text) => ({ name: truncate(text, LIMITS.choiceName), value: truncate(text, Math.min(MAX_SUGGESTION_CHARS, LIMITS.choiceValue)) }));
    },
  };
}
