/**
 * The packed index: what the engine searches, in one byte buffer that is read without a parse.
 *
 * A start that parses a serialized index (JSON, then MiniSearch's `loadJS`) rebuilds every posting
 * list as objects: on 100,000 passages that took 10 s and over 2 GB. Here the posting lists, the
 * document frequencies, a hash table of the terms and each passage's text are typed
 * arrays laid end to end; opening the buffer makes views over it (no copy, no object per term or
 * passage). Terms and texts are decoded only when a question reads them. Each slot also carries a
 * few numbers of its owner's (the engine's passage table: report, section, paragraph, part).
 *
 * Layout (little-endian, each array starting on a 4-byte boundary):
 *
 *   header   u32 × (HEADER_WORDS + 2 × arrays): magic, format version, passages (slots), terms,
 *            fields, array count, then each array's byte offset and byte length
 *   key      u8   the cache key the index was built for (utf-8)
 *   terms    u8   every term's utf-8 bytes, end to end;  u32 offsets (terms + 1)
 *   df       u32  per term: in how many passages it occurs (see snapshot.ts for what counts)
 *   table    u32  open-addressing hash table of the terms (FNV-1a over UTF-16 units, linear probing;
 *                 a slot holds term id + 1, 0 when empty; its size a power of two ≥ 2 × terms)
 *   texts    u8   each passage's text (utf-8);  u32 offsets (passages + 1)
 *   lengths  u32  per passage, per field: how many distinct tokens it has (BM25's field length)
 *   records  u32  per passage, SLOT_WORDS numbers its owner gave
 *   per field: u32 offsets (terms + 1) into u32 postings (ascending passage slots)
 */

const MAGIC = 0x4b505152; // "RQPK"
/** Bumped whenever the layout changes. */
export const PACKED_FORMAT_VERSION = 1;
const HEADER_WORDS = 6;
/** How many numbers each slot's record holds. */
export const SLOT_WORDS = 4;
const FIXED_ARRAYS = 9;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over a term's UTF-16 code units: computed from the question's string without encoding it. */
function hashOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** What {@link packIndex} writes. */
export interface PackInput {
  /** The cache key the index is built for; {@link PackedIndex.open} refuses a buffer of another. */
  key: string;
  /** How many passage slots (ids 0 … slots − 1). */
  slots: number;
  /** Per field: term → the ascending slots whose field holds it. */
  postings: ReadonlyArray<ReadonlyMap<string, readonly number[]>>;
  /** Term → document frequency; every term of `postings` and any other counted term. */
  df: ReadonlyMap<string, number>;
  /** Per slot, per field: its distinct-token count. */
  fieldLengths: ReadonlyArray<readonly number[]>;
  /** Per slot: its text. */
  texts: readonly string[];
  /** Per slot: SLOT_WORDS numbers of the owner's, end to end. */
  records: Uint32Array;
}

/**
 * Lays the arrays of an index end to end in one buffer (see the module comment for the layout). The
 * layout is measured first and every array is written in place: on 100,000 passages no second copy
 * of the texts or the postings is made on the way.
 */
