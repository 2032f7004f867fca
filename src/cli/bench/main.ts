import { execFile, spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SERVICE_NODE_FLAGS } from '../../node-flags.js';
import { isMainModule } from '../main-module.js';
import { SYSTEMS } from './systems.js';
import { WARM_UP_ROUNDS, type Latency, type PairedLatency, type StartResult, type WorkerResult } from './worker.js';
import { syntheticCorpus, writeCorpus } from './synthetic.js';
import { loadCorpus } from '../../core/corpus/corpus.js';
import type { LoggingResult } from './logging.js';
import type { TenantsResult } from './tenants.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const WORKER = join(ROOT, 'dist', 'cli', 'bench', 'worker.js');
const ASK = join(ROOT, 'dist', 'cli', 'ask.js');
const QUESTION = '成资S3线开工了吗';

/** Targets from the issue, checked against the measured rows. */
interface Check {
  target: string;
  measured: string;
  met: boolean;
  /**
   * For targets set as absolute numbers on the issue's machine: whether the same ratio to the
   * baseline measured here holds (the issue: "the ratios are what hold across machines").
   */
  metByRatio?: boolean;
}

/**
 * Runs the worker in a fresh process with the bot's V8 flags (and `nodeFlags`), and reads the JSON
 * line it prints last; `what` names the run in the error when the worker fails.
 */
