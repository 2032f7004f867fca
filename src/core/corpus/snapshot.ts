import type { Lexicon } from './lexicon.js';
import type { Paragraph, ReportDocument, Section, SourceInfo } from '../types.js';

/** Bumped whenever what a parsed-corpus snapshot holds changes shape or meaning. */
export const CORPUS_SNAPSHOT_VERSION = 4;

/**
 * A report as stored: its metadata and sections, not its paragraphs. They are the bulk of a corpus
 * (42 of 44 MB on 100,000 passages) and a warm start does not read them: the engine's index holds
 * its passages. Asked for, they are parsed from the report's file again (see restoreParsed).
 */
interface StoredDocument {
  id: string;
  file: string;
  source: SourceInfo;
  sections: Section[];
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
    documents: documents.map(({ id, file, source, sections }) => ({ id, file, source, sections })),
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

/**
 * The paragraphs of a restored report, parsed from its file again; each paragraph's section is the
 * restored report's own (the same position in the same file's sections).
 */
export type ParagraphReader = (document: Pick<ReportDocument, 'id' | 'file' | 'sections'>) => Paragraph[];

function restoreDocument(stored: StoredDocument, files: ReadonlyMap<string, string>, readParagraphs: ParagraphReader): ReportDocument | undefined {
  const { id, file, source, sections } = stored;
  if (!isString(id) || !isString(file) || !files.has(file) || typeof source !== 'object' || source === null) return undefined;
  if (!Array.isArray(sections)) return undefined;
  const isSection = (section: Section): boolean =>
    typeof section === 'object' && section !== null && typeof section.number === 'number' && [section.label, section.keyword, section.headline].every(isString);
  if (!sections.every(isSection)) return undefined;
  let paragraphs: Paragraph[] | undefined;
  // an own, enumerable getter: copies and comparisons read it as a value
  return {
    id,
    file,
    source,
    sections,
    get paragraphs() {
      paragraphs ??= readParagraphs({ id, file, sections });
      return paragraphs;
    },
  };
}

/**
 * The documents and lexicon of a snapshot, or undefined when it is unreadable, of another format,
 * or names a file the corpus does not have.
 */
export function restoreParsed(bytes: Uint8Array, files: ReadonlyMap<string, string>, readParagraphs: ParagraphReader): { documents: ReportDocument[]; lexicon: Lexicon } | undefined {
  let snapshot: Partial<Snapshot>;
  try {
    snapshot = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')) as Partial<Snapshot>;
  } catch {
    return undefined;
  }
  if (snapshot.version !== CORPUS_SNAPSHOT_VERSION || !Array.isArray(snapshot.documents)) return undefined;
  if (!isEntryList(snapshot.expansions) || !isEntryList(snapshot.glossary)) return undefined;
  if (typeof snapshot.longestPhrase !== 'number' || typeof snapshot.longestWord !== 'number') return undefined;
  const documents: ReportDocument[] = [];
  for (const stored of snapshot.documents) {
    const document = typeof stored === 'object' && stored !== null ? restoreDocument(stored, files, readParagraphs) : undefined;
    if (!document) return undefined;
    documents.push(document);
  }
  const toMap = (entries: Array<[string, string[]]>): Map<string, Set<string>> => new Map(entries.map(([key, values]) => [key, new Set(values)]));
  return {
    documents,
    lexicon: { expansions: toMap(snapshot.expansions), glossary: toMap(snapshot.glossary), longestPhrase: snapshot.longestPhrase, longestWord: snapshot.longestWord },
  };
}
