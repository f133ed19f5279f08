/**
 * Watches the article's attributes that show a block the page hid ("Read more" taking away
 * `hidden`, a class or a style; a `<details>` opening). Showing text that way adds no node, so
 * the page watch's child-list observer never hears of it. Attached only while the article has a
 * hidden block: these attributes change all the time on busy pages.
 */
export class RevealWatch {
  private readonly observer: MutationObserver;
  private root: Element | null = null;

  /** `onChange`: an element of the article changed one of those attributes. */
  constructor(onChange: (el: Element) => void) {
    this.observer = new MutationObserver((records) => {
      for (const rec of records) if (rec.target.nodeType === 1) onChange(rec.target as Element);
    });
  }

  /** Watches `root` (and only it) from now on. */
  watch(root: Element): void {
    if (root === this.root) return;
    this.observer.disconnect();
    this.root = root;
    this.observer.observe(root, {
      attributes: true,
      subtree: true,
      attributeFilter: ['hidden', 'class', 'style', 'open'],
    });
  }

  /** Stops watching. */
  stop(): void {
    this.observer.disconnect();
    this.root = null;
  }
}