function spawnWorker<T>(args: string[], what: string, nodeFlags: string[] = []): T {
  const child = spawnSync(process.execPath, [...SERVICE_NODE_FLAGS, ...nodeFlags, WORKER, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench: ${what} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as T;
}

function runWorker(system: string, corpus: string, corpusDir: string, questions: string[]): WorkerResult {
  // a fresh process for each run, so that heap and RSS belong to that system and corpus alone; every
  // system runs with the bot's V8 flags, as the bot would run it
  return spawnWorker([system, corpus, corpusDir, ...questions], `the ${system} worker on ${corpus}`, ['--expose-gc']);
}

/** How many processes time the two builds together when comparing with a previous build. */
export const COMPARE_RUNS = 5;

/** This build against a previous one on one corpus: medians over the runs. */
export interface Comparison {
  corpus: string;
  runs: number;
  current: Latency;
  previous: Latency;
}

/**
 * Times this build's engine and a previous build's (a built checkout of an earlier release) on the
 * same corpus and questions, both in each of `runs` fresh processes (see measureAgainst), and
 * reports each build's median p50 and p99.
 */
export function compareWithPrevious(previousRoot: string, corpus: string, corpusDir: string, questions: string[], runs: number): Comparison {
  const paired: PairedLatency[] = [];
  for (let run = 0; run < runs; run++) {
    paired.push(spawnWorker<PairedLatency>(['against', previousRoot, corpusDir, ...questions], `the previous build's engine (${previousRoot}) beside this one on ${corpus}`, ['--expose-gc']));
  }
  const figures = (side: (pair: PairedLatency) => Latency): Latency => ({ p50Ms: median(paired.map((pair) => side(pair).p50Ms)), p99Ms: median(paired.map((pair) => side(pair).p99Ms)) });
  return { corpus, runs, current: figures((pair) => pair.current), previous: figures((pair) => pair.previous) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Every this many questions of the set, one is timed as a start of its own (see startSample). */
const START_SAMPLE_EVERY = 5;

/** The questions whose starts are timed: every START_SAMPLE_EVERY-th of the set's files, in order. */
function startSample(files: readonly string[]): string[] {
  const all = files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => (JSON.parse(line) as { q: string }).q));
  return all.filter((_, i) => i % START_SAMPLE_EVERY === 0);
}

/** Wall time of a command to its exit, median of `runs`, in ms. */
function wall(command: string, args: string[], runs: number, input?: string, env?: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', input, env, maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} failed:\n${child.stderr}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

const fmt = (value: number | null, digits = 2): string => (value === null ? '-' : value.toFixed(digits));

function table(rows: WorkerResult[]): string {
  const header = '| corpus | system | passages | build (ms) | p50 (ms) | p99 (ms) | heap (MB) | RSS (MB) | passage@1 | answer@1 | span recall@1 | span recall@5 |';
  const rule = '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows.map((r) => `| ${r.corpus} | ${r.system} | ${r.passages} | ${fmt(r.buildMs, 0)} | ${fmt(r.p50Ms, 3)} | ${fmt(r.p99Ms, 3)} | ${fmt(r.heapMB, 0)} | ${fmt(r.rssMB, 0)} | ${fmt(r.passageAt1)} | ${fmt(r.answerAt1)} | ${fmt(r.recallAt1)} | ${fmt(r.recallAt5)} |`);
  return [header, rule, ...body].join('\n');
}

function checks(rows: WorkerResult[], coldMs: number, batchMs: number): Check[] {
  const find = (corpus: string, system: string) => rows.find((r) => r.corpus === corpus && r.system === system);
  const out: Check[] = [];
  const real = find('real', 'engine');
  if (real) out.push({ target: 'real corpus: p99 < 1 ms', measured: `${fmt(real.p99Ms, 3)} ms`, met: real.p99Ms < 1 });
  const tenK = find('10000', 'engine');
  const tenKBase = find('10000', 'minisearch-bigram');
  if (tenK && tenKBase) out.push({ target: '10,000 passages: p99 ≤ ¼ of the plain-bigram baseline', measured: `${fmt(tenK.p99Ms, 2)} ms vs ${fmt(tenKBase.p99Ms, 2)} ms (ratio ${fmt(tenK.p99Ms / tenKBase.p99Ms)})`, met: tenK.p99Ms <= tenKBase.p99Ms / 4 });
  const hundredK = find('100000', 'engine');
  const hundredKBase = find('100000', 'minisearch-bigram');
  if (hundredK && hundredKBase) {
    // the issue's absolute targets were set on a machine where this baseline built in 22 s, answered
    // with p99 720 ms and took 1.1 GB; the same ratios to the baseline measured here carry across machines
    const scaled = (target: number, reference: number, here: number): number => (target / reference) * here;
    const build = scaled(30, 22, hundredKBase.buildMs / 1000);
    const p99 = scaled(50, 720, hundredKBase.p99Ms);
    const rss = scaled(1536, 1126, hundredKBase.rssMB);
    out.push({ target: `100,000 passages: build < 30 s (same ratio here: < ${fmt(build, 0)} s)`, measured: `${fmt(hundredK.buildMs / 1000, 1)} s (baseline ${fmt(hundredKBase.buildMs / 1000, 1)} s)`, met: hundredK.buildMs < 30_000, metByRatio: hundredK.buildMs / 1000 < build });
    out.push({ target: `100,000 passages: p99 < 50 ms (same ratio here: < ${fmt(p99, 0)} ms)`, measured: `${fmt(hundredK.p99Ms, 1)} ms (baseline ${fmt(hundredKBase.p99Ms, 1)} ms)`, met: hundredK.p99Ms < 50, metByRatio: hundredK.p99Ms < p99 });
    out.push({ target: `100,000 passages: RSS < 1.5 GB (same ratio here: < ${fmt(rss, 0)} MB)`, measured: `${fmt(hundredK.rssMB, 0)} MB (baseline ${fmt(hundredKBase.rssMB, 0)} MB)`, met: hundredK.rssMB < 1536, metByRatio: hundredK.rssMB < rss });
  }
  // speed is a win only at equal recall: on every synthetic corpus, recall at 1 and at 5 within 2
  // points of plain-bigram MiniSearch's, measured on the same span questions in the same run
  for (const size of [...new Set(rows.filter((r) => r.corpus !== 'real').map((r) => r.corpus))]) {
    const engine = find(size, 'engine');
    const plain = find(size, 'minisearch-bigram');
    if (!engine || !plain || engine.recallAt1 === null || plain.recallAt1 === null) continue;
    for (const [at, mine, theirs] of [['1', engine.recallAt1, plain.recallAt1], ['5', engine.recallAt5!, plain.recallAt5!]] as const) {
      out.push({ target: `${Number(size).toLocaleString('en')} passages: span recall@${at} ≥ plain-bigram MiniSearch − 2 points (a speed-up counts only at equal recall)`, measured: `${fmt(mine)} vs ${fmt(theirs)}`, met: mine >= theirs - 0.02 });
    }
  }
  out.push({ target: '`npm run ask` answers in < 1 s wall, start-up included', measured: `${fmt(coldMs, 0)} ms`, met: coldMs < 1000 });
  out.push({ target: '`--batch` < 2 ms a question', measured: `${fmt(batchMs, 3)} ms`, met: batchMs < 2 });
  return out;
}

/** Start-up on a large corpus folder (issue 21): a build on a fresh cache, then warm starts. */
interface StartRow {
  passages: number;
  files: number;
  build: StartResult;
  /** `node dist/cli/ask.js --corpus DIR` to its answer, median of 5, cache warm. */
  warmAskMs: number;
  warm: StartResult;
  /** Two processes started together on the same cache, as two shards would. */
  shards: StartResult[];
}

/** Passages per report file when a synthetic corpus is written out. */
const PASSAGES_PER_FILE = 1000;

/**
 * The start-up row of a synthetic corpus: written out as report files in a fresh folder with a fresh
 * index cache, then started as the CLI starts (see measureStart).
 */
async function runStarts(size: number, corpusDir: string): Promise<StartRow> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  try {
    const folder = join(dir, 'corpus');
    writeCorpus(syntheticCorpus(loadCorpus(corpusDir), size), folder, PASSAGES_PER_FILE);
    const env = { ...process.env, INDEX_CACHE_DIR: join(dir, 'cache') };
    const start = (): Promise<StartResult> => spawnStart(folder, env);
    const build = await start();
    const warmAskMs = wall(process.execPath, [ASK, '--corpus', folder, QUESTION], 5, undefined, env);
    const warm = await start();
    const shards = await Promise.all([start(), start()]);
    return { passages: build.passages, files: Math.ceil(size / PASSAGES_PER_FILE), build, warmAskMs, warm, shards };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `start` worker (with the bot's V8 flags), as a promise, so that two can run at once. */
function spawnStart(folder: string, env: NodeJS.ProcessEnv): Promise<StartResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...SERVICE_NODE_FLAGS, WORKER, 'start', folder, QUESTION], { env, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bench: the start worker on ${folder} failed:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as StartResult);
    });
  });
}

