import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import { BackstoryDB } from '@/lib/db/schema';
import { serveBackground } from '@/lib/messaging/serve';
import { serveNoteFrameRelay } from './note-frame-relay';
import { createHandlers } from './handlers';
import { lazyOnce } from './lazy-once';
import { loadDetector } from './detector-loader';
import { installShippedStarterCards } from './starter-loader';
import { createLookupService } from '@/lib/lookup/service';
import { createCardFromMenu, createMenus, SAVE_QUOTE_MENU_ID } from './context-menu';
import { listenForCommands, runCommand, setQuoteSaver } from './commands';
import { saveQuoteFromTab } from './quote-capture';
import { readSettings, watchSettings } from '@/lib/settings/store';
import { siteDisabled } from '@/lib/settings/schema';
import { startSiteAccess } from './site-access';
import { injectArticle, injectCardUi } from './article-injection';

export default defineBackground(() => {
  // One database and one detector per worker lifetime.
  const db = new BackstoryDB();
  // Loaded once per worker lifetime, on first use: a page's starter asks for it as the page starts
  // (pageStarting). Not at every wake: a hover that woke the worker then waited
  // behind the model's fetch and parse, which block the worker for 200-400 ms on a busy machine.
  const getDetector = lazyOnce(loadDetector);
  let starterInstall: Promise<unknown> = Promise.resolve();
  let installing = false;

  const install = (why: string) => {
    if (installing) return starterInstall; // install and the empty-database check can coincide
    installing = true;
    starterInstall = installShippedStarterCards(db)
      .then((r) => {
        const invalid = r.invalid.length ? `, ${r.invalid.length} invalid (${r.invalid.slice(0, 3).join('; ')})` : '';
        console.info(
          `[Backstory] starter cards (${why}): ${r.written} written, ${r.keptEdited} kept as edited, ${r.alreadyHeld} left to a card the reader already has for the name${invalid}`,
        );
      })
      .catch((error: unknown) => console.error('[Backstory] starter cards not installed:', error))
      .finally(() => (installing = false));
    return starterInstall;
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void install(reason);
    // First install: say what look-ups send and let the reader turn them off before any page is read.
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') }).catch(() => undefined);
    createMenus().catch((error: unknown) => console.warn('[Backstory] context menu not created:', error));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // "Save to Backstory": the same path as the save-quote command (and `backstoryCommand('save-quote', tabId)`).
    if (info.menuItemId === SAVE_QUOTE_MENU_ID) {
      if (tab?.id !== undefined) void saveQuote(tab.id, info.selectionText, info.frameId);
      return;
    }
    // "Create card": the notebook shows the new card, or why there is none.
    void createCardFromMenu(db, info, tab, (m) => console.warn(m));
  });
  // A database cleared by the reader (or a missed onInstalled) gets the starter set back.
  void db.cards.count().then((n) => (n === 0 ? install('empty database') : undefined));

  // Keyboard commands go to the active tab. `backstoryCommand(name, tabId?)` on the worker's global
  // runs one by hand (DevTools console, end-to-end tests: a browser shortcut cannot be synthesised).
  listenForCommands();
  (globalThis as { backstoryCommand?: typeof runCommand }).backstoryCommand = runCommand;
  // Sites the reader added ("Run on this site"): one registered content script for the granted origins.
  (globalThis as { backstorySites?: unknown }).backstorySites = startSiteAccess();
  // Settings synced from another browser: the look-up code reads `lookups` from storage.local.
  const mirrorLookups = (s: { lookups: boolean }) =>
    browser.storage.local
      .get('lookups')
      .then((got) => (got.lookups === s.lookups ? undefined : browser.storage.local.set({ lookups: s.lookups })));
  watchSettings((s) => void mirrorLookups(s).catch(() => undefined));
  void readSettings()
    .then((s) => (s.updatedAt > 0 ? mirrorLookups(s) : undefined))
    .catch(() => undefined);

  // Look-ups read their settings (storage.local `lookups`, `lookupBaseUrl`) on every call.
  const lookup = createLookupService({ db });
  const { handlers, cardsRead, linkEntities } = createHandlers({
    db,
    getDetector,
    ready: () => starterInstall,
    lookup,
    // Settings that cannot be read do not keep the detector from loading.
    siteOff: (url) =>
      readSettings()
        .then((s) => siteDisabled(s, new URL(url).hostname))
        .catch(() => false),
    injectArticle,
    injectCardUi,
  });
  const saveQuote = (tabId: number, selectionText?: string, frameId?: number) =>
    saveQuoteFromTab({ db, linkEntities, log: (m) => console.warn(m) }, tabId, selectionText, frameId);
  setQuoteSaver((tabId) => saveQuote(tabId));
  // The menu item's own path, for the DevTools console and end-to-end tests (a menu click cannot be synthesised).
  (globalThis as { backstorySaveQuote?: typeof saveQuote }).backstorySaveQuote = saveQuote;
  serveBackground(handlers);
  // The hover card's note frame → its card (saved, Escape, height): see note-frame-relay.ts.
  serveNoteFrameRelay();

  // Cards edited anywhere (popup, options, this worker) refresh the detector's known names.
  liveQuery(() => db.cards.toArray()).subscribe({
    next: (cards) => cardsRead(cards),
    error: (error: unknown) => console.warn('[Backstory] card watch stopped:', error),
  });
});
