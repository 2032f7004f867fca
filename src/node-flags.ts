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
 * - Two V8 background threads instead of four: on a 2-core machine the extra threads took the main
 *   thread's core for a scheduler tick (~4 ms) now and then; with one, major GCs of a large index,
 *   which those threads mark concurrently, paused the main thread for longer.
 *
 * Measured with `node --expose-gc dist/cli/bench/worker.js engine real|100000 ...` under each setting.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=64', '--max-semi-space-size=64', '--v8-pool-size=2'];
