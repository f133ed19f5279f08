import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESCAN_DELAY_MS, startPage } from '../../../entrypoints/article.content/page-controller';
import { prepareMarks, unprepareMarks } from '../../../lib/dom/prepared-marks';
import type { SendFn } from '../../../components/HoverCard';
import { FakeStaticRange, installHighlights } from '../dom/highlight-stubs';
import { Marks } from '../../../lib/dom/highlights';
import { pretendLoading } from '../dom/loading-document';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { markedTexts, para, searchBackground } from './page-harness';

/** The card's UI as the UI script hands it over (in the extension, the worker injects that script). */
const loadUi = vi.fn(() => import('../../../components/card-ui').then((m) => m.cardUi));

/** Nato's card, for a background that has cards (fakeBackground's `cards`). */
const NATO_CARD = {
  id: 'nato',
  name: 'Nato',
  kind: 'organization',
  aliases: ['NATO'],
  keys: ['nato'],
  description: 'Military alliance of European and North American states.',
  summary: 'Founded in 1949.',
  source: 'starter',
  edited: false,
  createdAt: 1,
  updatedAt: 1,
};

/**
 * The plain-search background (page-harness.ts). With `cards`, Nato has a card (getPageCards gives
 * it, and spotBlocks says so) and getCard never answers: a worker still waking.
 */
function fakeBackground({ cards = false } = {}) {
  const bg = searchBackground((type, payload) => {
    if (type === 'getPageCards' && cards)
      return { ok: true, value: { cards: payload.cardIds.includes('nato') ? [{ card: NATO_CARD, seenIn: 3 }] : [] } };
    if (type === 'getCard' && cards) return new Promise(() => {});
    if (type === 'getCard') return { ok: true, value: { card: null, notes: [], seenIn: 0 } };
    return { ok: false, error: 'not in this test' };
  });
  if (!cards) return bg;
  const send = (async (type: string, payload: unknown) => {
    const r = (await bg.send(type as never, payload as never)) as {
      ok: boolean;
      value?: { entities?: { key: string; cardId?: string }[] };
    };
    if (type === 'spotBlocks')
      for (const e of r.value?.entities ?? []) if (e.key === 'organization:nato') e.cardId = 'nato';
    return r;
  }) as unknown as SendFn;
  return { send, sent: bg.sent };
}

const ARTICLE = `<nav><a href="/">Home</a> <a href="/world">World</a> Nato news</nav>
  <article id="story">${para('Jens Stoltenberg said Nato is ready.')}${para('Mr Stoltenberg added more.')}${para('Nato allies agreed.')}${para('Nothing named here at all.')}</article>`;

let uninstall = (): void => {};
let ctl = new AbortController();
afterEach(() => {
  ctl.abort();
  uninstall();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  loadUi.mockClear();
});

/** Every shadow root attached from now on (closed ones too, which the page cannot reach). */
function captureShadowRoots(): ShadowRoot[] {
  const shadows: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const s = attach.call(this, init);
    shadows.push(s);
    return s;
  });
  return shadows;
}

async function start(html: string, background = fakeBackground()) {
  const stub = installHighlights();
  uninstall = stub.uninstall;
  document.body.innerHTML = html;
  const before = document.documentElement.outerHTML;
  const bg = background;
  ctl = new AbortController();
  const page = startPage(document, bg.send, ctl.signal, { loadUi });
  await page.done;
  return { page, bg, registry: stub.registry, before };
}

/** Waits out one rescan window (and the rescan it starts). */
const settle = () => new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));

/** Starts the page on the document as it is; the returned function reads a name's mentions. */
async function startCounting() {
  const bg = fakeBackground();
  ctl = new AbortController();
  const page = startPage(document, bg.send, ctl.signal, { loadUi });
  await page.done;
  return (name: string) => {
    const state = page.getPageState();
    return 'entities' in state ? state.entities.find((e) => e.name === name)?.count : undefined;
  };
}

/** How many spotBlocks requests `bg` has seen. */
const spots = (bg: { sent: { type: string }[] }) => bg.sent.filter((m) => m.type === 'spotBlocks').length;