export function packIndex(input: PackInput): Uint8Array {
  const fields = input.postings.length;
  const slots = input.slots;
  const terms = [...input.df.keys()];
  for (const byTerm of input.postings) for (const term of byTerm.keys()) if (!input.df.has(term)) throw new Error(`packIndex: term "${term}" has postings but no document frequency`);
  if (input.records.length !== slots * SLOT_WORDS) throw new Error(`packIndex: ${input.records.length} record numbers for ${slots} slots`);
  const termCount = terms.length;
  let tableSize = 1;
  while (tableSize < 2 * termCount) tableSize *= 2;
  const key = encoder.encode(input.key);
  const byteLength = (texts: Iterable<string>): number => {
    let total = 0;
    for (const text of texts) total += Buffer.byteLength(text);
    return total;
  };
  const postingCounts = input.postings.map((byTerm) => {
    let total = 0;
    for (const list of byTerm.values()) total += list.length;
    return total;
  });
  // each array's byte length, in layout order
  const lengths = [
    key.length,
    byteLength(terms),
    4 * (termCount + 1),
    4 * termCount,
    4 * tableSize,
    byteLength(input.texts),
    4 * (slots + 1),
    4 * slots * fields,
    4 * slots * SLOT_WORDS,
    ...postingCounts.flatMap((count) => [4 * (termCount + 1), 4 * count]),
  ];
  const headerBytes = 4 * (HEADER_WORDS + 2 * lengths.length);
  let size = headerBytes;
  const offsets = lengths.map((length) => {
    const offset = size;
    size += length + ((4 - (length % 4)) % 4);
    return offset;
  });
  const out = new Uint8Array(size);
  const header = new Uint32Array(out.buffer, 0, headerBytes / 4);
  header.set([MAGIC, PACKED_FORMAT_VERSION, slots, termCount, fields, lengths.length]);
  lengths.forEach((length, i) => header.set([offsets[i]!, length], HEADER_WORDS + 2 * i));
  const u32 = (i: number): Uint32Array => new Uint32Array(out.buffer, offsets[i]!, lengths[i]! / 4);
  out.set(key, offsets[0]!);
  // strings end to end, each one's start in `starts`
  const writeStrings = (texts: readonly string[], at: number, starts: Uint32Array): void => {
    let written = 0;
    texts.forEach((text, i) => {
      written += encoder.encodeInto(text, out.subarray(at + written)).written;
      starts[i + 1] = written;
    });
  };
  writeStrings(terms, offsets[1]!, u32(2));
  const df = u32(3);
  const table = u32(4);
  terms.forEach((term, id) => {
    df[id] = input.df.get(term)!;
    let at = hashOf(term) & (tableSize - 1);
    while (table[at] !== 0) at = (at + 1) & (tableSize - 1);
    table[at] = id + 1;
  });
  writeStrings(input.texts, offsets[5]!, u32(6));
  const fieldLengths = u32(7);
  input.fieldLengths.forEach((perField, slot) => perField.forEach((length, field) => (fieldLengths[slot * fields + field] = length)));
  u32(8).set(input.records);
  input.postings.forEach((byTerm, field) => {
    const starts = u32(FIXED_ARRAYS + 2 * field);
    const postings = u32(FIXED_ARRAYS + 2 * field + 1);
    terms.forEach((term, id) => {
      const list = byTerm.get(term);
      if (list) postings.set(list, starts[id]!);
      starts[id + 1] = starts[id]! + (list?.length ?? 0);
    });
  });
  return out;
}

/** A packed index opened over its buffer: views, nothing decoded until asked. */
export class PackedIndex {
  /** How many passage slots. */
  readonly slots: number;
  /** How many terms. */
  readonly termCount: number;
  /** How many fields. */
  readonly fields: number;
  private readonly termBytes: Uint8Array;
  private readonly termOffsets: Uint32Array;
  private readonly df: Uint32Array;
  private readonly table: Uint32Array;
  private readonly textBytes: Uint8Array;
  private readonly textOffsets: Uint32Array;
  private readonly lengths: Uint32Array;
  private readonly records: Uint32Array;
  private readonly postingOffsets: Uint32Array[] = [];
  private readonly postingLists: Uint32Array[] = [];
  /** A term's bytes are compared in this scratch buffer (grown on need): a lookup allocates nothing. */
  private scratch = new Uint8Array(256);

  private constructor(bytes: Uint8Array, header: Uint32Array) {
    this.slots = header[2]!;
    this.termCount = header[3]!;
    this.fields = header[4]!;
    const u8 = (i: number): Uint8Array => bytes.subarray(header[HEADER_WORDS + 2 * i]!, header[HEADER_WORDS + 2 * i]! + header[HEADER_WORDS + 2 * i + 1]!);
    const u32 = (i: number): Uint32Array => new Uint32Array(bytes.buffer, bytes.byteOffset + header[HEADER_WORDS + 2 * i]!, header[HEADER_WORDS + 2 * i + 1]! / 4);
    this.termBytes = u8(1);
    this.termOffsets = u32(2);
    this.df = u32(3);
    this.table = u32(4);
    this.textBytes = u8(5);
    this.textOffsets = u32(6);
    this.lengths = u32(7);
    this.records = u32(8);
    for (let field = 0; field < this.fields; field++) {
      this.postingOffsets.push(u32(FIXED_ARRAYS + 2 * field));
      this.postingLists.push(u32(FIXED_ARRAYS + 2 * field + 1));
    }
  }

