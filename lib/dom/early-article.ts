/**
 * Finds the article while the page is still being parsed, once the parser has finished with it.
 *
 * Why: on news pages the article's text is in the DOM long before DOMContentLoaded; ads, footers
 * and scripts come after it. Measured on the shared pages (served locally, offline), 90% of the
 * paragraph text was parsed 55 ms to 2.3 s before DOMContentLoaded; on all 13 pages, an element
 * the finder picked early was the one it picked at DOMContentLoaded (once, on cnn, one around it).
 * Marking an article the parser is done with means the reader sees names as the page shows, and
 * DOMContentLoaded finds little or nothing left.
 *
 * Only an article the parser has moved past is taken: its text will not grow (the parser appends
 * to the last text node it made). A page script can add nodes after it too; that case is caught
 * later (Marking.intact), and the article is then marked again from scratch.
 *
 * An article still open at the last look (the page ends soon after it, or it is book-length) is
 * taken at DOMContentLoaded, when the parser is past everything: marking starts at once instead of
 * after another run of the finder over the whole page (13 ms on ars-1, 64 ms on the 200,000-word
 * page, traced). The finder still runs after marking, to confirm the pick (ArticleLooks.confirmEarly).
 */
import type { ArticleFound } from './article';
import { inPageTask } from './scheduler';

/** Paragraphs (`<p>`) the document must hold before a first look, and the growth before another. */
export const EARLY_PARAGRAPHS = 3;

/**
 * How often (ms) the page is checked while it parses. A timer, not a MutationObserver: observing the
 * document's subtree made the browser build a record for every node the parser inserted, 15-30 ms
 * inside each of breitbart's parse tasks (traced), though the records were never read.
 */
export const EARLY_POLL_MS = 25;

/**
 * After a look that found nothing, the wait (ms) before another on fewer new paragraphs than
 * EARLY_PARAGRAPHS; it doubles with each such look, so a page with no article (a front page)
 * costs a few looks while it parses, not one per paragraph.
 */
export const EARLY_RETRY_MS = 100;

/** The last node of `doc` in tree order: where the parser is inserting (or what a script appended). */
function lastNode(doc: Document): Node | null {
  let n: Node | null = doc.documentElement;
  while (n?.lastChild) n = n.lastChild;
  return n;
}

/** True when the document's last node follows `el` and is not inside it: the parser is past it. */
export function parsedPast(doc: Document, el: Element): boolean {
  const last = lastNode(doc);
  return !!last && !el.contains(last) && (el.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * While `doc` is loading, looks for its article with `find` each time the parser has added a few
 * paragraphs (and again when a candidate was still open and the parser left it). Resolves with an
 * article the parser is past; at DOMContentLoaded, with the candidate still open at the last look
 * (now parsed), or null when there was none; null if `signal` aborts.
 * Reads the DOM only; one timer at a time, stopped when it resolves.
 */
export function articleBeforeParsed(
  doc: Document,
  signal: AbortSignal,
  find: () => Promise<ArticleFound | null>,
): Promise<ArticleFound | null> {
  if (doc.readyState !== 'loading' || signal.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const paragraphs = doc.getElementsByTagName('p');
    let nextLook = EARLY_PARAGRAPHS;
    let lastCount = -1;
    let retryAt = Number.POSITIVE_INFINITY;
    let retryMs = EARLY_RETRY_MS;
    /** An article found while the parser was still inside it. */
    let open: ArticleFound | null = null;
    let looking = false;
    let settled = false;
    const finish = (found: ArticleFound | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      doc.removeEventListener('DOMContentLoaded', parsed);
      signal.removeEventListener('abort', aborted);
      resolve(found);
    };
    const parsed = (): void => {
      inPageTask(); // what follows (marking the article) must not run on inside the page's DCL task
      finish(open);
    };
    const aborted = (): void => finish(null);
    const look = (): void => {
      if (looking || settled) return;
      const count = paragraphs.length;
      const due = count >= nextLook || (count > lastCount && performance.now() >= retryAt);
      // A candidate the parser is still inside is looked at again once it is left, or once the
      // page has grown: the finder may then pick another element. (Taking the candidate as it was
      // when the parser left it saved the finder's run, but on cnn it was once the <main> around a
      // teaser, where the finder then picked the <article> beside it: the marks were cleared and
      // made again after DOMContentLoaded, 280-360 ms late.)
      if (!due && !(open && parsedPast(doc, open.root))) return;
      looking = true;
      nextLook = count + EARLY_PARAGRAPHS;
      lastCount = count;
      find().then(
        (found) => {
          looking = false;
          if (settled) return;
          if (doc.readyState !== 'loading') return finish(found);
          if (found && parsedPast(doc, found.root)) return finish(found);
          open = found;
          if (!open) {
            retryAt = performance.now() + retryMs;
            retryMs *= 2;
          }
        },
        () => finish(null),
      );
    };
    // Each tick compares two numbers or walks down one last-child chain, unless a look is due.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      look();
      if (!settled) timer = setTimeout(tick, EARLY_POLL_MS);
    };
    doc.addEventListener('DOMContentLoaded', parsed, { once: true });
    signal.addEventListener('abort', aborted, { once: true });
    tick();
  });
}
