import MiniSearch from 'minisearch';
import type { Corpus } from '../../core/corpus/corpus.js';
import { Engine } from '../../core/engine.js';
import { normalizeText } from '../../core/language/normalize.js';
import { segmenter } from '../../core/language/tokenizer.js';
import { toPassages } from '../../core/corpus/passages.js';
import type { Passage } from '../../core/types.js';

/** A system under benchmark: built once, then asked; answers its ranked passages. */
export interface BenchSystem {
  passages: number;
  /** The ranked passage texts for a question (at most 5). */
  ask(question: string): string[];
  /** The extracted answer, for systems that extract one. */
  answer?(question: string): string | null;
}

/** The systems compared, by name. */
export const SYSTEMS = ['engine', 'minisearch-default', 'minisearch-bigram'] as const;
/** Tokenizer variants compared on the dev set by `npm run eval -- --compare` (MiniSearch alone). */
export const VARIANTS = ['minisearch-default', 'minisearch-bigram', 'minisearch-words', 'engine'] as const;
export type VariantName = (typeof VARIANTS)[number];
export type SystemName = (typeof SYSTEMS)[number];

function plainBigrams(text: string): string[] {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function baseline(passages: Passage[], tokenize?: (text: string) => string[]): BenchSystem {
  const index = new MiniSearch<{ id: number; text: string; headline: string }>({
    fields: ['text', 'headline'],
    ...(tokenize ? { tokenize, processTerm: (term: string) => term } : {}),
  });
  index.addAll(passages.map((passage, id) => ({ id, text: passage.text, headline: `${passage.section.keyword} ${passage.section.headline}` })));
  return {
    passages: passages.length,
    ask: (question) => index.search(question).slice(0, 5).map((hit) => passages[hit.id as number]!.text),
  };
}

/** Intl.Segmenter words of the normalized text, punctuation and spaces left out. */
function segmenterWords(text: string): string[] {
  return [...segmenter.segment(normalizeText(text))].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
}

/** What the bench reads of an engine: this build's, or an earlier build's of the same shape. */
export interface AskingEngine {
  passages: readonly unknown[];
  ask(question: string): { passages: ReadonlyArray<{ passage: { text: string } }>; answer: string | null };
}

/** An engine as a bench system: its ranked passages' texts, and its answer. */
export function engineSystem(engine: AskingEngine): BenchSystem {
  return {
    passages: engine.passages.length,
    ask: (question) => engine.ask(question).passages.map(({ passage }) => passage.text),
    answer: (question) => engine.ask(question).answer,
  };
}

/**
 * Builds a system over a corpus. The baselines index the same passages: MiniSearch with its
 * default tokenizer, with a plain character-bigram tokenizer and no query processing, or with
 * Intl.Segmenter words (normalized like the engine's text).
 */
export function buildSystem(name: SystemName | VariantName, corpus: Corpus, maxPassageChars?: number): BenchSystem {
  if (name === 'engine') return engineSystem(Engine.build(corpus, { maxPassageChars }));
  const passages = corpus.documents.flatMap((document) => toPassages(document, maxPassageChars));
  if (name === 'minisearch-words') return baseline(passages, segmenterWords);
  return name === 'minisearch-default' ? baseline(passages) : baseline(passages, plainBigrams);
}
