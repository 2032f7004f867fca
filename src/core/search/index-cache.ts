import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../corpus/corpus.js';
import { TOKENIZER_VERSION } from '../language/tokenizer.js';

/** Bumped whenever what the engine stores in a snapshot changes shape or meaning. */
export const INDEX_FORMAT_VERSION = 1;

/** Where serialized indexes are kept between runs. */
export interface IndexCache {
  /** The stored text for a key, or undefined when there is none. */
  load(key: string): string | undefined;
  save(key: string, data: string): void;
}

/**
 * The cache key of a corpus: a hash of every corpus file's path and text, the tokenizer's version,
 * the snapshot format and the passage size. Any change to one of them gives a new key, so a stale
 * index is never loaded.
 */
export function cacheKey(corpus: Corpus, maxPassageChars: number): string {
  return hashFiles(`tokenizer ${TOKENIZER_VERSION} format ${INDEX_FORMAT_VERSION} passage ${maxPassageChars}`, corpus.files);
}

function hashFiles(header: string, files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  hash.update(`${header}\n`);
  for (const [path, text] of files) hash.update(`${path}\n${text.length}\n${text}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The cache key of a corpus folder's parsed form: a hash of every corpus file's path and text and
 * of the snapshot's format. (Kept apart from {@link cacheKey}: the tokenizer does not change it.)
 */
export function parsedCorpusKey(files: ReadonlyMap<string, string>, formatVersion: number): string {
  return `corpus-${hashFiles(`parsed corpus format ${formatVersion}`, files)}`;
}

/** How many entries a file cache keeps: the newest, so that old corpus versions do not pile up. */
export const CACHE_ENTRIES_KEPT = 6;

/**
 * What `load` returns for an entry whose content no longer matches the checksum it was saved with
 * (edited, truncated, damaged on disk): it is no snapshot, so the caller rebuilds it and reports it.
 */
export const ALTERED_ENTRY = '(cache entry altered: its checksum does not match its content)';

function checksum(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A cache of files `index-<key>.json` in a folder (created on first save). Each file starts with a
 * line holding the SHA-256 of the rest, verified on load: an entry that still parses as JSON but
 * was altered (a passage's text changed) is never trusted. Only the newest CACHE_ENTRIES_KEPT
 * entries are kept.
 */
export function fileCache(dir: string): IndexCache {
  const path = (key: string): string => join(dir, `index-${key}.json`);
  return {
    load(key) {
      let text: string;
      try {
        text = readFileSync(path(key), 'utf8');
      } catch {
        return undefined;
      }
      const newline = text.indexOf('\n');
      const data = text.slice(newline + 1);
      return newline > 0 && text.slice(0, newline) === checksum(data) ? data : ALTERED_ENTRY;
    },
    save(key, data) {
      mkdirSync(dir, { recursive: true });
      // written aside then renamed, so a crash mid-write never leaves a half file under the key
      const temporary = `${path(key)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, `${checksum(data)}\n${data}`);
      renameSync(temporary, path(key));
      prune(dir, path(key));
    },
  };
}

/** Removes all but the newest CACHE_ENTRIES_KEPT entries (the one just written always stays). */
function prune(dir: string, keep: string): void {
  try {
    const entries = readdirSync(dir)
      .filter((name) => /^index-.*\.json$/.test(name))
      .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const entry of entries.slice(CACHE_ENTRIES_KEPT)) if (entry.path !== keep) rmSync(entry.path, { force: true });
  } catch {
    // pruning is housekeeping: a folder another process is changing is left for the next save
  }
}
