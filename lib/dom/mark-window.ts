/**
 * Keeps only the marks near the viewport registered in CSS.highlights once a page has many.
 *
 * Why: in Chromium, the first frame after ANY change to a highlight (or to the DOM) rebuilds the
 * paint markers of EVERY registered range, on or off screen. On a 200,000-word page (Chromium 156)
 * that frame took 36 ms with 200 ranges and 70 ms with 800 registered by a page script without the
 * extension, and 250–600 ms with the 5,138 ranges of the whole article: a long task each time a
 * batch of marks landed or the page changed. So above {@link WINDOW_ABOVE} marks, only the marks
 * whose paragraph is within {@link WINDOW_MARGIN_PX} of the viewport are registered; an
 * IntersectionObserver (computed by the browser during its own frame, no scroll listener of ours)
 * adds and removes them as the reader scrolls. Hit-testing, keyboard steps and counts never depend on registration: they use
 * the Marks index, so a name far below is still known, just not painted until it comes near.
 */
import type { Mark } from './highlights';

/** Marks on a page above which only those near the viewport are registered. */
export const WINDOW_ABOVE = 400;
/** How far above and below the viewport marks stay registered (about two screens each way). */
export const WINDOW_MARGIN_PX = 1600;

/** What the window shows and hides (the Marks' per-kind highlights). */
export interface WindowTarget {
  show(marks: readonly Mark[]): void;
  hide(marks: readonly Mark[]): void;
}

/** The element whose box stands for a mark's position: the one holding its first text node. */
function anchorOf(mark: Mark): Element | null {
  const start = mark.range.startContainer;
  return start.nodeType === 1 ? (start as Element) : start.parentElement;
}

/** Registers marks whose anchor element is near the viewport; see the module comment. */
export class MarkWindow {
  private readonly groups = new Map<Element, Mark[]>();
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;

  /** `Observer` is the page window's IntersectionObserver (content scripts see the page's window). */
  constructor(
    private readonly target: WindowTarget,
    Observer: typeof IntersectionObserver,
  ) {
    this.observer = new Observer((entries) => this.update(entries), {
      rootMargin: `${WINDOW_MARGIN_PX}px 0px ${WINDOW_MARGIN_PX}px 0px`,
    });
  }

  /** Starts following `marks`; those whose paragraph is already near are shown at once. */
  track(marks: readonly Mark[]): void {
    const nowShown: Mark[] = [];
    for (const m of marks) {
      const el = anchorOf(m);
      if (!el) continue;
      const group = this.groups.get(el);
      if (group) {
        group.push(m);
        if (this.near.has(el)) nowShown.push(m);
      } else {
        this.groups.set(el, [m]);
        this.observer.observe(el);
      }
    }
    if (nowShown.length) this.target.show(nowShown);
  }

  /** Stops following `marks` (their text left the page); an element left with none is unobserved. */
  forget(marks: ReadonlySet<Mark>): void {
    for (const [el, group] of this.groups) {
      const kept = group.filter((m) => !marks.has(m));
      if (kept.length === group.length) continue;
      if (kept.length) this.groups.set(el, kept);
      else {
        this.groups.delete(el);
        this.near.delete(el);
        this.observer.unobserve(el);
      }
    }
  }

  /** Number of marks currently registered through the window. */
  get shown(): number {
    let n = 0;
    for (const el of this.near) n += this.groups.get(el)?.length ?? 0;
    return n;
  }

  /** Stops observing (the marks themselves are cleared by their owner). */
  dispose(): void {
    this.observer.disconnect();
    this.groups.clear();
    this.near.clear();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const show: Mark[] = [];
    const hide: Mark[] = [];
    for (const e of entries) {
      const group = this.groups.get(e.target);
      if (!group) continue;
      if (e.isIntersecting && !this.near.has(e.target)) {
        this.near.add(e.target);
        show.push(...group);
      } else if (!e.isIntersecting && this.near.has(e.target)) {
        this.near.delete(e.target);
        hide.push(...group);
      }
    }
    // One change per callback: each change costs a frame that rebuilds every registered marker.
    if (hide.length) this.target.hide(hide);
    if (show.length) this.target.show(show);
  }
}
