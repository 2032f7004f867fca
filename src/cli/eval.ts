import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { ReportQaError } from '../core/index.js';
import { corpusDir, openEngine } from './engine.js';
import { CONFIDENCE_MODEL } from '../core/answer/confidence.js';
import { askItem, calibrationSamples, fitConfidence, formatReliability, compareVariants, formatSweep, formatTable, formatVariants, readEvalFile, runEval, summarize, sweep } from './evaluate.js';
import { buildSystem, VARIANTS } from './bench/systems.js';
import { loadCorpus } from '../core/index.js';
import { exitQuietlyOnClosedPipe, isMainModule } from './main-module.js';

const USAGE = `usage: npm run eval -- [--corpus DIR] [--misses] [--sweep] <questions.jsonl> [more.jsonl ...]

  --misses  list the questions answered wrongly, with their confidence and its signals
  --calibrate  fit the confidence model on the files' questions and print reliability tables
  --sweep   for thresholds of coverage, how many unanswerable questions abstain and answerable ones do not
  --compare passage@1 of tokenizer variants (MiniSearch with its default tokenizer, plain bigrams,
            Intl.Segmenter words) beside the engine, on the same questions`;

/** Prints per-kind figures for each question file; exit 2 on bad usage, 1 on unreadable input. */
export function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { corpus: { type: 'string' }, misses: { type: 'boolean', default: false }, calibrate: { type: 'boolean', default: false }, sweep: { type: 'boolean', default: false }, compare: { type: 'boolean', default: false } } });
  } catch (error) {
    err.write(`eval: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    err.write(`eval: name at least one question file\n${USAGE}\n`);
    return 2;
  }
  try {
    const engine = openEngine(corpusDir(args.values.corpus));
    if (args.values.compare) {
      const corpus = loadCorpus(corpusDir(args.values.corpus));
      const systems = VARIANTS.map((name) => ({ name, ...buildSystem(name, corpus) }));
      out.write(`\n${formatVariants(compareVariants(systems, args.positionals.flatMap((file) => readEvalFile(file))))}\n`);
    }
    if (args.values.calibrate) {
      const samples = args.positionals.flatMap((file) => calibrationSamples(engine, readEvalFile(file)));
      const model = fitConfidence(samples);
      out.write(`\nconfidence model fitted on ${samples.length} answers: ${JSON.stringify(model)}\n\nwith the fitted model:\n${formatReliability(samples, model)}\n\nwith the shipped model:\n${formatReliability(samples, CONFIDENCE_MODEL)}\n`);
    }
    if (args.values.sweep) out.write(`\n${formatSweep(sweep(engine, args.positionals.flatMap((file) => readEvalFile(file))))}\n`);
    for (const file of args.positionals) {
      const outcomes = runEval(engine, readEvalFile(file));
      out.write(`\n${file} (${outcomes.length} questions)\n${formatTable(summarize(outcomes))}\n`);
      if (args.values.misses) {
        for (const o of outcomes.filter((o) => !(o.item.answer === null ? !o.found : o.answer1))) {
          const result = askItem(engine, o.item);
          const f = result.signals;
          const signals = f ? `coverage ${f.coverage.toFixed(2)}, focus ${f.focus.toFixed(2)}, type ${f.typeHolds ? 'ok' : 'missing'}, unknown ${f.unknown.toFixed(2)}${f.figuresHeld ? '' : ', figure missing'}${f.modifierHeld ? '' : ', name missing'}` : 'no candidate';
          out.write(`  miss ${o.item.id} [${o.item.kind}] ${o.item.q} -> ${result.found ? result.answer : '(abstained)'} (confidence ${result.confidence.toFixed(2)}: ${signals}; top ${result.passages[0]?.passage.id ?? '-'})\n`);
        }
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof ReportQaError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as Error).message.startsWith('eval:')) {
      err.write(`${(error as Error).message.startsWith('eval:') ? '' : 'eval: '}${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

if (isMainModule(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = main(process.argv.slice(2), process.stdout, process.stderr);
}
