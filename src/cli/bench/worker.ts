import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../../core/corpus/corpus.js';
import { Engine } from '../../core/engine.js';
import { readEvalFile, type EvalItem } from '../evaluate.js';
import { measureTenants } from './tenants.js';
import { isMainModule } from '../main-module.js';
import { spanQuestions, syntheticCorpus, type SpanQuestion } from './synthetic.js';
import { measureLogging } from './logging.js';
import { buildSystem, engineSystem, SYSTEMS, type AskingEngine, type BenchSystem, type SystemName } from './systems.js';

/** What one worker measured: one system on one corpus, in a fresh process. */
export interface WorkerResult {
  system: SystemName;
  corpus: string;
  passages: number;
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  heapMB: number;
  rssMB: number;
  /** On the real corpus: the share of answerable questions whose gold string is in the top passage. */
  passageAt1: number | null;
  answerAt1: number | null;
  /** On a synthetic corpus: the share of span questions whose source passage is first, and in the top 5. */
  recallAt1: number | null;
  recallAt5: number | null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * Warm-up before latency is measured: up to this many rounds of the question set (fewer where a
 * round is slow). A long-running bot answers thousands of questions; after 10 rounds (900
 * questions) V8 was still re-optimizing some of the engine's functions, and p50 fell by a fifth
 * between 10 and 100 rounds, for this build and the first release alike.
 */
export const WARM_UP_ROUNDS = 50;

/** Latency percentiles of one system, per question. */
export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

/**
 * Times built systems on a question set: warm-up, then up to 30 measured rounds. With several
 * systems each question goes to each in turn, the order turning round by round, so that whatever
 * else the machine is doing falls on all of them alike.
 */
function timeSystems(systems: readonly BenchSystem[], items: EvalItem[]): Latency[] {
  // latency is measured once the code is compiled hot, as in a long-running bot: WARM_UP_ROUNDS of
  // warm-up and 30 measured rounds, fewer where a round is slow (at least one of each)
  const rounds = (max: number, budgetMs: number, body: (round: number) => void): void => {
    const started = performance.now();
    for (let round = 0; round < max && (round === 0 || performance.now() - started < budgetMs * systems.length); round++) body(round);
  };
  rounds(WARM_UP_ROUNDS, 5000, () => {
    for (const item of items) for (const system of systems) system.ask(item.q);
  });
  const times: number[][] = systems.map(() => []);
  rounds(30, 8000, (round) => {
    for (const item of items) {
      for (let k = 0; k < systems.length; k++) {
        const which = (round + k) % systems.length;
        const start = performance.now();
        systems[which]!.ask(item.q);
        times[which]!.push(performance.now() - start);
      }
    }
  });
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { p50Ms: percentile(list, 0.5), p99Ms: percentile(list, 0.99) };
  });
}

/** The real corpus's share of answerable questions whose gold string is in the top passage, and in the answer. */
function accuracy(built: BenchSystem, items: EvalItem[]): { passageAt1: number; answerAt1: number | null } {
  const answerable = items.filter((item) => item.answer !== null);
  const passageAt1 = answerable.filter((item) => built.ask(item.q)[0]?.includes(item.answer!)).length / answerable.length;
  const answerAt1 = built.answer ? answerable.filter((item) => built.answer!(item.q)?.includes(item.answer!)).length / answerable.length : null;
  return { passageAt1, answerAt1 };
}

/** The share of span questions whose source passage (named by its tag) is first, and in the top 5. */
function recall(built: BenchSystem, questions: SpanQuestion[]): { recallAt1: number; recallAt5: number } {
  let first = 0;
  let top5 = 0;
  for (const { q, tag } of questions) {
    const ranked = built.ask(q);
    if (ranked[0]?.includes(tag)) first += 1;
    if (ranked.slice(0, 5).some((text) => text.includes(tag))) top5 += 1;
  }
  return { recallAt1: first / questions.length, recallAt5: top5 / questions.length };
}

function memory(): { heapMB: number; rssMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heapMB: usage.heapUsed / 2 ** 20, rssMB: usage.rss / 2 ** 20 };
}

/** Measures one system on one corpus (`real` or a passage count) with the given question files. */
export function measure(system: SystemName, corpusName: string, corpusDir: string, questionFiles: string[]): WorkerResult {
  const real = loadCorpus(corpusDir);
  const synthetic = corpusName !== 'real';
  const corpus = synthetic ? syntheticCorpus(real, Number(corpusName)) : real;
  const started = performance.now();
  // synthetic passages stay whole so that the corpus has exactly the passages asked for
  const built = buildSystem(system, corpus, synthetic ? Number.POSITIVE_INFINITY : undefined);
  const buildMs = performance.now() - started;
  const items = questionFiles.flatMap((file) => readEvalFile(file));
  const latency = timeSystems([built], items)[0]!;
  const { passageAt1, answerAt1 } = synthetic ? { passageAt1: null, answerAt1: null } : accuracy(built, items);
  const { recallAt1, recallAt5 } = synthetic ? recall(built, spanQuestions(corpus)) : { recallAt1: null, recallAt5: null };
  return { system, corpus: corpusName, passages: built.passages, buildMs, ...latency, ...memory(), passageAt1, answerAt1, recallAt1, recallAt5 };
}

