/**
 * What the article content script does on a page: find the article, cut it into text blocks, ask
 * the background to spot names, mark them, drive the hover card, answer the popup, and pick up
 * paragraphs the page adds later. Every step is guarded: nothing ever throws into the page.
 */
import type { PageCommand, PageEntity, PageState, TabReplies } from '../../lib/messaging/protocol';
import type { SendFn } from '../../components/HoverCard';
import type { BlockSpan } from '../../lib/entity';
import { findArticle } from '../../lib/dom/article';
import { piecesFor, rangeFor, scanBlocks, type TextBlock } from '../../lib/dom/text-blocks';
import { Marks, type Mark } from '../../lib/dom/highlights';
import { HoverIntent, listenHover } from '../../lib/dom/hit-test';
import { createSlice } from '../../lib/dom/scheduler';
import { HOST_TAG } from '../../lib/dom/skip';
import { createCardHost } from './card-host';
import { findPublished } from '../../lib/dom/article-date';
import { flashRange } from '../../lib/dom/flash';
import { MarkNavigator } from '../../lib/dom/keyboard-nav';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';

/** Coalescing window for page mutations (ms): a burst of thousands becomes one rescan. */
export const RESCAN_DELAY_MS = 500;
/** How many mutation bursts on a page without an article trigger another look for one. */
const MAX_LATE_LOOKS = 5;

/** Tab-message handlers the controller offers (wired to serveTab by the entrypoint). */
export interface TabApi {
  getPageState(): TabReplies['getPageState'];
  revealEntity(key: string): TabReplies['revealEntity'];
  getArticleText(): TabReplies['getArticleText'];
  revealPassage(block: number, start: number, end: number): TabReplies['revealPassage'];
  pageCommand(command: PageCommand): TabReplies['pageCommand'];
}

/** The elements no other element of `els` contains: one sort, then one pass in document order. */
function outermost(els: Element[]): Element[] {
  els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const out: Element[] = [];
  for (const el of els) {
    const last = out[out.length - 1];
    // In document order a kept element's descendants come right after it: checking the last suffices.
    if (!last?.contains(el)) out.push(el);
  }
  return out;
}

/** Logs quietly: debug level never shows up as a page error. */
function quiet(error: unknown): void {
  if (error instanceof Error && error.name === 'AbortedError') return;
  console.debug('[Backstory]', error);
}

/**
 * Starts Backstory on `doc` and returns the tab-message handlers at once; `done` resolves (never
 * rejects) when the first pass is marked.
 */