function startTable(rows: StartRow[]): string {
  return [
    '| passages | report files | build: first start (ms) | build: peak RSS (MB) | warm: `node dist/cli/ask.js` (ms) | warm: peak RSS (MB) | two shards at once: peak RSS each (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.passages} | ${r.files} | ${fmt(r.build.ms, 0)} | ${fmt(r.build.peakRssMB, 0)} | ${fmt(r.warmAskMs, 0)} | ${fmt(r.warm.peakRssMB, 0)} | ${r.shards.map((shard) => fmt(shard.peakRssMB, 0)).join(', ')} |`),
  ].join('\n');
}

function startChecks(rows: StartRow[]): Check[] {
  const out: Check[] = [];
  for (const row of rows) {
    const size = row.passages >= 100_000 ? 100_000 : row.passages >= 10_000 ? 10_000 : 0;
    const target = size === 100_000 ? 1500 : size === 10_000 ? 500 : 0;
    if (!target) continue;
    out.push({ target: `${size.toLocaleString('en')} passages: CLI warm start < ${target / 1000} s`, measured: `${fmt(row.warmAskMs, 0)} ms`, met: row.warmAskMs < target });
    if (size === 100_000) {
      const peak = Math.max(row.build.peakRssMB, row.warm.peakRssMB, ...row.shards.map((shard) => shard.peakRssMB));
      out.push({ target: '100,000 passages: peak RSS < 1 GB (build, warm start, each of two shards)', measured: `${fmt(row.build.peakRssMB, 0)}, ${fmt(row.warm.peakRssMB, 0)}, ${row.shards.map((shard) => fmt(shard.peakRssMB, 0)).join(' and ')} MB`, met: peak < 1024 });
    }
  }
  return out;
}

