import { createInterface } from 'node:readline';
import { askEach, contractError, QueryError, replay, ReportQaError, toContractEach, type Engine } from '../core/index.js';
import { ConfigError } from '../config.js';
import * as z from 'zod';
import { corpusDir, openEngine } from './engine.js';
import { parseCommandLine } from './args.js';
import { exitQuietlyOnClosedPipe, isMainModule } from './main-module.js';
import { renderEach } from './render.js';

const USAGE = `usage: npm run ask -- [--json] [--corpus DIR] [--history "earlier question" ...] "<question>"
       npm run ask -- --batch [--corpus DIR] < questions.txt

  --json           print one JSON object (the answer contract) instead of text
  --batch          read stdin line by line, write one JSON object per line: a plain line is a
                   question; a JSON line {"q": "...", "history": ["earlier question", ...]} is a
                   follow-up with its conversation's earlier questions, oldest first
  --history TEXT   an earlier question of the conversation (repeat it, oldest first): the
                   question is read as its follow-up where it is one
  --corpus DIR     the corpus folder (default: CORPUS_DIR, else corpus/)
  --help           this text`;

/** A JSON line of --batch. */
const batchLineSchema = z.strictObject({ q: z.string(), history: z.array(z.string()).optional() });

/** One line of --batch: a question with its history, or why the line cannot be asked. */
function readBatchLine(line: string): { q: string; history: string[] } | { q: string; error: string } {
  if (!line.trimStart().startsWith('{')) return { q: line, history: [] };
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return { q: line, error: `not JSON: ${(error as Error).message}` };
  }
  const parsed = batchLineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { q: typeof (data as { q?: unknown }).q === 'string' ? (data as { q: string }).q : line, error: `field "${issue.path.join('.') || '(line)'}": ${issue.message}` };
  }
  return { q: parsed.data.q, history: parsed.data.history ?? [] };
}

/** Exit codes: 0 answered (found or not), 1 the corpus or settings cannot be loaded, 2 bad usage. */
export async function main(argv: string[], stdin: NodeJS.ReadableStream, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseCommandLine('ask', USAGE, argv, {
    json: { type: 'boolean', default: false },
    batch: { type: 'boolean', default: false },
    history: { type: 'string', multiple: true, default: [] },
    corpus: { type: 'string' },
  }, out, err);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (values.batch && positionals.length) {
    err.write(`ask: --batch reads questions from stdin; do not also give one as an argument\n${USAGE}\n`);
    return 2;
  }
  const question = positionals.join(' ');
  if (!values.batch && !question.trim()) {
    err.write(`ask: the question is empty: give it in quotes, e.g. npm run ask -- "成资S3线开工了吗"\n`);
    return 2;
  }

  let engine: Engine;
  try {
    engine = openEngine(corpusDir(values.corpus));
  } catch (error) {
    if (error instanceof ReportQaError || error instanceof ConfigError) {
      err.write(`ask: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (values.batch) {
    const lines = createInterface({ input: stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const item = readBatchLine(line);
      let answer;
      if ('error' in item) {
        answer = contractError(item.q, item.error);
      } else {
        try {
          answer = toContractEach(item.q, askEach(engine, item.q, { history: replay(engine, item.history) }), engine);
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
          answer = contractError(item.q, error.message);
        }
      }
      out.write(`${JSON.stringify(answer)}\n`);
    }
    return 0;
  }

  try {
    const asked = askEach(engine, question, { history: replay(engine, values.history) });
    out.write(values.json ? `${JSON.stringify(toContractEach(question, asked, engine))}\n` : `${renderEach(asked, engine)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    err.write(`ask: ${error.message}\n`);
    return 2;
  }
}

if (isMainModule(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), process.stdin, process.stdout, process.stderr);
}
