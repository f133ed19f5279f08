/**
 * Saving a selection as a quote-note: what is read from the page (readSelection runs IN the
 * page through scripting.executeScript, so it must be self-contained), and how the background
 * turns it into a note linked to the entities spotted in and around it.
 */
import type { Note } from '../db/records';
import type { BackstoryDB } from '../db/schema';
import { saveNote } from '../db/notes';
import type { Result } from '../messaging/protocol';

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;

/** What the page says about its selection. */
export interface PageSelection {
  exact: string;
  prefix: string;
  suffix: string;
  url: string;
  title: string;
}

/**
 * Runs in the page: the selected text with up to 32 characters before and after it (text of
 * the whole document, whitespace collapsed), and the page's address and title. Null when
 * nothing is selected. No imports, no closures: executeScript sends only this function's source.
 */
export function readSelection(): PageSelection | null {
  const sel = window.getSelection();
  // At most QUOTE_MAX_CHARS (10,000; this function cannot import it): "select all" on a long page
  // must not carry the whole page through executeScript and the detector.
  const exact = sel ? sel.toString().slice(0, 10_000) : '';
  if (!sel || sel.rangeCount === 0 || !exact.trim()) return null;
  const range = sel.getRangeAt(0);
  const root = document.body ?? document.documentElement;
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  let prefix = '';
  let suffix = '';
  try {
    const before = document.createRange();
    before.selectNodeContents(root);
    before.setEnd(range.startContainer, range.startOffset);
    prefix = squash(before.toString().slice(-200)).slice(-32);
    const after = document.createRange();
    after.selectNodeContents(root);
    after.setStart(range.endContainer, range.endOffset);
    suffix = squash(after.toString().slice(0, 200)).slice(0, 32);
  } catch {
    // A selection outside the body (rare): the quote alone still finds the passage.
  }
  return { exact, prefix, suffix, url: location.href, title: document.title };
}

/** Finds the ids of the cards named in `text` (the detector plus the card index). */
export type LinkEntities = (text: string) => Promise<string[]>;

/**
 * Saves `sel` as a new note: the quote (with its context), the page, the entities spotted in
 * the quote and its context that have cards, and an empty body (the reader may add a comment;
 * noteTextError allows an empty body beside a quote). A detector failure still saves the quote,
 * unlinked, rather than losing it.
 */
export async function saveSelection(
  db: BackstoryDB,
  sel: PageSelection,
  linkEntities: LinkEntities,
  log: (m: string) => void = () => undefined,
): Promise<Result<Note>> {
  let cardIds: string[] = [];
  try {
    cardIds = await linkEntities(`${sel.prefix}${sel.exact}${sel.suffix}`);
  } catch (error) {
    log(`[Backstory] quote saved without entities: ${error instanceof Error ? error.message : String(error)}`);
  }
  const page = /^https?:/i.test(sel.url) ? { url: sel.url.slice(0, 4000), title: sel.title.slice(0, 1000) } : undefined;
  return saveNote(db, {
    cardIds,
    body: '',
    quote: { exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix },
    page,
  });
}

/**
 * A selection known only by its text (the context menu's selectionText, when the page itself
 * cannot be scripted), placed in the article text the content script scanned: the first block
 * holding it gives the prefix and suffix. Whitespace is compared collapsed.
 */
export function selectionFromBlocks(
  exact: string,
  blocks: readonly string[],
  page: { url: string; title: string },
): PageSelection {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const wanted = squash(exact).trim();
  for (const block of blocks) {
    const text = squash(block);
    const at = wanted ? text.indexOf(wanted) : -1;
    if (at < 0) continue;
    return {
      exact: wanted,
      prefix: text.slice(Math.max(0, at - QUOTE_CONTEXT), at),
      suffix: text.slice(at + wanted.length, at + wanted.length + QUOTE_CONTEXT),
      ...page,
    };
  }
  return { exact: wanted, prefix: '', suffix: '', ...page };
}
