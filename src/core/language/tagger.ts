import { createRequire } from 'node:module';
import { BoundedCache } from '../util/bounded-cache.js';

/**
 * Chinese part-of-speech tags, from jieba (`@node-rs/jieba`, its own dictionary of about 350,000
 * words with their tags; prebuilt native binaries). The answer-kind check reads them as evidence of
 * what a text holds that no hand list knows: a person's name (nr, transliterated foreign names
 * included), a place (ns), a time word (t: 清朝, 世纪末), and a number followed by its measure word
 * (m + q: 120英亩, 100英镑); the follow-up check reads whether a demonstrative names a noun. Loaded on
 * first need (about 0.2 s), then about 0.1 ms a sentence.
 */

/** A word of a tagged text and its jieba tag (ICTCLAS style: n, nr, ns, nt, t, m, q, v…). */
export interface TaggedWord {
  word: string;
  tag: string;
}

interface Jieba {
  tag(sentence: string, hmm?: boolean): TaggedWord[];
}

const require = createRequire(import.meta.url);
let jieba: Jieba | null | undefined;

/** The tagger, loaded once; null when the native module cannot be loaded on this machine. */
function tagger(): Jieba | null {
  if (jieba !== undefined) return jieba;
  try {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Jieba } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  } catch {
    // without the tagger, the kind check has its patterns alone
    jieba = null;
  }
  return jieba;
}

/** Tags by text: a passage's clauses are checked again for every question that finds them. */
const tagged = new BoundedCache<string, TaggedWord[]>(32_768);

/** The words of `text` with their tags (empty when the tagger is not available). */
export function tag(text: string): TaggedWord[] {
  return tagged.get(text, () => tagger()?.tag(text, true) ?? []);
}

/** Era and calendar characters that make a time word (t) a time a question can ask for, not 目前 or 近期. */
const DATED_TIME = /[年月日朝代世纪季节春夏秋冬初末期]/u;

/** Evidence in tags that a text names something of a kind. */
export const TAG_EVIDENCE = {
  /** A person's name, two characters or more (organizations are named by their kind: 局, 公司, 大学; an nt word alone, 联合体, is no one). */
  agent: (words: readonly TaggedWord[]): boolean => runs(words, /^(?:nr|nrt|nrfg)$/).some((run) => [...run].length >= 2),
  /** A place name, two characters or more. */
  place: (words: readonly TaggedWord[]): boolean => runs(words, /^ns$/).some((run) => [...run].length >= 2),
  /** A time word that names a time (清朝, 世纪末, 春节), or a number of years, months, days or centuries. */
  time: (words: readonly TaggedWord[]): boolean =>
    words.some((word, i) => (word.tag === 't' && DATED_TIME.test(word.word)) || (word.tag === 'm' && /\d|[一二三四五六七八九十]/u.test(word.word) && /^(?:年|月|日|号|世纪|年代)/u.test(words[i + 1]?.word ?? ''))),
  /** A number followed by a measure word of any unit: the units of an amount (英亩, 英镑, 海里). */
  quantity: (words: readonly TaggedWord[]): string[] => words.flatMap((word, i) => (word.tag === 'm' && /\d|[一二三四五六七八九十百千万亿]/u.test(word.word) && words[i + 1]?.tag === 'q' ? [words[i + 1]!.word] : [])),
};

/** The texts of consecutive words whose tag matches. */
function runs(words: readonly TaggedWord[], tags: RegExp): string[] {
  const found: string[] = [];
  let current = '';
  for (const word of words) {
    if (tags.test(word.tag)) current += word.word;
    else if (current) {
      found.push(current);
      current = '';
    }
  }
  if (current) found.push(current);
  return found;
}
