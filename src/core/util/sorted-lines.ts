import { fstatSync, openSync, readSync } from 'node:fs';

/**
 * A table of text lines sorted by their first field, looked up where it lies: a lookup is a binary
 * search over the table's bytes. A table in a file is read a page at a time, only the pages a
 * lookup touches (kept once read), so opening a dictionary of 90,000 lines reads its header and a
 * sample, and a process that asks it ten words reads a few dozen pages of it (a JSON parse of the
 * same data and the maps made from it took about 300 ms and 100 MB; reading the whole file, 10 ms).
 *
 * Format: UTF-8, lines ending in `\n`. Header lines come first, each `#name<TAB>value`; then one
 * line per key, `key<TAB>rest` (or the key alone), sorted by the key's UTF-8 bytes, keys unique.
 */
export class SortedLines {
  private readonly headers = new Map<string, string>();
  /** Where the first keyed line starts. */
  private readonly start: number;

  /**
   * @param source - the table's content: a buffer, or the bytes of a file (see SortedLines.open)
   * @param name - the table, for errors
   * @throws Error when a line after the header is out of order (checked on a sample of lines:
   *   a table written by hand or cut short is caught where it is opened, not by a lookup that misses)
   */
  constructor(
    source: Buffer | PagedBytes,
    name: string,
  ) {
    const bytes = source instanceof PagedBytes ? source : PagedBytes.of(source);
    this.bytes = bytes;
    let at = 0;
    while (at < bytes.length && bytes.at(at) === 0x23) {
      const end = bytes.lineEnd(at);
      const [key, value = ''] = bytes.text(at + 1, end).split('\t');
      this.headers.set(key!, value);
      at = end + 1;
    }
    this.start = at;
    // a sample of neighbouring pairs, spread through the file: cheap, and catches an unsorted file
    const step = Math.max(1, Math.floor((bytes.length - at) / 64));
    for (let probe = at + step; probe < bytes.length; probe += step) {
      const line = bytes.lineStart(probe);
      const next = bytes.lineEnd(line) + 1;
      if (line < this.start || next >= bytes.length) continue;
      if (bytes.compare(bytes.key(next), line) <= 0) throw new Error(`${name}: lines are not sorted by their first field near byte ${line}`);
    }
  }

  private readonly bytes: PagedBytes;

  /**
   * Opens a table in a file, reading only its header and a sample of its lines now.
   *
   * @param path - the file
   * @param name - the table, for errors (e.g. data/cedict-words.tsv)
   */
  static open(path: string, name: string): SortedLines {
    return new SortedLines(PagedBytes.file(path), name);
  }

  /** The value of header line `#name`, or undefined. */
  header(name: string): string | undefined {
    return this.headers.get(name);
  }

  /** The rest of the line whose first field is `key` (what follows its tab; '' for a key alone), or undefined. */
  get(key: string): string | undefined {
    const wanted = Buffer.from(key, 'utf8');
    const { bytes } = this;
    // first the page: the last whose first line's key is at most the one sought (those keys are
    // kept once read, so the search's upper levels compare buffers already in memory) ...
    let low = 0;
    let high = bytes.pages - 1;
    if (Buffer.compare(wanted, this.anchor(0).key) < 0) return undefined;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (Buffer.compare(wanted, this.anchor(middle).key) < 0) high = middle - 1;
      else low = middle;
    }
    // ... then the line, by bytes, among the lines that start before the next page's first line
    let lo = this.anchor(low).line;
    let hi = low + 1 < bytes.pages ? this.anchor(low + 1).line : bytes.length;
    // lo and hi are line starts; the line sought, if any, starts in [lo, hi)
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = mid === lo ? lo : Math.max(lo, bytes.lineStart(mid));
      const end = bytes.lineEnd(line);
      const order = bytes.compare(wanted, line);
      if (order === 0) {
        const keyEnd = line + wanted.length;
        return keyEnd === end ? '' : bytes.text(keyEnd + 1, end);
      }
      if (order < 0) hi = line;
      else lo = end + 1;
    }
    return undefined;
  }

  private readonly anchors = new Map<number, { line: number; key: Buffer }>();

  /**
   * The first line that starts in page `page` or after it (and after the header), with its key.
   * Non-decreasing with the page; a line longer than a page makes two pages share one.
   */
  private anchor(page: number): { line: number; key: Buffer } {
    let anchor = this.anchors.get(page);
    if (!anchor) {
      const at = page * this.bytes.pageSize;
      const line = at <= this.start ? this.start : Math.min(this.bytes.length, this.bytes.lineEnd(at - 1) + 1);
      anchor = { line, key: line < this.bytes.length ? Buffer.from(this.bytes.key(line)) : END_KEY };
      this.anchors.set(page, anchor);
    }
    return anchor;
  }
}

