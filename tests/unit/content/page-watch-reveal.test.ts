/**
 * Article text the page shows later by changing an attribute ("Read more" / "Show full article"
 * buttons that toggle a class, `hidden` or an inline display) is read once shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESCAN_DELAY_MS } from '../../../entrypoints/article.content/page-controller';
import { para, searchBackground, startOnPage } from './page-harness';

afterEach(() => document.getElementById('read-more-style')?.remove());

async function start(html: string) {
  const { page } = await startOnPage(html, searchBackground().send);
  const nato = () => {
    const s = page.getPageState();
    return 'entities' in s ? (s.entities.find((e) => e.name === 'Nato')?.count ?? 0) : 0;
  };
  return { page, nato };
}

const visible = `${para('Nato met.')}${para('Nothing.')}${para('Nothing more.')}${para('Still nothing.')}`;

describe('article text revealed by "Read more"', () => {
  it('reads paragraphs shown by removing the `hidden` attribute', async () => {
    const { nato } = await start(
      `<article>${visible}<div id="rest" hidden>${para('Nato leaders spoke later.')}</div></article>`,
    );
    expect(nato()).toBe(1);
    document.getElementById('rest')!.removeAttribute('hidden'); // the reader pressed "Read more"
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
    expect(nato()).toBe(2);
  });

  it('reads paragraphs shown by a class change that a stylesheet hid', async () => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<style id="read-more-style">.collapsed .rest { display: none }</style>',
    );
    const { nato } = await start(
      `<article class="collapsed">${visible}<div class="rest">${para('Nato leaders spoke later.')}</div></article>`,
    );
    expect(nato()).toBe(1);
    document.querySelector('article')!.classList.remove('collapsed');
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
    expect(nato()).toBe(2);
  });

  // aria-hidden marks decoration shown on screen (icon glyphs): never text to read, and no reason to
  // watch the article's attributes.
  it('does not watch and re-check the article on every class change when nothing in it was hidden from sight', async () => {
    const { page } = await startOnPage(
      `<article>${para('Nato met.')}${para('Nothing <i aria-hidden="true" class="icon"></i> here.')}${para('Nothing more.')}${para('Still nothing.')}</article>`,
      searchBackground().send,
    );
    expect(page.getPageState()).toMatchObject({ marks: 1 });
    const spy = vi.spyOn(window, 'getComputedStyle');
    // A busy page: a class flips on the article (sticky header, scroll spy, lazy images).
    for (let i = 0; i < 3; i++) {
      document.querySelector('article')!.classList.toggle('scrolled');
      await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 50));
    }
    const calls = spy.mock.calls.filter(([el]) => (el as Element).localName === 'i').length;
    spy.mockRestore();
    expect(calls).toBe(0);
  });
});
