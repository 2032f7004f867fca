import { parentPort } from 'node:worker_threads';
import { ReportQaError } from '../core/index.js';
import { runImport, type ImportJob } from './job.js';
import { ImportFieldError, MissingFieldError } from './report.js';

/**
 * The import worker thread: one message in (an {@link ImportJob}), one out: the corpus file, or
 * the expected failure (a missing field, a bad field, a document that is not a report). Anything
 * else is thrown, and the main thread reports the worker's error.
 */
parentPort!.once('message', (job: ImportJob) => {
  runImport(job).then(
    (report) => parentPort!.postMessage({ ok: true, report }),
    (error: unknown) => {
      if (error instanceof MissingFieldError) parentPort!.postMessage({ ok: false, kind: 'missing', flags: error.flags, message: error.message });
      else if (error instanceof ImportFieldError) parentPort!.postMessage({ ok: false, kind: 'field', field: error.field, message: error.reason });
      else if (error instanceof ReportQaError) parentPort!.postMessage({ ok: false, kind: 'invalid', message: error.message });
      else parentPort!.postMessage({ ok: false, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    },
  );
});
