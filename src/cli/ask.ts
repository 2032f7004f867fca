import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { contractError, QueryError, ReportQaError, toContract, type Engine } from '../core/index.js';
import { ConfigError } from '../config.js';
import { corpusDir, openEngine } from './engine.js';
import { exitQuietlyOnClosedPipe, isMainModule } from './main-module.js';
import { renderAnswer } from './render.js';

const USAGE = `usage: npm run ask -- [--json] [--corpus DIR] "<question>"
       npm run ask -- --batch [--corpus DIR] < questions.txt

  --json        print one JSON object (the answer contract) instead of text
  --batch       read one question per line from stdin, write one JSON object per line
  --corpus DIR  the corpus folder (default: CORPUS_DIR, else corpus/)
  --help        this text`;

/** Exit codes: 0 answered (found or not), 1 the corpus or settings cannot be loaded, 2 bad usage. */
export async function main(argv: string[], stdin: NodeJS.ReadableStream, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        batch: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    err.write(`ask: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
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
      let answer;
      try {
        answer = toContract(engine.ask(line));
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        answer = contractError(line, error.message);
      }
      out.write(`${JSON.stringify(answer)}\n`);
    }
    return 0;
  }

  try {
    const result = engine.ask(question);
    out.write(values.json ? `${JSON.stringify(toContract(result))}\n` : `${renderAnswer(result, engine)}\n`);
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
