/**
 * Expected failures: bad input that the user (or the corpus author) can fix.
 * Everything else is a bug and is logged, not shown.
 */
export class ReportQaError extends Error {
  override name = 'ReportQaError';
}

/** Where in a corpus file a problem sits. `line` is 1-based; 0 means the file as a whole. */
export interface CorpusLocation {
  file: string;
  line: number;
  field: string;
}

/**
 * A corpus or lexicon file that cannot be loaded. The message names the file, the line and the
 * field, e.g. `corpus: corpus/a.md:4: front matter "date": expected YYYY-MM-DD, got "2021/4/15"`.
 */
export class CorpusError extends ReportQaError {
  override name = 'CorpusError';
  readonly file: string;
  readonly line: number;
  readonly field: string;

  constructor(where: CorpusLocation, detail: string) {
    const line = where.line > 0 ? `:${where.line}` : '';
    super(`corpus: ${where.file}${line}: ${where.field}: ${detail}`);
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** A question that cannot be asked (empty, blank, too long). */
export class QueryError extends ReportQaError {
  override name = 'QueryError';
}

/**
 * Every problem found in a corpus in one load, each a {@link CorpusError}: a file with three errors
 * is reported with all three, so it is fixed in one go. The message has one line per problem.
 */
export class CorpusErrors extends ReportQaError {
  override name = 'CorpusErrors';

  constructor(readonly errors: readonly CorpusError[]) {
    super(errors.length === 1 ? errors[0]!.message : `${errors.length} problems in the corpus:\n${errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
}
