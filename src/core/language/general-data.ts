import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../util/data-dir.js';
import { foldWidthAndCase } from './normalize.js';
import { SortedLines } from '../util/sorted-lines.js';

/**
 * The general language data under data/ (see data/README.md for sources and licences): words that
 * wrap a question, everyday words mapped to the formal register, and CC-CEDICT's English glosses.
 * None of it is about a report. Each file is read once per process, on first use.
 *
 * The files are written in simplified characters (a test holds them to it), so
 * they are folded here without the traditional-to-simplified converter: a process whose questions
 * are all simplified never makes it.
 */

function lines(name: string): string[] {
  return readFileSync(`${DATA_DIR}${name}`, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() && !line.startsWith('#'));
}

let fillers: readonly string[] | undefined;
let colloquial: ReadonlyMap<string, readonly string[]> | undefined;

/** data/fillers.txt: greetings, politeness, thanks and framing, normalized, longest first. */
export function fillerPhrases(): readonly string[] {
  fillers ??= [...new Set(lines('fillers.txt').map((line) => foldWidthAndCase(line.trim())))].sort((a, b) => b.length - a.length);
  return fillers;
}

/**
 * data/colloquial.tsv: everyday word -> the formal words a report uses for it (normalized); with
 * data/region-abbreviations.tsv: a province's full name -> its one-character abbreviations.
 */
export function colloquialWords(): ReadonlyMap<string, readonly string[]> {
  if (!colloquial) {
    const map = new Map<string, string[]>();
    // a province named in full also finds its abbreviation (上海 -> 沪), as an everyday word its formal one
    for (const line of [...lines('colloquial.tsv'), ...lines('region-abbreviations.tsv')]) {
      const [word, formal] = line.split('\t');
      if (!word || !formal) continue;
      const key = foldWidthAndCase(word.trim());
      const words = formal.split(/[,，]/).map((item) => foldWidthAndCase(item.trim())).filter((item) => item && item !== key);
      map.set(key, [...(map.get(key) ?? []), ...words]);
    }
    colloquial = map;
  }
  return colloquial;
}

/**
 * CC-CEDICT's senses, as scripts/derive-cedict.ts writes them (see data/README.md): two tables
 * sorted by key and looked up in place (see SortedLines), read on first use.
 */
export interface CedictTables {
  /** Simplified headword -> its senses, each the stems of its English words joined by spaces, the senses joined by tabs. */
  readonly words: SortedLines;
  /** Stem -> how many senses of the dictionary hold it, a tab, then the headwords with such a sense (spaces between). */
  readonly stems: SortedLines;
  /** How many senses the dictionary has. */
  readonly senses: number;
}

let cedictWords: SortedLines | undefined;
let cedictStems: { table: SortedLines; senses: number } | undefined;

function openData(name: string): SortedLines {
  return SortedLines.open(`${DATA_DIR}${name}`, `data/${name}`);
}

/**
 * CC-CEDICT's senses of Chinese words, as stems of their English glosses: each table is read on its
 * first lookup (a question whose words the dictionary lacks never reads the stems).
 */
export function cedictTables(): CedictTables {
  return {
    get words() {
      cedictWords ??= openData('cedict-words.tsv');
      return cedictWords;
    },
    get stems() {
      return stemsTable().table;
    },
    get senses() {
      return stemsTable().senses;
    },
  };
}

/** Reads both CC-CEDICT tables now (a service does it before its first question; see cedictTables). */
export function readCedictTables(): void {
  cedictWords ??= openData('cedict-words.tsv');
  stemsTable();
}

function stemsTable(): { table: SortedLines; senses: number } {
  if (!cedictStems) {
    const table = openData('cedict-stems.tsv');
    const senses = Number(table.header('senses'));
    if (!Number.isInteger(senses) || senses <= 0) throw new Error('data/cedict-stems.tsv: its header line #senses is missing or not a count');
    cedictStems = { table, senses };
  }
  return cedictStems;
}

let readings: SortedLines | undefined;

/** data/pinyin-readings.tsv: a Han character -> its toneless syllables (pinyin-pro's), spaces between. */
export function pinyinReadings(): SortedLines {
  readings ??= openData('pinyin-readings.tsv');
  return readings;
}
