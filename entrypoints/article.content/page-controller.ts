/**
 * What the article content script does on a page: find the article, cut it into text blocks, ask
 * the background to spot names, mark them, drive the hover card, answer the popup, and pick up
 * paragraphs the page adds later. Every step is guarded: nothing ever throws into the page.
 * The parts live beside this file: marking.ts (scan → spot → mark), page-watch.ts (dynamic
 * pages), tab-api.ts (popup messages), card-host.tsx (the one node added to the page).
 */
import type { SendFn } from '../../components/HoverCard';
import { type ArticleFound, findArticleSliced } from '../../lib/dom/article';
import { articleBeforeParsed } from '../../lib/dom/early-article';
import { afterFirstPaint, documentParsed, type SlicePriority, yieldToPage } from '../../lib/dom/scheduler';
import type { Mark } from '../../lib/dom/highlights';
import { HoverIntent, listenHover } from '../../lib/dom/hit-test';
import { type PreparedMarks, prepareMarks, unprepareMarks } from '../../lib/dom/prepared-marks';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { createCardHost } from './card-host';
import { createMarking } from './marking';
import { findPublished } from '../../lib/dom/article-date';
import { watchPage } from './page-watch';
import { createTabApi, type TabApi } from './tab-api';

export { RESCAN_DELAY_MS } from './page-watch';
export type { TabApi } from './tab-api';

/** Article length (chars) above which the first scan waits for the page's first frame. */
const PAINT_FIRST_CHARS = 200_000;

/** Logs quietly: debug level never shows up as a page error. */
function quiet(error: unknown): void {
  if (error instanceof Error && error.name === 'AbortedError') return;
  console.debug('[Backstory]', error);
}

/**
 * Starts Backstory on `doc` (from document_start on: an article the parser is done with is marked
 * before DOMContentLoaded) and returns the tab-message handlers at once; `done` resolves (never
 * rejects) when the first pass after DOMContentLoaded is marked.
 */
