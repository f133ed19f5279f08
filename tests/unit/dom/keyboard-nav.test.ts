import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mark } from '../../../lib/dom/highlights';
import { MarkNavigator } from '../../../lib/dom/keyboard-nav';
import { markRangeFor, piecesFor } from '../../../lib/dom/block-ranges';
import { scanBlocks } from '../../../lib/dom/text-blocks';
import { FakeStaticRange, installHighlights } from './highlight-stubs';

const win = window as unknown as { StaticRange?: unknown };
let uninstall = (): void => {};
afterEach(() => {
  uninstall();
  delete win.StaticRange;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

/** Ten paragraphs, each naming one place, and a mark on each name (static ranges, as in Chromium). */
async function page(): Promise<Mark[]> {
  uninstall = installHighlights().uninstall;
  win.StaticRange = FakeStaticRange;
  const places = ['Kyiv', 'Lviv', 'Odesa', 'Riga', 'Oslo', 'Bern', 'Rome', 'Lima', 'Doha', 'Baku'];
  document.body.innerHTML = `<article>${places.map((p) => `<p>Talks were held in ${p} on Monday, officials said.</p>`).join('')}</article>`;
  const blocks = await scanBlocks(document.body, new AbortController().signal);
  // happy-dom has no layout: every range has one box, so every mark can take the ring.
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 40, 16)] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 40, 16));
  return blocks.map((b, i) => {
    const start = b.text.indexOf(places[i]!);
    const end = start + places[i]!.length;
    return { key: `place:${i}`, kind: 'place', range: markRangeFor(b, start, end)!, pieces: piecesFor(b, start, end) };
  });
}

/** The marks the ring visits going forward from the top, as their keys. */
function readingOrder(nav: MarkNavigator, n: number): string[] {
  return Array.from({ length: n }, () => nav.step(1)?.key ?? 'none');
}

describe('keyboard navigation order', () => {
  it('steps through marks in reading order however their batches arrived', async () => {
    const marks = await page();
    const nav = new MarkNavigator(document, () => undefined);
    // Replies of a long page can land out of order; a rescan's marks fall between earlier ones.
    nav.track(marks.slice(6, 9));
    nav.track(marks.slice(0, 3)); // one run, before the others
    nav.track([marks[3]!, marks[9]!]); // in order, but around marks 6-8: placed mark by mark
    nav.track([marks[5]!, marks[4]!]); // out of order
    expect(readingOrder(nav, 11)).toEqual([...marks.map((m) => m.key), 'place:0']);
  });
});
