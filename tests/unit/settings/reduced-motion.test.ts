import { afterEach, describe, expect, it, vi } from 'vitest';
import { notebookCss } from '@/components/notebook-styles';
import { uiCss } from '@/components/styles';
import { flashRange } from '@/lib/dom/flash';

/** The body of the first `@media (prefers-reduced-motion: reduce)` block of `css`, or null. */
function reducedMotionBlock(css: string): string | null {
  const at = css.indexOf('@media (prefers-reduced-motion: reduce)');
  if (at < 0) return null;
  let depth = 0;
  for (let i = css.indexOf('{', at); i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(at, i + 1);
  }
  return null;
}

describe('prefers-reduced-motion', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the shared UI styles switch off every transition, animation and smooth scroll under it', () => {
    const block = reducedMotionBlock(uiCss);
    expect(block).not.toBeNull();
    expect(block).toMatch(/\.bs-root \*/);
    for (const rule of [
      /transition: none !important/,
      /animation: none !important/,
      /scroll-behavior: auto !important/,
    ])
      expect(block).toMatch(rule);
  });

  it('every UI surface is inside .bs-root, so the rule reaches it', () => {
    // Any transition or animation declared elsewhere is on a .bs-* class, all of which live under .bs-root.
    for (const css of [uiCss, notebookCss]) {
      const outside = css.replace(reducedMotionBlock(css) ?? '', '');
      for (const m of outside.matchAll(/([^{}]+)\{[^}]*\b(transition|animation)\s*:/g))
        expect(m[1]?.trim()).toMatch(/^\.(bs|nb|opt)-/);
    }
  });

  it('the timeline flash jumps to the passage instead of scrolling smoothly', () => {
    document.body.innerHTML = '<p id="p">Nato met in Brussels.</p>';
    const p = document.getElementById('p') as HTMLElement;
    const scroll = vi.fn();
    p.scrollIntoView = scroll;
    const range = document.createRange();
    range.selectNodeContents(p.firstChild as Text); // the flash scrolls the text's parent element
    for (const reduce of [true, false]) {
      vi.spyOn(document.defaultView as Window, 'matchMedia').mockImplementation(
        (q: string) => ({ matches: reduce && q.includes('reduce'), media: q }) as MediaQueryList,
      );
      flashRange(document, range, 1);
      expect(scroll.mock.lastCall?.[0]?.behavior).toBe(reduce ? 'instant' : undefined);
    }
  });
});