const TENANTS_HEADING = "## Servers' own reports";
/** The line after which docs/benchmarks.md holds earlier measurements, kept by every run. */
const EARLIER_MARKER = 'The sections below are earlier measurements';

/** Servers' own reports (issue 20), measured in a fresh process. */
function runTenants(corpusDir: string, guilds: number, reports: number): TenantsResult {
  return spawnWorker(['tenants', corpusDir, String(guilds), String(reports)], 'the servers worker', ['--expose-gc']);
}

function tenantsChecks(t: TenantsResult): Check[] {
  return [
    { target: `servers: adding a report to one of ${t.guilds} servers reloads that server alone, < 1 s`, measured: `${fmt(t.addReportP50Ms, 1)} ms p50, ${fmt(t.addReportMaxMs, 0)} ms max (one engine for all: ${fmt(t.oneEngineAddReportMs, 0)} ms)`, met: t.addReportMaxMs < 1000 },
    { target: `servers: a server's first question (its engine built) < 1 s`, measured: `${fmt(t.firstAskP50Ms, 1)} ms p50, ${fmt(t.firstAskMaxMs, 0)} ms max`, met: t.firstAskMaxMs < 1000 },
    { target: `servers: a question in a server's view, p99 < 1 ms over the global engine's`, measured: `${fmt(t.viewP99Ms, 3)} ms vs ${fmt(t.globalP99Ms, 3)} ms`, met: t.viewP99Ms - t.globalP99Ms < 1 },
  ];
}

function tenantsMet(t: TenantsResult): boolean {
  return tenantsChecks(t).every((check) => check.met);
}

/** The section of docs/benchmarks.md on servers' own reports. */
function tenantsSection(t: TenantsResult): string {
  return [
    TENANTS_HEADING,
    '',
    `${t.guilds.toLocaleString('en')} servers with ${t.reportsPerGuild} reports each (${fmt(t.passagesPerGuild, 0)} passages a server, the real report's sentences, seeded), loaded as the bot`,
    'loads them: one engine per server beside the global one, built when the server is first asked, at most',
    `${t.cap} kept (GUILD_ENGINES_KEPT). Baseline in the same run: every report in one engine (the design before issue 20).`,
    '',
    '| measure | servers\' own engines | one engine for all |',
    '|---|---:|---:|',
    `| start-up (finding the folders) | ${fmt(t.startMs, 0)} ms | ${fmt(t.oneEngineBuildMs, 0)} ms (build) |`,
    `| a server's first question (engine built), p50 / max | ${fmt(t.firstAskP50Ms, 1)} / ${fmt(t.firstAskMaxMs, 0)} ms | - |`,
    `| memory, every server asked once, ${t.cap} kept | heap ${fmt(t.cappedHeapMb, 0)} MB, RSS ${fmt(t.cappedRssMb, 0)} MB | RSS ${fmt(t.oneEngineRssMb, 0)} MB |`,
    `| memory, all ${t.guilds.toLocaleString('en')} kept | heap ${fmt(t.heapMb, 0)} MB, RSS ${fmt(t.rssMb, 0)} MB | |`,
    `| memory a server adds | heap ${fmt(t.heapPerGuildKb, 0)} KB, RSS ${fmt(t.rssPerGuildKb, 0)} KB | |`,
    `| adding one report to one server, p50 / max of 20 | ${fmt(t.addReportP50Ms, 1)} / ${fmt(t.addReportMaxMs, 0)} ms | ${fmt(t.oneEngineAddReportMs, 0)} ms (whole folder read and updated) |`,
    `| a question in a server's view, p50 / p99 | ${fmt(t.viewP50Ms, 3)} / ${fmt(t.viewP99Ms, 3)} ms | global engine alone: ${fmt(t.globalP50Ms, 3)} / ${fmt(t.globalP99Ms, 3)} ms |`,
  ].join('\n');
}

