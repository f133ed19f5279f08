/**
 * Flashes a passage of the page with its own CSS highlight, `backstory-flash`, for ~1.5 s (the
 * timeline's "show me where"). Like the marks, the DOM is never rewritten: one Highlight and one
 * adopted stylesheet, both removed when the flash ends.
 */
import { highlightApi } from './highlight-api';
import { pageSheet } from './page-sheet';

export const FLASH_HIGHLIGHT = 'backstory-flash';
export const FLASH_MS = 1500;

const CSS_RULE = `::highlight(${FLASH_HIGHLIGHT}){background-color:#ffd43b;color:#111;}`;

/** Scrolls `range` into view and highlights it; returns false where the Highlight API is missing. */
export function flashRange(doc: Document, range: Range, ms = FLASH_MS): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  // A page's own `scroll-behavior: smooth` would animate the jump; readers who ask for less motion get none.
  const still = !!win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  range.startContainer.parentElement?.scrollIntoView?.({
    block: 'center',
    inline: 'nearest',
    ...(still ? { behavior: 'instant' as ScrollBehavior } : {}),
  });
  const api = highlightApi(win ?? globalThis);
  if (!api) return false;
  const { registry } = api;
  const highlight = api.create(range);
  registry.set(FLASH_HIGHLIGHT, highlight);
  let sheet: CSSStyleSheet | null = null;
  try {
    sheet = pageSheet(doc, CSS_RULE);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    sheet = null; // unstyled flash: still harmless
  }
  setTimeout(() => {
    // A later flash may have replaced ours: only remove our own.
    if (registry.get(FLASH_HIGHLIGHT) === highlight) registry.delete(FLASH_HIGHLIGHT);
    if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  }, ms);
  return true;
}
