import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ReportQaError } from '../core/index.js';
import { allowedHostsOf, FetchError, fetchDocument, type FetchPolicy } from '../ingest/fetch.js';
import { DocumentError } from '../ingest/extract.js';
import { runImport, type ImportJob } from '../ingest/job.js';
import { checkReportId, ImportFieldError, MissingFieldError, summarize } from '../ingest/report.js';
import { parseCommandLine } from './args.js';
import { exitQuietlyOnClosedPipe, isMainModule } from './main-module.js';

const USAGE = `usage: npm run import -- <file.html|file.docx|file.pdf|file.txt|URL> [options]

  --id ID            the document id (file name): letters, digits, ".", "_", "-"
  --title T          the report's title          (default: the file's metadata or first heading)
  --publisher P      who published it            (default: the file's metadata)
  --date YYYY-MM-DD  its publication date        (default: the file's metadata, else a date in the text)
  --url U            where readers can check it  (default: the URL imported, or the page's own)
  --out DIR          the corpus folder to write to (default: CORPUS_DIR, else corpus/)
  --dry-run          print the preview (sections, passages, what was read, guessed or is
                     missing), write nothing; it needs none of the fields above
  --force            overwrite a report of the same id
  --allow-private    fetch an address inside the network (loopback, private ranges); without it
                     only the hosts of IMPORT_ALLOWED_HOSTS may resolve there`;

/** Reads a file or URL into an import job, by its type. */
async function readSource(input: string, policy: FetchPolicy): Promise<Omit<ImportJob, 'flags'>> {
  if (/^https?:\/\//i.test(input)) {
    const fetched = await fetchDocument(input, policy);
    return { kind: fetched.kind, data: fetched.data, url: fetched.url };
  }
  if (!existsSync(input)) throw new ImportError(`no such file: ${input}`);
  const data = readFileSync(input);
  const extension = extname(input).toLowerCase();
  const fileName = basename(input);
  if (extension === '.html' || extension === '.htm') return { kind: 'html', data, fileName };
  if (extension === '.docx') return { kind: 'docx', data, fileName };
  if (extension === '.pdf') return { kind: 'pdf', data, fileName };
  if (extension === '.txt' || extension === '.md' || extension === '') return { kind: 'text', data, fileName };
  throw new ImportError(`${input}: only .html, .docx, .pdf and .txt files (or http(s) addresses) can be imported`);
}

class ImportError extends Error {}

/** Exit codes: 0 imported (or dry run), 1 the input cannot be imported, 2 bad usage. */
export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, corpusDir = process.env.CORPUS_DIR || 'corpus'): Promise<number> {
  const args = parseCommandLine('import', USAGE, argv, {
    id: { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    date: { type: 'string' },
    url: { type: 'string' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'allow-private': { type: 'boolean', default: false },
  }, out, err);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    err.write(`import: name one file or address to import\n${USAGE}\n`);
    return 2;
  }
  try {
    if (values.id !== undefined) checkReportId(values.id);
  } catch (error) {
    err.write(`import: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const policy = { allowPrivate: values['allow-private'], allowedHosts: allowedHostsOf(process.env.IMPORT_ALLOWED_HOSTS) };
    const source = await readSource(positionals[0]!, policy);
    const report = await runImport({ ...source, flags: { id: values.id, title: values.title, publisher: values.publisher, date: values.date, url: values.url } });
    const dir = values.out ?? corpusDir;
    const path = join(dir, `${report.id}.md`);
    if (report.missing.length) {
      // the preview first, then what is needed: nothing is written without those fields
      out.write(`${summarize(report, path, false)}\n`);
      if (values['dry-run']) return 0;
      throw new MissingFieldError(report.missing);
    }
    if (!values['dry-run']) {
      if (existsSync(path) && !values.force) throw new ImportError(`${path} exists: pass --force to overwrite it, or --id to import under another id`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, report.markdown);
    }
    out.write(`${summarize(report, path, !values['dry-run'])}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DocumentError) {
      err.write(`import: ${positionals[0]}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ImportError || error instanceof FetchError || error instanceof MissingFieldError || error instanceof ImportFieldError || error instanceof ReportQaError) {
      err.write(`import: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (isMainModule(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
}
