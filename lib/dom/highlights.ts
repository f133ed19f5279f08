/**
 * Marks spans of page text with the CSS Custom Highlight API: one Highlight per entity kind,
 * registered in CSS.highlights as `backstory-<kind>`. The page's DOM is never rewritten (no
 * wrapper elements, no attributes); the only style change is ONE adopted stylesheet holding the
 * ::highlight() rules. Where the API is missing, nothing is marked and nothing throws.
 */
import { ENTITY_KINDS, type EntityKind } from '../entity';
import { liveText, type NodePiece } from './block-ranges';
import { blockElementOf } from './block-element';
import { highlightApi, type HighlightLike } from './highlight-api';
import { KindHighlights } from './kind-highlights';
import { MarkNodeIndex } from './mark-node-index';
import { MarkStylesheet } from './mark-stylesheet';
import { MarkWindow, WINDOW_ABOVE } from './mark-window';

/** One marked mention. */
export interface Mark {
  /** ArticleEntity key, e.g. "person:jens stoltenberg". */
  key: string;
  kind: EntityKind;
  /** A StaticRange where the browser has one (mark-range.ts says why); read geometry through measurable(). */
  range: AbstractRange;
  /** The text-node pieces the range covers (for hit-testing by text position). */
  pieces: NodePiece[];
  /** The page's text under the mark when it was made (prune drops the mark once it differs). */
  text?: string;
}

/** The marks of one page: registered highlights plus an index from text node to marks. */
export class Marks {
  private readonly byNode = new MarkNodeIndex();
  private readonly all: Mark[] = [];
  private readonly highlights = new KindHighlights();
  private readonly sheet: MarkStylesheet;
  private shadows: ShadowRoot[] = [];
  /** Set once the page has more than WINDOW_ABOVE marks: it registers only those near the viewport. */
  private window: MarkWindow | null = null;
  /** The hold() that last took each held mark. */
  private readonly holders = new WeakMap<Mark, object>();
  /** performance.now() of the last add() that brought marks; -1 before any. */
  lastAddedAt = -1;

  /** Marks of the page whose document is `doc`. */
  constructor(private readonly doc: Document) {
    this.sheet = new MarkStylesheet(doc);
  }

  /**
   * Adopts the marks' stylesheet again if the page replaced the document's adopted stylesheets
   * (`document.adoptedStyleSheets = [theirs]`, often while hydrating): the marks would not show.
   */
  keepStyled(): void {
    this.sheet.readoptIfDropped();
  }

  /** Adds marks (no-op where the Highlight API is missing). */
  add(marks: Mark[]): void {
    if (!highlightApi()) return;
    if (marks.length > 0) this.lastAddedAt = performance.now();
    this.sheet.readoptIfDropped();
    for (const m of marks) {
      this.all.push(m);
      this.byNode.add(m);
      // ::highlight rules do not cross shadow boundaries: style each tree that holds a mark.
      const root = m.range.startContainer.getRootNode();
      const shadow = root.nodeType === 11 && (root as ShadowRoot).host ? (root as ShadowRoot) : null;
      if (shadow && !this.shadows.includes(shadow)) this.shadows.push(shadow);
      this.sheet.adopt(shadow ?? this.doc);
    }
    if (this.window) return this.window.track(marks);
    const Observer = (this.doc.defaultView as (Window & typeof globalThis) | null)?.IntersectionObserver;
    if (this.all.length > WINDOW_ABOVE && typeof Observer === 'function') {
      // From now on only marks near the viewport are registered (see mark-window.ts).
      this.highlights.empty();
      // Every kind's highlight exists before the window shows anything: the navigator (called
      // right after add) then takes the kinds the reader hid out of the registry, and a highlight
      // the window would create later, outside that call, could not show a hidden kind.
      for (const kind of ENTITY_KINDS) this.highlights.of(kind);
      this.window = new MarkWindow(this.highlights, Observer);
      this.window.track(this.all);
    } else this.highlights.show(marks);
  }

  /**
   * Drops the marks on text the page took away (a re-rendered paragraph, an article cut short) or
   * rewrote in place: they would count, hold the old nodes in memory, answer hit tests forever and
   * open the wrong card. Marks of paragraphs about to be read again go later (hold). Returns them.
   */
  prune(): Set<Mark> {
    const gone = new Set<Mark>();
    for (const m of this.all)
      if (m.pieces.some((p) => !p.node.isConnected) || (m.text !== undefined && liveText(m.pieces) !== m.text))
        gone.add(m);
    return this.remove(gone);
  }

  /**
   * Keeps the marks in `blocks` (block elements about to be read again) until the returned function
   * is called: it drops and returns those no later hold() has taken over (the page changed the
   * paragraph again while it was read: its marks stay until that reading is in).
   */
  hold(blocks: ReadonlySet<Element>): () => Set<Mark> {
    const held = this.inBlocks(blocks);
    const token = {};
    for (const m of held) this.holders.set(m, token);
    return () => this.remove(new Set([...held].filter((m) => this.holders.get(m) === token)));
  }

  /** The marks with text in any of `blocks` (block elements, see text-blocks' blockElementOf). */
  private inBlocks(blocks: ReadonlySet<Element>): Set<Mark> {
    return new Set(this.all.filter((m) => m.pieces.some((p) => blocks.has(blockElementOf(p.node)))));
  }

  /** Drops those of `marks` this page still holds (their highlights, hit tests and window). Returns them. */
  private remove(marks: ReadonlySet<Mark>): Set<Mark> {
    const gone = new Set(marks.size ? this.all.filter((m) => marks.has(m)) : []);
    if (gone.size === 0) return gone;
    const kept = this.all.filter((m) => !gone.has(m));
    this.all.length = 0;
    for (const m of kept) this.all.push(m);
    this.byNode.remove(gone);
    this.highlights.hide([...gone]);
    this.window?.forget(gone);
    // A re-rendered web component leaves its old shadow root behind: hit tests stop looking there.
    this.shadows = this.shadows.filter((root) => root.isConnected);
    this.sheet.forgetDetached();
    return gone;
  }

  /** Marks currently registered in CSS.highlights (all of them, or those near the viewport). */
  get registered(): number {
    return this.window ? this.window.shown : this.all.length;
  }

  /** True when some mark covers text of `node`. */
  covers(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** The open shadow roots that hold marks (hit-testing must look inside them). */
  shadowRoots(): ShadowRoot[] {
    return this.shadows;
  }

  /** The kind's highlight, if a mark of that kind was shown. */
  highlightFor(kind: EntityKind): HighlightLike | undefined {
    return this.highlights.get(kind);
  }

  /** Adopts the marks' stylesheet in the document now, ahead of any mark (see prepared-marks.ts). */
  prepare(): void {
    if (highlightApi()) this.sheet.adopt(this.doc);
  }

  /** Marks whose text covers (node, offset); the end offset counts as inside (caret after last letter). */
  at(node: Node, offset: number): Mark[] {
    return this.byNode.at(node, offset);
  }

  /** Every mark of an entity, in reading order. */
  byKey(key: string): Mark[] {
    return this.all.filter((m) => m.key === key);
  }

  /** Number of marks. */
  get size(): number {
    return this.all.length;
  }

  /** Removes every mark, highlight registration and the adopted stylesheet. */
  clear(): void {
    this.window?.dispose();
    this.window = null;
    this.highlights.clear();
    this.byNode.clear();
    this.all.length = 0;
    this.lastAddedAt = -1;
    this.sheet.removeAll();
    this.shadows = [];
  }
}
