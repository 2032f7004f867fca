import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the two tables the engine reads CC-CEDICT from (see SortedLines, data/README.md):
 *   data/cedict-words.tsv   headword<TAB>sense<TAB>sense...   each sense its stems joined by spaces
 *   data/cedict-stems.tsv   stem<TAB>senses holding it<TAB>headword headword...
 * both sorted by key (UTF-8 bytes); the headwords of a stem in the words table's order.
 */
export function writeCedictTables(glosses: ReadonlyMap<string, ReadonlySet<string>>, dataDir: string, source: string): void {
  const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const words = [...glosses.keys()].sort(byBytes);
  const counts = new Map<string, number>();
  const holders = new Map<string, string[]>();
  let senses = 0;
  for (const word of words) {
    const own = new Set<string>();
    for (const gloss of glosses.get(word)!) {
      senses += 1;
      for (const stem of new Set(gloss.split(' '))) {
        counts.set(stem, (counts.get(stem) ?? 0) + 1);
        own.add(stem);
      }
    }
    for (const stem of own) (holders.get(stem) ?? holders.set(stem, []).get(stem)!).push(word);
  }
  const header = `#source\t${source}\n#licence\tCC BY-SA 4.0\n`;
  writeFileSync(join(dataDir, 'cedict-words.tsv'), header + words.map((word) => `${word}\t${[...glosses.get(word)!].join('\t')}\n`).join(''));
  const stems = [...counts.keys()].sort(byBytes);
  writeFileSync(join(dataDir, 'cedict-stems.tsv'), `${header}#senses\t${senses}\n` + stems.map((stem) => `${stem}\t${counts.get(stem)}\t${holders.get(stem)!.join(' ')}\n`).join(''));
}
