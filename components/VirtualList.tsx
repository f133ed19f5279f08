import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  /** Number of rows. */
  count: number;
  /** Height of row `i` in px (known up front: rows are laid out at fixed heights). */
  rowHeight: (i: number) => number;
  /** Changes whenever any row height may have changed (e.g. the row being edited). */
  heightsKey?: unknown;
  /** Stable key of row `i`. */
  rowKey: (i: number) => string;
  renderRow: (i: number) => ComponentChildren;
  /** Accessible name of the list. */
  label: string;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
  overscan?: number;
  /** Index of a row to scroll into view (changes trigger the scroll). */
  scrollTo?: number | null;
}

/** Viewport height assumed before the first measurement (and in DOMs without layout). */
const FALLBACK_VIEWPORT = 800;

/** First index whose row ends after `y` in the cumulative `ends` array. */
function firstEndingAfter(ends: Float64Array, y: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A windowed list: only the rows in (and just around) the visible part of the scroll box are
 * in the DOM, so 10,000 notes cost what 15 do. Rows are absolutely placed inside a spacer of
 * the full height. Each row carries aria-setsize/aria-posinset, so screen readers still
 * announce "note 5 of 10,000". The scroll box is focusable, so the keyboard scrolls it.
 */
export function VirtualList({
  count,
  rowHeight,
  heightsKey,
  rowKey,
  renderRow,
  label,
  overscan = 4,
  scrollTo,
}: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  // Cumulative row ends, rebuilt only when the rows or their heights change.
  const ends = useMemo(() => {
    const out = new Float64Array(count);
    let y = 0;
    for (let i = 0; i < count; i++) out[i] = y += rowHeight(i);
    return out;
  }, [count, heightsKey]);
  const total = count ? (ends[count - 1] ?? 0) : 0;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || scrollTo === null || scrollTo === undefined || scrollTo >= count) return;
    const top = scrollTo > 0 ? (ends[scrollTo - 1] ?? 0) : 0;
    const bottom = ends[scrollTo] ?? top;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + viewport) el.scrollTop = bottom - viewport;
  }, [scrollTo]);

  // A shorter list (a search narrowing it) must not leave the window past its end.
  const top = Math.min(scrollTop, Math.max(0, total - viewport));
  const first = count ? Math.max(0, firstEndingAfter(ends, top) - overscan) : 0;
  const last = count ? Math.min(count - 1, firstEndingAfter(ends, top + viewport) + overscan) : -1;

  const rows = [];
  for (let i = first; i <= last; i++) {
    const y = i > 0 ? (ends[i - 1] ?? 0) : 0;
    rows.push(
      <li
        key={rowKey(i)}
        class="nb-row"
        aria-setsize={count}
        aria-posinset={i + 1}
        style={{
          position: 'absolute',
          top: `${y}px`,
          left: '0px',
          right: '0px',
          height: `${rowHeight(i)}px`,
        }}
      >
        {renderRow(i)}
      </li>,
    );
  }

  return (
    <div
      ref={box}
      class="nb-scroll"
      tabIndex={0}
      role="region"
      aria-label={`${label}, scrollable`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul
        role="list"
        aria-label={label}
        style={{ position: 'relative', height: `${total}px`, margin: '0px', padding: '0px' }}
      >
        {rows}
      </ul>
    </div>
  );
}
