/**
 * Bundles the one-question command line, dist/cli/ask.js, into one file in place: run by
 * `npm run build` after tsc.
 *
 * Why: a question asked with `node dist/cli/ask.js "…"` is a whole process start. As tsc leaves
 * it, Node's ES module loader resolves, reads and compiles some 150 files (zod's alone are 94) one
 * by one; that was about 40% of the start (0.34 s on the shipped report, median of the bench's
 * sample, against 0.21 s bundled). Bundled, zod's API is also shaken down to what the config
 * schema uses (`import * as z`), 190 KB of its 750.
 *
 * What stays outside the bundle: native modules (the part-of-speech tagger), and the libraries the
 * code loads only on need through `createRequire` (the YAML parser, pinyin-pro, opencc-js): they are
 * resolved from node_modules as before, by the bundle's own `require`.
 *
 * The bundle is checked here for two things that would break it silently:
 * - a second entry point among its inputs (its `isMainModule(import.meta.url)` would be true in
 *   the bundle too and start that program as well);
 * - an input that reads a file by a path relative to its own module (`new URL('../…', import.meta.url)`):
 *   inside the bundle that path is relative to dist/cli/. Data is found by walking up to data/
 *   (see src/core/language/general-data.ts).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'dist', 'cli', 'ask.js');

const BANNER = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";
if (readFileSync(ENTRY, 'utf8').startsWith(BANNER)) {
  process.stderr.write(`bundle-cli: ${ENTRY} is a bundle already; run \`npm run build\` (tsc writes it anew first)\n`);
  process.exit(1);
}

const result = await build({
  entryPoints: [ENTRY],
  outfile: ENTRY,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // stack traces keep the functions' names
  keepNames: true,
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  // native code is loaded from node_modules at run time
  external: ['@node-rs/jieba'],
  // the CommonJS libraries inside (dotenv) call require: an ES module has none of its own
  banner: { js: BANNER },
});

const problems: string[] = [];
for (const input of Object.keys(result.metafile.inputs)) {
  if (!input.startsWith('dist/')) continue;
  const source = readFileSync(join(ROOT, input), 'utf8');
  if (input !== 'dist/cli/ask.js' && source.includes('isMainModule(import.meta.url)')) problems.push(`${input} is an entry point of its own: the bundle would start it too`);
  if (/new URL\(\s*['"`]\.\.?\//.test(source) && /import\.meta\.url/.test(source)) problems.push(`${input} reads a path relative to its module, which the bundle moves`);
}
if (problems.length) {
  process.stderr.write(`bundle-cli: ${ENTRY} cannot be bundled as it is:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
  process.exit(1);
}
