import type { Reports } from '../library.js';
import { normalizeText } from '../language/normalize.js';
import { splitClauses } from '../corpus/passages.js';
import { tokenizeQuery } from '../language/tokenizer.js';
import { MEASURE_WORDS } from '../language/numerals.js';

/** Discord's limits on autocomplete: 25 choices of at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_CHARS = 100;

interface Suggestion {
  text: string;
  normalized: string;
  tokens: Set<string>;
  /** Headlines (0) come before likely questions (1), and those before phrases (2), when all fit. */
  rank: number;
}

const FIGURE = new RegExp(`\\d+(?:[.,]\\d+)*(?:余|多)?((?:万|亿)?(?:人次|[${MEASURE_WORDS}]|%))`, 'u');

/**
 * The question a clause with a figure answers: what stands before the figure, 多少 and the unit
 * (跨市公交增至9条、日均… -> 跨市公交增至多少条？). Null for a clause without a counted figure.
 */
export function likelyQuestion(clause: string): string | null {
  const match = FIGURE.exec(clause);
  if (!match || match.index === 0) return null;
  const unit = match[1] === '%' ? '' : match[1]!;
  return `${clause.slice(0, match.index)}多少${unit}？`;
}

/** What autocomplete asks: up to `limit` suggestions for the text typed so far. */
export interface Suggestions {
  suggest(typed: string, limit?: number): string[];
}

/** A scored suggestion, to merge the lists of several suggesters. */
interface Scored {
  text: string;
  score: number;
  index: number;
}

/**
 * Suggestions for what a user is typing, drawn from the corpus: section headlines, keywords and
 * the report's key phrases (its clauses). Built once; `suggest` is a cheap scan.
 */
export class Suggester implements Suggestions {
  private readonly entries: Suggestion[] = [];

  constructor(engine: Reports) {
    const seen = new Set<string>();
    const add = (raw: string, rank: number): void => {
      const text = raw.replace(/[，,、；;：:。!?\s]+$/u, '').trim();
      if (!text || [...text].length > MAX_SUGGESTION_CHARS || seen.has(text)) return;
      seen.add(text);
      this.entries.push({ text, normalized: normalizeText(text, false), tokens: new Set(tokenizeQuery(text)), rank });
    };
    for (const document of engine.documents.values()) {
      for (const section of document.sections) if (section.headline) add(section.headline, 0);
    }
    for (const passage of engine.passages) {
      for (const clause of splitClauses(passage.text)) {
        if ([...clause].length < 6) continue;
        const question = likelyQuestion(clause);
        if (question) add(question, 1);
        add(clause, 2);
      }
    }
  }

  /**
   * Up to 25 suggestions for the text typed so far: those that contain it first, then those that
   * share the most of its words; headlines when nothing is typed.
   */
  suggest(typed: string, limit = MAX_SUGGESTIONS): string[] {
    return this.scored(typed, limit).map((scored) => scored.text);
  }

  /** The best `limit` entries for `typed`, with their scores (headlines alone, scored 0, when nothing is typed). */
  scored(typed: string, limit: number): Scored[] {
    const query = normalizeText(typed.trim(), false);
    if (!query) return this.entries.filter((entry) => entry.rank === 0).slice(0, limit).map((entry, index) => ({ text: entry.text, score: 0, index }));
    const tokens = tokenizeQuery(typed);
    return this.entries
      .map((entry, index) => {
        const contains = entry.normalized.includes(query) ? 100 : 0;
        const shared = tokens.filter((token) => entry.tokens.has(token)).length;
        return { text: entry.text, index, score: contains + shared * 10 - entry.rank };
      })
      .filter((scored) => scored.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit);
  }

  /**
   * The suggestions of several suggesters as one list (a server's view: the operator's reports and
   * its own), best first across all of them; no suggester's entries are copied.
   */
  static combine(parts: readonly Suggester[]): Suggestions {
    if (parts.length === 1) return parts[0]!;
    return {
      suggest(typed: string, limit = MAX_SUGGESTIONS): string[] {
        const seen = new Set<string>();
        return parts
          .flatMap((part, order) => part.scored(typed, limit).map((scored) => ({ ...scored, order })))
          .sort((a, b) => b.score - a.score || a.order - b.order || a.index - b.index)
          .filter((scored) => !seen.has(scored.text) && (seen.add(scored.text), true))
          .slice(0, limit)
          .map((scored) => scored.text);
      },
    };
  }
}
