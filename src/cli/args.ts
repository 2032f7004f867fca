import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments the same way for every CLI: an unknown option prints the error and
 * the usage (exit code 2), `--help` prints the usage (exit code 0). Returns the parsed arguments,
 * or the exit code when the command is done.
 */
export function parseCommandLine<T extends Options>(name: string, usage: string, argv: string[], options: T, out: NodeJS.WritableStream, err: NodeJS.WritableStream) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', default: false } } as T & { help: { type: 'boolean'; default: false } } });
  } catch (error) {
    err.write(`${name}: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    out.write(`${usage}\n`);
    return 0;
  }
  return parsed;
}
