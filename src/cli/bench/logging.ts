import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { BotMemory, newAnswerId } from '../../bot/service/memory.js';
import { loadCorpus } from '../../core/corpus/corpus.js';
import { Engine } from '../../core/engine.js';
import { openPostgresStore, openSqliteStore, sqliteFile, type Store } from '../../store/index.js';
import { readEvalFile } from '../evaluate.js';

/** What the question log costs an interaction, against answering alone in the same process. */
export interface LoggingResult {
  store: 'sqlite' | 'postgres';
  questions: number;
  /** engine.ask alone: the baseline. */
  answerP50Ms: number;
  answerP99Ms: number;
  /** memory.record: what runs on the interaction's path before it returns. */
  recordP50Ms: number;
  recordP99Ms: number;
  /** memory.record until the row is written (the queued write awaited): the whole cost. */
  writtenP50Ms: number;
  writtenP99Ms: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Asks the question set `rounds` times on the real corpus; after each answer, records it in the
 * question log (QUESTION_LOG=full) as the dispatcher does, and waits for the row to be written.
 */
export async function measureLogging(kind: 'sqlite' | 'postgres', corpusDir: string, questionFiles: string[], url?: string, rounds = 20): Promise<LoggingResult> {
  const engine = Engine.build(loadCorpus(corpusDir));
  const items = questionFiles.flatMap((file) => readEvalFile(file));
  const dir = mkdtempSync(join(tmpdir(), 'report-bot-bench-'));
  let store: Store | null = null;
  try {
    store = kind === 'sqlite' ? await openSqliteStore(sqliteFile(dir)) : await openPostgresStore(url!);
    const memory = new BotMemory({ store, logger: pino({ level: 'silent' }), questionLog: 'full', retentionDays: 90, defaults: { mode: 'mention', threads: true } });
    const answer: number[] = [];
    const record: number[] = [];
    const written: number[] = [];
    for (let round = 0; round < rounds + 2; round++) {
      for (const item of items) {
        const t0 = performance.now();
        const result = engine.ask(item.q);
        const t1 = performance.now();
        memory.record(newAnswerId(), { via: 'slash', guild: '1', channel: '2', question: item.q, found: result.found, confidence: result.confidence, passageIds: result.passages.map(({ passage }) => passage.id), report: result.passages[0]?.passage.documentId ?? null, latencyMs: t1 - t0 });
        const t2 = performance.now();
        await memory.writes.flush();
        const t3 = performance.now();
        // the first two rounds warm the code up, as in a long-running bot
        if (round < 2) continue;
        answer.push(t1 - t0);
        record.push(t2 - t1);
        written.push(t3 - t1);
      }
    }
    for (const list of [answer, record, written]) list.sort((a, b) => a - b);
    return {
      store: kind,
      questions: answer.length,
      answerP50Ms: percentile(answer, 0.5),
      answerP99Ms: percentile(answer, 0.99),
      recordP50Ms: percentile(record, 0.5),
      recordP99Ms: percentile(record, 0.99),
      writtenP50Ms: percentile(written, 0.5),
      writtenP99Ms: percentile(written, 0.99),
    };
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
