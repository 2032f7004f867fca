import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportJob } from './job.js';
import type { ImportedReport } from './report.js';

/**
 * Imports off the main thread: extraction and section detection run in a worker thread with a
 * deadline and a memory ceiling (`resourceLimits`), so a large or hostile document costs that
 * worker, never the answers of the bot's event loop. One import runs at a time per process
 * ({@link ImportRunner}); a second one asked meanwhile is told to wait.
 */

/** How long an import may take in its worker. */
export const IMPORT_TIMEOUT_MS = 60_000;
/** The worker's old-generation heap, in MB: a document that needs more fails alone. */
export const IMPORT_MEMORY_MB = 512;

/** Why an import in a worker did not give a report; `kind` says which (see {@link ImportRunner.run}). */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
  constructor(
    readonly kind: 'field' | 'invalid' | 'failed' | 'timeout' | 'memory' | 'busy',
    message: string,
    /** For 'field': the field whose value is refused (the message is then what is wrong with it). */
    readonly field?: string,
  ) {
    super(message);
  }
}

type WorkerAnswer = { ok: true; report: ImportedReport } | { ok: false; kind: 'field' | 'invalid' | 'failed'; message: string; field?: string };

/**
 * The worker: the built script, or, where only the TypeScript source exists (the test runner), a
 * small bootstrap that registers tsx's loader in the worker and then imports the source.
 */
function newWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  const built = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, options);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}

/** Runs one job in a fresh worker thread, within `timeoutMs` and `memoryMb`. */
export function importInWorker(job: ImportJob, { timeoutMs = IMPORT_TIMEOUT_MS, memoryMb = IMPORT_MEMORY_MB }: { timeoutMs?: number; memoryMb?: number } = {}): Promise<ImportedReport> {
  const worker = newWorker({ resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 }, stdout: false, stderr: false });
  return new Promise<ImportedReport>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new ImportFailure('timeout', `the document took more than ${timeoutMs / 1000} s to import`))), timeoutMs);
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() => (answer.ok ? resolve(answer.report) : reject(new ImportFailure(answer.kind, answer.message, answer.field)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportFailure('memory', `the document needs more than the ${memoryMb} MB an import may use`) : new ImportFailure('failed', `the import failed: ${error.message}`))),
    );
    worker.once('exit', (code) => finish(() => reject(new ImportFailure('failed', `the import worker stopped (exit code ${code})`))));
    // the bytes are moved to the worker, not copied
    const data = new Uint8Array(job.data);
    worker.postMessage({ ...job, data }, [data.buffer]);
  });
}

/** One import at a time in this process: a second one, asked while the first runs, fails as 'busy'. */
export class ImportRunner {
  private running = false;

  constructor(private readonly limits: { timeoutMs?: number; memoryMb?: number } = {}) {}

  /** Whether an import is running now. */
  get busy(): boolean {
    return this.running;
  }

  /** Runs `work` (fetching, then {@link importInWorker}) unless another import is running. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) throw new ImportFailure('busy', 'another import is running in this bot; try again in a minute');
    this.running = true;
    try {
      return await work();
    } finally {
      this.running = false;
    }
  }

  /** {@link importInWorker} with this runner's limits. */
  extract(job: ImportJob): Promise<ImportedReport> {
    return importInWorker(job, this.limits);
  }
}
