import { cleanQuestion } from './cleanup.js';
import { normalizeText } from './normalize.js';

/**
 * Messages that ask several questions at once (成资S3线开工了吗?动车每天多少对?): each question is asked
 * on its own, so that neither is lost to the other (the whole message was answered with the one
 * sentence that covered most of both, or not at all).
 */

/** The most questions one message is asked as: a longer message's rest stays with its last. */
export const MAX_QUESTIONS = 3;

/** A question word (多少, 什么时候, 哪, 谁, how, what…): a text that holds one asks something. */
export const QUESTION_WORD = /多[少长大久远高重宽深快]|几|什么|啥|哪|谁|何时|何地|何处|为何|怎么|怎样|如何|为什么|\b(?:how|what|when|where|who|whom|which|why)\b/iu;
/** What else makes a piece ask: a yes-no question's words or final particle, or an English question's first word. */
const ASKS_YES_OR_NO = /是否|有没有|是不是|能不能|会不会|[吗么呢]$|^(?:(?:and|also|or|but|so|then) )?(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)\b/iu;
/** Marks and spaces a piece ends with. */
const TRAILING = /[\s?!.,;:~。,、;:…]+$/u;

/** Whether a piece of a message, up to and with its question mark, is a question by itself: not wrapping (在吗?, 谢谢), and asks. */
function asksOnItsOwn(piece: string): boolean {
  const cleaned = cleanQuestion(normalizeText(piece));
  if (cleaned.social) return false;
  const text = cleaned.text.replace(TRAILING, '');
  return text.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 && (QUESTION_WORD.test(text) || ASKS_YES_OR_NO.test(text));
}

/**
 * The questions of a message: split after each question mark (?, ？) whose piece asks by itself, a
 * piece that does not (在吗?, 谢谢, a clause of the next question) staying with the question after it,
 * or with the last. A message of one question, or one not split by question marks, is itself only:
 * 驱逐舰是为了对付哪种战舰,到后期取代了它的地位? is one question.
 */
export function splitQuestions(message: string): string[] {
  const pieces = message.match(/[^?？]+[?？]+|[^?？]+$/gu);
  if (!pieces || pieces.length < 2) return [message];
  const questions: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (asksOnItsOwn(piece)) {
      questions.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim()) {
    if (questions.length) questions[questions.length - 1] += pending.trimEnd();
    else return [message];
  }
  if (questions.length > MAX_QUESTIONS) questions.splice(MAX_QUESTIONS - 1, Infinity, questions.slice(MAX_QUESTIONS - 1).join(''));
  return questions.length > 1 ? questions : [message];
}
