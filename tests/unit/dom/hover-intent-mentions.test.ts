/**
 * The hover card opens at the mention of a name the pointer rests on, not at one it crossed on the
 * way, and moves to another mention of the same name the pointer rests on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../../lib/dom/hover-intent';
import type { Mark } from '../../../lib/dom/highlights';

const mark = (id: string): Mark =>
  ({ key: 'person:jens stoltenberg', kind: 'person', range: { id } as unknown as AbstractRange, pieces: [] }) as Mark;

afterEach(() => vi.useRealTimers());

describe('hover over another mention of the same name', () => {
  it('opens the card at the mention the pointer rests on, not one it merely crossed', () => {
    vi.useFakeTimers();
    const opened: Mark[] = [];
    const intent = new HoverIntent({ onOpen: (m) => opened.push(m), onClose: () => {} });
    const first = mark('line 1');
    const second = mark('line 2, just below');
    intent.update(first, false); // the pointer crosses "Stoltenberg" on line 1...
    vi.advanceTimersByTime(200);
    intent.update(second, false); // ...and comes to rest on "Stoltenberg" on the next line
    vi.advanceTimersByTime(400);
    expect(opened).toEqual([second]);
  });

  it('keeps the open card while the pointer goes to another mention of its name, and moves it there on resting', () => {
    vi.useFakeTimers();
    const opened: Mark[] = [];
    const onClose = vi.fn();
    const intent = new HoverIntent({ onOpen: (m) => opened.push(m), onClose });
    const first = mark('paragraph 1');
    const later = mark('paragraph 3');
    intent.update(first, false);
    vi.advanceTimersByTime(400);
    expect(opened).toEqual([first]);
    intent.update(later, false);
    vi.advanceTimersByTime(1_000);
    expect(onClose).not.toHaveBeenCalled();
    expect(opened).toEqual([first, later]);
    expect(intent.current).toBe(later);
    // Off the names, it closes as before.
    intent.update(null, false);
    vi.advanceTimersByTime(1_000);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
