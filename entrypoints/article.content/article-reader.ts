/**
 * Reads parts of the article (marking.ts scans, spots and marks them) and keeps what those scans
 * met that the page can change later without a mutation the page watch would see: open shadow
 * roots (each is watched by itself), web components not defined yet (read once upgraded) and
 * blocks hidden from sight (read once a "Read more" shows them).
 */
import type { Marks } from '../../lib/dom/highlights';
import type { SlicePriority } from '../../lib/dom/scheduler';
import { UpgradeWatch } from '../../lib/dom/upgrade-watch';
import type { CardHost } from './card-host';
import { HiddenBlocks } from './hidden-blocks';
import type { Marking } from './marking';
import type { PageWatch } from './page-watch';

/** What the reader needs from the controller. */
export interface ArticleReaderDeps {
  marking: Marking;
  marks: Marks;
  host: CardHost;
  /** The article element being marked (null: none found yet). */
  root(): Element | null;
  signal: AbortSignal;
  quiet(error: unknown): void;
}

/** Runs `fn` when the page is idle (within a second at the latest). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
}

/**
 * How often a text node is read again after the page rewrote it: enough for a placeholder patched
 * into a name or a correction, not a ticker read over and over.
 */
export const REWRITE_REREADS = 5;

/** A capitalised word inside a sentence ("By Jane Smith", not "Updated 2 minutes ago. Nothing new"). */
const NAME_LIKE = /[\p{L}\p{N},;'’"“”)]\s+\p{Lu}/u;

export class ArticleReader {
  /** True once the reader asked to scan the whole page (no article found): furniture is read too. */
  wholePage = false;
  /** The page's watch, once the page is parsed (null before). */
  private watch: PageWatch | null = null;
  /**
   * The article's open shadow roots, met by the scans: each is watched too, so paragraphs a web
   * component adds there later are read, also in one that was empty or held no name.
   */
  private readonly shadows = new Set<ShadowRoot>();
  /** Text nodes read again after the page rewrote them, by how often. */
  private readonly rewrites = new WeakMap<Text, number>();
  private readonly upgrades: UpgradeWatch;
  private readonly hidden: HiddenBlocks;

  constructor(private readonly d: ArticleReaderDeps) {
    this.upgrades = new UpgradeWatch((els) => void this.read(els).catch(d.quiet), d.signal);
    this.hidden = new HiddenBlocks(
      () => this.watchReveals(),
      () => this.watch?.unwatchReveals(),
    );
  }

  /** Scans `scopes` of the article and marks the names in them; the first pass may go ahead of the page's tasks. */
  async read(scopes: Element[], priority?: SlicePriority, firstFrame?: Promise<void>): Promise<void> {
    const { marking, marks, host, signal, quiet } = this.d;
    await marking.scanAndMark(scopes, {
      skipFurniture: !this.wholePage,
      priority,
      firstFrame,
      onShadowRoot: (shadow) => this.shadows.add(shadow),
      onUndefined: (el) => this.upgrades.add(el),
      onHidden: (el) => this.hidden.add(el),
    });
    this.watchShadows();
    // A first hover then shows its card at once, even after the worker has stopped (30 s idle).
    void host.prefetch([...marking.entities.values()]).catch(quiet);
    // The card's UI too, once there is a name to hover, when the page is idle (a hover sooner waits for it).
    if (marks.size > 0) whenIdle(() => signal.aborted || host.preload());
  }

  /** Takes the page's watch (once the page is parsed) and has it watch what the scans met so far. */
  attach(watch: PageWatch): void {
    this.watch = watch;
    this.watchShadows();
    if (this.hidden.any()) this.watchReveals();
  }

  /**
   * Of the text nodes the page rewrote in place, those to read again: the ones that held marks,
   * and ones that may name someone now ("Loading…" patched into "By Jane Smith"), each at most
   * REWRITE_REREADS times (a ticker is not read over and over).
   */
  reread(nodes: Iterable<Text>): Text[] {
    const { marks, marking } = this.d;
    return marking.unsee([...nodes].filter((n) => (marks.covers(n) || NAME_LIKE.test(n.data)) && this.counted(n)));
  }

  /** Counts a rewrite of `node`: false once it was read again REWRITE_REREADS times. */
  private counted(node: Text): boolean {
    const count = this.rewrites.get(node) ?? 0;
    this.rewrites.set(node, count + 1);
    return count < REWRITE_REREADS;
  }

  /** Blocks left unread as hidden that are shown now, at or inside `el` (to be read). */
  revealed(el: Element): Element[] {
    return this.hidden.shownWithin(el);
  }

  /** Forgets everything met in the old article (a new one is about to be read). */
  clear(): void {
    this.shadows.clear();
    this.upgrades.clear();
    this.hidden.clear();
    this.wholePage = false;
  }

  private watchShadows(): void {
    for (const shadow of this.shadows) this.watch?.observe(shadow);
  }

  private watchReveals(): void {
    const root = this.d.root();
    if (root) this.watch?.watchReveals(root);
  }
}