/** This build's engine and another build's, timed together (see {@link timeSystems}). */
export interface PairedLatency {
  current: Latency;
  previous: Latency;
}

/**
 * The engine of another build (a built checkout of an earlier release) and this build's, on the
 * real corpus, in one process: the same warm-up, rounds and questions, each question asked of both
 * in turn. The other build's own `loadCorpus` and `Engine` are used. Timed in one process rather
 * than in separate ones: on a shared VM (a quarter of the CPU stolen by other guests at times) a
 * process's figures moved by up to half from one run to the next, so that the ratio of two separate
 * runs said more about the neighbours than about the engines.
 */
export async function measureAgainst(previousRoot: string, corpusDir: string, questionFiles: string[]): Promise<PairedLatency> {
  // the public door of the core, in every release whatever its folders
  const core = (await import(pathToFileURL(join(previousRoot, 'dist', 'core', 'index.js')).href)) as { loadCorpus: (dir: string) => unknown; Engine: { build(corpus: unknown): AskingEngine } };
  const load = core;
  const engines = core;
  const previous = engineSystem(engines.Engine.build(load.loadCorpus(corpusDir)));
  const current = buildSystem('engine', loadCorpus(corpusDir));
  const items = questionFiles.flatMap((file) => readEvalFile(file));
  const [currentLatency, previousLatency] = timeSystems([current, previous], items);
  return { current: currentLatency!, previous: previousLatency! };
}

/** What one start of the CLI's engine costs: see {@link measureStart}. */
export interface StartResult {
  /** From the process's start to the first answer. */
  ms: number;
  /** The process's peak resident set, in MB. */
  peakRssMB: number;
  fromCache: boolean;
  passages: number;
}

/**
 * One start as `npm run ask` makes it: the corpus folder loaded and the engine opened through the
 * index cache (INDEX_CACHE_DIR), then one question answered; the time since the process began and
 * its peak RSS. The first start on a fresh cache builds; the next ones load.
 */
export async function measureStart(corpusDir: string, question: string): Promise<StartResult> {
  const { openEngine } = await import('../engine.js');
  const engine = openEngine(corpusDir);
  engine.ask(question);
  return { ms: performance.now(), peakRssMB: process.resourceUsage().maxRSS / 1024, fromCache: engine.fromCache, passages: engine.passages.length };
}

/**
 * Hot reload's cost: the engine is built on a synthetic corpus of `passages`, then one report (the
 * real one, under another id) is added to it in place, as a watched folder's change would; the
 * milliseconds of that update (median of 3, each adding a fresh copy).
 */
export function measureReload(passages: number, corpusDir: string): { passages: number; addedPassages: number; reloadMs: number } {
  const real = loadCorpus(corpusDir);
  const base = syntheticCorpus(real, passages);
  const engine = Engine.build(base, { maxPassageChars: Number.POSITIVE_INFINITY });
  const times: number[] = [];
  let added = 0;
  for (let round = 0; round < 3; round++) {
    const extra = real.documents.map((document) => ({ ...document, id: `${document.id}-copy${round}`, file: `${document.file}.copy${round}` }));
    const files = new Map([...base.files, ...extra.map((document): [string, string] => [document.file, `copy ${round}`])]);
    const next = { ...base, documents: [...base.documents, ...extra], files };
    const before = engine.passages.length;
    const started = performance.now();
    engine.update(next);
    times.push(performance.now() - started);
    added = engine.passages.length - before;
    // the copy leaves again before the next round, so that each round adds to the same corpus
    engine.update(base);
  }
  times.sort((a, b) => a - b);
  return { passages, addedPassages: added, reloadMs: times[1]! };
}

if (isMainModule(import.meta.url) && process.argv[2] === 'logging') {
  const [, kind, corpusDir, url, ...files] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await measureLogging(kind as 'sqlite' | 'postgres', corpusDir!, files, url || undefined))}\n`);
} else if (isMainModule(import.meta.url) && process.argv[2] === 'against') {
  const [, root, corpusDir, ...files] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await measureAgainst(root!, corpusDir!, files))}\n`);
} else if (isMainModule(import.meta.url) && process.argv[2] === 'tenants') {
  process.stdout.write(`${JSON.stringify(measureTenants(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5])))}\n`);
} else if (isMainModule(import.meta.url) && process.argv[2] === 'start') {
  process.stdout.write(`${JSON.stringify(await measureStart(process.argv[3]!, process.argv[4]!))}\n`);
} else if (isMainModule(import.meta.url) && process.argv[2] === 'reload') {
  process.stdout.write(`${JSON.stringify(measureReload(Number(process.argv[3]), process.argv[4]!))}\n`);
} else if (isMainModule(import.meta.url)) {
  const [system, corpusName, corpusDir, ...files] = process.argv.slice(2);
  if (!SYSTEMS.includes(system as SystemName) || !corpusName || !corpusDir || files.length === 0) {
    process.stderr.write('usage: node dist/cli/bench/worker.js <system> <real|passages> <corpus dir> <questions.jsonl ...>\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${JSON.stringify(measure(system as SystemName, corpusName, corpusDir, files))}\n`);
  }
}