export function startPage(
  doc: Document,
  send: SendFn,
  signal: AbortSignal,
  initial: Settings = DEFAULT_SETTINGS,
  prepared?: PreparedMarks,
): TabApi & { done: Promise<void>; applySettings(settings: Settings): void } {
  const { marks, nav } = prepared ?? prepareMarks(doc);
  const unstyle = (): void => unprepareMarks({ marks, nav });
  let root: Element | null = null;
  /** True once the reader asked to scan the whole page (no article found): furniture is read too. */
  let wholePage = false;
  // A new address (ignoring #fragments, which only scroll) means a new article in a single-page app.
  const address = () => (doc.location?.href ?? '').split('#')[0] ?? '';
  let lastUrl = address();
  const page = () => ({ url: doc.location?.href ?? '', title: doc.title ?? '' });

  // Settings and the keyboard path (focus ring, kinds shown, marking style, marks toggled off).
  let settings = initial;
  let byKeyboard = false;
  nav.setDisplay({ kinds: settings.kinds, markStyle: settings.markStyle });
  // The article's date, read once per article (root and address): it may read the whole article's
  // text, and every spot batch and timeline request asks for it.
  let dated: { root: Element | null; url: string; value: string | undefined } | null = null;
  const published = () => {
    if (dated?.root !== root || dated.url !== address())
      dated = { root, url: address(), value: findPublished(doc, root) };
    return dated.value;
  };
  const marking = createMarking({ send, signal, marks, nav, page, published, quiet });
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
  const host = createCardHost(doc, {
    send,
    page,
    onClose: () => intent.close(),
    // The pointer went straight into the card's note frame: the card is under it, keep it open.
    onPointerIn: () => intent.update(null, true),
  });
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
    const e = marking.entities.get(mark.key);
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

  const mark = (scopes: Element[], priority?: SlicePriority) =>
    marking.scanAndMark(scopes, { skipFurniture: !wholePage, priority });

  /** Numbers looks for the article: a look that a newer one (or a restart) overtook is dropped. */
  let looks = 0;

  /**
   * Looks for the article and marks it (first pass, and late looks on client-rendered pages). The
   * first pass runs its slices at 'user-blocking' priority: the reader is looking at the page now.
   */
  async function findAndMark(priority?: SlicePriority): Promise<void> {
    const look = ++looks;
    // The finder's slice clock starts in a task of its own, not after the setup (card host,
    // listeners, tab API: 5-13 ms) that ran in this one; together they made a 30-50 ms first task.
    await yieldToPage(signal, priority);
    const found = await findArticleSliced(doc, signal, priority);
    if (look !== looks) return;
    await markArticle(found, look, priority);
  }

  /** Marks the article `found` by look number `look` (dropped if a newer look overtook it). */
  async function markArticle(found: ArticleFound | null, look: number, priority?: SlicePriority): Promise<void> {
    root = found?.root ?? null;
    if (!found) return unstyle();
    // Before the first frame, the scan's first style read makes the browser style the whole page in
    // our task (68 ms on the 200,000-word page, traced). So a book-length article, and any article
    // read while the page still parses (its first frame may not have come), waits for that frame;
    // for an ordinary article after DOMContentLoaded it is a few ms, less than the wait would cost.
    // (The length is the finder's count: reading root.textContent there took 22-57 ms.)
    if (found.chars > PAINT_FIRST_CHARS || doc.readyState === 'loading') await afterFirstPaint(doc, signal);
    // The scan starts a slice clock of its own: without a yield here its first slice would run in
    // the task of the finder's last one (two budgets in one task: 25-30 ms slices on bbc-1, traced).
    await yieldToPage(signal, priority);
    if (look !== looks) return;
    // Read (and kept) here, not in the task that sends the first batch: on a book-length page the
    // date and the serialising of a 120,000-character batch together made a 50 ms task (traced).
    published();
    await mark([found.root], priority);
  }

  /**
   * After DOMContentLoaded, on an article marked while the page was parsed: the finder must pick
   * it again (or an element around it) and its text must be as it was read; then only text added
   * since is scanned (usually none, so nothing is sent). Otherwise it is marked again from scratch.
   */
  async function confirmEarly(early: Element): Promise<void> {
    const look = ++looks;
    await yieldToPage(signal, 'user-blocking');
    const found = await findArticleSliced(doc, signal, 'user-blocking');
    if (look !== looks) return;
    if (found?.root.contains(early) && marking.intact()) {
      root = found.root;
      return mark([found.root], 'user-blocking');
    }
    await restart('user-blocking');
  }

  /**
   * A single-page app swapped the article (history.pushState, a router re-render, Back): forget
   * the old article's marks and names and start over on the new one.
   */
  async function restart(priority?: SlicePriority): Promise<void> {
    marking.reset();
    intent.close();
    marks.clear();
    nav.forget();
    wholePage = false;
    root = null;
    lastUrl = address();
    await findAndMark(priority);
  }

  const api = createTabApi({
    doc,
    marking,
    marks,
    nav,
    page,
    root: () => root,
    published,
    open(m, keyboard) {
      byKeyboard = keyboard;
      try {
        intent.open(m);
      } finally {
        byKeyboard = false;
      }
    },
    async scanWholePage() {
      if (root || !doc.body) return; // an article (or the page) is already being marked
      looks++; // a look still under way must not replace the body with what it finds
      root = doc.body;
      wholePage = true;
      await mark([doc.body]);
    },
  });

  const done = (async () => {
    listenHover({ doc, marks, intent, isOnCard: (e) => host.contains(e), signal });
    const early = await articleBeforeParsed(doc, signal, () => findArticleSliced(doc, signal, 'user-blocking'));
    if (early) await markArticle(early, ++looks, 'user-blocking');
    const earlyRoot = root;
    await documentParsed(doc);
    // The whole body is watched: single-page apps replace the article element or navigate.
    if (doc.body)
      watchPage(
        doc.body,
        {
          root: () => root,
          lastUrl: () => lastUrl,
          address,
          restart,
          lookAgain: () => findAndMark(),
          rescan: (scopes) => mark(scopes),
          quiet,
        },
        signal,
      );
    await (earlyRoot ? confirmEarly(earlyRoot) : findAndMark('user-blocking'));
  })().catch(quiet);
  const applySettings = (next: Settings): void => {
    settings = next;
    nav.setDisplay({ kinds: next.kinds, markStyle: next.markStyle });
  };
  return { ...api, done, applySettings };
}
