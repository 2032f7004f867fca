/**
 * Derives data/pinyin-readings.tsv from the npm package pinyin-pro (MIT): every Han character it
 * reads, with its toneless syllables, the most common first, as the typo corrector uses them (see
 * src/core/language/typos.ts). The table is read in place (SortedLines), where loading pinyin-pro
 * and asking it for each character of a corpus took about 120 ms of a one-question run. Not run by
 * the build: the table is committed. To refresh it after updating pinyin-pro:
 *
 *   npx tsx scripts/derive-pinyin.ts
 *
 * Format: `#source<TAB>…` header lines, then `character<TAB>syllable syllable…`, sorted by UTF-8 bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}$/u;
const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('pinyin-pro/package.json'), 'utf8')) as { version: string }).version;
const lines: string[] = [];
// every code point of the planes that hold Han characters, in code point order (= UTF-8 byte order)
for (let code = 0x2e80; code <= 0x3ffff; code++) {
  const ch = String.fromCodePoint(code);
  if (!HAN.test(ch)) continue;
  const syllables = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).filter((syllable) => /^[a-zü]+$/.test(syllable));
  if (syllables.length) lines.push(`${ch}\t${syllables.join(' ')}\n`);
}
const out = join(dirname(new URL(import.meta.url).pathname), '../data/pinyin-readings.tsv');
writeFileSync(out, `#source\tpinyin-pro ${version}\n#licence\tMIT\n${lines.join('')}`);
process.stdout.write(`${lines.length} characters written to ${out}\n`);
