import { normalizeText } from '../language/normalize.js';
import { isHanToken } from '../language/tokenizer.js';

/**
 * Where matched tokens stand in a text, as merged [start, end) code-unit spans, for bolding.
 * Characters are compared in normalized form one by one, so 線 in the text is found for 线.
 * Single Han characters are left out: alone they match too much to explain anything.
 */
export function highlightSpans(text: string, tokens: Iterable<string>): Array<[number, number]> {
  const chars = [...text];
  // normalizing keeps one character for one almost always; only then is the whole text folded at once
  const whole = [...normalizeText(text, false)];
  const folded =
    whole.length === chars.length
      ? whole
      : chars.map((ch) => {
          const norm = normalizeText(ch, false);
          return [...norm].length === 1 ? norm : '\u0000';
        });
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of chars) {
    offsets.push(offset);
    offset += ch.length;
  }
  offsets.push(offset);
  const marked = new Array<boolean>(chars.length).fill(false);
  const haystack = folded.join('');
  // code-unit offsets in the haystack map to characters directly unless it holds astral characters
  const bmp = haystack.length === folded.length;
  for (const token of new Set(tokens)) {
    const length = [...token].length;
    if (length < 2 && isHanToken(token)) continue;
    for (let at = haystack.indexOf(token); at >= 0; at = haystack.indexOf(token, at + 1)) {
      const start = bmp ? at : [...haystack.slice(0, at)].length;
      for (let i = start; i < start + length; i++) marked[i] = true;
    }
  }
  const spans: Array<[number, number]> = [];
  marked.forEach((on, i) => {
    if (!on) return;
    const last = spans[spans.length - 1];
    if (last && last[1] === offsets[i]) last[1] = offsets[i + 1]!;
    else spans.push([offsets[i]!, offsets[i + 1]!]);
  });
  return spans;
}
