import { ConfigError, getConfig, type Config } from '../config.js';
import { openStore, StoreError, type Store } from '../store/index.js';

/**
 * Runs an operator's command against the bot's store (DATA_DIR or DATABASE_URL): settings or a
 * store that cannot be opened are one line on `err` and exit code 1; so is a failure of `work`,
 * prefixed with the command's name. The store is closed either way.
 */
export async function withCliStore(name: string, err: NodeJS.WritableStream, work: (store: Store, config: Config) => Promise<number>): Promise<number> {
  let config: Config;
  let store: Store;
  try {
    config = getConfig();
    store = await openStore(config);
  } catch (error) {
    if (error instanceof StoreError || error instanceof ConfigError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    return await work(store, config);
  } catch (error) {
    err.write(`${name}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
