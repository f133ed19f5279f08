/**
 * Which mark is under the pointer (when to open or close its card: hover-intent.ts).
 *
 * ONE passive pointermove listener on the document serves every mark: the caret position under
 * the pointer gives a text node and offset, the Marks index gives the marks covering that text
 * position, and the mark's client rects confirm the pointer is really on it (the caret snaps to
 * the nearest text even over blank space).
 */
import type { Mark, Marks } from './highlights';
import { rectsOf } from './mark-range';
import type { HoverIntent } from './hover-intent';

type CaretDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text position under viewport point (x, y), or null. Text inside `shadowRoots` is reported
 * as itself: without them, caretPositionFromPoint retargets a position inside a shadow tree to
 * its host (https://drafts.csswg.org/cssom-view/#dom-document-caretpositionfrompoint), and a mark
 * in an open shadow root of the article could never be hovered.
 */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as CaretDoc;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    /* some pages' overlays make these throw; treat as "nothing here" */
  }
  return null;
}

/** True when (x, y) falls in one of the rects (with a 1px tolerance for sub-pixel edges). */
function inRects(rects: ArrayLike<DOMRect>, x: number, y: number): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r && x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** The mark under viewport point (x, y), or null. */
export function markAt(marks: Marks, doc: Document, x: number, y: number): Mark | null {
  const caret = caretAt(doc, x, y, marks.shadowRoots());
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const m of marks.at(caret.node, caret.offset)) if (inRects(rectsOf(m.range), x, y)) return m;
  return null;
}

/** Wiring of the shared listeners. */
export interface HoverWiring {
  doc: Document;
  marks: Marks;
  intent: HoverIntent;
  /** True when an event's composed path is inside Backstory's UI host. */
  isOnCard(event: Event): boolean;
  signal: AbortSignal;
  /** Hit-test at most once per frame (default requestAnimationFrame when present). */
  frame?: (cb: () => void) => void;
  /** False while the reader has hidden the marks: an invisible name opens no card under the pointer. */
  marksShown?: () => boolean;
}

/**
 * Installs ONE passive pointermove listener (plus pointerout for leaving the window and keydown
 * for Escape) on the document,
 * both removed when `signal` aborts.
 */
export function listenHover({ doc, marks, intent, isOnCard, signal, frame, marksShown }: HoverWiring): void {
  const view = doc.defaultView;
  const nextFrame =
    frame ?? ((cb: () => void) => (view?.requestAnimationFrame ? view.requestAnimationFrame(cb) : setTimeout(cb, 16)));
  let last: PointerEvent | null = null;
  let lastOnCard = false;
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    const e = last;
    if (!e || signal.aborted) return;
    try {
      const onCard = lastOnCard;
      const none = onCard || marks.size === 0 || marksShown?.() === false;
      intent.update(none ? null : markAt(marks, doc, e.clientX, e.clientY), onCard);
    } catch {
      /* never let a page quirk surface in its console */
    }
  };
  doc.addEventListener(
    'pointermove',
    (e) => {
      last = e as PointerEvent;
      // composedPath() is only filled while the event is being dispatched, so whether the pointer
      // is on the card must be read here, not in the deferred hit test.
      lastOnCard = isOnCard(e);
      if (!scheduled) {
        scheduled = true;
        nextFrame(run);
      }
    },
    { passive: true, signal },
  );
  // Leaving the window from a mark sends no further pointermove: treat it as leaving the mark.
  doc.addEventListener(
    'pointerout',
    (e) => {
      if (!(e as PointerEvent).relatedTarget) intent.update(null, isOnCard(e));
    },
    { passive: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && intent.current) intent.close();
    },
    { signal },
  );
}
