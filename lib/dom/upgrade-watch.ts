/**
 * Web components of the article that were not defined yet when it was scanned. A component whose
 * script loads late attaches its shadow root and renders into it when it is upgraded, and neither
 * makes a mutation a MutationObserver sees; nor can a content script ask the registry when a name
 * is defined (`customElements` is null in an isolated world, https://crbug.com/390807). So the
 * elements the scan met as `:not(:defined)` are looked at again a few times, ever more slowly.
 */

/** When to look again, in ms after the previous look (about 16 s in all). */
const LOOKS_MS = [250, 500, 1000, 2000, 4000, 8000];

/** Collects undefined custom elements and reports each once it has an open shadow root. */
export class UpgradeWatch {
  private readonly waiting = new Set<Element>();
  /**
   * Every element added since the last clear: one met again by a later rescan is not looked at
   * again (custom element names a page never defines, such as Angular's hosts, are common).
   */
  private met = new WeakSet<Element>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private look = 0;

  /** `onUpgraded` gets the elements upgraded since the last look, each with an open shadow root. */
  constructor(
    private readonly onUpgraded: (elements: Element[]) => void,
    signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.clear(), { once: true });
  }

  /** Watches `el`, a custom element the scan met before it was defined; a new one starts the looks over. */
  add(el: Element): void {
    if (this.met.has(el)) return;
    this.met.add(el);
    this.waiting.add(el);
    this.look = 0;
    if (this.timer === undefined) this.schedule();
  }

  /** Forgets every element (a new article). */
  clear(): void {
    this.waiting.clear();
    this.met = new WeakSet();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The next look, or none after the last: the elements still waiting are let go. */
  private schedule(): void {
    const delay = LOOKS_MS[this.look++];
    if (delay === undefined) {
      this.waiting.clear();
      this.timer = undefined;
    } else this.timer = setTimeout(() => this.lookNow(), delay);
  }

  private lookNow(): void {
    const upgraded: Element[] = [];
    for (const el of this.waiting) {
      if (!el.isConnected) this.waiting.delete(el);
      else if (el.shadowRoot) {
        this.waiting.delete(el);
        upgraded.push(el);
      }
      // Defined without an open shadow root: its light children, already read, are what renders
      // (a closed shadow root reads as null: its text is the page's own business).
      else if (el.matches(':defined')) this.waiting.delete(el);
    }
    if (upgraded.length > 0) this.onUpgraded(upgraded);
    if (this.waiting.size > 0) this.schedule();
    else this.timer = undefined;
  }
}

/** True when `el` is a custom element (a name with a hyphen) not defined yet and without a shadow root. */
export function isUndefinedCustom(el: Element): boolean {
  return el.tagName.includes('-') && !el.shadowRoot && !el.matches(':defined');
}
