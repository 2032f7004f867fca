import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.js';
import { TOKENIZER_VERSION } from './tokenizer.js';

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

/** A cache of files `index-<key>.json` in a folder (created on first save). */
export function fileCache(dir: string): IndexCache {
  const path = (key: string): string => join(dir, `index-${key}.json`);
  return {
    load(key) {
      try {
        return readFileSync(path(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    save(key, data) {
      mkdirSync(dir, { recursive: true });
      // written aside then renamed, so a crash mid-write never leaves a half file under the key
      const temporary = `${path(key)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, path(key));
    },
  };
}
