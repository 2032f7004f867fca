import { tokenizeNormalized } from './tokenizer.js';

const SINGLE_HAN = /^\p{Script=Han}$/u;

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
  return view.tokens.has(token) || (SINGLE_HAN.test(token) && view.normalized.includes(token));
}

/** The distinct keys a text adds to document frequencies: its tokens and its Han characters. */
export function frequencyKeys(view: IndexedView): Set<string> {
  const keys = new Set(view.tokens);
  for (const ch of view.normalized) if (SINGLE_HAN.test(ch)) keys.add(ch);
  return keys;
}

/** The view of consecutive texts taken together, without copying their token sets. */
export function joinViews(views: readonly TextView[]): TextView {
  return {
    normalized: views.map((view) => view.normalized).join(''),
    tokens: { has: (token) => views.some((view) => view.tokens.has(token)) },
  };
}
