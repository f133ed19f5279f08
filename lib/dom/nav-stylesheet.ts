/**
 * The keyboard navigator's ONE adopted stylesheet: the focus ring's rule and, for the
 * "background" look, the kind rules that turn underlines into tints (see highlight-css.ts).
 */
import { type MarkLook, navCss } from './highlight-css';
import { pageSheet } from './page-sheet';

/** Adopts the navigator's stylesheet in a document, rewrites it when the look changes, and removes it. */
export class NavStylesheet {
  private sheet: CSSStyleSheet | null = null;
  /** The rules `sheet` holds now. */
  private sheetCss = '';

  /** `doc` is the page's document: its window makes the sheet. */
  constructor(private readonly doc: Document) {}

  /** True once the sheet was made (and not removed since). */
  get made(): boolean {
    return this.sheet !== null;
  }

  /**
   * Adopts the sheet for `look`, made on first use; with `refresh`, rewrites its rules if `look`
   * changed them. Adopts it again if the page dropped it.
   */
  adopt(look: MarkLook, refresh = false): void {
    try {
      const css = navCss(look);
      if (!this.sheet) {
        this.sheet = pageSheet(this.doc, css);
        this.sheetCss = css;
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
      } else if (refresh && css !== this.sheetCss) {
        // Replacing an adopted sheet's rules restyles the whole page: only when they change.
        this.sheet.replaceSync(css);
        this.sheetCss = css;
      }
      // Adopted at document_start, the sheet is dropped by a page that assigns its own list.
      if (!this.doc.adoptedStyleSheets.includes(this.sheet))
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    } catch {
      /* constructable stylesheets missing: the ring shows unstyled, nothing breaks */
    }
  }

  /** Takes the sheet out of the document; a later adopt() makes a new one. */
  remove(): void {
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.sheet = null;
  }
}
