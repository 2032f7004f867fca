import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../corpus/corpus.js';
import { TOKENIZER_VERSION } from '../language/tokenizer.js';

/** Bumped whenever what the engine stores in a snapshot changes shape or meaning (5: a title in 《》 splits no passage or clause). */
export const INDEX_FORMAT_VERSION = 5;

/** Where serialized indexes (and parsed corpora) are kept between runs, as bytes. */
export interface IndexCache {
  /**
   * The stored bytes for a key; undefined when there are none; ALTERED_ENTRY when they no longer
   * match the checksum they were saved with.
   */
  load(key: string): Uint8Array | undefined | typeof ALTERED_ENTRY;
  save(key: string, data: Uint8Array): void;
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

/**
 * How many entries a file cache keeps: the newest, so that old corpus versions do not pile up. A
 * corpus has up to three (its parse, its index, its tag table): the three newest corpora are kept.
 */
export const CACHE_ENTRIES_KEPT = 9;

/**
 * What `load` returns for an entry whose content no longer matches the checksum it was saved with
 * (edited, truncated, damaged on disk): it is no snapshot, so the caller rebuilds it and reports it.
 */
export const ALTERED_ENTRY = 'altered';

/**
 * An entry's checksum: CRC-32 (zlib's, about 6 GB/s here against SHA-256's 0.6), so that verifying
 * a 100 MB index costs 15 ms rather than 150 at every start. It guards against damage and edits
 * (a changed byte is caught but with odds of 2^-32); whoever can write the cache folder can write
 * the corpus too, so it need not resist a forger.
 */
function checksum(data: Uint8Array): string {
  return crc32(data).toString(16).padStart(8, '0');
}

/**
 * The first line of an entry: the checksum of the rest, padded with spaces to HEADER_BYTES in all,
 * so that the rest starts on an 8-byte boundary of the file's buffer and typed arrays can view it
 * where it lies (see packed-index.ts).
 */
const HEADER_BYTES = 128;

/**
 * A cache of files `index-<key>.bin` in a folder (created on first save). Each file starts with a
 * line holding the checksum of the rest, verified on load (one pass over the bytes): an
 * entry that was altered (a passage's text changed) is never trusted. Only the newest
 * CACHE_ENTRIES_KEPT entries are kept.
 */
export function fileCache(dir: string): IndexCache {
  const path = (key: string): string => join(dir, `index-${key}.bin`);
  return {
    load(key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path(key));
      } catch {
        return undefined;
      }
      if (bytes.length < HEADER_BYTES || bytes[HEADER_BYTES - 1] !== 0x0a) return ALTERED_ENTRY;
      const data = bytes.subarray(HEADER_BYTES);
      return bytes.toString('latin1', 0, HEADER_BYTES - 1).trimEnd() === checksum(data) ? data : ALTERED_ENTRY;
    },
    save(key, data) {
      mkdirSync(dir, { recursive: true });
      // written aside then renamed, so a crash mid-write never leaves a half file under the key
      const temporary = `${path(key)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const file = openSync(temporary, 'w');
      try {
        // the header, then the data as it is (no second copy of a large index)
        writeFileSync(file, `${checksum(data).padEnd(HEADER_BYTES - 1)}\n`, 'latin1');
        writeFileSync(file, data);
      } finally {
        closeSync(file);
      }
      renameSync(temporary, path(key));
      prune(dir, path(key));
    },
  };
}

/** Removes all but the newest CACHE_ENTRIES_KEPT entries (the one just written always stays). */
function prune(dir: string, keep: string): void {
  try {
    const entries = readdirSync(dir)
      .filter((name) => /^index-.*\.(bin|json)$/.test(name))
      .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const entry of entries.slice(CACHE_ENTRIES_KEPT)) if (entry.path !== keep) rmSync(entry.path, { force: true });
  } catch {
    // pruning is housekeeping: a folder another process is changing is left for the next save
  }
}
