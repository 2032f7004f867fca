import { isHanCharacter, STOP_WORDS } from './tokenizer.js';
import { pinyinReadings } from './general-data.js';

/**
 * Pinyin typos: a character typed through a pinyin input method is often another character of the
 * same sound (一马通 for 一码通, 项木 for 项目) or of a syllable one key away (川穹 for 川芎, 三星推 for
 * 三星堆). A question's character is taken for such a typo when none of its neighbours forms a word
 * pair (bigram) that the corpus has, and a character of the corpus that sounds the same (or one
 * letter apart) would make at least one of them a corpus bigram.
 */

/** One character of a question read as another. */
export interface Correction {
  /** Index (in code points) of the character in its run. */
  index: number;
  from: string;
  to: string;
  /** True when the two share a syllable; false when the syllables are one letter apart. */
  exact: boolean;
}

/** What the corrector needs to know of a corpus: its Han characters and which bigrams it holds. */
export interface CorpusLetters {
  /** Every Han character of the corpus. */
  characters(): Iterable<string>;
  /** How many passages hold the bigram (0 when none). */
  bigramFrequency(bigram: string): number;
  /**
   * Whether some passage holds the text (three characters or more). Without it (the engine leaves it
   * out on a corpus too large to read through for each check), a bigram with a character of a
   * neighbouring stretch is evidence enough (see TypoCorrector.correct).
   */
  occurs?(text: string): boolean;
}

/** The most characters of a neighbouring stretch that a reading must join as the corpus writes it. */
const STRETCH = 3;

/** Toneless syllables of a character, kept: the same characters come back question after question. */
const readingCache = new Map<string, string[]>();

function readings(ch: string): string[] {
  let found = readingCache.get(ch);
  if (!found) {
    // pinyin-pro's readings, as scripts/derive-pinyin.ts wrote them to data/
    found = pinyinReadings().get(ch)?.split(' ') ?? [];
    // bounded by the characters of the corpus and of the questions asked (a few thousand)
    if (readingCache.size < 50_000) readingCache.set(ch, found);
  }
  return found;
}

/** True when two syllables are one edit apart (a letter changed, added or removed). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Finds pinyin typos in runs of Han characters against one corpus (build once per corpus). */
export class TypoCorrector {
  /** Syllable -> the corpus characters read that way. */
  private readonly bySyllable = new Map<string, string[]>();
  /** Syllable -> the corpus syllables one letter apart. */
  private readonly near = new Map<string, string[]>();

  constructor(private readonly corpus: CorpusLetters) {
    for (const ch of corpus.characters()) {
      if (!isHanCharacter(ch)) continue;
      for (const syllable of readings(ch)) {
        const list = this.bySyllable.get(syllable) ?? [];
        list.push(ch);
        this.bySyllable.set(syllable, list);
      }
    }
  }

  /**
   * The stretch that the neighbour `chars[at]` makes with the characters beyond it (going `step`
   * away from the character being read) through corpus bigrams, at most STRETCH characters, in
   * text order; undefined when it makes none, or when the corpus cannot be asked what occurs in it.
   */
  private joinedStretch(chars: readonly string[], at: number, step: 1 | -1, skip: (index: number) => boolean): string | undefined {
    if (!this.corpus.occurs) return undefined;
    let end = at;
    while (Math.abs(end - at) + 1 < STRETCH) {
      const next = end + step;
      if (next < 0 || next >= chars.length || skip(next)) break;
      const bigram = step === 1 ? chars[end]! + chars[next]! : chars[next]! + chars[end]!;
      if (this.corpus.bigramFrequency(bigram) === 0) break;
      end = next;
    }
    if (end === at) return undefined;
    return step === 1 ? chars.slice(at, end + 1).join('') : chars.slice(end, at + 1).join('');
  }

  private occurs(text: string): boolean {
    return this.corpus.occurs?.(text) ?? true;
  }

  private nearSyllables(syllable: string): string[] {
    let list = this.near.get(syllable);
    if (!list) {
      list = [...this.bySyllable.keys()].filter((other) => oneEditApart(syllable, other));
      this.near.set(syllable, list);
    }
    return list;
  }

