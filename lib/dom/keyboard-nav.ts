/**
 * The keyboard path to the marks: a focus ring (its own CSS highlight, `backstory-focus`, so the
 * page's DOM is never touched) that steps from one marked name to the next in reading order, and
 * which marks are shown at all (kinds the reader chose, marking style, the "toggle marks" command).
 *
 * Hiding a kind takes its highlight out of CSS.highlights and keeps it aside; showing puts the same
 * Highlight back, so marks added meanwhile (by Marks, which still holds that object) reappear too.
 */
import { ENTITY_KINDS, type EntityKind } from '../entity';
import { highlightApi, type HighlightLike } from './highlight-api';
import { FOCUS_HIGHLIGHT, HIGHLIGHT_PREFIX, type MarkLook } from './highlight-css';
import type { Mark } from './highlights';
import { boxOf, rectsOf } from './mark-range';
import { NavStylesheet } from './nav-stylesheet';
import { ReadingOrder } from './reading-order';

/** What is shown: kinds marked, the look, and whether marks are toggled off. */
export interface MarkDisplay {
  kinds: readonly EntityKind[];
  markStyle: MarkLook;
  shown: boolean;
}

/** Marks in reading order, a focus ring over one of them, and the visibility of each kind. */
export class MarkNavigator {
  private readonly order = new ReadingOrder();
  private display: MarkDisplay = { kinds: ENTITY_KINDS, markStyle: 'underline', shown: true };
  private ring: HighlightLike | null = null;
  private readonly sheet: NavStylesheet;
  /** The mark the ring is on (null before the first step). */
  current: Mark | null = null;

  /**
   * `highlightOf` gives the marks' own highlight of a kind (Marks.highlightFor): a kind shown is
   * (re-)registered from it, so a page that emptied the registry gets it back. The registry is the
   * document's, shared with the page, and `CSS.highlights.clear()` (MDN's own search-highlight
   * example) would otherwise take every mark away for good.
   */
  constructor(
    private readonly doc: Document,
    private readonly highlightOf: (kind: EntityKind) => unknown,
  ) {
    this.sheet = new NavStylesheet(doc);
  }

  /** Records marks just added to the page (any order); re-applies visibility to new highlights. */
  track(marks: readonly Mark[]): void {
    this.order.add(marks);
    if (marks.length > 0) this.sheet.adopt(this.display.markStyle);
    this.apply();
  }

  /** Adopts the ring's (and the "background" look's) stylesheet now, ahead of any mark. */
  prepare(): void {
    if (highlightApi()) this.sheet.adopt(this.display.markStyle);
  }

  /** Forgets every tracked mark (the page's article was replaced). */
  forget(): void {
    this.focus(null);
    this.order.clear();
  }

  /** Forgets marks whose text left the page; the ring leaves one that was among them. */
  drop(gone: ReadonlySet<Mark>): void {
    if (this.current && gone.has(this.current)) this.focus(null);
    this.order.drop(gone);
  }

  /** True when marks of `kind` are shown to the reader (chosen and not toggled off). */
  kindShown(kind: EntityKind): boolean {
    return this.display.kinds.includes(kind);
  }

  /** Whether the marks are visible (the "toggle marks" command flips it). */
  get shown(): boolean {
    return this.display.shown;
  }

  /** Sets what is shown and how; applies at once. */
  setDisplay(display: Partial<MarkDisplay>): void {
    this.display = { ...this.display, ...display };
    if (this.current && !this.kindShown(this.current.kind)) this.focus(null);
    this.apply();
    // No sheet before there is a mark to style: adopting one restyles the whole page, which on
    // a huge page at load time is a long task for nothing.
    if (this.sheet.made) this.sheet.adopt(this.display.markStyle, true);
  }

  /**
   * Moves the ring `dir` marks along in reading order (wrapping at the ends) and returns that mark.
   * The first step starts from the top of the viewport. Hidden kinds and marks whose text left the
   * page are skipped; null when there is nothing to go to.
   */
  step(dir: 1 | -1): Mark | null {
    const sorted = this.order.marks;
    const usable = (m: Mark) =>
      this.kindShown(m.kind) && m.range.startContainer.isConnected && rectsOf(m.range).length > 0;
    const n = sorted.length;
    if (n === 0) return null;
    let i = this.current ? sorted.indexOf(this.current) : -1;
    if (i < 0) {
      // Nothing focused yet: start just before the first mark in view (or after the last one, going back).
      const view = this.doc.defaultView;
      const top = 0;
      const bottom = view?.innerHeight ?? Number.POSITIVE_INFINITY;
      const firstInView = sorted.findIndex((m) => usable(m) && (boxOf(m.range)?.bottom ?? top) > top);
      const start = Math.max(firstInView, 0);
      if (dir === 1) i = start - 1;
      else {
        const lastInView = sorted.findLastIndex((m) => usable(m) && (boxOf(m.range)?.top ?? bottom) < bottom);
        i = lastInView < 0 ? n : lastInView + 1;
      }
    }
    for (let k = 1; k <= n; k++) {
      const m = sorted[(((i + dir * k) % n) + n) % n] as Mark;
      if (usable(m)) {
        this.focus(m);
        return m;
      }
    }
    return null;
  }

  /** Puts the ring on `mark` (null removes it). */
  focus(mark: Mark | null): void {
    this.current = mark;
    const api = highlightApi();
    if (!api) return;
    if (!this.ring) {
      this.ring = api.create();
      this.ring.priority = 10; // drawn over the kind highlights
    }
    this.ring.clear();
    if (mark) {
      this.ring.add(mark.range);
      this.sheet.adopt(this.display.markStyle);
      if (!api.registry.has(FOCUS_HIGHLIGHT)) api.registry.set(FOCUS_HIGHLIGHT, this.ring);
    } else api.registry.delete(FOCUS_HIGHLIGHT);
  }

  /** Removes the ring and the stylesheet (the page is being left). */
  dispose(): void {
    this.focus(null);
    this.order.clear();
    this.sheet.remove();
  }

  /** Takes hidden kinds out of CSS.highlights and puts shown ones back. */
  private apply(): void {
    const api = highlightApi();
    if (!api) return;
    const { kinds, markStyle, shown } = this.display;
    for (const kind of ENTITY_KINDS) {
      const name = HIGHLIGHT_PREFIX + kind;
      const visible = shown && markStyle !== 'hover' && kinds.includes(kind);
      const own = this.highlightOf(kind);
      if (!visible) api.registry.delete(name);
      else if (own && api.registry.get(name) !== own) api.registry.set(name, own);
    }
  }
}
