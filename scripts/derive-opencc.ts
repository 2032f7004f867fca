/**
 * Derives data/opencc-changing.txt from the npm package opencc-js (MIT): every character that some
 * entry of the traditional-to-simplified dictionaries the converter runs would change (see
 * changingCharacters in src/core/language/normalize.ts). A text holding none of them is left as it
 * is without making the converter. Not run by the build: the file is committed. To refresh it after
 * updating opencc-js:
 *
 *   npx tsx scripts/derive-opencc.ts
 *
 * Format: `#name<TAB>value` header lines, then the characters in code point order, 100 a line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { changingCharacters, converterDictionaries } from '../src/core/language/normalize.js';

// the package exports no package.json: found beside its entry point
const entry = createRequire(import.meta.url).resolve('opencc-js');
const version = (JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf('/node_modules/opencc-js/') + '/node_modules/opencc-js/'.length), 'package.json'), 'utf8')) as { version: string }).version;
const characters = [...changingCharacters(converterDictionaries())].sort((a, b) => a - b).map((code) => String.fromCodePoint(code));
const lines: string[] = [];
for (let at = 0; at < characters.length; at += 100) lines.push(characters.slice(at, at + 100).join(''));
const out = join(dirname(new URL(import.meta.url).pathname), '../data/opencc-changing.txt');
writeFileSync(out, `#source\topencc-js ${version}, the dictionaries of its tw2s configuration\n#licence\tMIT AND Apache-2.0 (opencc-js and the OpenCC dictionaries)\n${lines.join('\n')}\n`);
process.stdout.write(`${characters.length} characters written to ${out}\n`);
