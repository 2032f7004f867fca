import { getConfig } from '../config.js';
import { Engine, loadCorpus } from '../core/index.js';

/** The corpus folder: the --corpus option, else CORPUS_DIR, else corpus/. */
export function corpusDir(option: string | undefined): string {
  return option ?? getConfig().CORPUS_DIR;
}

/** Loads the corpus and builds the engine; loader errors propagate with their file and line. */
export function openEngine(dir: string): Engine {
  return Engine.build(loadCorpus(dir));
}
