/**
 * The Node.js flags the bot runs with (`npm start` passes them; package.json cannot import this, and
 * a test keeps the two the same), and so every latency measurement of it: bench workers, `npm run load`.
 *
 * - A fixed 64 MB young generation. On this kind of VM a young-generation GC pauses 1.5-5 ms however
 *   little survives it. V8's default young generation starts small and grows only when much
 *   survives: the engine collected every ~130 questions, so more than 1% of questions waited on one
 *   and the real report's p99 was the GC pause. At 64 MB, collections are rare (each pause longer,
 *   10-20 ms: far below Discord's 3 s); on 100,000 passages, where each question allocates
 *   megabytes in MiniSearch, p99 fell from ~55 to ~45 ms. Costs ~60 MB of RSS.
 * - One V8 background thread instead of four: on a 2-core VM every extra thread (GC helpers,
 *   the optimizing compiler) takes the main thread's core for a scheduler tick (~4-5 ms) now and
 *   then; with two, bursts of such stalls set the real report's p99 (0.9-4.6 ms run to run), with
 *   one it stayed at 0.56-0.81 ms. Major GCs of the 100,000-passage index, which the thread marks
 *   concurrently, were no slower with one than with two (p99 32-37 ms against 32-35 ms).
 *
 * Measured with `node --expose-gc dist/cli/bench/worker.js engine real|100000 ...` under each setting.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=64', '--max-semi-space-size=64', '--v8-pool-size=1'];
