/**
 * The marks of a page sorted in reading order, kept sorted as marks arrive (in batches, mostly
 * but not always in order) and leave.
 */
import type { Mark } from './highlights';
import { compareStarts } from './mark-range';

/** -1, 0 or 1: where `a` starts relative to `b` (marks in another tree sort after). */
function order(a: Mark, b: Mark): number {
  return compareStarts(a.range, b.range);
}

/** A page's marks, kept in reading order. */
export class ReadingOrder {
  private readonly sorted: Mark[] = [];

  /** The marks, first to last. */
  get marks(): readonly Mark[] {
    return this.sorted;
  }

  /** Puts marks just added to the page (any order) in their places. */
  add(marks: readonly Mark[]): void {
    if (!this.insertRun(marks)) for (const m of marks) this.sorted.splice(this.insertionPoint(m), 0, m);
  }

  /** Takes out the marks in `gone`. */
  drop(gone: ReadonlySet<Mark>): void {
    const kept = this.sorted.filter((m) => !gone.has(m));
    this.sorted.length = 0;
    for (const m of kept) this.sorted.push(m);
  }

  /** Takes out every mark. */
  clear(): void {
    this.sorted.length = 0;
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
}
