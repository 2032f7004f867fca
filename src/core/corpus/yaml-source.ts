import type * as Yaml from 'yaml';
import type * as z from 'zod';
import { CorpusError, CorpusErrors } from '../errors.js';
import { lazyModule } from '../util/lazy-module.js';

const yaml = lazyModule<typeof Yaml>('yaml');

/** YAML data together with a way to find the file line of any value in it. */
export interface YamlSource {
  data: unknown;
  /** 1-based file line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses YAML that starts at line `firstLine` of `file`. Syntax errors, and duplicate keys, become
 * a {@link CorpusError} at the offending line.
 */
export function parseYaml(text: string, file: string, firstLine: number, what: string): YamlSource {
  const { isNode, LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  const [error] = doc.errors;
  if (error) {
    const line = toFileLine(error.pos[0]);
    throw new CorpusError({ file, line, field: what }, error.message.split('\n')[0] ?? 'invalid YAML');
  }
  return {
    data: doc.toJS(),
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return toFileLine(node.range[0]);
      }
      return firstLine;
    },
  };
}

/**
 * Validates YAML data with a zod schema. Every issue becomes a {@link CorpusError} naming the
 * field's path and its line (each unknown key its own), so that one run shows every problem: one
 * is thrown as it is, several together as {@link CorpusErrors}.
 */
export function validateYaml<T>(
  source: YamlSource,
  schema: z.ZodType<T>,
  file: string,
  describe: (path: readonly PropertyKey[]) => string,
): T {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  // one problem per field: its first issue (a malformed date is not also "not a real calendar date")
  const seen = new Set<string>();
  const issues = result.error.issues.filter((issue) => {
    const key = issue.code === 'unrecognized_keys' ? `?${issue.keys.join()}` : issue.path.join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const errors = issues.flatMap((issue) => {
    // an unknown key is reported at the key itself
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    return paths.map((keys) => new CorpusError({ file, line: source.lineOf(keys), field: describe(keys) }, issue.code === 'unrecognized_keys' ? `unknown field "${String(keys[keys.length - 1])}"` : issue.message));
  });
  errors.sort((a, b) => a.line - b.line);
  throw errors.length === 1 ? errors[0]! : new CorpusErrors(errors);
}
