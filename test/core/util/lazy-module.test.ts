import { describe, expect, it } from 'vitest';
import type * as Yaml from 'yaml';
import { lazyModule } from '../../../src/core/util/lazy-module.js';

describe('libraries loaded on first use', () => {
  it('GIVEN a lazily loaded library THEN the first call loads it and later calls give the same module', () => {
    const yaml = lazyModule<typeof Yaml>('yaml');
    const first = yaml();
    expect(first.parse('a: 1')).toEqual({ a: 1 });
    expect(yaml()).toBe(first);
  });

  it('GIVEN a package that is not installed THEN the call, not the import, fails and names it', () => {
    const missing = lazyModule('no-such-package-here');
    expect(() => missing()).toThrow(/no-such-package-here/);
  });
});
