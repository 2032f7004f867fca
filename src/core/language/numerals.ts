/**
 * Chinese numerals before a measure word become Arabic digits (四届 -> 4届, 三倍 -> 3倍), so that
 * a question and the report match whichever way either writes the number. Numerals that are part of
 * a name (两环三射, 一码通, 三区三带) are left alone: only a numeral directly followed by a measure
 * word, optionally through 余/多, is a count.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Measure words and counted nouns that mark a preceding numeral as a quantity. */
export const MEASURE_WORDS =
  '个倍届条所家项次年月日天名人位座对宗批件期类种只台辆亩公里米吨元户张份篇场轮处栋套部门支艘架层号';

const NUMERAL_RUN = new RegExp(
  `[零〇一二两三四五六七八九十百千]+(?=[余多]?[${MEASURE_WORDS}])`,
  'gu',
);

/** Value of a run such as 十四, 二十, 一百零五, 三; null when it is not a well-formed number. */
export function parseChineseNumber(run: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of run) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 三四: a range, not a number
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined) return null;
    total += (digit ?? 1) * unit;
    digit = null;
  }
  return total + (digit ?? 0);
}

/** A Latin letter or a digit (not a Han character, which \p{L} also holds), as a pattern fragment: the tokenizer's word character. */
export const LATIN_OR_DIGIT_CHAR = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{N}])`;
const LATIN_OR_DIGIT = new RegExp(LATIN_OR_DIGIT_CHAR, 'u');

/**
 * Rewrites counted Chinese numerals to digits; text that is not a count is returned unchanged. A
 * count right after a Latin letter or a digit (API两种, S3两条) is set apart by a space, so that it
 * does not join the word before it (api2, s32) as one token.
 */
export function arabicizeCounts(text: string): string {
  return text.replace(NUMERAL_RUN, (run, at: number) => {
    const value = parseChineseNumber(run);
    if (value === null) return run;
    return at > 0 && LATIN_OR_DIGIT.test(text[at - 1]!) ? ` ${value}` : String(value);
  });
}
