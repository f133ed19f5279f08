import { describe, expect, it } from 'vitest';
import { originalSpan, visibleText } from '../../../lib/nlp/invisible-chars';

describe('invisible characters inside words', () => {
  it('reads a text without soft hyphens and zero-width characters, and maps spans back onto the original', () => {
    const page = 'Jens Stolten\u00ADberg met Mer\u200Bkel.';
    const v = visibleText(page);
    expect(v.text).toBe('Jens Stoltenberg met Merkel.');
    const name = originalSpan(v, 0, 'Jens Stoltenberg'.length);
    expect(page.slice(name.start, name.end)).toBe('Jens Stolten\u00ADberg');
    const other = v.text.indexOf('Merkel');
    const merkel = originalSpan(v, other, other + 6);
    expect(page.slice(merkel.start, merkel.end)).toBe('Mer\u200Bkel');
  });

  it('leaves a text without any as it is, with no map', () => {
    expect(visibleText('Jens Stoltenberg')).toEqual({ text: 'Jens Stoltenberg', at: null });
    expect(originalSpan(visibleText('abc'), 1, 2)).toEqual({ start: 1, end: 2 });
  });
});
