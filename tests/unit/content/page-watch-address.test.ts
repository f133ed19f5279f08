/**
 * The address watch keeps the article when a site only drops its tracking parameters, however it
 * rewrites the rest: the URL API (`url.searchParams.delete(...)`) re-serialises every remaining
 * parameter as application/x-www-form-urlencoded (a space becomes `+`, `/` `%2F`, `,` `%2C`).
 * Starting over would clear the marks and read and spot the whole article again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESCAN_DELAY_MS, watchPage } from '../../../entrypoints/article.content/page-watch';
import { fakeHooks } from './watch-hooks';

let ctl: AbortController | undefined;
afterEach(() => {
  ctl?.abort();
  document.body.innerHTML = '';
});

/** The address a site gets when it drops its tracking parameters the usual way (the URL API). */
function tidied(address: string): string {
  const url = new URL(address);
  for (const k of [...url.searchParams.keys()]) if (k.startsWith('utm_')) url.searchParams.delete(k);
  return url.href;
}

/** Watches an article first read at `first`; the address then becomes `next` and the page changes a little. */
async function afterAddressChange(first: string, next: string) {
  document.body.innerHTML = '<article><p>Nato allies met in Brussels.</p></article>';
  const root = document.querySelector('article')!;
  let address = first;
  let lastUrl = first;
  const hooks = fakeHooks(root, {
    lastUrl: () => lastUrl,
    address: () => address,
    keepArticle: vi.fn(() => {
      lastUrl = address;
    }),
  });
  ctl = new AbortController();
  watchPage(document.body, hooks, ctl.signal);
  address = next;
  // Something on the page changes (an ad slot), so the watch looks at the address.
  document.body.insertAdjacentHTML('beforeend', '<div class="ad">Ad</div>');
  await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
  return hooks;
}

describe('the address watch keeps the article when a site only drops its tracking parameters', () => {
  it.each([
    ['a space in a kept parameter', 'https://news.example/search-story?q=nato%20summit&utm_source=feed'],
    ['a slash in a kept parameter', 'https://news.example/story?section=world/europe&utm_medium=email'],
    ['a comma in a kept parameter', 'https://news.example/story?ids=7,8&utm_campaign=daily'],
  ])('tidied with the URL API (%s)', async (_what, first) => {
    const next = tidied(first);
    expect(next).not.toContain('utm_');
    const hooks = await afterAddressChange(first, next);
    expect(hooks.restart).not.toHaveBeenCalled();
    expect(hooks.keepArticle).toHaveBeenCalledTimes(1);
  });

  it('tidied by string (`pathname + "?" + params`, leaving an empty query)', async () => {
    const hooks = await afterAddressChange('https://news.example/story?utm_source=feed', 'https://news.example/story?');
    expect(hooks.restart).not.toHaveBeenCalled();
    expect(hooks.keepArticle).toHaveBeenCalledTimes(1);
  });

  it('still starts over when a kept parameter really changes (?id=7 -> ?id=8)', async () => {
    const hooks = await afterAddressChange(
      'https://news.example/story?id=7&utm_source=feed',
      'https://news.example/story?id=8',
    );
    expect(hooks.restart).toHaveBeenCalledTimes(1);
    expect(hooks.keepArticle).not.toHaveBeenCalled();
  });
});
