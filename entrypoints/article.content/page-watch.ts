/**
 * Watches a page for what changes the marking: paragraphs added inside the article (infinite
 * scroll, live blogs), the article element going away and a new address (single-page apps), and,
 * on a page with no article yet, an article a client-rendered page builds late. Mutations are
 * coalesced over RESCAN_DELAY_MS, so a burst of thousands becomes one rescan.
 */
import { HOST_TAG, tagOf } from '../../lib/dom/skip';
import { containsComposed, holdsNoText, outermost, wholeBlockOf } from '../../lib/dom/change-scopes';
import { sameArticle } from '../../lib/sites/tracking-params';
import { RevealWatch } from './reveal-watch';
import type { PageWatch, WatchHooks } from './page-watch-types';

export type { PageWatch, WatchHooks } from './page-watch-types';

/** Coalescing window for page mutations (ms): a burst of thousands becomes one rescan. */
export const RESCAN_DELAY_MS = 500;
/** How many mutation bursts on a page without an article trigger another look for one. */
const MAX_LATE_LOOKS = 5;

/** Observes `target` (the document element: a navigation may replace <body>) until `signal` aborts. */
export function watchPage(target: Element, hooks: WatchHooks, signal: AbortSignal): PageWatch {
  /** Nodes added (elements, text) since the last flush. */
  const added = new Set<Node>();
  /** Elements of the article whose hidden, class, style or open attribute changed. */
  const restyled = new Set<Element>();
  /** Something inside the article was removed since the last flush (a re-render, a cut). */
  let removed = false;
  /** Text nodes of the article whose text the page rewrote in place (a framework's patch). */
  const rewritten = new Set<Text>();
  let lateLooks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A flush RESCAN_DELAY_MS from now, unless one is already due. */
  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(() => void flush().catch(hooks.quiet), RESCAN_DELAY_MS);
  };
  const flush = async (): Promise<void> => {
    timer = undefined;
    const root = hooks.root();
    const moved = hooks.address() !== hooks.lastUrl();
    if (moved && root?.isConnected && sameArticle(hooks.address(), hooks.lastUrl()) && hooks.intact()) {
      // Only tracking parameters changed and the article is untouched: a site tidying its address
      // (replaceState without utm_* parameters), not a new article. Nothing is read again.
      hooks.keepArticle();
    } else if (moved || (root !== null && !root.isConnected)) {
      if (hooks.readerInCard()) {
        // Starting over closes the card: not while the reader writes in it. Asked again later.
        schedule();
        return;
      }
      added.clear();
      restyled.clear();
      removed = false;
      rewritten.clear();
      // The late looks are per article: a single-page app's earlier pages (ad slots refreshing on
      // a front page) must not have used up the looks for an article the next address renders late.
      lateLooks = 0;
      return hooks.restart();
    }
    // Client-rendered pages may build their article after we started: look again, a few times.
    if (root === null && lateLooks < MAX_LATE_LOOKS) {
      lateLooks++;
      added.clear();
      return hooks.lookAgain();
    }
    // Which rewritten nodes held marks is asked before prune drops those marks.
    const again = rewritten.size > 0 && root ? hooks.reread(rewritten) : [];
    const fresh: Element[] = [];
    const whole = new Set<Element>();
    if (root) {
      for (const n of [...added, ...again]) {
        // An image, an icon or an empty wrapper holds no name: reading its paragraph again would
        // only drop and redo the paragraph's marks (lazy loaders add such nodes all the time).
        if (!n.isConnected || holdsNoText(n) || !containsComposed(root, n)) continue;
        const block = wholeBlockOf(n, root);
        if (block) whole.add(block);
        else if (n.nodeType === 1) fresh.push(n as Element);
        else if (n.parentElement) fresh.push(n.parentElement);
      }
      // Shown text is read like added text: an inline part of a paragraph, with its paragraph.
      for (const el of restyled)
        for (const shown of hooks.revealed(el)) {
          const block = wholeBlockOf(shown, root);
          if (block) whole.add(block);
          else fresh.push(shown);
        }
    }
    const release = (removed || rewritten.size > 0 || whole.size > 0) && root ? hooks.prune(whole) : undefined;
    removed = false;
    rewritten.clear();
    added.clear();
    restyled.clear();
    const scopes = outermost([...fresh, ...whole]);
    try {
      if (scopes.length) await hooks.rescan(scopes);
    } finally {
      release?.();
    }
  };
  const collect = (records: MutationRecord[]): void => {
    const root = hooks.root();
    const head = target.ownerDocument.head;
    for (const rec of records) {
      // Scripts and styles come and go in <head> all the time: no text of the article is there.
      if (head?.contains(rec.target)) continue;
      if (rec.type === 'characterData') {
        if (root?.isConnected && containsComposed(root, rec.target)) rewritten.add(rec.target as Text);
        continue;
      }
      // A removal may be the article itself going away (the URL check below catches the rest).
      if (root && rec.removedNodes.length) {
        if (!root.isConnected) added.add(target);
        else if (containsComposed(root, rec.target)) removed = true;
      }
      for (const n of rec.addedNodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        // Without an article (and no look left), nothing is collected: only a new URL matters.
        const wanted = root ? containsComposed(root, el) || !root.isConnected : lateLooks < MAX_LATE_LOOKS;
        if (el && wanted && tagOf(el) !== HOST_TAG.toUpperCase()) added.add(root ? n : el);
      }
    }
  };
  const mo = new MutationObserver((records) => {
    // An exception here would reach the page's console (and lose the burst): a hostile page's
    // clobbered elements are logged quietly instead, and what was collected is still rescanned.
    try {
      collect(records);
      // A page that replaces document.adoptedStyleSheets drops the marks' sheet. No record says
      // so, but pages do it while they change the DOM (hydration): the sheet is checked then.
      hooks.keepStyled();
    } catch (error) {
      hooks.quiet(error);
    }
    const changed = added.size > 0 || removed || rewritten.size > 0 || restyled.size > 0;
    if (changed || hooks.address() !== hooks.lastUrl()) schedule();
  });
  // characterData: text a page rewrites in place (nodeValue patches) would keep stale marks.
  const what: MutationObserverInit = { childList: true, characterData: true, subtree: true };
  mo.observe(target, what);
  const reveals = new RevealWatch((el) => {
    if (!hooks.root()?.isConnected) return;
    restyled.add(el);
    schedule();
  });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    reveals.stop();
    clearTimeout(timer);
  });
  // A subtree observation does not cross into shadow trees: each one is observed by itself.
  const shadows = new WeakSet<ShadowRoot>();
  return {
    observe(shadow) {
      if (shadows.has(shadow) || signal.aborted) return;
      shadows.add(shadow);
      mo.observe(shadow, what);
    },
    watchReveals(root) {
      if (!signal.aborted) reveals.watch(root);
    },
    unwatchReveals() {
      reveals.stop();
      restyled.clear();
    },
  };
}
