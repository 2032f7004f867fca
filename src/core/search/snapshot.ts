import type { Options } from 'minisearch';
import { ALTERED_ENTRY, cacheKey, type IndexCache } from './index-cache.js';
import { IndexBuilder } from './index-builder.js';
import { PackedIndex, SLOT_WORDS } from './packed-index.js';
import { SearchIndex } from './search-index.js';
import { isHanCharacter } from '../language/tokenizer.js';
import { normalizeText } from '../language/normalize.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Passage, ReportDocument, Section } from '../types.js';
import { passageId, splitClauses } from '../corpus/passages.js';
import { tagTable, useTagTable } from '../language/tagger.js';
import { SortedLines } from '../util/sorted-lines.js';
import { CharacterFrequencies, viewOf, type IndexedView } from '../answer/view.js';

/**
 * The index snapshot of a corpus: the passages' postings per field, each passage's text,
 * and document frequencies, packed in one buffer (packed-index.ts). Built in one pass, or loaded
 * from the index cache (keyed by a hash of the corpus, the tokenizer's version and the format)
 * without a parse. A MiniSearch index, for the corpora it searches, is made from it (see engine.ts).
 */

/** Weight of the headline field (section keyword and headline) in BM25. */
export const HEADLINE_BOOST = 1.5;

/** A passage as MiniSearch indexes it: its tokens, joined by spaces, per field. */
export interface IndexedPassage {
  id: number;
  text: string;
  headline: string;
}

// passages are handed over already tokenized, joined by spaces
const tokenize = (text: string): string[] => (text ? text.split(' ') : []);
const processTerm = (term: string): string => term;

/**
 * The engine's MiniSearch options. Passages are handed over already tokenized (see
 * {@link tokenizeNormalized}), so MiniSearch's own tokenizer and term processing are identities.
 *
 * `searchOptions` also names every key a search is given or derives (tokenize, processTerm,
 * boostTerm, filter), at their defaults: MiniSearch merges its search options into each search's
 * once per query term, and V8 copies an object that only overwrites keys it already has about ten
 * times faster than one that adds keys (measured 0.5 against 7 µs a term on Node 20, a fifth of a
 * question's time on the shipped report).
 */
export const INDEX_OPTIONS: Options<IndexedPassage> = {
  fields: ['text', 'headline'],
  tokenize,
  processTerm,
  searchOptions: { boost: { headline: HEADLINE_BOOST }, combineWith: 'OR', tokenize, processTerm, boostTerm: undefined, filter: undefined },
};

/** What a snapshot holds. */
export interface IndexSnapshot {
  /** The passages' postings and document frequencies by slot (see search-index.ts). */
  index: SearchIndex;
  /**
   * The passages by slot. Loaded from the cache, they are made from its passage table, and each
   * one's text is read from the packed buffer when asked for: no paragraph is split again, and no
   * text sits in the heap until a question or a view needs it.
   */
  passages: Passage[];
  /** True when it was loaded from the cache rather than built. */
  fromCache: boolean;
}

/** Options of {@link openSnapshot}. */
export interface SnapshotOptions {
  maxPassageChars: number;
  cache?: IndexCache;
  onCacheProblem?: (message: string) => void;
}

/** The view of a section's keyword and headline: a field of each of its passages. */
export function headlineViewOf(section: Section): IndexedView {
  return viewOf(normalizeText(`${section.keyword} ${section.headline}`));
}

/**
 * The terms a passage's document frequency counts: the tokens of its text and of its headline, and
 * each single Han character anywhere in either (a one-character question word is matched anywhere).
 */
export function countedTerms(text: IndexedView, headline: IndexedView): Set<string> {
  const terms = new Set([...text.tokens, ...headline.tokens]);
  for (const view of [text, headline]) for (const ch of view.normalized) if (isHanCharacter(ch)) terms.add(ch);
  return terms;
}

/**
 * Loads the corpus's snapshot from the cache, or builds (and caches) it.
 * @param split - the corpus's passages (toPassages of each report), asked for only when building
 */
export function openSnapshot(corpus: Corpus, split: () => Passage[], headlineView: (section: Section) => IndexedView, options: SnapshotOptions): IndexSnapshot {
  const key = options.cache ? cacheKey(corpus, options.maxPassageChars) : '';
  const cached = options.cache?.load(key);
  const restored = cached === undefined || cached === ALTERED_ENTRY ? undefined : PackedIndex.open(cached, key);
  const passages = restored && passagesOf(restored, corpus.documents);
  if (restored && passages) {
    if (passages.length <= TAGGED_MAX_PASSAGES && !openTagTable(options, key)) keepTagTable(options, key, passages);
    return { index: new SearchIndex(restored), passages, fromCache: true };
  }
  if (cached !== undefined) options.onCacheProblem?.(cached === ALTERED_ENTRY ? `the cached index for key ${key} was altered (checksum mismatch); rebuilding it` : `the cached index for key ${key} is unreadable; rebuilding it`);
  const built = split();
  const packed = buildPacked(built, corpus.documents, headlineView, key);
  if (options.cache) {
    let saved = true;
    try {
      options.cache.save(key, packed);
    } catch (error) {
      // a cache that cannot be written (read-only folder, full disk) costs start-up time, not answers
      options.onCacheProblem?.(`the index could not be cached: ${(error as Error).message}`);
      saved = false;
    }
    if (built.length <= TAGGED_MAX_PASSAGES) keepTagTable(options, key, built, saved);
  }
  return { index: new SearchIndex(PackedIndex.open(packed, key)!), passages: built, fromCache: false };
}

