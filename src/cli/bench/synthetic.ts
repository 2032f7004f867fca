import type { Corpus } from '../../core/corpus/corpus.js';
import { emptyLexicon } from '../../core/corpus/lexicon.js';
import { splitClauses, splitSentences } from '../../core/corpus/passages.js';
import type { Paragraph, ReportDocument, Section } from '../../core/types.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
 * A synthetic corpus of `count` passages built from a real one: each passage is three sentences,
 * each made of two or three clauses of the real reports drawn at random (so that, as in real text,
 * most sentences stand in one passage only, and a passage can be told apart by what it says), plus
 * a unique tag, in a random section. Deterministic for a seed. The lexicon is the real corpus's, so
 * that questions are analyzed as in production.
 */
export function syntheticCorpus(real: Corpus, count: number, seed = 42): Corpus {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const clauses = real.documents.flatMap((document) =>
    document.paragraphs.flatMap((paragraph) => splitClauses(paragraph.text).map((clause) => clause.trim().replace(/[。！？!?；;，,、：:]+$/u, '')).filter((clause) => [...clause].length >= 4)),
  );
  const sentence = (): string => `${Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(clauses)).join('，')}。`;
  const template = real.documents[0]!;
  const sections = template.sections.filter((section) => section.number > 0);
  const ordinals = new Map<number, number>();
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const section = pick(sections);
    const ordinal = (ordinals.get(section.number) ?? 0) + 1;
    ordinals.set(section.number, ordinal);
    const text = `${sentence()}${sentence()}${sentence()}标签T${String(i).padStart(6, '0')}`;
    paragraphs.push({ section, ordinal, text, line: i + 1 });
  }
  const document: ReportDocument = { id: `synthetic-${count}`, file: `synthetic-${count}.md`, source: template.source, sections, paragraphs };
  return { dir: '(synthetic)', documents: [document], lexicon: real.lexicon ?? emptyLexicon(), files: new Map([[document.file, `${seed}:${count}`]]) };
}

/** A question quoting a passage of a synthetic corpus, and the tag of the passage it quotes. */
export interface SpanQuestion {
  q: string;
  tag: string;
}

/**
 * Span questions on a synthetic corpus, as reading-comprehension questions quote their source: for
 * `count` passages drawn at random (seeded), a verbatim span over three of its clauses in a row:
 * the last 4 to 8 characters of one, the whole next, and the first 4 to 8 of the one after (two
 * clauses side by side recur across a large corpus made of one report's clauses; three rarely do).
 */
export function spanQuestions(corpus: Corpus, count = 200, seed = 7): SpanQuestion[] {
  const random = seededRandom(seed);
  const paragraphs = corpus.documents.flatMap((document) => document.paragraphs);
  const out: SpanQuestion[] = [];
  for (let tries = 0; out.length < count && tries < count * 10; tries++) {
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)]!;
    const tag = /标签T\d+/.exec(paragraph.text)?.[0];
    if (!tag) continue;
    const clauses = splitClauses(paragraph.text.replace(tag, '')).filter((clause) => clause.trim());
    if (clauses.length < 3) continue;
    const at = Math.floor(random() * (clauses.length - 2));
    const take = (): number => 4 + Math.floor(random() * 5);
    const left = [...clauses[at]!];
    const right = [...clauses[at + 2]!];
    out.push({ q: `${left.slice(-Math.min(left.length, take())).join('')}${clauses[at + 1]}${right.slice(0, Math.min(right.length, take())).join('')}`, tag });
  }
  return out;
}

/**
 * Writes a synthetic corpus as report files, `perFile` passages each (as a large corpus comes: many
 * reports), so that the CLI can start on it: each file's front matter is the template report's, its
 * sections in order with their paragraphs.
 */
export function writeCorpus(corpus: Corpus, dir: string, perFile = 1000): void {
  mkdirSync(dir, { recursive: true });
  const document = corpus.documents[0]!;
  const { title, publisher, date, url, language } = document.source;
  for (let start = 0, n = 0; start < document.paragraphs.length; start += perFile, n++) {
    const bySection = new Map<Section, string[]>();
    for (const paragraph of document.paragraphs.slice(start, start + perFile)) {
      const texts = bySection.get(paragraph.section) ?? [];
      texts.push(paragraph.text);
      bySection.set(paragraph.section, texts);
    }
    const sections = [...bySection].sort(([a], [b]) => a.number - b.number);
    const body = sections.map(([section, texts]) => `## ${section.label} | ${section.keyword} | ${section.headline}\n\n${texts.join('\n\n')}\n`).join('\n');
    const front = ['---', `title: ${title} (${n + 1})`, `publisher: ${publisher}`, `date: ${date}`, `url: ${url}`, `language: ${language}`, '---', ''];
    writeFileSync(join(dir, `part-${String(n).padStart(4, '0')}.md`), `${front.join('\n')}\n${body}`);
  }
}
