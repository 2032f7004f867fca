import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../../logger.js';
import { GLOBAL_SCOPE, type Tenants } from './tenants.js';

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

/**
 * A function that loads the operator's corpus folder again through `tenants` (only the global
 * engine changes; servers' views layer it and follow); true when the corpus changed.
 */
export function makeReloader(tenants: Tenants, onReload?: () => void): () => boolean {
  return (): boolean => {
    const result = tenants.reload(GLOBAL_SCOPE);
    const changed = result.ok && result.added.length + result.changed.length + result.removed.length > 0;
    if (changed) onReload?.();
    return changed;
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
