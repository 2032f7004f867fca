import type { Engine } from './engine.js';
import { normalizeText } from './normalize.js';
import { splitClauses } from './passages.js';
import { tokenizeQuery } from './tokenizer.js';

/** Discord's limits on autocomplete: 25 choices of at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_CHARS = 100;

interface Suggestion {
  text: string;
  normalized: string;
  tokens: Set<string>;
  /** Headlines come before phrases when both fit. */
  rank: number;
}

/**
 * Suggestions for what a user is typing, drawn from the corpus: section headlines, keywords and
 * the report's key phrases (its clauses). Built once; `suggest` is a cheap scan.
 */
export class Suggester {
  private readonly entries: Suggestion[] = [];

  constructor(engine: Engine) {
    const seen = new Set<string>();
    const add = (raw: string, rank: number): void => {
      const text = raw.replace(/[，,、；;：:。！？!?\s]+$/u, '').trim();
      if (!text || [...text].length > MAX_SUGGESTION_CHARS || seen.has(text)) return;
      seen.add(text);
      this.entries.push({ text, normalized: normalizeText(text, false), tokens: new Set(tokenizeQuery(text)), rank });
    };
    for (const document of engine.documents.values()) {
      for (const section of document.sections) if (section.headline) add(section.headline, 0);
    }
    for (const passage of engine.passages) {
      for (const clause of splitClauses(passage.text)) if ([...clause].length >= 6) add(clause, 1);
    }
  }

  /**
   * Up to 25 suggestions for the text typed so far: those that contain it first, then those that
   * share the most of its words; headlines when nothing is typed.
   */
  suggest(typed: string, limit = MAX_SUGGESTIONS): string[] {
    const query = normalizeText(typed.trim(), false);
    if (!query) return this.entries.filter((entry) => entry.rank === 0).slice(0, limit).map((entry) => entry.text);
    const tokens = tokenizeQuery(typed);
    return this.entries
      .map((entry, index) => {
        const contains = entry.normalized.includes(query) ? 100 : 0;
        const shared = tokens.filter((token) => entry.tokens.has(token)).length;
        return { entry, index, score: contains + shared * 10 - entry.rank };
      })
      .filter((scored) => scored.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map((scored) => scored.entry.text);
  }
}