/** Sorts after every key: the anchor of pages past the last line. */
const END_KEY = Buffer.from([0xff, 0xff, 0xff, 0xff]);

/** A buffer's bytes are searched in pages of this size too (see SortedLines.get); nothing is copied. */
const MEMORY_PAGE = 4096;

/** Bytes read a page at a time, on first need. */
export class PagedBytes {
  private readonly loaded = new Map<number, Buffer>();

  private constructor(
    readonly length: number,
    readonly pageSize: number,
    private readonly load: (page: number) => Buffer,
  ) {}

  /** Bytes already in memory. */
  static of(buffer: Buffer): PagedBytes {
    return new PagedBytes(buffer.length, MEMORY_PAGE, (page) => buffer.subarray(page * MEMORY_PAGE, (page + 1) * MEMORY_PAGE));
  }

  /**
   * A file's bytes, read on need in pages of 4 KiB; each page is read once (at most the file's size
   * is ever held). The file stays open for the life of the process: a file replaced while running
   * (an upgrade's atomic rename) is still read whole from the version that was opened, never half
   * from each.
   */
  static file(path: string, pageSize = 4096): PagedBytes {
    const fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    return new PagedBytes(size, pageSize, (page) => {
      const at = page * pageSize;
      const buffer = Buffer.allocUnsafe(Math.min(pageSize, size - at));
      let read = 0;
      while (read < buffer.length) {
        const got = readSync(fd, buffer, read, buffer.length - read, at + read);
        if (got === 0) throw new Error(`${path} became shorter while it was open`);
        read += got;
      }
      return buffer;
    });
  }

  /** How many pages the bytes span. */
  get pages(): number {
    return Math.max(1, Math.ceil(this.length / this.pageSize));
  }

  /** How many pages have been read so far. */
  get pagesRead(): number {
    return this.loaded.size;
  }

  private page(index: number): Buffer {
    let page = this.loaded.get(index);
    if (!page) {
      page = this.load(index);
      this.loaded.set(index, page);
    }
    return page;
  }

  /** The byte at `at`. */
  at(at: number): number {
    return this.page(Math.floor(at / this.pageSize))[at % this.pageSize]!;
  }

  /** Where the line holding byte `at` starts (just after the newline before it, or 0). */
  lineStart(at: number): number {
    for (let index = Math.floor((at - 1) / this.pageSize); index >= 0 && at > 0; index--) {
      const page = this.page(index);
      const found = page.lastIndexOf(0x0a, Math.min(at - 1 - index * this.pageSize, page.length - 1));
      if (found >= 0) return index * this.pageSize + found + 1;
    }
    return 0;
  }

  /** Where the line starting at or holding `at` ends (its newline, or the length). */
  lineEnd(at: number): number {
    return this.indexOf(0x0a, at) ?? this.length;
  }

  private indexOf(byte: number, from: number): number | undefined {
    for (let index = Math.floor(from / this.pageSize); index * this.pageSize < this.length; index++) {
      const found = this.page(index).indexOf(byte, Math.max(0, from - index * this.pageSize));
      if (found >= 0) return index * this.pageSize + found;
    }
    return undefined;
  }

  /** The key of the line starting at `line` (up to its tab or its end). */
  key(line: number): Buffer {
    const end = this.lineEnd(line);
    const tab = this.indexOf(0x09, line);
    return this.slice(line, tab !== undefined && tab < end ? tab : end);
  }

  /** Compares `wanted` with the key of the line starting at `line`, by bytes. */
  compare(wanted: Buffer, line: number): number {
    return Buffer.compare(wanted, this.key(line));
  }

  /** Bytes from..to as UTF-8 text. */
  text(from: number, to: number): string {
    return this.slice(from, to).toString('utf8');
  }

  private slice(from: number, to: number): Buffer {
    const first = Math.floor(from / this.pageSize);
    const last = Math.floor(Math.max(from, to - 1) / this.pageSize);
    if (first === last) return this.page(first).subarray(from - first * this.pageSize, to - first * this.pageSize);
    const parts: Buffer[] = [];
    for (let index = first; index <= last; index++) {
      const base = index * this.pageSize;
      parts.push(this.page(index).subarray(Math.max(0, from - base), Math.min(this.pageSize, to - base)));
    }
    return Buffer.concat(parts);
  }
}
