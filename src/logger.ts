import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Interaction and webhook tokens stand in REST paths (`/interactions/<id>/<token>/callback`,
 * `/webhooks/<app>/<token>/...`): each is a 15-minute credential, never to be logged.
 */
const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s]+/g;

/** A URL or text with the interaction and webhook tokens of its REST paths replaced. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, '$1[redacted]');
}

/**
 * Errors as logged: type, message, code, status and stack, with the request's URL redacted and its
 * body dropped (discord.js puts the interaction token in `url` and the user's question in
 * `requestBody`: neither belongs in a log line at info level).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    // a thrown object or an error-like record: its message and code, never "[object Object]"
    if (error && typeof error === 'object') {
      const { message, code, name } = error as { message?: unknown; code?: unknown; name?: unknown };
      const out: Record<string, unknown> = { message: typeof message === 'string' ? redactTokens(message) : safeJson(error) };
      if (code !== undefined) out.code = code;
      if (typeof name === 'string') out.type = name;
      return out;
    }
    return { message: String(error) };
  }
  const out: Record<string, unknown> = { ...stdSerializers.err(error) };
  delete out.requestBody;
  delete out.rawError;
  for (const key of ['url', 'message', 'stack'] as const) if (typeof out[key] === 'string') out[key] = redactTokens(out[key] as string);
  return out;
}

/** A short JSON rendering of a thrown value that is no Error, for its log line. */
function safeJson(value: object): string {
  try {
    return JSON.stringify(value).slice(0, 500);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * A structured logger: one JSON object a line. Terminal mode sends it to stderr so that the
 * answers on stdout stay readable. Errors go through {@link serializeError}; any `token` field is
 * redacted.
 */
export function createLogger(level: string, destination: DestinationStream | NodeJS.WritableStream = process.stdout): Logger {
  return pino(
    {
      level,
      base: undefined,
      serializers: { err: serializeError, sendError: serializeError },
      redact: { paths: ['token', '*.token', 'headers.authorization'], censor: '[redacted]' },
    },
    destination as DestinationStream,
  );
}
