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
import { HIGHLIGHT_PREFIX, KIND_COLORS, type Mark } from './highlights';
import { boxOf, compareStarts, rectsOf } from './mark-range';

/** Name of the focus-ring highlight in CSS.highlights. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;

/** The look the reader chose (mirrors lib/settings' MarkStyle, kept local so lib/dom stays standalone). */
export type MarkLook = 'underline' | 'background' | 'hover';

/** What is shown: kinds marked, the look, and whether marks are toggled off. */
export interface MarkDisplay {
  kinds: readonly EntityKind[];
  markStyle: MarkLook;
  shown: boolean;
}

/**
 * The ring must read on any page and in any theme: black text on yellow with a thick double
 * underline, so it is not told by colour alone. `!important` beats the kind rules whatever order
 * the adopted sheets end up in.
 */
function navCss(look: MarkLook): string {
  const ring =
    `::highlight(${FOCUS_HIGHLIGHT}){background-color:#ffd43b !important;color:#000 !important;` +
    'text-decoration-line:underline !important;text-decoration-style:double !important;' +
    'text-decoration-thickness:3px !important;text-decoration-color:#000 !important;}';
  if (look !== 'background') return ring;
  const tints = ENTITY_KINDS.map(
    (k) =>
      `::highlight(${HIGHLIGHT_PREFIX}${k}){text-decoration-line:none !important;background-color:${KIND_COLORS[k]}40 !important;}`,
  );
  return [ring, ...tints].join('\n');
}

/** -1, 0 or 1: where `a` starts relative to `b` (marks in another tree sort after). */
function order(a: Mark, b: Mark): number {
  return compareStarts(a.range, b.range);
}

/** Marks in reading order, a focus ring over one of them, and the visibility of each kind. */
export class MarkNavigator {
  private readonly sorted: Mark[] = [];
  private display: MarkDisplay = { kinds: ENTITY_KINDS, markStyle: 'underline', shown: true };
  private ring: HighlightLike | null = null;
  private sheet: CSSStyleSheet | null = null;
  /** The rules `sheet` holds now. */
  private sheetCss = '';
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
  ) {}

  /** Records marks just added to the page (any order); re-applies visibility to new highlights. */
  track(marks: readonly Mark[]): void {
    if (!this.insertRun(marks)) for (const m of marks) this.sorted.splice(this.insertionPoint(m), 0, m);
    if (marks.length > 0) this.styleOnce();
    this.apply();
  }

  /**
   * Inserts `marks` in one splice when they are in reading order and all fall in one gap of the
   * marks tracked so far: the usual case (one reply's marks; replies of a long page may land out
   * of order). Comparing far-apart marks walks the DOM between them, so the run is placed with
   * one search and checked against its neighbours, not searched for mark by mark. False when the
   * marks are not such a run.
   */
  private insertRun(marks: readonly Mark[]): boolean {
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last) return true;
    for (let i = 1; i < marks.length; i++) if (order(marks[i - 1] as Mark, marks[i] as Mark) > 0) return false;
    const at = this.insertionPoint(first);
    const next = this.sorted[at];
    if (next && order(last, next) > 0) return false;
    const after = this.sorted.splice(at);
    for (const m of marks) this.sorted.push(m);
    for (const m of after) this.sorted.push(m);
    return true;
  }

  /** Where `m` goes in reading order (after marks that start at the same point). */
  private insertionPoint(m: Mark): number {
    let lo = 0;
    let hi = this.sorted.length;
    // Most marks arrive in reading order: check the end first.
    const tail = this.sorted[hi - 1];
    if (tail && order(tail, m) <= 0) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(this.sorted[mid] as Mark, m) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adopts the ring's (and the "background" look's) stylesheet now, ahead of any mark. */
  prepare(): void {
    if (highlightApi()) this.styleOnce();
  }

  /** Forgets every tracked mark (the page's article was replaced). */
  forget(): void {
    this.focus(null);
    this.sorted.length = 0;
  }

  /** Forgets marks whose text left the page; the ring leaves one that was among them. */
  drop(gone: ReadonlySet<Mark>): void {
    if (this.current && gone.has(this.current)) this.focus(null);
    const kept = this.sorted.filter((m) => !gone.has(m));
    this.sorted.length = 0;
    for (const m of kept) this.sorted.push(m);
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
    if (this.sheet) this.styleOnce(true);
  }

  /**
   * Moves the ring `dir` marks along in reading order (wrapping at the ends) and returns that mark.
   * The first step starts from the top of the viewport. Hidden kinds and marks whose text left the
   * page are skipped; null when there is nothing to go to.
   */
  step(dir: 1 | -1): Mark | null {
    const usable = (m: Mark) =>
      this.kindShown(m.kind) && m.range.startContainer.isConnected && rectsOf(m.range).length > 0;
    const n = this.sorted.length;
    if (n === 0) return null;
    let i = this.current ? this.sorted.indexOf(this.current) : -1;
    if (i < 0) {
      // Nothing focused yet: start just before the first mark in view (or after the last one, going back).
      const view = this.doc.defaultView;
      const top = 0;
      const bottom = view?.innerHeight ?? Number.POSITIVE_INFINITY;
      const firstInView = this.sorted.findIndex((m) => usable(m) && (boxOf(m.range)?.bottom ?? top) > top);
      const start = Math.max(firstInView, 0);
      if (dir === 1) i = start - 1;
      else {
        const lastInView = this.sorted.findLastIndex((m) => usable(m) && (boxOf(m.range)?.top ?? bottom) < bottom);
        i = lastInView < 0 ? n : lastInView + 1;
      }
    }
    for (let k = 1; k <= n; k++) {
      const m = this.sorted[(((i + dir * k) % n) + n) % n] as Mark;
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
      this.styleOnce();
      if (!api.registry.has(FOCUS_HIGHLIGHT)) api.registry.set(FOCUS_HIGHLIGHT, this.ring);
    } else api.registry.delete(FOCUS_HIGHLIGHT);
  }

  /** Removes the ring and the stylesheet (the page is being left). */
  dispose(): void {
    this.focus(null);
    this.sorted.length = 0;
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.sheet = null;
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

  /** Adopts (or refreshes) the one stylesheet for the ring and the "background" look. */
  private styleOnce(refresh = false): void {
    try {
      const css = navCss(this.display.markStyle);
      if (!this.sheet) {
        const Sheet = (this.doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
        this.sheet = new Sheet();
        this.sheet.replaceSync(css);
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
}
