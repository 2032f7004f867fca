import { articleOnly } from './cleanup.js';
import { extractDocx } from './docx.js';
import { extractText, type Extracted } from './extract.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';
import { buildReport, type ImportedReport, type ImportFlags } from './report.js';

/**
 * One import, as data: a document's bytes and kind, where it came from, and the fields the user
 * gave. {@link runImport} turns it into a corpus file; the bot runs it in a worker thread
 * (import-worker.ts) so that a large document never holds up answers.
 */
export interface ImportJob {
  kind: 'html' | 'docx' | 'pdf' | 'text';
  data: Uint8Array;
  /** The address it was fetched from (a page's links resolve against it); none for an uploaded file. */
  url?: string;
  /** The uploaded file's name (it may give the report id). */
  fileName?: string;
  flags: ImportFlags;
}

/** The blocks of a document by its kind, without what is not its text (credits, prompts, date lines). */
export async function extractDocument(kind: ImportJob['kind'], data: Uint8Array, url?: string): Promise<Extracted> {
  const text = (): string => new TextDecoder('utf-8').decode(data);
  const extracted = kind === 'html' ? extractHtml(text(), url) : kind === 'pdf' ? await extractPdf(data) : kind === 'docx' ? await extractDocx(data) : extractText(text());
  return { ...extracted, blocks: articleOnly(extracted.blocks) };
}

/** Extracts and builds the corpus file of a job (see {@link buildReport} for its errors). */
export async function runImport(job: ImportJob): Promise<ImportedReport> {
  const extracted = await extractDocument(job.kind, job.data, job.url);
  return buildReport(extracted, job.flags, { url: job.url, fileName: job.fileName });
}
