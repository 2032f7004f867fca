import { afterAll, describe, expect, it } from 'vitest';
import { withStore } from '../../../src/bot/commands/manage.js';
import { BotMemory } from '../../../src/bot/service/memory.js';
import { createLogger } from '../../../src/logger.js';
import { openSqliteStore, sqliteFile, StoreError } from '../../../src/store/index.js';
import { LogLines } from '../../helpers/bot.js';
import { dropDatabases, freshDataDir } from '../../helpers/databases.js';

afterAll(dropDatabases);

describe('team commands and the store', () => {
  it('GIVEN the database failing THEN the user is told to try again; GIVEN a bug THEN it is not disguised as the database', async () => {
    const store = await openSqliteStore(sqliteFile(freshDataDir()));
    const logs = new LogLines();
    const memory = new BotMemory({ store, logger: createLogger('info', logs), questionLog: 'full', retentionDays: 90, defaults: { mode: 'mention', threads: true } });
    await store.close();
    // a statement on a closed database: the store reports it as unavailable
    const failed = await store.schedules().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StoreError);
    expect(failed).toMatchObject({ code: 'unavailable' });
    const input = { lang: 'en' as const };
    const told = await withStore(memory, input, async () => ({ reply: { content: String((await store.schedules()).length) } }));
    expect(told.reply.content).toMatch(/database cannot be reached/);
    expect(logs.lines.find((line) => line.msg === 'store unavailable for a command')).toMatchObject({ level: 40 });
    await expect(withStore(memory, input, async () => { throw new TypeError('a bug'); })).rejects.toThrow(TypeError);
  });
});
