/**
 * Fetching a report's page: with a timeout, a size limit, a redirect limit and a content-type
 * check, each failing with a clear error (the importer prints it as is).
 */

export const FETCH_TIMEOUT_MS = 20_000;
export const FETCH_MAX_BYTES = 20 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 5;

/** Content types the importer reads, and the kind each is read as. */
const KINDS: Array<[RegExp, 'html' | 'docx' | 'pdf' | 'text']> = [
  [/^text\/html|^application\/xhtml\+xml/i, 'html'],
  [/^application\/pdf/i, 'pdf'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/i, 'docx'],
  [/^text\/plain/i, 'text'],
];

/** A fetched document. */
export interface Fetched {
  url: string;
  kind: 'html' | 'docx' | 'pdf' | 'text';
  data: Uint8Array;
}

export class FetchError extends Error {
  override name = 'FetchError';
}

/** Fetches `url` (http or https), following at most FETCH_MAX_REDIRECTS redirects. */
export async function fetchDocument(url: string, options: { timeoutMs?: number; maxBytes?: number; maxRedirects?: number } = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? FETCH_MAX_REDIRECTS;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    if (!/^https?:\/\//i.test(current)) throw new FetchError(`only http(s) addresses can be imported, not ${current}`);
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'report-bot-importer/1' } });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
      throw new FetchError(`could not fetch ${current}: ${reason}`);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      if (redirects >= maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects from ${url}`);
      current = new URL(response.headers.get('location')!, current).toString();
      continue;
    }
    if (!response.ok) throw new FetchError(`${current} answered ${response.status} ${response.statusText}`);
    const type = response.headers.get('content-type') ?? '';
    const kind = KINDS.find(([pattern]) => pattern.test(type))?.[1];
    if (!kind) throw new FetchError(`${current} is ${type || 'of no stated type'}: only web pages, PDF, Word (.docx) and plain text can be imported`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw new FetchError(`${current} is ${declared} bytes: more than the ${maxBytes} an import reads`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new FetchError(`${current} is more than the ${maxBytes} bytes an import reads`);
      chunks.push(chunk);
    }
    return { url: current, kind, data: new Uint8Array(Buffer.concat(chunks)) };
  }
}
