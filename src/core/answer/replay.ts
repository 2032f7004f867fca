import type { Turn } from '../language/conversation.js';
import { splitQuestions } from '../language/questions.js';
import type { AskOptions, AskResult } from '../engine.js';
import type { Reports } from '../library.js';

/** The turn a question and its result make in a conversation: the answer's passages, what a follow-up prefers. */
function turnOf(question: string, result: AskResult): Turn {
  return { question, passageIds: result.found ? result.citations.map((citation) => citation.passageId) : [] };
}

/**
 * The turns of a conversation whose questions are asked one after another: each is asked with the
 * turns before it, so that each turn carries its answer's passages (what a follow-up prefers).
 */
export function replay(engine: Reports, questions: readonly string[]): Turn[] {
  const turns: Turn[] = [];
  for (const question of questions) turns.push(turnOf(question, engine.ask(question, { history: turns })));
  return turns;
}

/**
 * A message asked: each of its questions (splitQuestions: 成资S3线开工了吗?动车每天多少对?) in turn, a
 * later one with the earlier ones as its conversation (S3线开工了吗?什么时候通车? reads the second as a
 * follow-up of the first when it needs to). A message of one question is asked as it is.
 */
export function askEach(reports: Reports, message: string, options: AskOptions = {}): Array<{ question: string; result: AskResult }> {
  const questions = splitQuestions(message);
  if (questions.length === 1) return [{ question: message, result: reports.ask(message, options) }];
  const turns = [...(options.history ?? [])];
  return questions.map((question) => {
    const result = reports.ask(question, { ...options, history: turns });
    turns.push(turnOf(question, result));
    return { question, result };
  });
}