/**
 * Up to this many passages, a cached snapshot keeps the part-of-speech tags of its clauses (see
 * tagTable): tagging them costs well under a second where the tagger is loaded anyway, and a
 * process that opens the snapshot to answer a question or two never loads the tagger (0.1-0.15 s).
 * A larger corpus's start takes longer than the tagger's load: it is tagged on need.
 */
export const TAGGED_MAX_PASSAGES = 2000;

function tagTableKey(key: string): string {
  return `tags-${key}`;
}

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Puts the cached tag table of a snapshot to use; false when it is missing or damaged. */
function openTagTable(options: SnapshotOptions, key: string): boolean {
  const tags = options.cache?.load(tagTableKey(key));
  if (tags === undefined) return false;
  try {
    if (tags === ALTERED_ENTRY) throw new Error('checksum mismatch');
    useTagTable(key, new SortedLines(bufferOf(tags), 'tag table'));
    return true;
  } catch (error) {
    options.onCacheProblem?.(`the cached tag table for key ${key} is unreadable (${(error as Error).message}); it is made again`);
    return false;
  }
}

/**
 * Tags the passages' clauses (see tagTable), caches the table beside the snapshot and puts it to
 * use: when the snapshot is built, and when a cached snapshot's table is missing (pruned with older
 * entries) or damaged, so that one such start loads the tagger and the next ones do not. Not saved
 * when the index itself could not be (`save` false: the problem is reported once).
 */
function keepTagTable(options: SnapshotOptions, key: string, passages: readonly Passage[], save = true): void {
  const tags = tagTable(passages.flatMap((passage) => splitClauses(passage.text).map((clause) => normalizeText(clause))));
  if (!tags) return;
  if (save) {
    try {
      options.cache?.save(tagTableKey(key), tags);
    } catch (error) {
      options.onCacheProblem?.(`the tag table could not be cached: ${(error as Error).message}`);
    }
  }
  useTagTable(key, new SortedLines(bufferOf(tags), 'tag table'));
}

/**
 * Builds the packed index: one passage at a time, so that no second copy of the corpus's tokens is
 * held. Each slot's record is its passage's place: report, section (positions in `documents` and
 * its sections), paragraph and part.
 */
export function buildPacked(passages: readonly Passage[], documents: readonly ReportDocument[], headlineView: (section: Section) => IndexedView, key: string): Uint8Array {
  const characters = new CharacterFrequencies();
  const builder = new IndexBuilder(INDEX_OPTIONS.fields);
  const places = new Map(documents.map((document, i) => [document.id, { i, sections: new Map(document.sections.map((section, j) => [section, j])) }]));
  const records = new Uint32Array(passages.length * SLOT_WORDS);
  passages.forEach((passage, id) => {
    const text = viewOf(normalizeText(passage.text));
    const headline = headlineView(passage.section);
    characters.nextText();
    characters.add(text.normalized);
    characters.add(headline.normalized);
    // distinct tokens only: coverage, not term frequency, ranks, and indexing costs half as much
    builder.add([text.tokens, headline.tokens]);
    const place = places.get(passage.documentId);
    records.set([place?.i ?? NO_PLACE, place?.sections.get(passage.section) ?? NO_PLACE, passage.paragraph, passage.part], id * SLOT_WORDS);
  });
  // a passage holds a word when its text or its headline does; a single Han character, anywhere
  // (as countedTerms counts it)
  const df = builder.documentFrequencies();
  characters.copyTo(df);
  return builder.pack(key, df, passages.map((passage) => passage.text), records);
}

/** The record of a passage whose report or section is not among the documents (never read back). */
const NO_PLACE = 0xffffffff;

/**
 * The passages of a packed index's table, or undefined when a record names a report or section
 * the documents do not have. Each passage's text is a getter over the buffer (an own, enumerable
 * property: copies and comparisons see it as a value).
 */
function passagesOf(packed: PackedIndex, documents: readonly ReportDocument[]): Passage[] | undefined {
  const passages: Passage[] = [];
  for (let slot = 0; slot < packed.slots; slot++) {
    const [at, sectionAt, paragraph, part] = packed.record(slot);
    const document = documents[at!];
    const section = document?.sections[sectionAt!];
    if (!document || !section) return undefined;
    passages.push({
      id: passageId(document.id, section.number, paragraph!, part!),
      documentId: document.id,
      section,
      paragraph: paragraph!,
      part: part!,
      get text() {
        return packed.text(slot);
      },
    });
  }
  return passages;
}
