/**
 * Which mark is under the pointer, and when to open or close the card for it.
 *
 * ONE passive pointermove listener on the document serves every mark: the caret position under
 * the pointer gives a text node and offset, the Marks index gives the marks covering that text
 * position, and the mark's client rects confirm the pointer is really on it (the caret snaps to
 * the nearest text even over blank space).
 */
import type { Mark, Marks } from './highlights';
import { rectsOf } from './mark-range';

/** Open after the pointer rests this long on a mark (ms). */
export const OPEN_DELAY_MS = 300;
/** Close this long after the pointer left the mark and the card (ms). */
export const CLOSE_DELAY_MS = 300;

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

/** What the hover intent drives. */
export interface HoverIntentOptions {
  onOpen(mark: Mark): void;
  onClose(): void;
  openDelayMs?: number;
  closeDelayMs?: number;
}

/**
 * Hover intent as a small state machine fed by `update(markUnderPointer, pointerOnCard)`:
 * resting ~300 ms on a mark opens it; leaving both the mark and the card closes it after a
 * ~300 ms grace period, so the pointer can travel from the name to the card.
 */
export class HoverIntent {
  private pending: Mark | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  current: Mark | null = null;

  constructor(private readonly opts: HoverIntentOptions) {}

  /** Reports what the pointer is on now. */
  update(over: Mark | null, onCard: boolean): void {
    if (onCard || (over && over === this.current)) {
      this.cancelOpen();
      this.cancelClose();
      return;
    }
    // The card opens at the mention the pointer rests on: passing over one on the way restarts the wait.
    if (over) {
      if (this.pending !== over) {
        this.cancelOpen();
        this.pending = over;
        this.openTimer = setTimeout(() => this.fireOpen(), this.opts.openDelayMs ?? OPEN_DELAY_MS);
      }
    } else this.cancelOpen();
    // Another mention of the open card's name keeps the card open; resting there moves it there.
    if (over && over.key === this.current?.key) this.cancelClose();
    else if (this.current && this.closeTimer === undefined)
      this.closeTimer = setTimeout(() => this.close(), this.opts.closeDelayMs ?? CLOSE_DELAY_MS);
  }

  /** Opens a mark now (e.g. revealed from the popup). */
  open(mark: Mark): void {
    this.cancelOpen();
    this.cancelClose();
    this.current = mark;
    this.opts.onOpen(mark);
  }

  /** Closes now (Escape) and forgets any pending open. */
  close(): void {
    this.cancelOpen();
    this.cancelClose();
    if (!this.current) return;
    this.current = null;
    this.opts.onClose();
  }

  /** Stops every timer. */
  dispose(): void {
    this.cancelOpen();
    this.cancelClose();
  }

  private fireOpen(): void {
    const mark = this.pending;
    this.openTimer = undefined;
    this.pending = null;
    if (mark) this.open(mark);
  }

  private cancelOpen(): void {
    clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pending = null;
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
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
