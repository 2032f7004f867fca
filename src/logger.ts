import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * A structured logger: one JSON object a line. Terminal mode sends it to stderr so that the
 * answers on stdout stay readable.
 */
export function createLogger(level: string, destination: DestinationStream | NodeJS.WritableStream = process.stdout): Logger {
  return pino({ level, base: undefined }, destination as DestinationStream);
}
