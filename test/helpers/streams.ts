import { PassThrough, Readable } from 'node:stream';

/** A writable stream that keeps what was written. */
export function sink(): PassThrough & { text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** A readable stream of the given text, as stdin. */
export function source(text: string): Readable {
  return Readable.from([Buffer.from(text)]);
}