/** Runs `body` with the page at `path`, and puts the address back after. */
async function atAddress(path: string, body: () => Promise<void>): Promise<void> {
  history.replaceState(null, '', path);
  try {
    await body();
  } finally {
    history.replaceState(null, '', '/');
  }
}

describe('article content script', () => {
  it('scans the article only, marks what the background spots and never rewrites the page', async () => {
    const { page, bg, registry, before } = await start(ARTICLE);
    expect(document.documentElement.outerHTML).toBe(before);
    const spot = bg.sent.find((m) => m.type === 'spotBlocks')!;
    expect(spot.payload.blocks).toHaveLength(4);
    expect(spot.payload.blocks.join(' ')).not.toContain('Home');
    expect(registry.get('backstory-person')!.size).toBe(2);
    expect(registry.get('backstory-organization')!.size).toBe(2);
    const state = page.getPageState();
    expect('entities' in state && state.entities.map((e) => [e.name, e.count])).toEqual([
      ['Jens Stoltenberg', 2],
      ['Nato', 2],
    ]);
    // How many mentions are marked and when the last were (the page's clock), for the popup and bench:page.
    expect(state).toMatchObject({ marks: 4 });
    const at = 'markedAt' in state ? (state.markedAt ?? -1) : -1;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThanOrEqual(performance.now());
    expect(document.querySelector('backstory-host')).toBeNull(); // the host appears only when needed
    // The card's UI is loaded ahead of the first hover, once there are names to hover.
    await vi.waitFor(() => expect(loadUi).toHaveBeenCalledTimes(1));
  });

  it('registers the marks of one reply in one go, however many slices building the ranges took', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => para(`Jens Stoltenberg and Nato, part ${i}.`)).join('');
    const stub = installHighlights();
    uninstall = stub.uninstall;
    document.body.innerHTML = `<article>${paragraphs}</article>`;
    // Every clock reading is 20 ms later: each slice ends after one step, so building the ranges
    // takes many slices, and any registration per slice would show up as many add() calls.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    const adds = vi.spyOn(Marks.prototype, 'add');
    const bg = fakeBackground();
    ctl = new AbortController();
    await startPage(document, bg.send, ctl.signal, { loadUi }).done;
    const replies = bg.sent.filter((m) => m.type === 'spotBlocks').length;
    expect(replies).toBe(1);
    expect(adds).toHaveBeenCalledTimes(replies);
    expect(stub.registry.get('backstory-person')!.size).toBe(60);
    expect(stub.registry.get('backstory-organization')!.size).toBe(60);
  });

  it('marks an article the parser has left before DOMContentLoaded; after it, nothing is sent again', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    const parsed = pretendLoading();
    document.body.innerHTML = '<nav><a href="/">Home</a></nav>';
    const bg = fakeBackground();
    ctl = new AbortController();
    const page = startPage(document, bg.send, ctl.signal, { loadUi });
    // The parser adds the article, then goes on to the footer: the article is done.
    document.body.insertAdjacentHTML(
      'beforeend',
      `${ARTICLE.slice(ARTICLE.indexOf('<article'))}<footer>Footer</footer>`,
    );
    await vi.waitFor(() => expect(stub.registry.get('backstory-person')?.size).toBe(2));
    const spots = () => bg.sent.filter((m) => m.type === 'spotBlocks');
    expect(spots()).toHaveLength(1);
    parsed();
    await page.done;
    expect(spots()).toHaveLength(1);
    expect(stub.registry.get('backstory-organization')!.size).toBe(2);
  });

  it('reads an article while the page parses before its first frame, and marks it after without what is hidden until shown', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    const parsed = pretendLoading();
    // The page's first frame comes when the test says.
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    const getStyle = vi.spyOn(window, 'getComputedStyle');
    const bg = fakeBackground();
    ctl = new AbortController();
    const page = startPage(document, bg.send, ctl.signal, { loadUi });
    document.head.insertAdjacentHTML('beforeend', '<style id="later-style">.later { display: none }</style>');
    const later = `<div class="later">${para('Nato again, hidden by the stylesheet.')}</div>`;
    document.body.innerHTML = `${ARTICLE.replace('</article>', `${later}</article>`)}<footer>Footer</footer>`;
    const spots = () => bg.sent.filter((m) => m.type === 'spotBlocks');
    await vi.waitFor(() => expect(spots()).toHaveLength(1));
    // Read and sent before the frame, without a style read: the hidden paragraph went too.
    expect(spots()[0]!.payload.blocks).toHaveLength(5);
    expect(getStyle).not.toHaveBeenCalled();
    await new Promise((done) => setTimeout(done, 50));
    expect(stub.registry.get('backstory-person')?.size ?? 0).toBe(0); // no marks before the frame
    for (const cb of frames.splice(0)) cb(performance.now());
    await vi.waitFor(() => expect(stub.registry.get('backstory-person')?.size).toBe(2));
    expect(stub.registry.get('backstory-organization')!.size).toBe(2); // not the hidden one
    const state = page.getPageState();
    expect('entities' in state && state.entities.map((e) => [e.name, e.count])).toEqual([
      ['Jens Stoltenberg', 2],
      ['Nato', 2],
    ]);
    const text = page.getArticleText().blocks;
    expect(text).toHaveLength(5);
    expect(text[4]).toBe(''); // the hidden block keeps its place, without its text
    parsed();
    await page.done;
    expect(spots()).toHaveLength(1);
    // The page shows the paragraph and adds to it: the rescan reads its text, old and new.
    document.getElementById('later-style')!.remove();
    document.querySelector('.later p')!.append(' Stoltenberg agreed.');
    await vi.waitFor(() => expect(spots()).toHaveLength(2), { timeout: RESCAN_DELAY_MS + 1000 });
    expect(spots()[1]!.payload.blocks.join(' ')).toContain('Nato again');
    await vi.waitFor(() => expect(stub.registry.get('backstory-organization')!.size).toBe(3));
  });

  it('marks the article again from scratch when its text grew after it was read early', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    const parsed = pretendLoading();
    const bg = fakeBackground();
    ctl = new AbortController();
    const page = startPage(document, bg.send, ctl.signal, { loadUi });
    document.body.innerHTML = `${ARTICLE}<footer>Footer</footer>`;
    await vi.waitFor(() => expect(stub.registry.get('backstory-person')?.size).toBe(2));
    // As when a page script appended to the end while the parser was still in the last paragraph.
    (document.querySelector('article p:last-child')!.firstChild as Text).appendData(' Nato too.');
    parsed();
    await page.done;
    expect(stub.registry.get('backstory-organization')!.size).toBe(3);
    expect(stub.registry.get('backstory-person')!.size).toBe(2);
    const last = bg.sent.filter((m) => m.type === 'spotBlocks').pop()!;
    expect(last.payload.blocks).toHaveLength(4);
  });

  it('answers noArticle on a page without an article', async () => {
    const { page, bg } = await start('<nav><a href="/a">A link</a></nav><p>Short.</p>');
    expect(page.getPageState()).toMatchObject({ noArticle: true });
    expect(bg.sent).toHaveLength(0);
    // The stylesheets adopted ahead of the first frame are taken out again: the page is left as it was.
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it("adopts the marks' stylesheets before the first marks on a page that has not painted yet", async () => {
    uninstall = installHighlights().uninstall;
    document.body.innerHTML = ARTICLE;
    const bg = fakeBackground();
    ctl = new AbortController();
    // happy-dom records no paint: the page counts as not painted yet.
    const page = startPage(document, bg.send, ctl.signal, { loadUi });
    expect(document.adoptedStyleSheets.length).toBeGreaterThan(0);
    const early = [...document.adoptedStyleSheets];
    await page.done;
    expect(document.adoptedStyleSheets).toEqual(early); // the first marks adopt nothing more
  });

  it('marks with the stylesheets adopted at document_start, and a site turned off gets them back out', async () => {
    uninstall = installHighlights().uninstall;
    // document_start: the page has no body yet and has not painted.
    const prepared = prepareMarks(document);
    const early = [...document.adoptedStyleSheets];
    expect(early.length).toBeGreaterThan(0);
    document.body.innerHTML = ARTICLE;
    const bg = fakeBackground();
    ctl = new AbortController();
    const page = startPage(document, bg.send, ctl.signal, { prepared, loadUi });
    await page.done;
    expect(page.getPageState()).toMatchObject({ marks: 4 }); // the article's four names, not the nav's
    expect(document.adoptedStyleSheets).toEqual(early); // marking adopted nothing more
    ctl.abort();
    // A site the reader turned Backstory off on never starts: the prepared sheets go again.
    unprepareMarks(prepareMarks(document));
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it("marks with static ranges, which the page's DOM changes do not update", async () => {
    const win = window as unknown as { StaticRange?: unknown };
    win.StaticRange = FakeStaticRange;
    try {
      const { registry } = await start(ARTICLE);
      const ranges = [...registry.values()].flatMap((h) => [...h]);
      expect(ranges).toHaveLength(4);
      for (const r of ranges) expect(r).toBeInstanceOf(FakeStaticRange);
    } finally {
      delete win.StaticRange;
    }
  });

  it('reveals an entity in ONE closed-shadow host, re-added after the page removes it', async () => {
    const shadows = captureShadowRoots();
    const { page } = await start(ARTICLE);
    expect(page.revealEntity('organization:nope')).toEqual({ revealed: false });
    expect(page.revealEntity('person:jens stoltenberg')).toEqual({ revealed: true });
    const host = document.documentElement.querySelector(':scope > backstory-host') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed
    expect(shadows).toHaveLength(1);
    expect(shadows[0]!.mode).toBe('closed');
    const dialog = () => shadows[0]!.querySelector('[role="dialog"]');
    await vi.waitFor(() => expect(dialog()?.getAttribute('aria-label')).toBe('Jens Stoltenberg'));
    expect(host.getAttribute('style')).toContain('position: fixed');
    expect(shadows[0]!.querySelector('style')!.textContent).toContain(':host { all: initial; }');

    host.remove();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(page.revealEntity('organization:nato')).toEqual({ revealed: true });
    expect(document.querySelectorAll('backstory-host')).toHaveLength(1);
    expect(shadows).toHaveLength(1);
    await vi.waitFor(() => expect(dialog()?.getAttribute('aria-label')).toBe('Nato'));
    // One stylesheet: the UI is loaded once and styles its shadow root once.
    expect(shadows[0]!.querySelectorAll('style')).toHaveLength(1);
  });

  it("keeps the page's cards once marked: a first hover shows its card while the worker does not answer", async () => {
    const shadows = captureShadowRoots();
    const { page, bg } = await start(ARTICLE, fakeBackground({ cards: true }));
    await vi.waitFor(() => expect(bg.sent.some((m) => m.type === 'getPageCards')).toBe(true));
    // Only names with a card are asked for, once.
    expect(bg.sent.filter((m) => m.type === 'getPageCards').map((m) => m.payload)).toEqual([{ cardIds: ['nato'] }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(page.revealEntity('organization:nato')).toEqual({ revealed: true });
    const dialog = () => shadows[0]?.querySelector('[role="dialog"]');
    await vi.waitFor(() => expect(dialog()?.textContent).toContain('Military alliance of European'));
    // Still asked again, behind the kept card.
    await vi.waitFor(() => expect(bg.sent.some((m) => m.type === 'getCard')).toBe(true));
  });

  it("asks for a card with the page's other names, most-mentioned first", async () => {
    const { page, bg } = await start(ARTICLE);
    expect(page.revealEntity('organization:nato')).toEqual({ revealed: true });
    await vi.waitFor(() => expect(bg.sent.some((m) => m.type === 'getCard')).toBe(true));
    expect(bg.sent.find((m) => m.type === 'getCard')?.payload).toMatchObject({
      name: 'Nato',
      context: ['Jens Stoltenberg'],
    });
  });

  it('forgets the marks of text the page re-rendered, so counts and text do not pile up', async () => {
    const { page, registry } = await start(ARTICLE);
    const registered = () => [...registry.values()].reduce((n, h) => n + h.size, 0);
    const before = registered();
    const counts = () => {
      const state = page.getPageState();
      return 'entities' in state ? state.entities.map((e) => `${e.name}:${e.count}`).sort() : [];
    };
    const first = counts();
    const story = document.getElementById('story')!;
    const body = story.innerHTML;
    // A live blog re-renders its body three times, the same text in new nodes each time.
    for (let i = 0; i < 3; i++) {
      story.innerHTML = body;
      await settle();
    }
    expect(counts()).toEqual(first);
    expect(registered()).toBe(before);
    const text = page.getArticleText().blocks.filter((b) => b !== '');
    expect(text.filter((b) => b.startsWith('Jens Stoltenberg said'))).toHaveLength(1);
    // The page cuts the article short: the names only in what was cut are gone from the list.
    for (const p of [...story.querySelectorAll('p')].slice(1)) p.remove();
    await settle();
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
  });

  it('picks up paragraphs a web component adds inside its open shadow root', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    document.body.innerHTML = ARTICLE.replace('</article>', '<div id="embed"></div></article>');
    const shadow = document.getElementById('embed')!.attachShadow({ mode: 'open' });
    const paragraph = (text: string) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    };
    shadow.append(paragraph('Nato met in the embed, and ministers spoke at length about the long winter ahead.'));
    const count = await startCounting();
    expect(count('Nato')).toBe(3);
    shadow.append(paragraph('Stoltenberg spoke in the embed.'));
    await settle();
    expect(count('Jens Stoltenberg')).toBe(3);
  });

  it('picks up paragraphs a web component renders later into a shadow root that was empty or named no one', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    document.body.innerHTML = ARTICLE.replace('</article>', '<div id="empty"></div><div id="plain"></div></article>');
    const empty = document.getElementById('empty')!.attachShadow({ mode: 'open' });
    const plain = document.getElementById('plain')!.attachShadow({ mode: 'open' });
    plain.innerHTML = '<p>A caption with nobody named in it at all.</p>';
    const count = await startCounting();
    expect(count('Nato')).toBe(2);
    empty.innerHTML = '<p>Nato ministers met in the embed.</p>';
    await settle();
    expect(count('Nato')).toBe(3);
    plain.append(Object.assign(document.createElement('p'), { textContent: 'Nato spoke in the caption.' }));
    await settle();
    expect(count('Nato')).toBe(4);
  });

  it('reads again text the page rewrites in place, and marks exactly the new characters', async () => {
    const { page, registry, bg } = await start(ARTICLE);
    const marked = () => markedTexts(registry);
    const counts = () => {
      const state = page.getPageState();
      return 'entities' in state ? state.entities.map((e) => `${e.name}:${e.count}`).sort() : [];
    };
    const [first, second, , fourth] = [...document.querySelectorAll('#story p')].map((p) => p.firstChild as Text);
    // Text that named no one changing (a ticker, "2 minutes ago") is not read over and over.
    fourth!.data = 'Updated 2 minutes ago. Nothing named here at all.';
    await settle();
    expect(spots(bg)).toBe(1);
    // A framework patches two text nodes: one gains a prefix, one loses its name.
    first!.data = `Updated: ${first!.data}`;
    second!.data = second!.data.replace('Mr Stoltenberg', 'The minister');
    await settle();
    expect(spots(bg)).toBe(2);
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:2']);
    expect(marked().sort()).toEqual(['Jens Stoltenberg', 'Nato', 'Nato']);
  });

  it('picks up added paragraphs in one coalesced rescan of only the new text', async () => {
    const { page, bg } = await start(ARTICLE);
    const story = document.getElementById('story')!;
    for (let i = 0; i < 50; i++)
      story.insertAdjacentHTML('beforeend', para(i === 0 ? 'Stoltenberg left.' : `Update ${i}.`));
    await settle();
    const spots = bg.sent.filter((m) => m.type === 'spotBlocks');
    expect(spots).toHaveLength(2);
    expect(spots[1]!.payload.blocks).toHaveLength(50);
    const state = page.getPageState();
    expect('entities' in state && state.entities.find((e) => e.name === 'Jens Stoltenberg')?.count).toBe(3);
  });

  it('finds an article a client-rendered page builds after the script started', async () => {
    const { page, bg } = await start('<div id="app"><p>Loading…</p></div>');
    expect(page.getPageState()).toMatchObject({ noArticle: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(loadUi).not.toHaveBeenCalled(); // nothing to hover: no card UI
    document.getElementById('app')!.innerHTML = ARTICLE;
    await settle();
    expect(spots(bg)).toBe(1);
    expect(loadUi).toHaveBeenCalledTimes(1);
    const state = page.getPageState();
    expect('entities' in state && state.entities.map((e) => e.name)).toContain('Jens Stoltenberg');
  });

  it("looks for a late article at each new address, however many looks the app's earlier pages used", {
    timeout: 20_000,
  }, async () => {
    const { page, bg } = await start('<div id="app"><p>Front page</p><div id="ad"></div></div>');
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // A front page whose ad slot refreshes: each burst is another look for an article, in vain.
    for (let i = 0; i < 6; i++) {
      document.getElementById('ad')!.innerHTML = `<span>Ad ${i}</span>`;
      await wait(RESCAN_DELAY_MS + 100);
    }
    history.pushState(null, '', '/world/story-1');
    document.getElementById('app')!.innerHTML = '<p>Loading…</p>';
    await wait(RESCAN_DELAY_MS + 300);
    // The story arrives from the network after the address changed.
    document.getElementById('app')!.innerHTML = ARTICLE;
    // Polled rather than slept: on a loaded machine the look may take longer than one window.
    await vi.waitFor(
      () => {
        const state = page.getPageState();
        expect('entities' in state && state.entities.map((e) => e.name)).toContain('Jens Stoltenberg');
      },
      { timeout: 5_000, interval: 50 },
    );
    history.replaceState(null, '', '/');
    expect(spots(bg)).toBe(1);
  });

  it("reads past a form whose controls shadow its properties, and a page's mutations of it throw nothing", async () => {
    const errors: unknown[] = [];
    const { page, bg } = await start(ARTICLE, fakeBackground());
    const story = document.getElementById('story')!;
    // What Chromium does with <input name="tagName"> in a form (happy-dom does not): the control
    // shadows the form's own property, for any script reading it.
    const form = document.createElement('form');
    form.innerHTML = '<input name="tagName"><input name="hasAttributes">';
    for (const name of ['tagName', 'hasAttributes'])
      Object.defineProperty(form, name, { value: form.querySelector(`[name="${name}"]`) });
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      story.append(form);
      story.insertAdjacentHTML('beforeend', para('Stoltenberg left.'));
      await settle();
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).toEqual([]);
    expect(spots(bg)).toBe(2);
    const state = page.getPageState();
    expect('entities' in state && state.entities.find((e) => e.name === 'Jens Stoltenberg')?.count).toBe(3);
  });

  it('puts its highlights back after the page empties CSS.highlights', async () => {
    const { page, registry } = await start(ARTICLE);
    const ours = () => [...registry.keys()].filter((k) => k.startsWith('backstory-')).sort();
    const before = ours();
    expect(before.length).toBeGreaterThan(0);
    // The page's own search highlighting starts by clearing the registry (MDN's example does).
    registry.clear();
    registry.set('page-search', new Set() as never);
    document.getElementById('story')!.insertAdjacentHTML('beforeend', para('Stoltenberg left.'));
    await settle();
    expect(ours()).toEqual(before);
    expect(registry.has('page-search')).toBe(true);
    // A change of settings puts them back too.
    registry.clear();
    page.applySettings({ ...DEFAULT_SETTINGS });
    expect(ours()).toEqual(before);
  });

  it('keeps the article when the site only tidies the query of its address', () =>
    atAddress('/story?utm_source=feed&id=7', async () => {
      const { page, bg } = await start(ARTICLE);
      history.replaceState(null, '', '/story?id=7');
      document.body.insertAdjacentHTML('beforeend', '<div class="ad">Ad</div>');
      await settle();
      expect(spots(bg)).toBe(1);
      const state = page.getPageState();
      expect('entities' in state && state.entities.map((e) => `${e.name}:${e.count}`).sort()).toEqual([
        'Jens Stoltenberg:2',
        'Nato:2',
      ]);
    }));

  it('keeps a re-rendered article when the site then tidies its address', () =>
    atAddress('/story?utm_source=feed', async () => {
      const { bg } = await start(ARTICLE);
      const first = document.querySelector('#story p')!;
      first.replaceWith(first.cloneNode(true));
      await settle();
      expect(spots(bg)).toBe(2); // the new paragraph
      history.replaceState(null, '', '/story');
      document.body.insertAdjacentHTML('beforeend', '<div class="ad">Ad</div>');
      await settle();
      expect(spots(bg)).toBe(2);
    }));

  it('starts over when the query names another story (?id=8), even before the text changes', () =>
    atAddress('/story?id=7', async () => {
      const { bg } = await start(ARTICLE);
      history.pushState(null, '', '/story?id=8');
      document.body.insertAdjacentHTML('beforeend', '<div class="spinner">Loading</div>');
      await settle();
      expect(spots(bg)).toBe(2);
    }));

  it('waits to start over while the reader is in the open card', async () => {
    const shadows = captureShadowRoots();
    const { page, bg } = await start(ARTICLE);
    expect(page.revealEntity('organization:nato')).toEqual({ revealed: true });
    const dialog = () => shadows[0]?.querySelector('[role="dialog"]');
    await vi.waitFor(() => expect(dialog()).toBeTruthy());
    // The reader is in the card (writing a note) when a live blog swaps its article element.
    const inCard = dialog()!.querySelector<HTMLElement>('button, [tabindex]')!;
    inCard.focus();
    expect(document.activeElement).toBe(shadows[0]!.host);
    const swap = document.createElement('article');
    swap.id = 'story2';
    swap.innerHTML = `${para('Nato allies met.')}${para('Nato again.')}${para('More text.')}`;
    document.getElementById('story')!.replaceWith(swap);
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS * 2 + 300));
    expect(dialog()).toBeTruthy();
    expect(spots(bg)).toBe(1);
    // Once the reader leaves the card, the new article is read.
    inCard.blur();
    await settle();
    expect(spots(bg)).toBe(2);
  });

  describe('the card stays while the reader writes in it', () => {
    const win = window as unknown as { StaticRange?: unknown };
    /** The page with static ranges, as in Chromium (a mark on text that left the page has no box). */
    async function startStatic() {
      win.StaticRange = FakeStaticRange;
      // happy-dom has no layout: every range has one box.
      vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
        new DOMRect(0, 10, 40, 16),
      ] as unknown as DOMRectList);
      vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 10, 40, 16));
      return (await start(ARTICLE)).page;
    }
    afterEach(() => {
      delete win.StaticRange;
    });
    /** Focuses the open card's note frame, as a reader tabbing into the notes does. */
    function focusNotes(shadow: ShadowRoot): HTMLIFrameElement {
      const frame = shadow.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')!;
      frame.tabIndex = 0;
      frame.focus();
      expect(document.activeElement).toBe(shadow.host);
      return frame;
    }

    it('does not close under the reader when the page re-renders the name and the reader then scrolls', async () => {
      const shadows = captureShadowRoots();
      const page = await startStatic();
      expect(page.revealEntity('organization:nato')).toEqual({ revealed: true });
      const dialog = () => shadows[0]?.querySelector('[role="dialog"]');
      await vi.waitFor(() => expect(dialog()?.querySelector('iframe')).toBeTruthy());
      focusNotes(shadows[0]!);
      // A live blog re-renders the article (same text, new nodes); page-watch waits for the reader...
      const story = document.getElementById('story')!;
      const html = story.innerHTML;
      story.innerHTML = html;
      await new Promise((r) => setTimeout(r, 50));
      expect(dialog()).toBeTruthy();
      // ...and the reader scrolls to re-read a line: the card's name is gone, the card (and draft) stays.
      window.dispatchEvent(new Event('scroll'));
      await new Promise((r) => setTimeout(r, 50));
      expect(dialog()).toBeTruthy();
    });

    it('"next name" does not replace the card while the reader is in its note frame', async () => {
      const shadows = captureShadowRoots();
      const page = await startStatic();
      expect(page.pageCommand('next-name')).toMatchObject({ done: true, name: 'Jens Stoltenberg' });
      const dialog = () => shadows[0]?.querySelector('[role="dialog"]');
      await vi.waitFor(() => expect(dialog()?.querySelector('iframe')).toBeTruthy());
      const frame = focusNotes(shadows[0]!);
      // Alt+Shift+N again (the browser delivers it even with focus in the frame): the next mark is Nato's.
      page.pageCommand('next-name');
      await new Promise((r) => setTimeout(r, 50));
      expect(dialog()?.getAttribute('aria-label')).toBe('Jens Stoltenberg');
      expect(dialog()?.querySelector('iframe')).toBe(frame);
    });
  });

  it('leaves unmarked what the page changed while the worker was spotting it', async () => {
    const bg = fakeBackground();
    const inner = bg.send;
    // The page patches the first paragraph's text node (a framework's hydration) and splits the
    // third's (an auto-linker) while the spot request is out.
    bg.send = (async (type: string, payload: unknown) => {
      const reply = await (inner as (t: string, p: unknown) => Promise<unknown>)(type, payload);
      if (type === 'spotBlocks') {
        const [first, , third] = [...document.querySelectorAll('#story p')];
        const t = first!.firstChild as Text;
        t.data = `Updated: ${t.data}`;
        (third!.firstChild as Text).splitText(3);
      }
      return reply;
    }) as unknown as SendFn;
    const { page, registry } = await start(ARTICLE, bg);
    const marked = markedTexts(registry);
    // Only the untouched paragraph's name is marked, on exactly its characters.
    expect(marked).toEqual(['Stoltenberg']);
    const state = page.getPageState();
    expect('entities' in state && state.entities.map((e) => `${e.name}:${e.count}`)).toEqual(['Jens Stoltenberg:1']);
  });

  it('starts over when a single-page app replaces the article element', async () => {
    const { page, bg } = await start(ARTICLE);
    document.getElementById('story')!.replaceWith(Object.assign(document.createElement('article'), { id: 'story2' }));
    document.getElementById('story2')!.innerHTML =
      `${para('Nato allies met.')}${para('Nato again.')}${para('More text.')}`;
    await settle();
    expect(spots(bg)).toBe(2);
    const state = page.getPageState();
    // The old article's names are forgotten; only the new one's are listed.
    expect('entities' in state && state.entities.map((e) => `${e.name}:${e.count}`)).toEqual(['Nato:2']);
  });

  it('scans the whole page on request when there is no article', async () => {
    const { page, bg, registry } = await start(
      '<nav><a href="/a">Jens Stoltenberg in Brussels</a></nav><div class="teaser">Nato meets.</div><script>var Nato = 1;</script>',
    );
    expect(page.getPageState()).toMatchObject({ noArticle: true });
    expect(bg.sent).toHaveLength(0);
    const state = await page.scanWholePage();
    expect(state.entities.map((e) => e.name)).toEqual(['Jens Stoltenberg', 'Nato']);
    const spot = bg.sent.find((m) => m.type === 'spotBlocks')!;
    // Navigation is read too (the reader asked for the whole page); scripts never are.
    expect(spot.payload.blocks.join(' ')).toContain('Jens Stoltenberg in Brussels');
    expect(spot.payload.blocks.join(' ')).not.toContain('var Nato');
    expect(registry.get('backstory-person')!.size).toBe(1);
    expect(page.getPageState()).toMatchObject({ entities: expect.any(Array) });
  });

  it('cleans up when the extension context goes away', async () => {
    const { page, registry } = await start(ARTICLE);
    page.revealEntity('organization:nato');
    ctl.abort();
    expect(registry.size).toBe(0);
    expect(document.querySelector('backstory-host')).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
