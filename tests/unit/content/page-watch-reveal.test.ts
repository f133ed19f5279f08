/**
 * Article text the page shows later by changing an attribute ("Read more" / "Show full article"
 * buttons that toggle a class, `hidden` or an inline display) is read once shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESCAN_DELAY_MS } from '../../../entrypoints/article.content/page-controller';
import { HiddenBlocks } from '../../../entrypoints/article.content/hidden-blocks';
import { watchPage } from '../../../entrypoints/article.content/page-watch';
import { para, searchBackground, startOnPage } from './page-harness';
import { fakeHooks } from './watch-hooks';

const stops: AbortController[] = [];
afterEach(() => {
  document.getElementById('read-more-style')?.remove();
  for (const c of stops.splice(0)) c.abort();
});

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

describe('the attribute watch follows the article', () => {
  const wait = () => new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 100));

  it('stops asking about the old article once it is let go (a single-page navigation)', async () => {
    document.body.innerHTML = `<article>${para('Nato met.')}<div id="rest" hidden>${para('Later.')}</div></article>`;
    const root = document.querySelector('article')!;
    const hooks = fakeHooks(root);
    const stop = new AbortController();
    stops.push(stop);
    const watch = watchPage(document.documentElement, hooks, stop.signal);
    watch.watchReveals(root);
    document.getElementById('rest')!.toggleAttribute('hidden');
    await wait();
    expect(hooks.revealed).toHaveBeenCalledTimes(1);
    watch.unwatchReveals();
    document.getElementById('rest')!.toggleAttribute('hidden');
    await wait();
    expect(hooks.revealed).toHaveBeenCalledTimes(1);
  });

  it('is let go when a new article has no hidden block left, and only then', () => {
    const first = vi.fn();
    const none = vi.fn();
    const hidden = new HiddenBlocks(first, none);
    hidden.clear(); // an article that never had one: nothing was watched
    expect(none).not.toHaveBeenCalled();
    hidden.add(document.createElement('div'));
    hidden.add(document.createElement('div'));
    expect(first).toHaveBeenCalledTimes(1);
    hidden.clear();
    expect(none).toHaveBeenCalledTimes(1);
    hidden.add(document.createElement('div'));
    expect(first).toHaveBeenCalledTimes(2);
  });

  it('is let go also after "Read more" showed every hidden block', () => {
    document.body.innerHTML = '<article><div id="rest" hidden><p>Later.</p></div></article>';
    const none = vi.fn();
    const hidden = new HiddenBlocks(() => undefined, none);
    const rest = document.getElementById('rest')!;
    hidden.add(rest);
    rest.removeAttribute('hidden'); // the reader pressed "Read more"
    expect(hidden.shownWithin(rest)).toEqual([rest]); // read, and forgotten
    hidden.clear(); // a single-page navigation: a new article
    expect(none).toHaveBeenCalledTimes(1);
  });
});
