/**
 * What the article content script does on a page: find the article, cut it into text blocks, ask
 * the background to spot names, mark them, drive the hover card, answer the popup, and pick up
 * paragraphs the page adds later. Every step is guarded: nothing ever throws into the page.
 * The parts live beside this file: article-looks.ts (finding the article), marking.ts (scan →
 * spot → mark), page-watch.ts (dynamic pages), tab-api.ts (popup messages), card-opener.ts (the
 * hover card) and card-host.ts (the one node added to the page).
 */
import type { SendFn } from '../../components/HoverCard';
import { documentParsed, type SlicePriority } from '../../lib/dom/scheduler';
import { listenHover } from '../../lib/dom/hit-test';
import { type PreparedMarks, prepareMarks, unprepareMarks } from '../../lib/dom/prepared-marks';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import type { CardUi } from '../../lib/dom/card-ui-slot';
import type { Mark } from '../../lib/dom/highlights';
import { createCardOpener } from './card-opener';
import { createMarking } from './marking';
import { ArticleLooks } from './article-looks';
import { findPublished } from '../../lib/dom/article-date';
import { pageRef } from '../../lib/dom/page-ref';
import { ArticleReader } from './article-reader';
import { watchPage } from './page-watch';
import { createTabApi, type TabApi } from './tab-api';

export { RESCAN_DELAY_MS } from './page-watch';
export type { TabApi } from './tab-api';

/** Logs quietly: debug level never shows up as a page error. */
function quiet(error: unknown): void {
  if (error instanceof Error && error.name === 'AbortedError') return;
  console.debug('[Backstory]', error);
}

/** Options of {@link startPage}. */
export interface StartPageOptions {
  /** The reader's settings as read at start (defaults until then). */
  settings?: Settings;
  /** The marks' stylesheets, adopted before the settings were read (prepareMarks). */
  prepared?: PreparedMarks;
  /** Loads the hover card's UI (default: asks the worker to inject it, see card-ui-slot.ts). */
  loadUi?: () => Promise<CardUi>;
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
  opts: StartPageOptions = {},
): TabApi & { done: Promise<void>; applySettings(settings: Settings): void } {
  const { settings: initial = DEFAULT_SETTINGS, prepared } = opts;
  const { marks, nav } = prepared ?? prepareMarks(doc);
  const unstyle = (): void => unprepareMarks({ marks, nav });
  let root: Element | null = null;
  // A new address (ignoring #fragments, which only scroll) means a new article in a single-page app.
  const address = () => (doc.location?.href ?? '').split('#')[0] ?? '';
  let lastUrl = address();
  const page = () => pageRef(doc);

  // Settings and the keyboard path (focus ring, kinds shown, marking style, marks toggled off).
  let settings = initial;
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
  const cards = createCardOpener(doc, {
    send,
    page,
    marking,
    nav,
    settings: () => settings,
    loadUi: opts.loadUi,
    quiet,
  });
  const { intent, host } = cards;
  signal.addEventListener('abort', () => {
    cards.dispose();
    nav.dispose();
    marks.clear();
  });

  /** Takes marks the page no longer holds out of the keyboard path and the names' counts. */
  const drop = (gone: Set<Mark>): void => {
    if (gone.size === 0) return;
    nav.drop(gone);
    marking.dropGone(gone);
  };
  const reader = new ArticleReader({ marking, marks, host, root: () => root, signal, quiet });
  const mark = (scopes: Element[], priority?: SlicePriority, firstFrame?: Promise<void>) =>
    reader.read(scopes, priority, firstFrame);

  const looks = new ArticleLooks({
    doc,
    signal,
    mark,
    setRoot: (r) => {
      root = r;
    },
    unstyle,
    readDate: () => void published(),
    intact: () => marking.intact(),
  });

  /**
   * A single-page app swapped the article (history.pushState, a router re-render, Back): forget
   * the old article's marks and names and start over on the new one.
   */
  async function restart(priority?: SlicePriority): Promise<void> {
    marking.reset();
    intent.close();
    marks.clear();
    reader.clear();
    nav.forget();
    root = null;
    lastUrl = address();
    await looks.findAndMark(priority);
  }

  /** Until the first search after parsing is done, "no article" is not known yet (tab-api's stillLooking). */
  let searching = true;
  const api = createTabApi({
    searching: () => searching,
    doc,
    marking,
    marks,
    nav,
    page,
    root: () => root,
    published,
    open: (m, keyboard) => cards.open(m, keyboard),
    inNotes: () => cards.host.notesFocused(),
    async scanWholePage() {
      if (root || !doc.body) return; // an article (or the page) is already being marked
      looks.overtake(); // a look still under way must not replace the body with what it finds
      root = doc.body;
      reader.wholePage = true;
      await mark([doc.body]);
    },
  });

  const done = (async () => {
    listenHover({ doc, marks, intent, isOnCard: (e) => host.contains(e), signal, marksShown: () => nav.shown });
    await looks.markWhileParsing();
    const earlyRoot = root;
    await documentParsed(doc);
    // The whole document is watched: single-page apps replace the article element, or the whole
    // <body> (Turbo Drive, pjax), or navigate.
    if (doc.documentElement) {
      const watch = watchPage(
        doc.documentElement,
        {
          root: () => root,
          lastUrl: () => lastUrl,
          address,
          restart,
          intact: () => marking.intact(),
          keepArticle: () => {
            lastUrl = address();
          },
          readerInCard: () => host.hasFocus(),
          lookAgain: () => looks.findAndMark(),
          rescan: (scopes) => mark(scopes),
          reread: (nodes) => reader.reread(nodes),
          prune: (blocks) => {
            // Marks still right stay until the new reading's are in: dropped at once, a paragraph
            // the page only added a link to went blank for a round trip to the worker.
            const release = marks.hold(blocks);
            drop(marks.prune());
            marking.forgetBlocks(blocks);
            return () => drop(release());
          },
          revealed: (el) => reader.revealed(el),
          keepStyled: () => marks.keepStyled(),
          quiet,
        },
        signal,
      );
      reader.attach(watch);
    }
    await (earlyRoot ? looks.confirmEarly(earlyRoot, restart) : looks.findAndMark('user-blocking'));
  })().catch(quiet);
  const applySettings = (next: Settings): void => {
    settings = next;
    nav.setDisplay({ kinds: next.kinds, markStyle: next.markStyle });
  };
  void done.then(() => {
    searching = false;
  });
  return { ...api, done, applySettings };
}
