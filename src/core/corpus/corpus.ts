import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS_SNAPSHOT_VERSION, restoreParsed, snapshotParsed, type ParagraphReader } from './snapshot.js';
import { parseReport } from './document.js';
import { CorpusError, CorpusErrors } from '../errors.js';
import type * as PinyinPro from 'pinyin-pro';
import { ALTERED_ENTRY, parsedCorpusKey, type IndexCache } from '../search/index-cache.js';
import { addLexiconFile, emptyLexicon, type Lexicon } from './lexicon.js';
import type { ReportDocument } from '../types.js';
import { decodeUtf8 } from './utf8.js';
import { lazyModule } from '../util/lazy-module.js';

const pinyinPro = lazyModule<typeof PinyinPro>('pinyin-pro');

/** A loaded corpus folder: its reports and the lexicon merged from their lexicon files. */
export interface Corpus {
  dir: string;
  documents: ReportDocument[];
  lexicon: Lexicon;
  /**
   * Each file's content digest (SHA-256 of its bytes), by path, in load order: what cache keys are
   * computed from, and what tells a reload which reports changed.
   */
  files: Map<string, string>;
}

/**
 * An ASCII document id for a file name that is not one: its Chinese in toneless pinyin, words
 * joined by "-" (成都报告 -> cheng-du-bao-gao), other characters kept where allowed.
 */
export function documentIdFor(stem: string): string {
  const spelled = pinyinPro().pinyin(stem.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('-');
  return spelled
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 64);
}

/** Files in a corpus folder that document it rather than hold a report. */
const NOT_REPORTS = new Set(['readme.md']);
const LEXICON_SUFFIX = '.lexicon.yaml';
/** Document ids appear in passage ids and in Discord custom ids (100 characters at most). */
const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The digest {@link Corpus.files} holds for a file's bytes. */
function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The buffer files are read through to be hashed: reused, so reading costs no new memory. */
let readBuffer = Buffer.alloc(0);
const READ_CHUNK = 1 << 20;

/**
 * The digest of a file read in chunks through one reused buffer: a warm start hashes every file
 * but keeps none (the cached parse stands for them), and fresh memory costs more to touch than the
 * hashing itself (on 42 MB of reports, 180 ms against 70).
 */
function digestFile(path: string): string {
  if (readBuffer.length === 0) readBuffer = Buffer.allocUnsafe(READ_CHUNK);
  const hash = createHash('sha256');
  const file = openSync(path, 'r');
  try {
    for (let read = readSync(file, readBuffer, 0, READ_CHUNK, null); read > 0; read = readSync(file, readBuffer, 0, READ_CHUNK, null)) hash.update(readBuffer.subarray(0, read));
  } finally {
    closeSync(file);
  }
  return hash.digest('hex');
}

/** Options of {@link loadCorpus}. */
export interface LoadOptions {
  /**
   * Where the parsed reports and lexicon are kept between runs, keyed by a hash of every file: an
   * unchanged corpus is not parsed and validated again (it was when it was cached). A corrupt entry
   * is parsed again.
   */
  cache?: IndexCache;
  /** Told when a cached parse was unreadable, or could not be saved. */
  onCacheProblem?: (message: string) => void;
}

/**
 * Loads every report (`*.md`) of a folder and the lexicon beside each (`<report>.lexicon.yaml`).
 * Nothing is skipped silently: an unreadable or invalid file, or a lexicon without its report,
 * stops the load with a {@link CorpusError} naming the file, line and field.
 */
