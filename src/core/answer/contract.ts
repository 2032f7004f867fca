import type { AskResult, Citation } from '../engine.js';

/**
 * The JSON answer that other tools read (`npm run ask -- --json`). Field names are a contract:
 * change them only with every reader.
 */
export interface ContractAnswer {
  query: string;
  found: boolean;
  answer: string | null;
  /**
   * How likely the answer is right (0-1, calibrated; see README "Confidence"). When `found` is
   * false it is the best passage's, below the answering threshold.
   */
  confidence: number;
  /** Words of the conversation's earlier question that a follow-up's answer used (empty otherwise). */
  context: string[];
  citations: Citation[];
  passages: Array<Omit<Citation, 'source'> & { text: string; score: number }>;
  /** Present when the message was small talk ("greeting", "thanks", "farewell"): found is false and nothing is quoted. */
  smallTalk?: string;
  error?: string;
}

/** Maps an engine result to the JSON contract, keeping exactly its field names. */
export function toContract(result: AskResult): ContractAnswer {
  return {
    query: result.query,
    found: result.found,
    answer: result.answer,
    confidence: Math.round(result.confidence * 1e3) / 1e3,
    context: result.context,
    citations: result.citations,
    passages: result.passages.map(({ passage, score }) => ({
      passageId: passage.id,
      documentId: passage.documentId,
      section: { number: passage.section.number, keyword: passage.section.keyword, headline: passage.section.headline },
      text: passage.text,
      score: Math.round(score * 1e4) / 1e4,
    })),
    ...(result.smallTalk ? { smallTalk: result.smallTalk } : {}),
  };
}

/** The contract's shape for a question that could not be asked. */
export function contractError(query: string, error: string): ContractAnswer {
  return { query, found: false, answer: null, confidence: 0, context: [], citations: [], passages: [], error };
}