/** Runs the benchmark, prints the table and writes docs/benchmarks.md. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      corpus: { type: 'string', default: join(ROOT, 'corpus') },
      questions: { type: 'string', multiple: true },
      out: { type: 'string', default: join(ROOT, 'docs', 'benchmarks.md') },
      // a built checkout of an earlier release: its engine is run beside this one on the real corpus
      previous: { type: 'string' },
      // servers' own reports: how many servers, each with how many reports
      guilds: { type: 'string', default: '1000' },
      'reports-per-guild': { type: 'string', default: '5' },
      // one part alone: its section of docs/benchmarks.md is replaced, the rest kept
      only: { type: 'string' },
    },
  });
  if (values.only === 'tenants') {
    const result = runTenants(values.corpus, Number(values.guilds), Number(values['reports-per-guild']));
    const section = tenantsSection(result);
    process.stdout.write(`${section}\n`);
    const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '# Benchmarks\n';
    const start = previous.indexOf(TENANTS_HEADING);
    // the section ends at the next heading, or at the earlier measurements' line
    const ends = [previous.indexOf('\n## ', start + TENANTS_HEADING.length), previous.indexOf(`\n${EARLIER_MARKER}`, start)].filter((at) => at >= 0);
    const end = start < 0 || ends.length === 0 ? -1 : Math.min(...ends);
    const kept = start < 0 ? previous.trimEnd() : `${previous.slice(0, start).trimEnd()}${end < 0 ? '' : `\n\n${previous.slice(end + 1).trimEnd()}`}`;
    writeFileSync(values.out, `${kept}\n\n${section}\n`);
    return tenantsMet(result) ? 0 : 1;
  }
  if (values.only !== undefined) {
    process.stderr.write(`bench: --only takes tenants, not ${values.only}\n`);
    return 2;
  }
  const questions = values.questions ?? [join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'), join(ROOT, 'eval', 'extra.jsonl')];
  const corpora = ['real', ...values.sizes.split(',').filter(Boolean)];
  const rows: WorkerResult[] = [];
  for (const corpus of corpora) {
    for (const system of SYSTEMS) {
      process.stderr.write(`bench: ${system} on ${corpus}...\n`);
      rows.push(runWorker(system, corpus, values.corpus, questions));
    }
  }

  // hot reload: one report added to the largest synthetic corpus, in place
  const largest = Math.max(...corpora.filter((corpus) => corpus !== 'real').map(Number));
  let reload: { passages: number; addedPassages: number; reloadMs: number } | null = null;
  if (Number.isFinite(largest)) {
    process.stderr.write(`bench: adding one report to ${largest} passages...\n`);
    reload = spawnWorker(['reload', String(largest), values.corpus], 'the reload worker');
  }

  // start-up on the large corpora, written out as report files
  const starts: StartRow[] = [];
  for (const size of corpora.filter((corpus) => corpus !== 'real').map(Number).filter((size) => size >= 10_000)) {
    process.stderr.write(`bench: starting the CLI on ${size} passages...\n`);
    starts.push(await runStarts(size, values.corpus));
  }

  // the question log: each interaction's record, on SQLite (and PostgreSQL with BENCH_DATABASE_URL)
  const logging: LoggingResult[] = [];
  const pgUrl = process.env.BENCH_DATABASE_URL;
  for (const [kind, url] of [['sqlite', ''], ...(pgUrl ? [['postgres', pgUrl]] : [])] as Array<[string, string]>) {
    process.stderr.write(`bench: question log on ${kind}...\n`);
    logging.push(spawnWorker(['logging', kind, values.corpus, url, ...questions], 'the logging worker'));
  }

  process.stderr.write(`bench: ${values.guilds} servers with ${values['reports-per-guild']} reports each...\n`);
  const tenants = runTenants(values.corpus, Number(values.guilds), Number(values['reports-per-guild']));

  let comparison: Comparison | null = null;
  if (values.previous) {
    process.stderr.write(`bench: this build and ${values.previous} together on the real corpus, ${COMPARE_RUNS} processes...\n`);
    comparison = compareWithPrevious(values.previous, 'real', values.corpus, questions, COMPARE_RUNS);
  }

  process.stderr.write('bench: cold start and batch...\n');
  wall(process.execPath, [ASK, QUESTION], 1); // warms the index cache, as any second start finds it
  const coldNpm = wall('npm', ['run', '--silent', 'ask', '--', QUESTION], 5);
  // one question says little of a start: what a question needs (the dictionary, the typo corrector,
  // the tagger) is loaded on need, so each of a sample of the set's questions is timed (median of 3)
  const askedAlone = startSample(questions).map((question) => wall(process.execPath, [ASK, question], 3));
  const coldNode = median(askedAlone);
  const coldNodeMax = Math.max(...askedAlone);
  const lines = Array.from({ length: 1000 }, (_, i) => ['成资S3线开工了吗', '日开行动车多少对', '川芎产值同比增长多少', 'How many schools in Chengdu pair up?', '成都的人口有多少'][i % 5]).join('\n');
  const batchEmpty = wall(process.execPath, [ASK, '--batch'], 3, '');
  const batchFull = wall(process.execPath, [ASK, '--batch'], 3, `${lines}\n`);
  const batchPerQuestion = (batchFull - batchEmpty) / 1000;

  const cpu = cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}, ${process.platform}/${process.arch}`;
  const results = checks(rows, coldNpm, batchPerQuestion);
  // the reply is sent before the row is recorded; what logging adds is the event-loop time of record
  // (SQLite writes inside it; PostgreSQL's round trip is awaited off the loop)
  for (const log of logging) results.push({ target: `question log (${log.store}): adds < 1 ms p99 per interaction`, measured: `${fmt(log.recordP99Ms, 3)} ms of event-loop time (row written after ${fmt(log.writtenP99Ms, 3)} ms p99)`, met: log.recordP99Ms < 1 });
  if (comparison) {
    const { current, previous } = comparison;
    for (const key of ['p50Ms', 'p99Ms'] as const) {
      const ratio = current[key] / previous[key];
      results.push({ target: `real corpus ${key.slice(0, 3)}: within 20% of the previous build (medians of ${comparison.runs} processes timing both)`, measured: `${fmt(current[key], 3)} ms vs ${fmt(previous[key], 3)} ms (ratio ${fmt(ratio)})`, met: ratio <= 1.2 });
    }
  }
  results.push(...startChecks(starts));
  results.push({ target: '`node dist/cli/ask.js` on the shipped report answers in < 0.25 s', measured: `${fmt(coldNode, 0)} ms (median of ${askedAlone.length} questions of the set; slowest ${fmt(coldNodeMax, 0)} ms)`, met: coldNode < 250 });
  results.push(...tenantsChecks(tenants));
  if (reload) results.push({ target: `hot reload: one report added to ${reload.passages.toLocaleString('en')} passages in < 1 s`, measured: `${fmt(reload.reloadMs, 0)} ms (${reload.addedPassages} passages added)`, met: reload.reloadMs < 1000 });
  const report = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
    '',
    `Each row is a fresh process: build the index, warm up (up to ${WARM_UP_ROUNDS} rounds), then ask the fixed question set`,
    `(${questions.map((file) => file.replace(`${ROOT}/`, '')).join(', ')}) up to 30 times (fewer when a round is slow); p50 and p99 are per question.`,
    'Heap and RSS are after a forced GC at the end. Synthetic corpora: each passage is three sentences of',
    'the report drawn at random plus a unique tag, in a random section (seeded, deterministic).',
    'Baselines on the same data in the same run: `minisearch-default` (MiniSearch with its default',
    'tokenizer) and `minisearch-bigram` (plain character bigrams, no query processing).',
    'passage@1 and answer@1 are on the real corpus over the answerable questions of the set. Span recall is on',
    'each synthetic corpus: 200 questions (seeded) that quote a span of one passage over three of its clauses',
    '(the end of one, the next whole, the start of the one after), as reading-comprehension questions quote their',
    'source; recall@1 (@5) is the share whose passage is first (in the top 5). Synthetic passages are three',
    'sentences of two or three clauses of the real report drawn at random, and a unique tag.',
    `Every worker runs with the V8 flags of \`npm start\` (${SERVICE_NODE_FLAGS.join(' ')}: see src/node-flags.ts).`,
    '',
    table(rows),
    '',
    `Start-up: \`npm run ask -- "${QUESTION}"\` to its answer (median of 5, index cache warm): ${fmt(coldNpm, 0)} ms;`,
    `\`node dist/cli/ask.js "…"\` directly, each of ${askedAlone.length} questions of the set (every ${START_SAMPLE_EVERY}th, median of 3 each): median ${fmt(coldNode, 0)} ms, slowest ${fmt(coldNodeMax, 0)} ms. \`--batch\`: ${fmt(batchPerQuestion, 3)} ms a question (1,000 questions, start-up subtracted).`,
    '',
    ...(starts.length
      ? [
          `Start-up on large corpora (issue 21): each synthetic corpus written out as report files of ${PASSAGES_PER_FILE.toLocaleString('en')} passages, with a fresh`,
          'index cache. "build" is the first start (parse, index, pack and cache), timed from the process\'s start to its first answer;',
          '"warm" is `node dist/cli/ask.js --corpus DIR` to its answer (median of 5) and the peak RSS of a start through the same',
          'code; then two processes start at once on the same cache, as two shards would, each with its own peak RSS.',
          '',
          startTable(starts),
          '',
        ]
      : []),
    'The question log (issue 11): each question of the set answered on the real corpus, then recorded as the',
    'dispatcher records it (QUESTION_LOG=full, a fresh store), and the queued row awaited until written;',
    'the baseline is answering alone, in the same process. "record" is the event-loop time the log takes per',
    'interaction (the reply is already sent; better-sqlite3 writes synchronously inside it); "until written" adds',
    "the wait for the row (PostgreSQL's round trip, off the event loop). PostgreSQL is measured when BENCH_DATABASE_URL is set.",
    '',
    '| store | questions | answer p50 (ms) | answer p99 (ms) | record p50 (ms) | record p99 (ms) | until written p50 (ms) | until written p99 (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...logging.map((l) => `| ${l.store} | ${l.questions} | ${fmt(l.answerP50Ms, 3)} | ${fmt(l.answerP99Ms, 3)} | ${fmt(l.recordP50Ms, 3)} | ${fmt(l.recordP99Ms, 3)} | ${fmt(l.writtenP50Ms, 3)} | ${fmt(l.writtenP99Ms, 3)} |`),
    '',
    ...(comparison
      ? [
          `Previous build (\`--previous ${values.previous}\`): its engine and this one on the real corpus, timed together by this harness (each question asked of both in turn, the order turning every round) in ${comparison.runs} fresh processes; medians:`,
          '',
          '| build | p50 (ms) | p99 (ms) |',
          '|---|---:|---:|',
          `| this one | ${fmt(comparison.current.p50Ms, 3)} | ${fmt(comparison.current.p99Ms, 3)} |`,
          `| previous | ${fmt(comparison.previous.p50Ms, 3)} | ${fmt(comparison.previous.p99Ms, 3)} |`,
          '',
        ]
      : []),
    tenantsSection(tenants),
    '',
    '| target | measured | met (absolute) | met (ratio to the baseline) |',
    '|---|---|---|---|',
    ...results.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? 'yes' : '**no**'} | ${c.metByRatio === undefined ? '' : c.metByRatio ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
  process.stdout.write(`${report}\n`);
  mkdirSync(dirname(values.out), { recursive: true });
  // the earlier measurements written by hand below the generated part are kept
  const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
  const kept = previous.indexOf(EARLIER_MARKER);
  writeFileSync(values.out, kept < 0 ? report : `${report}\n${previous.slice(kept)}`);
  return results.every((c) => c.met) ? 0 : 1;
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
