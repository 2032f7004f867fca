import { getConfig } from '../config.js';
import { Engine, fileCache, loadCorpus } from '../core/index.js';

/** The corpus folder: the --corpus option, else CORPUS_DIR, else corpus/. */
export function corpusDir(option: string | undefined): string {
  return option ?? getConfig().CORPUS_DIR;
}

/**
 * Loads the corpus and builds the engine, reusing the parse and the index cached in INDEX_CACHE_DIR
 * when the corpus is unchanged; loader errors propagate with their file and line.
 */
export function openEngine(dir: string, warn: (message: string) => void = (message) => process.stderr.write(`warning: ${message}\n`)): Engine {
  const caching = { cache: fileCache(getConfig().INDEX_CACHE_DIR), onCacheProblem: warn };
  return Engine.build(loadCorpus(dir, caching), caching);
}
