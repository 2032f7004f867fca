import type { Passage, ReportDocument } from '../types.js';

/** A paragraph longer than this is cut at sentence ends into passages of at most about this. */
export const MAX_PASSAGE_CHARS = 200;

/**
 * A title in book-title marks (《你好，李焕英》, 《CDTV×Sacas！》) is one piece of its sentence: the
 * marks inside it end neither a sentence nor a clause. An unclosed 《, or one closed only after
 * more than 40 characters, is an ordinary character.
 */
const TITLE = String.raw`《[^《》\n]{1,40}》`;
/** What may close a sentence or a clause after its end mark: quotes and brackets. */
const CLOSERS = String.raw`[”’"'）)」』】]*`;
// A sentence runs up to and including its end mark and any closing quotes or brackets after it.
const SENTENCE = new RegExp(String.raw`(?:${TITLE}|[^。！？!?；;])*(?:[。！？!?；;]+${CLOSERS}|$)`, 'gu');
// A clause ends at a comma or colon too, but a comma between digits (1,000) is part of a number.
const CLAUSE = new RegExp(String.raw`(?:${TITLE}|[^，,：:。！？!?；;]|(?<=\d)[,，](?=\d))*(?:[，,：:。！？!?；;]+${CLOSERS}|$)`, 'gu');

function pieces(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]).filter((piece) => piece.length > 0);
}

/** The sentences of a text, each with its end mark; joined they give the text back. */
export function splitSentences(text: string): string[] {
  return pieces(text, SENTENCE);
}

/** The clauses of a text (cut at commas, colons and sentence ends); joined they give the text back. */
export function splitClauses(text: string): string[] {
  return pieces(text, CLAUSE);
}

/** Packs units into chunks of at most `max` characters, never cutting a unit unless it alone is too long. */
function pack(units: string[], max: number, split: (unit: string) => string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const unit of units) {
    if (unit.length > max) {
      if (current) chunks.push(current);
      current = '';
      chunks.push(...split(unit));
    } else if (current.length + unit.length > max) {
      chunks.push(current);
      current = unit;
    } else {
      current += unit;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function hardCut(text: string, max: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  return out;
}

/** Cuts a paragraph into parts of at most `max` characters: at sentence ends, else at clauses. */
export function chunkParagraph(text: string, max = MAX_PASSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  return pack(splitSentences(text), max, (sentence) =>
    pack(splitClauses(sentence), max, (clause) => hardCut(clause, max)),
  );
}

/** A passage's id: `${documentId}#${section}.${paragraph}`, and `.${part}` for a part of a split paragraph. */
export function passageId(documentId: string, section: number, paragraph: number, part: number): string {
  const base = `${documentId}#${section}.${paragraph}`;
  return part === 0 ? base : `${base}.${part}`;
}

/** The ids of the parts of a split paragraph before the passage with this id, nearest first (none for a whole paragraph or a first part). */
export function earlierPartIds(id: string): string[] {
  const split = /^(.*#\d+\.\d+\.)(\d+)$/u.exec(id);
  if (!split) return [];
  const ids: string[] = [];
  for (let part = Number(split[2]) - 1; part >= 1; part--) ids.push(`${split[1]}${part}`);
  return ids;
}

/**
 * The passages of a report: one per paragraph, long paragraphs cut into parts. Ids depend only on
 * the document id and the passage's place, so the same corpus always gives the same ids.
 */
export function toPassages(document: ReportDocument, max = MAX_PASSAGE_CHARS): Passage[] {
  return document.paragraphs.flatMap((paragraph) => {
    const parts = chunkParagraph(paragraph.text, max);
    return parts.map((text, index) => ({
      id: passageId(document.id, paragraph.section.number, paragraph.ordinal, parts.length === 1 ? 0 : index + 1),
      documentId: document.id,
      section: paragraph.section,
      paragraph: paragraph.ordinal,
      part: parts.length === 1 ? 0 : index + 1,
      text,
    }));
  });
}
