import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../../src/bot/service/cooldown.js';

describe('cooldown', () => {
  it('GIVEN more hits than allowed in the window THEN the wait until the oldest expires', () => {
    let now = 0;
    const cooldown = new Cooldown(2, 30_000, () => now);
    expect(cooldown.hit('a')).toBe(0);
    now = 10_000;
    expect(cooldown.hit('a')).toBe(0);
    now = 12_000;
    expect(cooldown.hit('a')).toBe(18);
    expect(cooldown.hit('b')).toBe(0);
    now = 30_000;
    expect(cooldown.hit('a')).toBe(0);
  });

  it('GIVEN many users whose hits expired THEN they are forgotten', () => {
    let now = 0;
    const cooldown = new Cooldown(1, 1000, () => now);
    for (let i = 0; i < 1000; i++) cooldown.hit(`u${i}`);
    now = 5000;
    cooldown.hit('late');
    expect(cooldown.size).toBe(1);
  });
});
