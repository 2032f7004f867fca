import type { Corpus } from '../../core/corpus/corpus.js';
import { emptyLexicon } from '../../core/corpus/lexicon.js';
import { splitSentences } from '../../core/corpus/passages.js';
import type { Paragraph, ReportDocument } from '../../core/types.js';

/** A small seeded generator (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic corpus of `count` passages built from a real one: each passage is three sentences of
 * the real reports drawn at random plus a unique tag, in a random section. Deterministic for a seed.
 * The lexicon is the real corpus's, so that questions are analyzed as in production.
 */
export function syntheticCorpus(real: Corpus, count: number, seed = 42): Corpus {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = real.documents.flatMap((document) => document.paragraphs.flatMap((paragraph) => splitSentences(paragraph.text).map((s) => s.trim()).filter(Boolean)));
  const template = real.documents[0]!;
  const sections = template.sections.filter((section) => section.number > 0);
  const ordinals = new Map<number, number>();
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const section = pick(sections);
    const ordinal = (ordinals.get(section.number) ?? 0) + 1;
    ordinals.set(section.number, ordinal);
    const text = `${pick(sentences)}${pick(sentences)}${pick(sentences)}标签T${String(i).padStart(6, '0')}`;
    paragraphs.push({ section, ordinal, text, line: i + 1 });
  }
  const document: ReportDocument = { id: `synthetic-${count}`, file: `synthetic-${count}.md`, source: template.source, sections, paragraphs };
  return { dir: '(synthetic)', documents: [document], lexicon: real.lexicon ?? emptyLexicon(), files: new Map([[document.file, `${seed}:${count}`]]) };
}
