/**
 * The marks' ONE adopted stylesheet, holding the ::highlight() rules. ::highlight rules do not
 * cross shadow boundaries, so the same sheet is adopted in the document and in each shadow root
 * that holds a mark.
 */
import { highlightCss } from './highlight-css';
import { pageSheet } from './page-sheet';

/** Adopts the marks' stylesheet in the trees that hold marks, and takes it out of them again. */
export class MarkStylesheet {
  private readonly styled = new Set<Document | ShadowRoot>();
  private sheet: CSSStyleSheet | null = null;

  /** `doc` is the page's document: its window makes the sheet. */
  constructor(private readonly doc: Document) {}

  /** Adopts the sheet in `root` (the document or a shadow root) unless it is there already. */
  adopt(root: Document | ShadowRoot): void {
    if (this.styled.has(root)) return;
    try {
      this.sheet ??= pageSheet(this.doc, highlightCss());
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.styled.add(root);
    } catch {
      /* constructable stylesheets missing: marks stay unstyled, nothing breaks */
    }
  }

  /**
   * Adopts the sheet again if the page replaced the document's adopted stylesheets since (the sheet
   * is adopted at document_start, and `document.adoptedStyleSheets = [theirs]` drops it).
   */
  readoptIfDropped(): void {
    if (!this.sheet || !this.styled.has(this.doc)) return;
    try {
      if (this.doc.adoptedStyleSheets.includes(this.sheet)) return;
    } catch {
      return;
    }
    this.styled.delete(this.doc);
    this.adopt(this.doc);
  }

  /** Forgets the shadow roots that left the page. */
  forgetDetached(): void {
    for (const root of this.styled) if (root !== this.doc && !root.isConnected) this.styled.delete(root);
  }

  /** Takes the sheet out of every tree it was adopted in. */
  removeAll(): void {
    for (const root of this.styled) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        /* the root is gone */
      }
    }
    this.styled.clear();
  }
}
