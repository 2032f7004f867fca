import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { replay, type AskResult, type Engine } from '../core/index.js';
import { confidenceOf, type AnswerFeatures, type CONFIDENCE_MODEL } from '../core/answer/confidence.js';

/**
 * One evaluation question, as in ../shared/eval/dev.jsonl. `kind` is any label (rows are made per
 * kind); a null `answer` makes the question unanswerable whatever its kind; `history` holds the
 * earlier questions of the same conversation, oldest first.
 */
export const evalItemSchema = z.strictObject({
  id: z.string().min(1),
  q: z.string(),
  section: z.number().int().min(0).nullable(),
  answer: z.string().min(1).nullable(),
  kind: z.string().trim().min(1, 'name the kind of question'),
  history: z.array(z.string()).optional(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

/** Reads a JSONL question file; a bad line is an error naming the file, line and field. */
export function readEvalFile(path: string): EvalItem[] {
  const items: EvalItem[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (error) {
        throw new Error(`eval: ${path}:${i + 1}: not JSON: ${(error as Error).message}`);
      }
      const parsed = evalItemSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`eval: ${path}:${i + 1}: field "${issue.path.join('.') || '(line)'}": ${issue.message}`);
      }
      items.push(parsed.data);
    });
  return items;
}

/** What happened to one question. */
export interface Outcome {
  item: EvalItem;
  found: boolean;
  section1: boolean;
  passage1: boolean;
  passage3: boolean;
  answer1: boolean;
  answerLength: number | null;
}

/**
 * Asks an eval question with its conversation's earlier questions as history: each earlier question
 * is asked in turn (with those before it), so the history carries their answers' passages.
 */
export function askItem(engine: Engine, item: EvalItem): AskResult {
  return engine.ask(item.q, { history: replay(engine, item.history ?? []) });
}


/** Runs every question through the engine and scores it against its gold answer. */
export function runEval(engine: Engine, items: EvalItem[]): Outcome[] {
  return items.map((item) => {
    const result = askItem(engine, item);
    const gold = item.answer;
    const texts = result.passages.map(({ passage }) => passage.text);
    const top = result.passages[0]?.passage;
    return {
      item,
      found: result.found,
      section1: gold !== null && top?.section.number === item.section,
      passage1: gold !== null && (texts[0]?.includes(gold) ?? false),
      passage3: gold !== null && texts.slice(0, 3).some((text) => text.includes(gold)),
      answer1: gold !== null && result.found && (result.answer?.includes(gold) ?? false),
      answerLength: result.answer === null ? null : [...result.answer].length,
    };
  });
}

/** One row of the report: a kind, or a group of kinds. */
export interface Row {
  name: string;
  n: number;
  section1: number;
  passage1: number;
  passage3: number;
  answer1: number;
  abstained: string;
  falseAbstentions: number;
  meanLength: number;
}

function row(name: string, outcomes: Outcome[]): Row {
  const answerable = outcomes.filter((o) => o.item.answer !== null);
  const unanswerable = outcomes.filter((o) => o.item.answer === null);
  const rate = (pick: (o: Outcome) => boolean): number => (answerable.length ? answerable.filter(pick).length / answerable.length : NaN);
  const lengths = outcomes.map((o) => o.answerLength).filter((length): length is number => length !== null);
  return {
    name,
    n: outcomes.length,
    section1: rate((o) => o.section1),
    passage1: rate((o) => o.passage1),
    passage3: rate((o) => o.passage3),
    answer1: rate((o) => o.answer1),
    abstained: unanswerable.length ? `${unanswerable.filter((o) => !o.found).length}/${unanswerable.length}` : '-',
    falseAbstentions: answerable.filter((o) => !o.found).length,
    meanLength: lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : NaN,
  };
}

/**
 * Rows per kind (in the order kinds first appear), then every answerable question, every
 * unanswerable one (null answer, whatever its kind), and everything.
 */
export function summarize(outcomes: Outcome[]): Row[] {
  const kinds = [...new Set(outcomes.map((o) => o.item.kind))];
  const rows = kinds.map((kind) => row(kind, outcomes.filter((o) => o.item.kind === kind)));
  rows.push(row('answerable', outcomes.filter((o) => o.item.answer !== null)));
  rows.push(row('unanswerable', outcomes.filter((o) => o.item.answer === null)));
  rows.push(row('overall', outcomes));
  return rows;
}

