import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_NODE_FLAGS } from '../src/node-flags.js';

describe('the V8 flags of the bot', () => {
  it('GIVEN package.json THEN npm start runs the bot with exactly the flags the benchmarks use', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
    // exec: the shell npm runs the script with becomes node, so npm's SIGTERM reaches the bot itself
    const [exec, node, ...args] = start.split(' ');
    expect(exec).toBe('exec');
    expect(node).toBe('node');
    expect(args.slice(0, -1)).toEqual([...SERVICE_NODE_FLAGS]);
    expect(args.at(-1)).toBe('dist/index.js');
  });
});
