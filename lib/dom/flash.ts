/**
 * Flashes a passage of the page with its own CSS highlight, `backstory-flash`, for ~1.5 s (the
 * timeline's "show me where"). Like the marks, the DOM is never rewritten: one Highlight and one
 * adopted stylesheet, both removed when the flash ends.
 */
export const FLASH_HIGHLIGHT = 'backstory-flash';
export const FLASH_MS = 1500;

const CSS_RULE = `::highlight(${FLASH_HIGHLIGHT}){background-color:#ffd43b;color:#111;}`;

type Registry = { set(n: string, h: unknown): void; delete(n: string): boolean; get(n: string): unknown };

/** Scrolls `range` into view and highlights it; returns false where the Highlight API is missing. */
export function flashRange(doc: Document, range: Range, ms = FLASH_MS): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const g = (win ?? globalThis) as unknown as {
    CSS?: { highlights?: Registry };
    Highlight?: new (...r: Range[]) => unknown;
  };
  range.startContainer.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  if (!g.CSS?.highlights || typeof g.Highlight !== 'function') return false;
  const registry = g.CSS.highlights;
  const highlight = new g.Highlight(range);
  registry.set(FLASH_HIGHLIGHT, highlight);
  let sheet: CSSStyleSheet | null = null;
  try {
    sheet = new (win?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(CSS_RULE);
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