export function loadCorpus(dir: string, options: LoadOptions = {}): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CorpusError({ file: dir, line: 0, field: 'folder' }, 'no such corpus folder');
  }
  const names = readdirSync(dir).sort();
  const reports = names.filter((name) => name.endsWith('.md') && !NOT_REPORTS.has(name.toLowerCase()));
  if (reports.length === 0) {
    throw new CorpusError({ file: dir, line: 0, field: 'folder' }, 'the folder holds no report (*.md)');
  }
  // every problem of every file is collected and reported together
  const problems: CorpusError[] = [];
  const collect = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      if (error instanceof CorpusErrors) problems.push(...error.errors);
      else if (error instanceof CorpusError) problems.push(error);
      else throw error;
    }
  };
  const stems = new Set(reports.map((name) => basename(name, '.md')));
  for (const stray of names.filter((name) => name.endsWith(LEXICON_SUFFIX) && !stems.has(name.slice(0, -LEXICON_SUFFIX.length)))) {
    problems.push(new CorpusError({ file: join(dir, stray), line: 0, field: 'file name' }, `a lexicon must sit beside its report: no ${stray.slice(0, -LEXICON_SUFFIX.length)}.md in ${dir}`));
  }
  const seenIds = new Map<string, string>();

  // every file is hashed before any is parsed: a cached parse is keyed by all of them. Only their
  // digests are kept: a cached parse needs no text read again
  const files = new Map<string, string>();
  const read = (path: string): void => {
    try {
      files.set(path, digestFile(path));
    } catch (error) {
      problems.push(new CorpusError({ file: path, line: 0, field: 'file' }, `the file cannot be read: ${(error as Error).message}`));
    }
  };
  const sources = reports.map((name) => {
    const stem = basename(name, '.md');
    // a file name in Chinese (成都报告.md) gives an ASCII id (chengdu-bao-gao): ids go into passage and button ids
    const id = DOCUMENT_ID.test(stem) ? stem : documentIdFor(stem);
    const path = join(dir, name);
    if (!DOCUMENT_ID.test(id)) {
      problems.push(new CorpusError({ file: path, line: 0, field: 'file name' }, 'no document id can be made of this file name: name it with letters, digits, ".", "_" or "-" (at most 64)'));
    }
    const other = seenIds.get(id);
    if (other) problems.push(new CorpusError({ file: path, line: 0, field: 'file name' }, `its document id "${id}" is also ${other}'s: rename one of them`));
    seenIds.set(id, name);
    const lexiconPath = join(dir, `${stem}${LEXICON_SUFFIX}`);
    read(path);
    if (existsSync(lexiconPath)) read(lexiconPath);
    return { id, path, lexiconPath };
  });

  // each file is read again to be parsed: it is checked against the digest its key was made with,
  // so that a file changed in between is not cached under the key of its former text
  const readText = (path: string): string => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new CorpusError({ file: path, line: 0, field: 'file' }, `the file cannot be read: ${(error as Error).message}`);
    }
    if (contentDigest(bytes) !== files.get(path)) throw new CorpusError({ file: path, line: 0, field: 'file' }, 'the file changed since the corpus was loaded: load it again');
    return decodeUtf8(bytes, path);
  };
  const key = options.cache ? parsedCorpusKey(files, CORPUS_SNAPSHOT_VERSION) : '';
  // a folder with a naming problem (a stray lexicon, two files of one id) is parsed, so that every
  // problem is reported together; the cache holds only folders that loaded
  const cached = problems.length ? undefined : options.cache?.load(key);
  if (cached !== undefined) {
    // a restored report's paragraphs are parsed from its file when first asked for (an engine whose
    // index is cached never asks): the same file, so its sections line up with the restored ones
    const readParagraphs: ParagraphReader = ({ id, file, sections }) => {
      const parsed = parseReport(readText(file), file, id);
      const position = new Map(parsed.sections.map((section, i) => [section, i]));
      return parsed.paragraphs.map((paragraph) => ({ ...paragraph, section: sections[position.get(paragraph.section)!]! }));
    };
    const restored = cached === ALTERED_ENTRY ? undefined : restoreParsed(cached, files, readParagraphs);
    if (restored) return { dir, ...restored, files };
    options.onCacheProblem?.(cached === ALTERED_ENTRY ? `the cached corpus for key ${key} was altered (checksum mismatch); parsing the files again` : `the cached corpus for key ${key} is unreadable; parsing the files again`);
  }
  const lexicon = emptyLexicon();
  const documents: ReportDocument[] = [];
  for (const { id, path, lexiconPath } of sources) {
    // a file that could not be read is already a problem
    if (!files.has(path)) continue;
    collect(() => documents.push(parseReport(readText(path), path, id)));
    if (files.has(lexiconPath)) collect(() => addLexiconFile(lexicon, readText(lexiconPath), lexiconPath));
  }
  if (problems.length) throw problems.length === 1 ? problems[0]! : new CorpusErrors(problems);
  if (options.cache) {
    try {
      options.cache.save(key, Buffer.from(snapshotParsed(documents, lexicon)));
    } catch (error) {
      // as for the index: a cache that cannot be written costs start-up time, not answers
      options.onCacheProblem?.(`the parsed corpus could not be cached: ${(error as Error).message}`);
    }
  }
  return { dir, documents, lexicon, files };
}
