import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BoundedCache } from '../util/bounded-cache.js';
import { SortedLines } from '../util/sorted-lines.js';

/**
 * Chinese part-of-speech tags, from jieba (`@node-rs/jieba`, its own dictionary of about 350,000
 * words with their tags; prebuilt native binaries). The answer-kind check reads them as evidence of
 * what a text holds that no hand list knows: a person's name (nr, transliterated foreign names
 * included; nrx, a name the dictionary lacks that starts with a surname), a place (ns), a time word
 * (t: 清朝, 世纪末), and a number followed by its measure word (m + q: 120英亩, 100英镑); the
 * follow-up check reads whether a demonstrative names a noun. Loaded on
 * first need (about 0.2 s), then about 0.1 ms a sentence.
 */

/** A word of a tagged text and its jieba tag (ICTCLAS style: n, nr, ns, nt, t, m, q, v…). */
export interface TaggedWord {
  word: string;
  tag: string;
}

interface Jieba {
  tag(sentence: string, hmm?: boolean): TaggedWord[];
}

const require = createRequire(import.meta.url);
let jieba: Jieba | null | undefined;
/** How many texts the tagger itself has tagged in this process, and how many were read from tag tables. */
const counts = { byTagger: 0, fromTables: 0 };

/** The tagger, loaded once; null when the native module cannot be loaded on this machine. */
function tagger(): Jieba | null {
  if (jieba !== undefined) return jieba;
  try {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Jieba } };
    // the dictionary file alone: the package's dict module also reads its 6 MB keyword weights
    jieba = Jieba.withDict(readFileSync(join(dirname(require.resolve('@node-rs/jieba')), 'dict.txt')));
  } catch {
    // without the tagger, the kind check has its patterns alone
    jieba = null;
  }
  return jieba;
}

function tagWithJieba(text: string): TaggedWord[] | undefined {
  const loaded = tagger();
  if (!loaded) return undefined;
  counts.byTagger += 1;
  return loaded.tag(text, true).map((word) => (surnamed(word, loaded) ? { word: word.word, tag: UNKNOWN_NAME } : word));
}

/**
 * The tag given a name jieba's dictionary does not hold (汪兆铭, 王蕴): a word of two or three Han
 * characters that only its HMM found (tagged x), whose first character the dictionary tags as a
 * surname (nr). Given when tagging, so tag tables hold it too.
 */
const UNKNOWN_NAME = 'nrx';

function surnamed(word: TaggedWord, loaded: Jieba): boolean {
  if (word.tag !== 'x' || !/^\p{Script=Han}{2,3}$/u.test(word.word)) return false;
  const first = loaded.tag(word.word[0]!, true);
  return first.length === 1 && first[0]!.tag === 'nr';
}

/** How many texts the tagger has tagged in this process, and how many were read from tag tables (for tests). */
export function tagCounts(): { byTagger: number; fromTables: number } {
  return { ...counts };
}

/** Tags by text: a passage's clauses are checked again for every question that finds them. */
const tagged = new BoundedCache<string, TaggedWord[]>(32_768);

/** The words of `text` with their tags (empty when the tagger is not available). */
export function tag(text: string): TaggedWord[] {
  return tagged.get(text, () => {
    const read = tagFromTables(text, tables);
    if (read) counts.fromTables += 1;
    return read ?? tagWithJieba(text) ?? [];
  });
}

/**
 * Punctuation that jieba never joins to a neighbour: each is a word of its own, tagged x, and the
 * text on either side of it is cut as if it stood alone. So a text's tags are its segments' tags
 * (the text between these characters) with these in between, and a table of segments answers for
 * any clause or sentence made of them. (A property test holds this against jieba itself.)
 */
