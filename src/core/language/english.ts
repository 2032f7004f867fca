import { stemmer } from 'stemmer';
import { BoundedCache } from '../util/bounded-cache.js';

/** Words that carry no topic in a question; removed after glossary phrases had their chance. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the of in on at to for from by with about into over under between and or but not no nor
  is are was were be been being am do does did done has have had having will would shall should can
  could may might must what which who whom whose when where why how many much more most than then
  there here this that these those it its it's they them their he she his her we our us you your i me
  my mine other others another some any each every all both either neither such same so very just
  also only up down out off again further once tell me please know show give get got there's
  s t much happen happened happening number now currently still yet`.split(/\s+/),
);

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15',
  sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30',
  forty: '40', fifty: '50', hundred: '100', thousand: '1000', first: '1', second: '2', third: '3',
  fourth: '4', twice: '2', double: '2', triple: '3', half: '50%',
};

const WORD = /[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?%?/g;

/** Stems of the words met so far: the stemmer's rules run once per word (bounded: any word may come). */
const STEMS_KEPT = 20_000;
const stems = new BoundedCache<string, string>(STEMS_KEPT);

/** One English word of a question: its stem, or the digits it stands for. */
export interface EnglishWord {
  /** The word as written, lower case. */
  word: string;
  stem: string;
  stop: boolean;
  /** The digits of a number word ("three" -> "3"), or of a number written in digits. */
  number: string | null;
}

/** Stems of an English text's words (number words as digits), stop words kept or dropped. */
export function englishWords(text: string): EnglishWord[] {
  const words: EnglishWord[] = [];
  for (const [raw] of text.toLowerCase().matchAll(WORD)) {
    const number = /^\d/.test(raw) ? raw : (NUMBER_WORDS[raw] ?? null);
    const word = raw.replace(/'s$/, '');
    words.push({ word, stem: number ?? stems.get(word, () => stemmer(word)), stop: number === null && ENGLISH_STOP_WORDS.has(word), number });
  }
  return words;
}

/** The stems of a glossary phrase or question, optionally with its stop words. */
export function englishStems(text: string, keepStopWords: boolean): string[] {
  return englishWords(text)
    .filter((word) => keepStopWords || !word.stop)
    .map((word) => word.stem);
}

/** Questions that ask for an amount, in English. */
export const ENGLISH_AMOUNT = /\b(how (many|much|large|big|long|far)|what (percent|percentage|share|proportion|number|amount|rate)|number of|amount of|percentage)\b/i;

/** English words that open a question; the content word after one is the question's focus. */
export const ENGLISH_QUESTION_WORDS: ReadonlySet<string> = new Set(['how', 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why']);