export function startPage(
  doc: Document,
  send: SendFn,
  signal: AbortSignal,
  initial: Settings = DEFAULT_SETTINGS,
): TabApi & { done: Promise<void>; applySettings(settings: Settings): void } {
  const blocks: TextBlock[] = [];
  const entities = new Map<string, PageEntity>();
  const marks = new Marks(doc);
  let seen = new WeakSet<Text>();
  let root: Element | null = null;
  // A new address (ignoring #fragments, which only scroll) means a new article in a single-page app.
  const address = () => (doc.location?.href ?? '').split('#')[0] ?? '';
  let lastUrl = address();
  /** Bumped when the article is replaced, so passes still awaiting the old one give up. */
  let generation = 0;
  const page = () => ({ url: doc.location?.href ?? '', title: doc.title ?? '' });

  // Settings and the keyboard path (focus ring, kinds shown, marking style, marks toggled off).
  let settings = initial;
  let byKeyboard = false;
  const nav = new MarkNavigator(doc);
  nav.setDisplay({ kinds: settings.kinds, markStyle: settings.markStyle });
  const intent = new HoverIntent({
    onOpen: (mark) => safe(() => openCard(mark)),
    onClose: () =>
      safe(() => {
        host.hide();
        if (settings.markStyle === 'hover') nav.focus(null);
      }),
    get openDelayMs() {
      return settings.hoverDelayMs;
    },
  });
  const host = createCardHost(doc, { send, page, onClose: () => intent.close() });
  signal.addEventListener('abort', () => {
    intent.dispose();
    nav.dispose();
    marks.clear();
    host.dispose();
  });

  function safe(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      quiet(e);
    }
  }

  function openCard(mark: Mark): void {
    const e = entities.get(mark.key);
    if (!e || !nav.kindShown(mark.kind)) return;
    // "Off until hover": the ring shows which name the open card is about.
    if (byKeyboard || settings.markStyle === 'hover') nav.focus(mark);
    const anchor = () => {
      if (!mark.range.startContainer.isConnected) return null;
      const r = mark.range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    host.show(
      { key: e.key, name: e.name, kind: e.kind, aliases: e.aliases, count: e.count, focus: byKeyboard },
      anchor,
    );
  }

  /** Scans `scopes` (the article, or subtrees added since) and marks what ONE spotBlocks call spots. */
  async function scanAndMark(scopes: Element[]): Promise<void> {
    // A single-page navigation (restart) during an await makes this pass stale: drop it.
    const gen = generation;
    const stale = () => signal.aborted || gen !== generation;
    const fresh: TextBlock[] = [];
    for (const scope of scopes) fresh.push(...(await scanBlocks(scope, signal, { seen })));
    if (fresh.length === 0 || stale()) return;
    const base = blocks.length;
    blocks.push(...fresh);
    const r = await send('spotBlocks', { blocks: fresh.map((b) => b.text), page: page() });
    if (!r.ok) return quiet(r.error);
    if (stale()) return;
    for (const e of r.value.entities) {
      const old = entities.get(e.key);
      entities.set(
        e.key,
        old ? { ...old, count: old.count + e.count, aliases: [...new Set([...old.aliases, ...e.aliases])] } : e,
      );
    }
    await markSpans(r.value.spans, base, stale);
  }

  /** Turns spans into ranges and highlights, in slices (a long article has thousands). */
  async function markSpans(spans: BlockSpan[], base: number, stale: () => boolean): Promise<void> {
    const slice = createSlice(signal);
    let batch: Mark[] = [];
    for (const s of spans) {
      const block = blocks[base + s.block];
      const e = entities.get(s.entityKey);
      const range = block && e ? rangeFor(block, s.start, s.end) : null;
      if (range && block && e)
        batch.push({ key: e.key, kind: e.kind, range, pieces: piecesFor(block, s.start, s.end) });
      if (slice.expired()) {
        marks.add(batch);
        nav.track(batch);
        batch = [];
        await slice.next();
        if (stale()) return;
      }
    }
    marks.add(batch);
    nav.track(batch);
  }

  /**
   * A single-page app swapped the article (history.pushState, a router re-render, Back): forget
   * the old article's marks and names and start over on the new one.
   */
  async function restart(): Promise<void> {
    generation++;
    intent.close();
    marks.clear();
    nav.forget();
    entities.clear();
    blocks.length = 0;
    seen = new WeakSet<Text>();
    lastUrl = address();
    root = findArticle(doc);
    if (root) await scanAndMark([root]);
  }

  /**
   * Coalesces added nodes into one rescan per RESCAN_DELAY_MS: paragraphs added inside the article
   * are scanned alone; a new URL or a replaced article element means a new article.
   */
  function watch(target: Element): void {
    const added = new Set<Element>();
    let lateLooks = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = async (): Promise<void> => {
      timer = undefined;
      const moved = address() !== lastUrl;
      if (moved || (root !== null && !root.isConnected)) {
        added.clear();
        return restart();
      }
      // Client-rendered pages may build their article after we started: look again, a few times.
      if (root === null && lateLooks < MAX_LATE_LOOKS) {
        lateLooks++;
        added.clear();
        root = findArticle(doc);
        if (root) await scanAndMark([root]);
        return;
      }
      const scopes = outermost([...added].filter((el) => el.isConnected && root?.contains(el)));
      added.clear();
      if (scopes.length) await scanAndMark(scopes);
    };
    const mo = new MutationObserver((records) => {
      for (const rec of records) {
        // A removal may be the article itself going away (the URL check below catches the rest).
        if (root && rec.removedNodes.length && !root.isConnected) added.add(target);
        for (const n of rec.addedNodes) {
          const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
          // Without an article (and no look left), nothing is collected: only a new URL matters.
          const wanted = root ? root.contains(el) || !root.isConnected : lateLooks < MAX_LATE_LOOKS;
          if (el && wanted && el.tagName.toLowerCase() !== HOST_TAG) added.add(el);
        }
      }
      if ((added.size > 0 || address() !== lastUrl) && timer === undefined)
        timer = setTimeout(() => void flush().catch(quiet), RESCAN_DELAY_MS);
    });
    mo.observe(target, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      mo.disconnect();
      clearTimeout(timer);
    });
  }

  const api: TabApi = {
    getPageState() {
      const { url, title } = page();
      if (!root) return { noArticle: true, url, title };
      const list = [...entities.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      const state: PageState = { url, title, entities: list };
      return state;
    },
    revealEntity(key) {
      const mark = marks.byKey(key)[0];
      if (!mark) return { revealed: false };
      const el = mark.range.startContainer.parentElement;
      el?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      intent.open(mark);
      return { revealed: true };
    },
    getArticleText() {
      const published = findPublished(doc, root);
      return { blocks: blocks.map((b) => b.text), ...(published ? { published } : {}) };
    },
    revealPassage(block, start, end) {
      const b = blocks[block];
      const range = b ? rangeFor(b, start, Math.min(end, b.text.length)) : null;
      return { revealed: range ? flashRange(doc, range) : false };
    },
    pageCommand(command) {
      if (command === 'toggle-marks') {
        nav.setDisplay({ shown: !nav.shown });
        return { done: true, marksShown: nav.shown };
      }
      const mark = nav.step(command === 'next-name' ? 1 : -1);
      const e = mark && entities.get(mark.key);
      if (!mark || !e) return { done: false };
      mark.range.startContainer.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      byKeyboard = true; // the card opens with focus on its heading; Escape gives focus back
      try {
        intent.open(mark);
      } finally {
        byKeyboard = false;
      }
      return { done: true, name: e.name };
    },
  };

  const done = (async () => {
    root = findArticle(doc);
    listenHover({ doc, marks, intent, isOnCard: (e) => host.contains(e), signal });
    // The whole body is watched: single-page apps replace the article element or navigate.
    if (doc.body) watch(doc.body);
    if (root) await scanAndMark([root]);
  })().catch(quiet);
  const applySettings = (next: Settings): void => {
    settings = next;
    nav.setDisplay({ kinds: next.kinds, markStyle: next.markStyle });
  };
  return { ...api, done, applySettings };
}
