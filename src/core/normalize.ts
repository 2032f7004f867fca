import * as OpenCC from 'opencc-js/t2cn';
import { arabicizeCounts } from './numerals.js';

// Taiwan-standard input to mainland simplified covers both 繁體 and 正體 spellings users type.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Folds a text to the form that documents and queries are compared in: NFKC (full-width letters,
 * digits and punctuation to half-width), lower case, traditional to simplified characters.
 * Counted Chinese numerals become digits unless `counts` is false.
 */
export function normalizeText(text: string, counts = true): string {
  const folded = toSimplified(text.normalize('NFKC').toLowerCase());
  return counts ? arabicizeCounts(folded) : folded;
}
