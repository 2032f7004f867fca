import { CorpusError } from '../errors.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file as UTF-8, dropping a byte-order mark. Invalid bytes are an error that names the
 * first line holding them, never text silently replaced with U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strict.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          strict.decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    throw new CorpusError({ file, line, field: 'encoding' }, 'the file is not valid UTF-8');
  }
}
