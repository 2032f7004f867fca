import type { Lexicon } from './lexicon.js';
import type { Paragraph, ReportDocument, Section, SourceInfo } from '../types.js';

/** Bumped whenever what a parsed-corpus snapshot holds changes shape or meaning. */
export const CORPUS_SNAPSHOT_VERSION = 3;

/** A paragraph as stored: the index of its section in its document's sections, then its fields. */
type StoredParagraph = [section: number, ordinal: number, text: string, line: number];

interface StoredDocument {
  id: string;
  file: string;
  source: SourceInfo;
  sections: Section[];
  paragraphs: StoredParagraph[];
}

interface Snapshot {
  version: number;
  documents: StoredDocument[];
  expansions: Array<[string, string[]]>;
  glossary: Array<[string, string[]]>;
  longestPhrase: number;
  longestWord: number;
}

/** The parsed reports and lexicon of a corpus as JSON, for {@link restoreParsed}. */
export function snapshotParsed(documents: readonly ReportDocument[], lexicon: Lexicon): string {
  const entries = (map: Map<string, Set<string>>): Array<[string, string[]]> => Array.from(map, ([key, values]) => [key, [...values]]);
  const snapshot: Snapshot = {
    version: CORPUS_SNAPSHOT_VERSION,
    documents: documents.map(({ id, file, source, sections, paragraphs }) => ({
      id,
      file,
      source,
      sections,
      paragraphs: paragraphs.map((paragraph): StoredParagraph => [sections.indexOf(paragraph.section), paragraph.ordinal, paragraph.text, paragraph.line]),
    })),
    expansions: entries(lexicon.expansions),
    glossary: entries(lexicon.glossary),
    longestPhrase: lexicon.longestPhrase,
    longestWord: lexicon.longestWord,
  };
  return JSON.stringify(snapshot);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isEntryList = (value: unknown): value is Array<[string, string[]]> =>
  Array.isArray(value) && value.every((entry) => Array.isArray(entry) && isString(entry[0]) && Array.isArray(entry[1]) && entry[1].every(isString));

function restoreDocument(stored: StoredDocument, files: ReadonlyMap<string, string>): ReportDocument | undefined {
  const { id, file, source, sections, paragraphs } = stored;
  if (!isString(id) || !isString(file) || !files.has(file) || typeof source !== 'object' || source === null) return undefined;
  if (!Array.isArray(sections) || !Array.isArray(paragraphs)) return undefined;
  const isSection = (section: Section): boolean =>
    typeof section === 'object' && section !== null && typeof section.number === 'number' && [section.label, section.keyword, section.headline].every(isString);
  if (!sections.every(isSection)) return undefined;
  const restored: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    if (!Array.isArray(paragraph)) return undefined;
    const [index, ordinal, text, line] = paragraph;
    const section = sections[index];
    if (!section || !isString(text) || typeof ordinal !== 'number' || typeof line !== 'number') return undefined;
    // paragraphs share their section objects again, as the parser made them
    restored.push({ section, ordinal, text, line });
  }
  return { id, file, source, sections, paragraphs: restored };
}

/**
 * The documents and lexicon of a snapshot, or undefined when it is unreadable, of another format,
 * or names a file the corpus does not have.
 */
export function restoreParsed(text: string, files: ReadonlyMap<string, string>): { documents: ReportDocument[]; lexicon: Lexicon } | undefined {
  let snapshot: Partial<Snapshot>;
  try {
    snapshot = JSON.parse(text) as Partial<Snapshot>;
  } catch {
    return undefined;
  }
  if (snapshot.version !== CORPUS_SNAPSHOT_VERSION || !Array.isArray(snapshot.documents)) return undefined;
  if (!isEntryList(snapshot.expansions) || !isEntryList(snapshot.glossary)) return undefined;
  if (typeof snapshot.longestPhrase !== 'number' || typeof snapshot.longestWord !== 'number') return undefined;
  const documents: ReportDocument[] = [];
  for (const stored of snapshot.documents) {
    const document = typeof stored === 'object' && stored !== null ? restoreDocument(stored, files) : undefined;
    if (!document) return undefined;
    documents.push(document);
  }
  const toMap = (entries: Array<[string, string[]]>): Map<string, Set<string>> => new Map(entries.map(([key, values]) => [key, new Set(values)]));
  return {
    documents,
    lexicon: { expansions: toMap(snapshot.expansions), glossary: toMap(snapshot.glossary), longestPhrase: snapshot.longestPhrase, longestWord: snapshot.longestWord },
  };
}
