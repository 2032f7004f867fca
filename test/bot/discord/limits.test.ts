import { describe, expect, it } from 'vitest';
import { escapeUserText, LIMITS, truncate, wellFormed } from '../../../src/bot/discord/limits.js';
import { fitEmbeds, toDiscord } from '../../../src/bot/discord/send.js';

describe('Discord limits', () => {
  it('GIVEN a text over the limit THEN it is cut with an ellipsis to exactly the limit', () => {
    const cut = truncate('字'.repeat(5000), LIMITS.content);
    expect(cut.length).toBe(LIMITS.content);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncate('short', 10)).toBe('short');
  });

  it('GIVEN emoji at the cut THEN no surrogate pair is split', () => {
    const cut = truncate('😀'.repeat(100), 51);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(wellFormed(cut)).toBe(cut);
    expect(/[\uD800-\uDBFF]$/.test(cut.slice(0, -1))).toBe(false);
  });

  it('GIVEN lone surrogates THEN they are replaced, so Discord accepts the text', () => {
    expect(wellFormed('a\uD800b\uDC00c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('GIVEN mentions and Markdown in user text THEN they are escaped and broken', () => {
    const safe = escapeUserText('@everyone @here <@123456789012345678> <@&123456789012345678> **bold** # title');
    expect(safe).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
    expect(safe).toContain('\\*\\*bold\\*\\*');
  });

  it('GIVEN embeds over 6,000 characters in all THEN they are shortened to fit', () => {
    const embeds = fitEmbeds([
      { description: 'a'.repeat(4000), fields: [{ name: 'x', value: 'b'.repeat(1024) }, { name: 'y', value: 'c'.repeat(1024) }] },
      { description: 'd'.repeat(3000) },
    ]);
    const total = embeds.reduce((sum, e) => sum + (e.description?.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0), 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('GIVEN any reply THEN it is sent with no mention allowed and ephemeral as a flag', () => {
    const options = toDiscord({ content: '@everyone', ephemeral: true });
    expect(options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(options.flags).toBe(64);
  });
});
