/**
 * Marks after the page changes text that was already marked: a paragraph changed in part is read
 * whole again, its old marks dropped first, so a name is neither counted twice nor cut short.
 */
import { describe, expect, it } from 'vitest';
import { RESCAN_DELAY_MS } from '../../../entrypoints/article.content/page-controller';
import { FILLER as filler, searchBackground, startOnPage } from './page-harness';

async function start(html: string) {
  const bg = searchBackground();
  return { ...(await startOnPage(html, bg.send)), bg };
}

const settle = () => new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));

describe('text the page patches after it was marked', () => {
  it('does not mark and count a name twice when the page edits text AFTER it in the same text node', async () => {
    const { page, marked, counts } = await start(
      `<article id="story"><p>Nato allies agreed on Tuesday.${filler}</p><p>Jens Stoltenberg spoke.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    // A framework patches the paragraph's text node in place: a correction after the name.
    const t = document.querySelector('#story p')!.firstChild as Text;
    t.data = t.data.replace('on Tuesday', 'on Wednesday');
    await settle();
    // Still one "Nato" on the page.
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    expect(page.getArticleText().blocks.filter((b) => b.startsWith('Nato allies'))).toHaveLength(1);
  });

  it('keeps the whole mark of a name split across inline elements when the page re-renders one part', async () => {
    const { marked, counts } = await start(
      `<article id="story"><p>Nato chief Jens <b>Stoltenberg</b> said so.${filler}</p><p>Ministers agreed.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    // Hydration (or an auto-linker) replaces the <b> with an identical one.
    const b = document.querySelector('#story b')!;
    b.replaceWith(b.cloneNode(true));
    await settle();
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    // The reader still sees (and hovers) the full name, as before the re-render.
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  });

  it('keeps the whole mark of a split name when the page rewrites the text node holding its first part', async () => {
    const { marked } = await start(
      `<article id="story"><p>Nato chief Jens <b>Stoltenberg</b> said so.${filler}</p><p>Ministers agreed.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    const t = document.querySelector('#story p')!.firstChild as Text;
    t.data = `Updated: ${t.data}`;
    await settle();
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  });
});

describe('a live blog adding posts', () => {
  it('reads only the new post, even one in a custom element inside the feed, not the whole feed again', async () => {
    const post = (s: string) => `<live-post><p>${s}${filler}</p></live-post>`;
    const { bg, counts } = await start(
      `<article id="story"><h1>Live: the summit</h1><div class="feed">Latest from the summit: ${post('Nato met.')}${post('Jens Stoltenberg spoke.')}${post('Nothing named here.')}</div></article>`,
    );
    const before = bg.sent.filter((m) => m.type === 'spotBlocks').length;
    document.querySelector('.feed')!.insertAdjacentHTML('afterbegin', post('Nato again, this morning.'));
    await settle();
    const after = bg.sent.filter((m) => m.type === 'spotBlocks').slice(before);
    expect(after.flatMap((m) => m.payload.blocks as string[]).map((b) => b.slice(0, 25))).toEqual([
      'Nato again, this morning.',
    ]);
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:2']);
  });
});

describe('a page that replaces the adopted stylesheets', () => {
  it('gets the marks stylesheet back as soon as it changes the DOM (marks would not show without it)', async () => {
    const { counts } = await start(
      `<article id="story"><p>Nato allies agreed on Tuesday.${filler}</p><p>Jens Stoltenberg spoke.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    const ours = document.adoptedStyleSheets;
    expect(ours.length).toBeGreaterThan(0);
    // Hydration: the page adopts its own sheets, dropping ours, and renders.
    document.adoptedStyleSheets = [];
    document.querySelector('#story')!.insertAdjacentHTML('beforeend', '<aside>Share</aside>');
    await new Promise((r) => setTimeout(r, 0));
    // The marks' sheet is back (the focus ring's comes back when the reader next steps to a name).
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(ours).toContain(document.adoptedStyleSheets[0]);
  });
});
