import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library loaded on first use rather than at start-up. For libraries most runs never call: the
 * YAML parser (a corpus read from its snapshot is not parsed again) and the pinyin dictionary (only
 * a question with a word the report lacks is checked for typos); together they were about 120 ms
 * of `npm run ask`'s start-up. Likewise OpenCC's traditional-to-simplified dictionaries (only a text
 * in traditional characters is converted): 110 KB of the CLI's bundle, some 10 ms of its start. The
 * library's CommonJS build is loaded, synchronously.
 *
 * @param name - the package, as `require` resolves it from here
 * @returns a function giving the loaded module (loaded once)
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
