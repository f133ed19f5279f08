/**
 * Constructed stylesheets for the page's trees (marks, focus ring, flash).
 */

/**
 * A constructed stylesheet holding `css`, made by `doc`'s window: a sheet may only be adopted in
 * the document (or a shadow root of it) whose window constructed it, and a content script's own
 * `CSSStyleSheet` may be another realm's. Throws where constructable stylesheets are missing.
 */
export function pageSheet(doc: Document, css: string): CSSStyleSheet {
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
  const sheet = new Sheet();
  sheet.replaceSync(css);
  return sheet;
}
