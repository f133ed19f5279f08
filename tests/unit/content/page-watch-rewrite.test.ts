/**
 * Marks after the page changes text that was already marked: a paragraph changed in part is read
 * whole again, its old marks shown until the new ones are in, so a name is neither counted twice
 * nor cut short, and does not blink out meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { RESCAN_DELAY_MS } from '../../../entrypoints/article.content/page-controller';
import { REWRITE_REREADS } from '../../../entrypoints/article.content/article-reader';
import type { SendFn } from '../../../components/HoverCard';
import { FILLER as filler, searchBackground, startOnPage } from './page-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(html: string) {
  const bg = searchBackground();
  return { ...(await startOnPage(html, bg.send)), bg };
}

const settle = () => new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));

/**
 * The search background answering spotBlocks `delay` ms late once the test sets it (a cold start
 * loading the model, a busy worker).
 */
function slowWorker(): { send: SendFn; delay: number } {
  const bg = searchBackground();
  const worker = {
    delay: 0,
    send: (async (type: string, payload: unknown) => {
      const reply = await (bg.send as (t: string, p: unknown) => Promise<unknown>)(type, payload);
      if (type === 'spotBlocks' && worker.delay) await sleep(worker.delay);
      return reply;
    }) as unknown as SendFn,
  };
  return worker;
}

/** An article whose first paragraph names two entities: the one the page keeps changing. */
const NAMED_STORY = `<article id="story"><p>Nato chief Jens Stoltenberg spoke.${filler}</p><p>Ministers agreed.${filler}</p><p>Nothing named here.${filler}</p></article>`;

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

  it("marks and counts a paragraph's names once when it is read again while its first reply is on the way", async () => {
    const worker = slowWorker();
    const { marked, counts } = await startOnPage(
      `<article id="story"><p>Nato allies agreed.${filler}</p><p>Ministers spoke.${filler}</p><p>Nothing named here.${filler}</p></article>`,
      worker.send,
    );
    expect(counts()).toEqual(['Nato:1']);
    worker.delay = 1500;
    // A live update adds a paragraph: read by itself, its reply takes 1.5 s.
    document.querySelector('#story')!.insertAdjacentHTML('beforeend', `<p>Jens Stoltenberg arrived.${filler}</p>`);
    await sleep(RESCAN_DELAY_MS + 100);
    // Meanwhile the page (hydration, an auto-linker) adds an inline element to that paragraph.
    document.querySelector('#story p:last-child')!.insertAdjacentHTML('beforeend', ' <a href="#">More</a>');
    await sleep(RESCAN_DELAY_MS + 100 + 2 * 1500 + 300);
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  }, 15_000);

  it("keeps a paragraph's marks shown while it is read again, then counts its names once", async () => {
    const worker = slowWorker();
    const { marked, counts } = await startOnPage(NAMED_STORY, worker.send);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    worker.delay = 1500;
    // The page adds a link to the paragraph (hydration, an auto-linker): it is read again whole.
    document.querySelector('#story p')!.insertAdjacentHTML('beforeend', ' <a href="#">Read more</a>');
    await sleep(RESCAN_DELAY_MS + 300);
    // The reply takes 1.5 s: the reader still sees the names meanwhile.
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    await sleep(1500 + 300);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
  }, 10_000);

  it('reads a placeholder the page patched into a name, and a ticker only a few times', async () => {
    const bg = searchBackground();
    let spots = 0;
    const send = ((type: string, payload: unknown) => {
      if (type === 'spotBlocks') spots++;
      return (bg.send as (t: string, p: unknown) => Promise<unknown>)(type, payload);
    }) as unknown as SendFn;
    const { marked } = await startOnPage(
      `<article id="story"><p>Ministers agreed, said <span id="who">a spokesperson</span>.${filler}</p><p>Live: <span id="tick">Loading</span>${filler}</p><p>Nothing named here.${filler}</p></article>`,
      send,
    );
    expect(marked()).toEqual([]);
    // The page's script fills in the speaker in place.
    (document.querySelector('#who')!.firstChild as Text).data = 'Jens Stoltenberg';
    await settle();
    expect(marked()).toEqual(['Jens Stoltenberg']);
    // A ticker rewrites its text again and again, marked or not: read again a few times, then left alone.
    const before = spots;
    const tick = document.querySelector('#tick')!.firstChild as Text;
    for (let i = 0; i < REWRITE_REREADS + 3; i++) {
      tick.data = `Nato members ${i} Stoltenberg ${i}`; // a live line that names someone
      await settle();
    }
    expect(spots - before).toBe(REWRITE_REREADS);
  }, 15_000);

  it("keeps a paragraph's marks shown when the page changes it again while it is read again", async () => {
    const worker = slowWorker();
    const { marked, counts } = await startOnPage(NAMED_STORY, worker.send);
    worker.delay = 1500;
    const p = document.querySelector('#story p')!;
    p.insertAdjacentHTML('beforeend', ' <a href="#">Read more</a>');
    await sleep(RESCAN_DELAY_MS + 100); // its reading is on the way
    p.insertAdjacentHTML('beforeend', ' <a href="#">Share</a>');
    const seen: string[][] = [];
    for (let t = 0; t < 50; t++) {
      seen.push(marked());
      await sleep(50);
    }
    expect(seen.filter((m) => m.length < 2)).toEqual([]);
    await sleep(1200);
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  }, 15_000);

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

describe('a lazy loader adding an image inside a marked paragraph', () => {
  it('reads nothing again: an element without text holds no name', async () => {
    const { bg, marked } = await start(
      `<article id="story"><p>Nato allies agreed on Tuesday.${filler}</p><p>Jens Stoltenberg spoke.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    const before = bg.sent.filter((m) => m.type === 'spotBlocks').length;
    document
      .querySelector('#story p')!
      .insertAdjacentHTML('beforeend', '<img src="x.png" alt=""><span class="icon"></span>');
    await settle();
    expect(bg.sent.filter((m) => m.type === 'spotBlocks')).toHaveLength(before);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  });
});
