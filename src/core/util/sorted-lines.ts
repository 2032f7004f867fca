/**
 * A table of text lines sorted by their first field, looked up where it lies: the file is one
 * buffer, a lookup a binary search over its bytes. Opening reads nothing beyond the header, so a
 * dictionary of 90,000 lines is ready in the time it takes to read the file, and a process that
 * asks it ten words never parses the other 89,990 (a JSON parse of the same data and the maps made
 * from it took about 300 ms and 100 MB).
 *
 * Format: UTF-8, lines ending in `\n`. Header lines come first, each `#name<TAB>value`; then one
 * line per key, `key<TAB>rest` (or the key alone), sorted by the key's UTF-8 bytes, keys unique.
 */
export class SortedLines {
  private readonly headers = new Map<string, string>();
  /** Where the first keyed line starts. */
  private readonly start: number;

  /**
   * @param bytes - the file's content
   * @param name - the file, for errors
   * @throws Error when a line after the header is out of order (checked on a sample of lines:
   *   a table written by hand or cut short is caught where it is opened, not by a lookup that misses)
   */
  constructor(
    private readonly bytes: Buffer,
    name: string,
  ) {
    let at = 0;
    while (at < bytes.length && bytes[at] === 0x23) {
      const end = lineEnd(bytes, at);
      const [key, value = ''] = bytes.toString('utf8', at + 1, end).split('\t');
      this.headers.set(key!, value);
      at = end + 1;
    }
    this.start = at;
    // a sample of neighbouring pairs, spread through the file: cheap, and catches an unsorted file
    const step = Math.max(1, Math.floor((bytes.length - at) / 64));
    for (let probe = at + step; probe < bytes.length; probe += step) {
      const line = bytes.lastIndexOf(0x0a, probe - 1) + 1;
      const next = lineEnd(bytes, line) + 1;
      if (line < this.start || next >= bytes.length) continue;
      if (this.compareKeys(line, next) >= 0) throw new Error(`${name}: lines are not sorted by their first field near byte ${line}`);
    }
  }

  /** The value of header line `#name`, or undefined. */
  header(name: string): string | undefined {
    return this.headers.get(name);
  }

  /** The rest of the line whose first field is `key` (what follows its tab; '' for a key alone), or undefined. */
  get(key: string): string | undefined {
    const wanted = Buffer.from(key, 'utf8');
    const { bytes } = this;
    let lo = this.start;
    let hi = bytes.length;
    // lo and hi are line starts; the line sought, if any, starts in [lo, hi)
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = mid === lo ? lo : Math.max(lo, bytes.lastIndexOf(0x0a, mid - 1) + 1);
      const end = lineEnd(bytes, line);
      const tab = bytes.indexOf(0x09, line);
      const keyEnd = tab >= 0 && tab < end ? tab : end;
      const order = bytes.compare(wanted, 0, wanted.length, line, keyEnd);
      if (order === 0) return keyEnd === end ? '' : bytes.toString('utf8', keyEnd + 1, end);
      if (order < 0) lo = end + 1;
      else hi = line;
    }
    return undefined;
  }

  /** Compares the keys of the lines starting at a and b (by bytes). */
  private compareKeys(a: number, b: number): number {
    const { bytes } = this;
    return bytes.compare(bytes, b, keyEnd(bytes, b), a, keyEnd(bytes, a));
  }
}

function lineEnd(bytes: Buffer, at: number): number {
  const end = bytes.indexOf(0x0a, at);
  return end < 0 ? bytes.length : end;
}

function keyEnd(bytes: Buffer, at: number): number {
  const end = lineEnd(bytes, at);
  const tab = bytes.indexOf(0x09, at);
  return tab >= 0 && tab < end ? tab : end;
}
