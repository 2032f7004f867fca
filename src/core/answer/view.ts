import { isHanCharacter, tokenizeNormalized } from '../language/tokenizer.js';


/** A text as the matcher sees it: its normalized form and its document tokens. */
export interface TextView {
  normalized: string;
  tokens: Pick<ReadonlySet<string>, 'has'>;
}

/** A view whose tokens are a set of its own (not a join of other views). */
export interface IndexedView extends TextView {
  tokens: ReadonlySet<string>;
}

/** The view of an already normalized text. */
export function viewOf(normalized: string): IndexedView {
  return { normalized, tokens: new Set(tokenizeNormalized(normalized, 'document')) };
}

/**
 * Whether a query token occurs in a text: as one of its tokens, or, for a single Han character
 * (indexed only where it stands alone), anywhere in it.
 */
export function contains(view: TextView, token: string): boolean {
  if (view.tokens.has(token)) return true;
  // one code point (one or two code units) before the Unicode property test
  const single = token.length === 1 || (token.length === 2 && token.codePointAt(0)! > 0xffff);
  return single && isHanCharacter(token) && view.normalized.includes(token);
}

const MAX_CODE_POINT = 0x10ffff;

/**
 * Counts how many texts hold each Han character: a single-character query word is matched anywhere
 * in a text (see {@link contains}), so its document frequency is that count. Characters are counted
 * by code point in typed arrays: a large corpus has tens of millions of them.
 */
export class CharacterFrequencies {
  private readonly counts = new Uint32Array(MAX_CODE_POINT + 1);
  private readonly lastText = new Int32Array(MAX_CODE_POINT + 1).fill(-1);
  /** Per code point: 0 not yet seen, 1 Han, 2 not Han (the Unicode property test runs once per character). */
  private readonly han = new Uint8Array(MAX_CODE_POINT + 1);
  private text = 0;

  /** Starts the next text: what is added until the next call counts once. */
  nextText(): void {
    this.text += 1;
  }

  /** Counts the Han characters of a normalized string (the text's own, or its section's headline). */
  add(normalized: string): void {
    for (const ch of normalized) {
      const code = ch.codePointAt(0)!;
      if (this.han[code] === 0) this.han[code] = isHanCharacter(ch) ? 1 : 2;
      if (this.han[code] !== 1 || this.lastText[code] === this.text) continue;
      this.lastText[code] = this.text;
      this.counts[code] = this.counts[code]! + 1;
    }
  }

  /** Sets each counted character's number of texts in `frequencies`. */
  copyTo(frequencies: Map<string, number>): void {
    this.counts.forEach((count, code) => {
      if (count > 0) frequencies.set(String.fromCodePoint(code), count);
    });
  }
}

/** The view of consecutive texts taken together: their tokens are the union of theirs. */
export function joinViews(views: readonly IndexedView[]): IndexedView {
  const tokens = new Set<string>();
  for (const view of views) for (const token of view.tokens) tokens.add(token);
  return { normalized: views.map((view) => view.normalized).join(''), tokens };
}