const SEPARATOR = /([，。；：！？、“”‘’（）《》【】『』「」,;:!?()"])/u;

/** A text cut at SEPARATOR: its segments and separators in order, no empty segment. */
function piecesOf(text: string): Array<{ text: string; separator: boolean }> {
  // split with a group: odd parts are the separators
  return text.split(SEPARATOR).flatMap((part, i) => (part ? [{ text: part, separator: i % 2 === 1 }] : []));
}

/** The tag tables of the snapshots opened in this process, by their snapshot's key, newest last (see useTagTable). */
const tableByKey = new Map<string, SortedLines>();
let tables: SortedLines[] = [];
/** How many tables are consulted: a service holds several corpora, a table is read in place. */
const TABLES_KEPT = 8;

/** Makes a snapshot's tag table (see tagTable) answer for its texts in this process; a snapshot opened again keeps one. */
export function useTagTable(key: string, table: SortedLines): void {
  tableByKey.delete(key);
  tableByKey.set(key, table);
  for (const old of [...tableByKey.keys()].slice(0, Math.max(0, tableByKey.size - TABLES_KEPT))) tableByKey.delete(old);
  tables = [...tableByKey.values()].reverse();
}

/** A table line's words: `length/tag` each (length in UTF-16 code units), spaces between. */
function wordsOf(segment: string, line: string): TaggedWord[] {
  const words: TaggedWord[] = [];
  let at = 0;
  for (const item of line.split(' ')) {
    const slash = item.indexOf('/');
    const length = Number(item.slice(0, slash));
    words.push({ word: segment.slice(at, at + length), tag: item.slice(slash + 1) });
    at += length;
  }
  return words;
}

/** The tags of `text` put together from tables, or undefined when a segment of it is in none. */
export function tagFromTables(text: string, from: readonly SortedLines[]): TaggedWord[] | undefined {
  if (from.length === 0) return undefined;
  const words: TaggedWord[] = [];
  for (const { text: part, separator } of piecesOf(text)) {
    if (separator) {
      words.push({ word: part, tag: 'x' });
      continue;
    }
    let line: string | undefined;
    for (const table of from) if ((line = table.get(part)) !== undefined) break;
    if (line === undefined) return undefined;
    words.push(...wordsOf(part, line));
  }
  return words;
}

/**
 * The tag table of some texts: each distinct segment (see SEPARATOR) with its words' lengths and
 * tags, one line each, sorted (a SortedLines file). Undefined when the tagger cannot be loaded.
 */
export function tagTable(texts: Iterable<string>): Uint8Array | undefined {
  const segments = new Set<string>();
  for (const text of texts) {
    for (const { text: part, separator } of piecesOf(text)) {
      // a segment the line format cannot hold, or that would read as a header, is left to the tagger
      if (!separator && !/[\u0000-\u001f]/u.test(part) && !part.startsWith('#')) segments.add(part);
    }
  }
  if (!tagger()) return undefined;
  const lines: Buffer[] = [];
  for (const segment of segments) {
    const words = tagWithJieba(segment)!;
    // words that do not spell the segment again could not be cut from it: left to the tagger
    if (words.map(({ word }) => word).join('') !== segment || words.some(({ word, tag }) => !word || /[\s/]/u.test(tag))) continue;
    lines.push(Buffer.from(`${segment}\t${words.map(({ word, tag }) => `${word.length}/${tag}`).join(' ')}\n`));
  }
  // by the segment's bytes: the tab (0x09) sorts below every character a segment holds
  lines.sort(Buffer.compare);
  return Buffer.concat(lines);
}

/** Era and calendar characters that make a time word (t) a time a question can ask for, not 目前 or 近期; 世 only in 世纪 (六世, 三世 are regnal numbers, tagged t). */
const DATED_TIME = /[年月日朝代季节春夏秋冬初末期]|世纪/u;

/** The tags of a person's name: jieba's (nr, nrt for a transliteration, nrfg) and UNKNOWN_NAME. */
const PERSON_TAGS = new RegExp(`^(?:nr|nrt|nrfg|${UNKNOWN_NAME})$`);

/** Evidence in tags that a text names something of a kind. */
export const TAG_EVIDENCE = {
  /** A person's name, two characters or more (organizations are named by their kind: 局, 公司, 大学; an nt word alone, 联合体, is no one). */
  agent: (words: readonly TaggedWord[]): boolean => runs(words, PERSON_TAGS).some((run) => [...run].length >= 2),
  /** A place name, two characters or more. */
  place: (words: readonly TaggedWord[]): boolean => runs(words, /^ns$/).some((run) => [...run].length >= 2),
  /** A time word that names a time (清朝, 世纪末, 春节), or a number of years, months, days or centuries. */
  time: (words: readonly TaggedWord[]): boolean =>
    words.some((word, i) => (word.tag === 't' && DATED_TIME.test(word.word)) || (word.tag === 'm' && /\d|[一二三四五六七八九十]/u.test(word.word) && /^(?:年|月|日|号|世纪|年代)/u.test(words[i + 1]?.word ?? ''))),
  /** A number followed by a measure word of any unit: the units of an amount (英亩, 英镑, 海里). */
  quantity: (words: readonly TaggedWord[]): string[] => words.flatMap((word, i) => (word.tag === 'm' && /\d|[一二三四五六七八九十百千万亿]/u.test(word.word) && words[i + 1]?.tag === 'q' ? [words[i + 1]!.word] : [])),
};

/** The texts of consecutive words whose tag matches. */
function runs(words: readonly TaggedWord[], tags: RegExp): string[] {
  const found: string[] = [];
  let current = '';
  for (const word of words) {
    if (tags.test(word.tag)) current += word.word;
    else if (current) {
      found.push(current);
      current = '';
    }
  }
  if (current) found.push(current);
  return found;
}