  /**
   * Opens a packed buffer, or returns undefined when it is not one of this format, was built for
   * another key, or its arrays do not fit it (a truncated file). Its content is trusted: the cache
   * verifies the file's checksum before (see index-cache.ts).
   */
  static open(bytes: Uint8Array, key: string): PackedIndex | undefined {
    if (bytes.length < 4 * HEADER_WORDS) return undefined;
    // typed-array views need 4-byte alignment; a buffer that lacks it is copied once
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const head = new Uint32Array(aligned.buffer, aligned.byteOffset, HEADER_WORDS);
    if (head[0] !== MAGIC || head[1] !== PACKED_FORMAT_VERSION) return undefined;
    const arrays = head[5]!;
    const fields = head[4]!;
    if (arrays !== FIXED_ARRAYS + 2 * fields || aligned.length < 4 * (HEADER_WORDS + 2 * arrays)) return undefined;
    const header = new Uint32Array(aligned.buffer, aligned.byteOffset, HEADER_WORDS + 2 * arrays);
    for (let i = 0; i < arrays; i++) {
      const offset = header[HEADER_WORDS + 2 * i]!;
      if (offset % 4 !== 0 || offset + header[HEADER_WORDS + 2 * i + 1]! > aligned.length) return undefined;
    }
    const keyStart = header[HEADER_WORDS]!;
    if (decoder.decode(aligned.subarray(keyStart, keyStart + header[HEADER_WORDS + 1]!)) !== key) return undefined;
    const index = new PackedIndex(aligned, header);
    const terms = index.termCount;
    const sizesFit =
      index.termOffsets.length === terms + 1 &&
      index.df.length === terms &&
      index.textOffsets.length === index.slots + 1 &&
      index.lengths.length === index.slots * fields &&
      index.records.length === index.slots * SLOT_WORDS &&
      index.postingOffsets.every((offsets, field) => offsets.length === terms + 1 && offsets[terms] === index.postingLists[field]!.length);
    return sizesFit ? index : undefined;
  }

  /** The id of a term, or -1 when the index does not hold it. */
  termId(term: string): number {
    if (this.termCount === 0) return -1;
    if (this.scratch.length < term.length * 3) this.scratch = new Uint8Array(term.length * 3);
    const { written } = encoder.encodeInto(term, this.scratch);
    const mask = this.table.length - 1;
    for (let at = hashOf(term) & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      const start = this.termOffsets[id]!;
      if (this.termOffsets[id + 1]! - start !== written) continue;
      let same = true;
      for (let i = 0; i < written; i++) {
        if (this.termBytes[start + i] !== this.scratch[i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** The term of an id. */
  term(id: number): string {
    return decoder.decode(this.termBytes.subarray(this.termOffsets[id]!, this.termOffsets[id + 1]!));
  }

  /** The byte length of a term's utf-8 (a single Han character is 3 or 4). */
  termByteLength(id: number): number {
    return this.termOffsets[id + 1]! - this.termOffsets[id]!;
  }

  /** In how many passages the term of an id occurs. */
  frequency(id: number): number {
    return this.df[id]!;
  }

  /** The ascending slots whose field holds the term of an id (a view into the buffer). */
  postings(id: number, field: number): Uint32Array {
    const offsets = this.postingOffsets[field]!;
    return this.postingLists[field]!.subarray(offsets[id]!, offsets[id + 1]!);
  }

  /** A slot's distinct-token count in a field. */
  fieldLength(slot: number, field: number): number {
    return this.lengths[slot * this.fields + field]!;
  }

  /** A slot's record: SLOT_WORDS numbers (a view into the buffer). */
  record(slot: number): Uint32Array {
    return this.records.subarray(slot * SLOT_WORDS, (slot + 1) * SLOT_WORDS);
  }

  /** A slot's text. */
  text(slot: number): string {
    return decoder.decode(this.textBytes.subarray(this.textOffsets[slot]!, this.textOffsets[slot + 1]!));
  }
}
