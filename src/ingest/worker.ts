import { parentPort } from 'node:worker_threads';
import { ReportQaError } from '../core/index.js';
import { runImport, type ImportJob } from './job.js';
import { DocumentError } from './extract.js';
import { ImportFieldError } from './report.js';

/**
 * The import worker thread: one message in (an {@link ImportJob}), one out: the corpus file, or
 * the expected failure (a bad field, a document that is not a report). Anything
 * else is thrown, and the main thread reports the worker's error.
 */
parentPort!.once('message', (job: ImportJob) => {
  runImport(job).then(
    (report) => parentPort!.postMessage({ ok: true, report }),
    (error: unknown) => {
      if (error instanceof ImportFieldError) parentPort!.postMessage({ ok: false, kind: 'field', field: error.field, message: error.reason });
      else if (error instanceof ReportQaError || error instanceof DocumentError) parentPort!.postMessage({ ok: false, kind: 'invalid', message: error.message });
      else parentPort!.postMessage({ ok: false, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    },
  );
});
