import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESCAN_DELAY_MS, startPage } from '../../../entrypoints/article.content/page-controller';
import { stillLooking } from '../../../entrypoints/article.content/tab-api';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { installHighlights } from '../dom/highlight-stubs';
import { pretendLoading } from '../dom/loading-document';

const loadUi = vi.fn(() => import('../../../components/card-ui').then((m) => m.cardUi));
const STOLTENBERG = { key: 'person:jens stoltenberg', name: 'Jens Stoltenberg', kind: 'person', aliases: [] };

/** A background that spots "Jens Stoltenberg" by plain search; no cards. */
const send = (async (type: string, payload: { blocks: string[] }) => {
  if (type !== 'spotBlocks') return { ok: false, error: 'not in this test' };
  const spans: BlockSpan[] = [];
  payload.blocks.forEach((text, block) => {
    for (const m of text.matchAll(/Jens Stoltenberg/g))
      spans.push({ block, start: m.index, end: m.index + m[0].length, entityKey: STOLTENBERG.key });
  });
  const entities = spans.length ? [{ ...STOLTENBERG, count: spans.length }] : [];
  return { ok: true, value: { entities, spans } };
}) as unknown as SendFn;

const para = (s: string) =>
  `<p>${s} The alliance met in Brussels this week to weigh what comes next for Europe, and ministers spoke at length about budgets, troops and the long winter ahead.</p>`;
const ARTICLE = `<article id="story">${para('Jens Stoltenberg said Nato is ready.')}${para('Jens Stoltenberg added more.')}${para('Allies agreed.')}${para('Nothing named here.')}</article>`;

let ctl = new AbortController();
let uninstall = () => {};
afterEach(() => {
  ctl.abort();
  uninstall();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Starts the page controller on the current document with `settings` (defaults otherwise). */
function start(settings = DEFAULT_SETTINGS) {
  uninstall = installHighlights().uninstall;
  ctl = new AbortController();
  return startPage(document, send, ctl.signal, { loadUi, settings });
}

describe('tab API: getPageState while the page loads', () => {
  it('does not answer noArticle while the parser has not reached the article yet', async () => {
    const parsed = pretendLoading();
    document.body.innerHTML = '<nav><a href="/">Home</a></nav>';
    const page = start();
    await new Promise((r) => setTimeout(r, 100));
    expect(page.getPageState()).toMatchObject({ entities: [] });
    expect(page.getPageState()).not.toHaveProperty('noArticle');
    // The parser reaches the article and finishes: its names are listed.
    document.body.insertAdjacentHTML('beforeend', ARTICLE);
    parsed();
    await page.done;
    const state = page.getPageState();
    expect('entities' in state && state.entities.map((e) => e.name)).toEqual(['Jens Stoltenberg']);
  });

  it('answers an empty list, not noArticle, until the search is done', async () => {
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Short.</p>';
    const page = start();
    const state = page.getPageState();
    expect(state).toMatchObject({ entities: [] });
    expect(state).not.toHaveProperty('noArticle');
    await page.done;
    expect(page.getPageState()).toMatchObject({ noArticle: true });
  });

  it('answers noArticle once the parsed page has none', async () => {
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Short.</p>';
    const page = start();
    await page.done;
    expect(page.getPageState()).toMatchObject({ noArticle: true });
  });

  it('says it is still marking while a pass waits for its names, and not once they are marked', async () => {
    document.body.innerHTML = ARTICLE;
    uninstall = installHighlights().uninstall;
    ctl = new AbortController();
    let answer = () => {};
    const held = (async (type: string, payload: unknown) => {
      await new Promise<void>((r) => (answer = r));
      return send(type as never, payload as never);
    }) as unknown as SendFn;
    const page = startPage(document, held, ctl.signal, { loadUi });
    await vi.waitFor(() => expect(page.getPageState()).toMatchObject({ marking: true }));
    answer();
    await page.done;
    expect(page.getPageState()).toMatchObject({ marking: false, entities: [{ name: 'Jens Stoltenberg' }] });
  });

  it('stillLooking turns only a noArticle answer into an empty list', () => {
    expect(stillLooking({ noArticle: true, url: 'u', title: 't' })).toEqual({ url: 'u', title: 't', entities: [] });
    const state = { url: 'u', title: 't', entities: [{ ...STOLTENBERG, kind: 'person' as const, count: 1 }] };
    expect(stillLooking(state)).toBe(state);
  });
});

/** Starts on ARTICLE and records the text of every element scrolled into view. */
async function startWatchingScrolls() {
  document.body.innerHTML = ARTICLE;
  const page = start();
  await page.done;
  const scrolled: string[] = [];
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this.textContent ?? '');
  });
  return { page, scrolled };
}

describe('tab API: revealEntity', () => {
  it('reports revealed:false for a kind the reader does not mark, and opens no card', async () => {
    document.body.innerHTML = ARTICLE;
    const page = start({ ...DEFAULT_SETTINGS, kinds: ['organization', 'place', 'event'] });
    await page.done;
    expect(page.revealEntity(STOLTENBERG.key)).toEqual({ revealed: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('backstory-host')).toBeNull();
  });

  it('reports revealed:true for a kind the reader marks', async () => {
    document.body.innerHTML = ARTICLE;
    const page = start();
    await page.done;
    expect(page.revealEntity(STOLTENBERG.key)).toEqual({ revealed: true });
  });

  it('reveals a mark still on the page when the first one was re-rendered away', async () => {
    const { page, scrolled } = await startWatchingScrolls();
    // The page re-renders its first paragraph: the old text node (and its mark) leaves the page.
    const first = document.querySelector('#story p')!;
    first.replaceWith(first.cloneNode(true));
    expect(page.revealEntity(STOLTENBERG.key)).toEqual({ revealed: true });
    expect(scrolled).toHaveLength(1);
    expect(scrolled[0]).toContain('Jens Stoltenberg added more.');
  });

  it('reveals the first mention in reading order after the page re-rendered the first paragraph', async () => {
    const { page, scrolled } = await startWatchingScrolls();
    // The first paragraph is re-rendered and read again: its new mark is added after the second's.
    const first = document.querySelector('#story p')!;
    first.replaceWith(first.cloneNode(true));
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
    expect(page.revealEntity(STOLTENBERG.key)).toEqual({ revealed: true });
    expect(scrolled.at(-1)).toContain('Jens Stoltenberg said Nato is ready.');
  });

  it('reports revealed:false for a name not on the page', async () => {
    document.body.innerHTML = ARTICLE;
    const page = start();
    await page.done;
    expect(page.revealEntity('person:nobody')).toEqual({ revealed: false });
  });
});

describe('tab API: revealPassage', () => {
  it('says a passage the page re-rendered away cannot be shown, and shows the one read again', async () => {
    document.body.innerHTML = ARTICLE;
    const page = start();
    await page.done;
    const first = document.querySelector('#story p')!;
    first.replaceWith(first.cloneNode(true));
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
    const { blocks } = page.getArticleText();
    expect(blocks[0]).toBe('');
    expect(page.revealPassage(0, 0, 16)).toEqual({ revealed: false });
    const again = blocks.findIndex((b) => b.startsWith('Jens Stoltenberg said'));
    expect(again).toBeGreaterThan(0);
    expect(page.revealPassage(again, 0, 16)).toEqual({ revealed: true });
  });
});