/** The rows as a fixed-width table. */
export function formatTable(rows: Row[]): string {
  const fmt = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(2));
  const header = ['kind', 'n', 'section@1', 'passage@1', 'passage@3', 'answer@1', 'abstained', 'false abst.', 'mean len'];
  const body = rows.map((r) => [r.name, String(r.n), fmt(r.section1), fmt(r.passage1), fmt(r.passage3), fmt(r.answer1), r.abstained, String(r.falseAbstentions), Number.isNaN(r.meanLength) ? '-' : r.meanLength.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** At one abstention threshold: unanswerable questions that abstain, answerable ones that do not. */
export interface SweepRow {
  threshold: number;
  abstained: number;
  unanswerable: number;
  answered: number;
  answerable: number;
}

/**
 * Every question's confidence, tried against thresholds from 0.20 to 0.80: how many unanswerable
 * questions abstain and how many answerable ones are answered right at each (the evidence for
 * ANSWER_AT).
 */
export function sweep(engine: Engine, items: EvalItem[]): SweepRow[] {
  const results = items.map((item) => {
    const result = askItem(engine, item);
    // an answer that would be given at a lower threshold: the best passage's extract
    const right = item.answer !== null && (result.answer ?? result.passages[0]?.passage.text ?? '').includes(item.answer);
    return { answerable: item.answer !== null, right, confidence: result.confidence };
  });
  const rows: SweepRow[] = [];
  for (let threshold = 0.2; threshold <= 0.8001; threshold += 0.05) {
    rows.push({
      threshold,
      abstained: results.filter((c) => !c.answerable && c.confidence < threshold).length,
      unanswerable: results.filter((c) => !c.answerable).length,
      answered: results.filter((c) => c.right && c.confidence >= threshold).length,
      answerable: results.filter((c) => c.answerable).length,
    });
  }
  return rows;
}

/** The sweep as a table. */
export function formatSweep(rows: SweepRow[]): string {
  const lines = ['confidence threshold  unanswerable abstaining  answerable answered right'];
  for (const row of rows) {
    lines.push(`${row.threshold.toFixed(2).padStart(20)}  ${`${row.abstained}/${row.unanswerable}`.padStart(23)}  ${`${row.answered}/${row.answerable}`.padStart(25)}`);
  }
  return lines.join('\n');
}

/** passage@1 and passage@3 of one tokenizer variant, per kind of answerable question. */
export interface VariantRow {
  variant: string;
  kind: string;
  n: number;
  passage1: number;
  passage3: number;
}

/** How each variant ranks the gold passage, for answerable questions, per kind and overall. */
export function compareVariants(systems: Array<{ name: string; ask(question: string): string[] }>, items: EvalItem[]): VariantRow[] {
  const answerable = items.filter((item) => item.answer !== null);
  const kinds = [...new Set(answerable.map((item) => item.kind)), 'all'];
  return systems.flatMap((system) => {
    const ranked = answerable.map((item) => ({ item, texts: system.ask(item.q) }));
    return kinds.map((kind) => {
      const rows = ranked.filter(({ item }) => kind === 'all' || item.kind === kind);
      const share = (depth: number) => rows.filter(({ item, texts }) => texts.slice(0, depth).some((text) => text.includes(item.answer!))).length / rows.length;
      return { variant: system.name, kind, n: rows.length, passage1: share(1), passage3: share(3) };
    });
  });
}

/** The comparison as a table: one line per variant, passage@1 (passage@3) per kind. */
export function formatVariants(rows: VariantRow[]): string {
  const kinds = [...new Set(rows.map((row) => row.kind))];
  const variants = [...new Set(rows.map((row) => row.variant))];
  const header = ['variant', ...kinds.map((kind) => `${kind} (${rows.find((row) => row.kind === kind)!.n})`)];
  const body = variants.map((variant) => [variant, ...kinds.map((kind) => {
    const row = rows.find((r) => r.variant === variant && r.kind === kind)!;
    return `${row.passage1.toFixed(2)} (${row.passage3.toFixed(2)})`;
  })]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return ['passage@1 (passage@3) on answerable questions, by kind', line(header), ...body.map(line)].join('\n');
}

/** One answer's signals and whether it was right, for fitting the confidence model. */
export interface CalibrationSample {
  features: AnswerFeatures;
  right: boolean;
}

/**
 * The signals of every question's chosen answer, labelled right when the question is answerable and
 * the answer holds the gold string (an unanswerable question's answer is never right).
 */
export function calibrationSamples(engine: Engine, items: EvalItem[]): CalibrationSample[] {
  return items.flatMap((item) => {
    const result = askItem(engine, item);
    if (!result.signals) return [];
    // an abstained answer is judged by the sentence that would have been given
    const right = item.answer !== null && (result.candidate ?? '').includes(item.answer);
    return [{ features: result.signals, right }];
  });
}

/** Fits the logistic confidence model (L2-regularized gradient descent) to samples. */
export function fitConfidence(samples: CalibrationSample[], iterations = 20000, rate = 0.05, l2 = 0.01): typeof CONFIDENCE_MODEL {
  // answers without the kind of filler asked for are withheld by rule; the model is for the others
  const rows = samples.filter(({ features: f }) => f.typeHolds).map(({ features: f, right }) => ({ x: [1, f.coverage, f.focus, f.unknown], y: right ? 1 : 0 }));
  const w = [0, 0, 0, 0];
  for (let step = 0; step < iterations; step++) {
    const gradient = [0, 0, 0, 0];
    for (const { x, y } of rows) {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, value, i) => sum + value * w[i]!, 0)));
      x.forEach((value, i) => (gradient[i]! += (p - y) * value));
    }
    w.forEach((value, i) => (w[i] = value - rate * (gradient[i]! / rows.length + (i ? l2 * value : 0))));
  }
  const round = (value: number): number => Math.round(value * 100) / 100;
  return { intercept: round(w[0]!), coverage: round(w[1]!), focus: round(w[2]!), unknown: round(w[3]!) } as unknown as typeof CONFIDENCE_MODEL;
}

/** Reliability table: per confidence band, how many answers and the share right. */
export function formatReliability(samples: CalibrationSample[], model: typeof CONFIDENCE_MODEL): string {
  const bands = [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0001];
  const lines = ['confidence band   n   mean confidence   share right'];
  for (let i = 0; i + 1 < bands.length; i++) {
    const inBand = samples.map((s) => ({ c: confidenceOf(s.features, model), right: s.right })).filter(({ c }) => c >= bands[i]! && c < bands[i + 1]!);
    if (!inBand.length) continue;
    const mean = inBand.reduce((sum, { c }) => sum + c, 0) / inBand.length;
    const right = inBand.filter(({ right: r }) => r).length / inBand.length;
    lines.push(`${bands[i]!.toFixed(1)}-${Math.min(1, bands[i + 1]!).toFixed(1)}   ${String(inBand.length).padStart(9)}   ${mean.toFixed(2).padStart(15)}   ${right.toFixed(2).padStart(11)}`);
  }
  return lines.join('\n');
}
