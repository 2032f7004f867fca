import { afterAll, describe, expect, it } from 'vitest';
import { BotMemory, type Asked, type QuestionLogMode } from '../../../src/bot/service/memory.js';
import { createLogger } from '../../../src/logger.js';
import { openSqliteStore, sqliteFile } from '../../../src/store/index.js';
import { LogLines } from '../../helpers/bot.js';
import { dropDatabases, freshDataDir } from '../../helpers/databases.js';

afterAll(dropDatabases);

const DAY = 86_400_000;
const asked: Asked = { via: 'slash', guild: 'g', channel: 'c', question: '请问一下,票价多少?谢谢', found: false, confidence: 0.2, passageIds: ['r#1.1'], report: 'r', latencyMs: 3 };

async function memoryWith(questionLog: QuestionLogMode, now = () => Date.now()) {
  const store = await openSqliteStore(sqliteFile(freshDataDir()));
  const logs = new LogLines();
  const memory = new BotMemory({ store, logger: createLogger('info', logs), questionLog, retentionDays: 90, defaults: { mode: 'mention', threads: true }, now });
  return { store, memory, logs };
}

describe('the question log (QUESTION_LOG)', () => {
  it('GIVEN full THEN the text is stored with its grouping key (wrapping, case and punctuation off)', async () => {
    const { store, memory } = await memoryWith('full');
    memory.record('a1', asked);
    await memory.close();
    expect(await store.question('a1')).toMatchObject({ question: '请问一下,票价多少?谢谢', questionKey: '票价多少', found: false, confidence: 0.2, passageIds: ['r#1.1'] });
    await store.close();
  });

  it('GIVEN outcomes THEN the outcome is stored without any text of the question', async () => {
    const { store, memory } = await memoryWith('outcomes');
    memory.record('a1', asked);
    await memory.close();
    const row = await store.question('a1');
    expect(row).toMatchObject({ question: null, questionKey: null, found: false, via: 'slash' });
    expect(JSON.stringify(row)).not.toContain('票价');
    await store.close();
  });

  it('GIVEN off THEN nothing is stored', async () => {
    const { store, memory } = await memoryWith('off');
    memory.record('a1', asked);
    await memory.close();
    expect(await store.question('a1')).toBeNull();
    expect((await store.gaps({ guild: asked.guild, since: 0, lowConfidenceBelow: 1, limit: 5 })).totals.questions).toBe(0);
    await store.close();
  });

  it('GIVEN rows older than QUESTION_LOG_DAYS THEN pruning at start deletes them and keeps the rest', async () => {
    const now = Date.UTC(2026, 10, 27);
    const { store, memory, logs } = await memoryWith('full', () => now);
    await store.logQuestion({ id: 'old', at: now - 91 * DAY, guild: null, channel: null, via: 'dm', found: true, confidence: 0.9, passageIds: [], report: null, latencyMs: 1, question: 'q', questionKey: 'q' });
    await store.logQuestion({ id: 'recent', at: now - 89 * DAY, guild: null, channel: null, via: 'dm', found: true, confidence: 0.9, passageIds: [], report: null, latencyMs: 1, question: 'q', questionKey: 'q' });
    memory.startPruning();
    expect(await logs.waitFor((line) => line.msg === 'question log pruned')).toMatchObject({ rows: 1, days: 90 });
    expect(await store.question('old')).toBeNull();
    expect(await store.question('recent')).not.toBeNull();
    await memory.close();
    await store.close();
  });
});

describe('chat settings through the memory', () => {
  it('GIVEN no stored settings THEN the env defaults; GIVEN settings stored THEN they win; GIVEN the database gone THEN the last known are used', async () => {
    let now = Date.UTC(2026, 10, 27);
    const { store, memory, logs } = await memoryWith('full', () => now);
    expect(await memory.chatBehaviour('c1')).toEqual({ mode: 'mention', threads: true });
    await memory.setChatBehaviour('g', 'c1', { mode: 'all', threads: false }, 'u');
    expect(await memory.chatBehaviour('c1')).toEqual({ mode: 'all', threads: false });
    await store.close();
    // past the 30 s cache the read fails: the last known settings stay, with a warning
    now += 31_000;
    expect(await memory.chatBehaviour('c1')).toEqual({ mode: 'all', threads: false });
    expect(logs.lines.find((line) => line.msg === 'could not read the channel settings; using the last known')).toMatchObject({ level: 40, channel: 'c1' });
  });
});
