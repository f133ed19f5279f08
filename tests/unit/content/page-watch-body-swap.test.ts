/**
 * Single-page navigations that replace <body> (Turbo Drive, pjax, `document.body = ...`): the new
 * article is read and the old marks go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESCAN_DELAY_MS } from '../../../entrypoints/article.content/page-controller';
import { para, searchBackground, startOnPage } from './page-harness';

const originalBody = document.body;
afterEach(() => {
  if (document.body !== originalBody) document.documentElement.replaceChild(originalBody, document.body);
  history.replaceState(null, '', '/');
});

describe('a navigation that swaps <body>', () => {
  it('reads the new article after pushState and a new <body> (Turbo Drive)', async () => {
    history.replaceState(null, '', '/story-1');
    const bg = searchBackground();
    const { page } = await startOnPage(
      `<article>${para('Nato met.')}${para('Nato again.')}${para('Nothing.')}${para('Nothing more.')}</article>`,
      bg.send,
    );
    expect(page.getPageState()).toMatchObject({ marks: 2 });
    // Turbo Drive: pushState, then the fetched page's <body> replaces the current one.
    history.pushState(null, '', '/story-2');
    const next = document.createElement('body');
    next.innerHTML = `<article>${para('Nato ministers met in Vilnius.')}${para('More text here.')}${para('Nothing.')}${para('Nothing more.')}</article>`;
    document.documentElement.replaceChild(next, document.body);
    next.querySelector('article')!.insertAdjacentHTML('beforeend', para('A late paragraph about Nato.'));
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS * 2 + 300));
    // The new article is read, and the old article's marks (on detached text) are gone.
    expect(bg.sent.filter((m) => m.type === 'spotBlocks').length).toBe(2);
    const state = page.getPageState();
    expect(state).toMatchObject({ url: expect.stringContaining('/story-2'), marks: 2 });
  });
});