  /**
   * Typos in a run of Han characters (normalized), at most one correction per character.
   * @param skip - characters that are read as typed and are no neighbours either (the question's
   *   stop words: 多少 in 转话多少项 says nothing of 话)
   * @param wordOf - which word (of the question's segmentation) each character belongs to: a
   *   character of a word of two or more characters is corrected only into a bigram of that word
   *   (写完 is not 协完 because 规划协同 is in the report), and only by a same-syllable reading:
   *   segmentation makes a word of two or more characters of what its dictionary knows (新疆), and
   *   what it knows was typed on purpose more often than not, while a typo stays a single character
   *   (转|话, 项|木, 大|乔), so a syllable one letter off is no reason to read 新疆 as 新建; and
   *   such a reading must make a corpus bigram on both sides of the character (一马溯源 -> 一码溯源),
   *   not on one (…担任什么官职 is not 官至, which the corpus has)
   */
  correct(run: string, skip: (index: number) => boolean = () => false, wordOf?: readonly number[]): Correction[] {
    const chars = [...run];
    const corrections: Correction[] = [];
    const has = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && this.corpus.bigramFrequency(a + b) > 0;
    for (let i = 0; i < chars.length; i++) {
      if (skip(i)) continue;
      const ch = chars[i]!;
      const left = i > 0 && !skip(i - 1) ? chars[i - 1] : undefined;
      const right = i + 1 < chars.length && !skip(i + 1) ? chars[i + 1] : undefined;
      // a character that already forms a corpus bigram with a neighbour is read as typed
      if (left === undefined && right === undefined) continue;
      if (has(left, ch) || has(ch, right)) continue;
      let best: { to: string; fixes: number; exact: boolean; frequency: number } | undefined;
      const word = wordOf?.[i];
      // a neighbour the segmentation left alone (写|完) is likely of the same word: it must fit too
      const loose = (at: number): boolean => wordOf !== undefined && wordOf[at] !== undefined && wordOf[at - 1] !== wordOf[at] && wordOf[at + 1] !== wordOf[at];
      const looseLeft = left !== undefined && loose(i - 1);
      const looseRight = right !== undefined && loose(i + 1);
      const inWord = word !== undefined && (wordOf![i - 1] === word || wordOf![i + 1] === word);
      // a neighbour already joined to the character beyond it by a corpus bigram (动 of 动车 in 坐动车)
      // is taken: a bigram with it (活动) says nothing unless the reading joins that whole stretch as
      // the corpus writes it (三星推: 三星 + 堆 = 三星堆)
      const leftStretch = left !== undefined ? this.joinedStretch(chars, i - 1, -1, skip) : undefined;
      const rightStretch = right !== undefined ? this.joinedStretch(chars, i + 1, 1, skip) : undefined;
      const consider = (to: string, exact: boolean): void => {
        // a stop word is never what was meant: the question would lose a word
        if (to === ch || STOP_WORDS.has(to)) return;
        // a syllable one letter off is a weaker reading: it must fit every neighbour (基地 is not 界地),
        // so it is dropped at the first that it does not fit
        const fitsLeft = has(left, to) && (leftStretch === undefined || this.occurs(leftStretch + to));
        if (!exact && left !== undefined && !fitsLeft) return;
        const fitsRight = has(to, right) && (rightStretch === undefined || this.occurs(to + rightStretch));
        if (!exact && right !== undefined && !fitsRight) return;
        const fixes = (fitsLeft ? 1 : 0) + (fitsRight ? 1 : 0);
        if (fixes === 0) return;
        // inside a word the segmentation knows, a reading must fit on both sides (一马溯源: 一码 and
        // 码溯): one bigram alone (官职 read as 官至 because the corpus says 官至) is no reason
        if (inWord && fixes < 2) return;
        if ((looseLeft && !fitsLeft && fitsRight && !looseRight) || (looseRight && !fitsRight && fitsLeft && !looseLeft)) return;
        const frequency = this.corpus.bigramFrequency(`${left ?? ''}${to}`) + this.corpus.bigramFrequency(`${to}${right ?? ''}`);
        const better = !best || fixes > best.fixes || (fixes === best.fixes && (exact && !best.exact || (exact === best.exact && frequency > best.frequency)));
        if (better) best = { to, fixes, exact, frequency };
      };
      for (const syllable of readings(ch)) {
        for (const to of this.bySyllable.get(syllable) ?? []) consider(to, true);
        // inside a word of the segmentation only a same-syllable reading is taken (see above)
        if (inWord) continue;
        for (const other of this.nearSyllables(syllable)) for (const to of this.bySyllable.get(other) ?? []) consider(to, false);
      }
      if (best) {
        const found: { to: string; exact: boolean } = best;
        corrections.push({ index: i, from: ch, to: found.to, exact: found.exact });
        chars[i] = found.to;
      }
    }
    return corrections;
  }
}
