import { watch, type FSWatcher } from 'node:fs';
import { CorpusError, CorpusErrors, fileCache, loadCorpus, Suggester } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import type { BotContext } from '../commands/command.js';

/**
 * Hot reload: the running bot watches its corpus folder. After a change (debounced: an editor's
 * several writes are one change) the folder is loaded and validated again; a valid corpus is
 * brought into the engine in place (only the reports that changed are indexed again) and the
 * autocomplete suggestions are made again. A broken file leaves the old corpus answering, and its
 * errors (every one, with file, line and field) are logged.
 */

/** How long the folder must be quiet before it is read again. */
export const RELOAD_DEBOUNCE_MS = 400;

/** A running watch of a corpus folder. */
export interface CorpusWatch {
  close(): void;
  /** Reloads now (what a change triggers); resolves with whether the corpus changed. */
  reload(): boolean;
}

/** A function that loads `dir` again and brings `context` (its engine and suggester) in step with it. */
export function makeReloader(dir: string, cacheDir: string, context: BotContext, logger: Logger, onReload?: () => void): () => boolean {
  return (): boolean => {
    const started = performance.now();
    try {
      const cache = fileCache(cacheDir);
      const corpus = loadCorpus(dir, { cache, onCacheProblem: (message) => logger.warn({ message }, 'corpus cache problem') });
      const changes = context.engine.update(corpus);
      const changed = changes.added.length + changes.changed.length + changes.removed.length > 0;
      if (changed) {
        // the dictionary limited to the new corpus is read now, not on the next question
        context.engine.warm();
        context.suggester = new Suggester(context.engine);
        onReload?.();
      }
      logger.info({ ...changes, passages: context.engine.passages.length, ms: Math.round(performance.now() - started) }, changed ? 'corpus reloaded' : 'corpus unchanged');
      return changed;
    } catch (error) {
      if (!(error instanceof CorpusError || error instanceof CorpusErrors)) {
        logger.error({ err: error }, 'corpus reload failed');
        return false;
      }
      const errors = error instanceof CorpusErrors ? error.errors.map((item) => item.message) : [error.message];
      logger.error({ errors }, 'corpus reload refused: the old corpus keeps answering');
      return false;
    }
  };
}

/** Watches `dir` and calls `reload` after each change, debounced. */
export function watchCorpus(dir: string, reload: () => boolean, logger: Logger): CorpusWatch {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, RELOAD_DEBOUNCE_MS);
    });
    watcher.on('error', (error) => logger.warn({ err: error }, 'the corpus folder cannot be watched; restart to load changes'));
  } catch (error) {
    logger.warn({ err: error }, 'the corpus folder cannot be watched; restart to load changes');
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
    reload,
  };
}
