import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Engine } from '../core/index.js';

/** One evaluation question, as in ../shared/eval/dev.jsonl. */
export const evalItemSchema = z.strictObject({
  id: z.string().min(1),
  q: z.string(),
  section: z.number().int().min(0).nullable(),
  answer: z.string().min(1).nullable(),
  kind: z.enum(['direct', 'numeric', 'paraphrase', 'traditional', 'english', 'unanswerable']),
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

/** Runs every question through the engine and scores it against its gold answer. */
export function runEval(engine: Engine, items: EvalItem[]): Outcome[] {
  return items.map((item) => {
    const result = engine.ask(item.q);
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

const KINDS = ['direct', 'numeric', 'paraphrase', 'traditional', 'english', 'unanswerable'] as const;
const CHINESE = new Set(['direct', 'numeric', 'paraphrase', 'traditional']);

/** Rows per kind, then Chinese answerable questions, then everything. */
export function summarize(outcomes: Outcome[]): Row[] {
  const rows = KINDS.filter((kind) => outcomes.some((o) => o.item.kind === kind)).map((kind) => row(kind, outcomes.filter((o) => o.item.kind === kind)));
  rows.push(row('chinese answerable', outcomes.filter((o) => CHINESE.has(o.item.kind))));
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
 * The best passage's coverage for every question, tried against thresholds from 0.20 to 0.70: the
 * evidence for the abstention threshold.
 */
export function sweep(engine: Engine, items: EvalItem[]): SweepRow[] {
  const coverages = items.map((item) => ({ answerable: item.answer !== null, coverage: engine.ask(item.q).coverage }));
  const rows: SweepRow[] = [];
  for (let threshold = 0.2; threshold <= 0.7001; threshold += 0.05) {
    rows.push({
      threshold,
      abstained: coverages.filter((c) => !c.answerable && c.coverage < threshold).length,
      unanswerable: coverages.filter((c) => !c.answerable).length,
      answered: coverages.filter((c) => c.answerable && c.coverage >= threshold).length,
      answerable: coverages.filter((c) => c.answerable).length,
    });
  }
  return rows;
}

/** The sweep as a table. */
export function formatSweep(rows: SweepRow[]): string {
  const lines = ['threshold  unanswerable abstaining  answerable answered'];
  for (const row of rows) {
    lines.push(`${row.threshold.toFixed(2).padStart(9)}  ${`${row.abstained}/${row.unanswerable}`.padStart(23)}  ${`${row.answered}/${row.answerable}`.padStart(19)}`);
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
