import type { Turn } from '../language/conversation.js';
import type { Reports } from '../library.js';

/**
 * The turns of a conversation whose questions are asked one after another: each is asked with the
 * turns before it, so that each turn carries its answer's passages (what a follow-up prefers).
 */
export function replay(engine: Reports, questions: readonly string[]): Turn[] {
  const turns: Turn[] = [];
  for (const question of questions) {
    const result = engine.ask(question, { history: turns });
    turns.push({ question, passageIds: result.found ? result.citations.map((citation) => citation.passageId) : [] });
  }
  return turns;
}
