/**
 * When to open or close the card for the mark under the pointer (hit-test.ts finds the mark).
 */
import type { Mark } from './highlights';

/** Open after the pointer rests this long on a mark (ms). */
export const OPEN_DELAY_MS = 300;
/** Close this long after the pointer left the mark and the card (ms). */
export const CLOSE_DELAY_MS = 300;

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
