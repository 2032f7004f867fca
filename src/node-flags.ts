/**
 * The V8 flags the bot runs with (`npm start` passes them; package.json cannot import this, and a
 * test keeps the two the same), and so every latency measurement of it: bench workers, `npm run load`.
 *
 * A fixed 32 MB young generation. On this kind of VM a young-generation GC pauses 1.5-5 ms however
 * little survives it. With V8's default, a young generation that starts small and grows only when
 * much survives, the engine collected every ~130 questions, so more than 1% of questions waited on
 * one (p99 ≈ the GC pause); with 32 MB, every ~700 (each pause longer, 10-20 ms: far below
 * Discord's 3 s). 64 MB measured slower (allocation spread over more memory).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=32', '--max-semi-space-size=32'];
