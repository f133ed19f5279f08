import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenHover, markAt } from '../../../lib/dom/hit-test';
import { CLOSE_DELAY_MS, HoverIntent, OPEN_DELAY_MS } from '../../../lib/dom/hover-intent';
import { Marks, type Mark } from '../../../lib/dom/highlights';
import { piecesFor, rangeFor } from '../../../lib/dom/block-ranges';
import { scanBlocks } from '../../../lib/dom/text-blocks';
import { installHighlights } from './highlight-stubs';

const fakeMark = (key: string): Mark => ({ key, kind: 'person', range: document.createRange(), pieces: [] });

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const onOpen = vi.fn();
    const onClose = vi.fn();
    return { intent: new HoverIntent({ onOpen, onClose }), onOpen, onClose };
  }

  it('opens only after the pointer rests ~300 ms on a mark', () => {
    const { intent, onOpen } = setup();
    const a = fakeMark('a');
    intent.update(a, false);
    vi.advanceTimersByTime(OPEN_DELAY_MS - 10);
    intent.update(a, false); // moving within the same name does not restart the clock
    expect(onOpen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(onOpen).toHaveBeenCalledWith(a);
    expect(intent.current).toBe(a);
  });

  it('does not open when the pointer just passes over a name', () => {
    const { intent, onOpen } = setup();
    intent.update(fakeMark('a'), false);
    vi.advanceTimersByTime(100);
    intent.update(null, false);
    vi.advanceTimersByTime(1000);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('closes after a grace period, unless the pointer reaches the card', () => {
    const { intent, onClose } = setup();
    intent.open(fakeMark('a'));
    intent.update(null, false);
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 50);
    intent.update(null, true); // on the card
    vi.advanceTimersByTime(1000);
    expect(onClose).not.toHaveBeenCalled();
    intent.update(null, false); // left the card
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(onClose).toHaveBeenCalledOnce();
    expect(intent.current).toBeNull();
  });

  it('switches to another name after its own delay', () => {
    const { intent, onOpen, onClose } = setup();
    const a = fakeMark('a');
    const b = fakeMark('b');
    intent.open(a);
    intent.update(b, false);
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(onOpen).toHaveBeenLastCalledWith(b);
    expect(intent.current).toBe(b);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes at once on close() (Escape)', () => {
    const { intent, onClose } = setup();
    intent.open(fakeMark('a'));
    intent.close();
    expect(onClose).toHaveBeenCalledOnce();
    intent.close();
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('markAt and listenHover', () => {
  let uninstall = (): void => {};
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  async function page() {
    uninstall = installHighlights().uninstall;
    document.body.innerHTML = '<article id="a"><p>Jens Stoltenberg spoke.</p></article>';
    const [b] = await scanBlocks(document.getElementById('a')!);
    const marks = new Marks(document);
    const mark: Mark = {
      key: 'person:jens stoltenberg',
      kind: 'person',
      range: rangeFor(b!, 0, 16)!,
      pieces: piecesFor(b!, 0, 16),
    };
    marks.add([mark]);
    const text = document.querySelector('p')!.firstChild!;
    // happy-dom has no layout: the caret under the pointer and the mark's box are given here.
    (document as unknown as { caretRangeFromPoint: (x: number, y: number) => Range }).caretRangeFromPoint = (x) => {
      const r = document.createRange();
      r.setStart(text, Math.min(Math.floor(x / 10), 23));
      return r;
    };
    vi.spyOn(mark.range as Range, 'getClientRects').mockReturnValue([
      new DOMRect(0, 0, 160, 20),
    ] as unknown as DOMRectList);
    return { marks, mark };
  }

  it('finds the mark under the pointer by text position and confirms it with its rects', async () => {
    const { marks, mark } = await page();
    expect(markAt(marks, document, 50, 10)).toBe(mark);
    expect(markAt(marks, document, 50, 40)).toBeNull(); // caret snapped to the text, but the pointer is below it
    expect(markAt(marks, document, 190, 10)).toBeNull(); // "spoke."
  });

  it('drives the hover intent from ONE pointermove listener; Escape closes', async () => {
    const { marks, mark } = await page();
    vi.useFakeTimers();
    const onOpen = vi.fn();
    const onClose = vi.fn();
    const intent = new HoverIntent({ onOpen, onClose });
    const ctl = new AbortController();
    const add = vi.spyOn(document, 'addEventListener');
    listenHover({ doc: document, marks, intent, isOnCard: () => false, signal: ctl.signal, frame: (cb) => cb() });
    expect(add.mock.calls.filter((c) => c[0] === 'pointermove')).toHaveLength(1);
    expect(add.mock.calls.find((c) => c[0] === 'pointermove')![2]).toMatchObject({ passive: true });
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 50, clientY: 10 }));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(onOpen).toHaveBeenCalledWith(mark);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onClose).toHaveBeenCalledOnce();
    ctl.abort();
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 50, clientY: 10 }));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(onOpen).toHaveBeenCalledOnce();
    add.mockRestore();
  });

  it('opens no card on a name while the reader has hidden the marks', async () => {
    const { marks, mark } = await page();
    vi.useFakeTimers();
    const onOpen = vi.fn();
    const intent = new HoverIntent({ onOpen, onClose: vi.fn() });
    let shown = false;
    const ctl = new AbortController();
    const wiring = { doc: document, marks, intent, isOnCard: () => false, signal: ctl.signal };
    listenHover({ ...wiring, frame: (cb) => cb(), marksShown: () => shown });
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 50, clientY: 10 }));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(onOpen).not.toHaveBeenCalled();
    shown = true;
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 51, clientY: 10 }));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(onOpen).toHaveBeenCalledWith(mark);
    ctl.abort();
  });
});
