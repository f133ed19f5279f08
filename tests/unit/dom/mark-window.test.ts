import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_PREFIX } from '../../../lib/dom/highlight-css';
import { Marks, type Mark } from '../../../lib/dom/highlights';
import { MarkNavigator } from '../../../lib/dom/keyboard-nav';
import { WINDOW_ABOVE } from '../../../lib/dom/mark-window';
import { piecesFor, rangeFor } from '../../../lib/dom/block-ranges';
import { scanBlocks } from '../../../lib/dom/text-blocks';
import { installHighlights } from './highlight-stubs';

/** An IntersectionObserver whose intersections the test decides (happy-dom computes no layout). */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(
    private readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** Reports `near` elements as intersecting and `far` ones as not. */
  fire(near: Element[], far: Element[] = []): void {
    const entry = (target: Element, isIntersecting: boolean) =>
      ({ target, isIntersecting }) as IntersectionObserverEntry;
    this.callback([...near.map((el) => entry(el, true)), ...far.map((el) => entry(el, false))]);
  }
}

const win = window as unknown as { IntersectionObserver: unknown };
const original = win.IntersectionObserver;
let uninstall = (): void => {};
afterEach(() => {
  uninstall();
  win.IntersectionObserver = original;
  document.adoptedStyleSheets = [];
});

/** An article of `n` paragraphs, each naming one person, marked in Marks. */
async function page(n: number): Promise<{ marks: Marks; list: Mark[]; paras: HTMLElement[] }> {
  document.body.innerHTML = `<article id="a">${Array.from({ length: n }, (_, i) => `<p>Today Ada${i} Lovelace spoke.</p>`).join('')}</article>`;
  const blocks = await scanBlocks(document.getElementById('a')!);
  const list = blocks.map((b, i) => {
    const s = b.text.indexOf('Ada');
    const e = b.text.indexOf(' spoke');
    return { key: `person:ada${i}`, kind: 'person' as const, range: rangeFor(b, s, e)!, pieces: piecesFor(b, s, e) };
  });
  return { marks: new Marks(document), list, paras: [...document.querySelectorAll('p')] as HTMLElement[] };
}

describe('MarkWindow (through Marks)', () => {
  it('registers every mark while a page has few', async () => {
    uninstall = installHighlights().uninstall;
    win.IntersectionObserver = FakeObserver;
    FakeObserver.last = null;
    const { marks, list } = await page(20);
    marks.add(list);
    expect(marks.registered).toBe(20);
    expect(FakeObserver.last).toBeNull();
  });

  it('above the limit, registers only marks whose paragraph is near the viewport, and follows scrolling', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    win.IntersectionObserver = FakeObserver;
    const n = WINDOW_ABOVE + 50;
    const { marks, list, paras } = await page(n);
    marks.add(list.slice(0, 100));
    expect(stub.registry.get(`${HIGHLIGHT_PREFIX}person`)!.size).toBe(100);
    marks.add(list.slice(100));
    const observer = FakeObserver.last!;
    expect(observer.observed.size).toBe(n);
    expect(observer.options.rootMargin).toMatch(/^\d+px 0px \d+px 0px$/);
    const person = stub.registry.get(`${HIGHLIGHT_PREFIX}person`)!;
    expect(person.size).toBe(0); // nothing known to be near yet

    observer.fire(paras.slice(0, 10));
    expect(person.size).toBe(10);
    expect(person.has(list[3]!.range)).toBe(true);
    // Scrolled down: the first paragraphs leave the window, later ones enter.
    observer.fire(paras.slice(200, 205), paras.slice(0, 10));
    expect([...person]).toEqual(list.slice(200, 205).map((m) => m.range));
    expect(marks.registered).toBe(5);

    // Hit-testing and lookups still see every mark, painted or not.
    expect(marks.size).toBe(n);
    expect(marks.byKey('person:ada420')).toHaveLength(1);
    const far = list[420]!.pieces[0]!;
    expect(marks.at(far.node, far.start).map((m) => m.key)).toEqual(['person:ada420']);

    marks.clear();
    expect(observer.disconnected).toBe(true);
    expect(stub.registry.size).toBe(0);
  });

  it('a kind the reader hid stays hidden when its marks scroll into view', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    win.IntersectionObserver = FakeObserver;
    const { marks, list, paras } = await page(WINDOW_ABOVE + 10);
    const nav = new MarkNavigator(document, (kind) => marks.highlightFor(kind));
    nav.setDisplay({ kinds: ['place'] });
    marks.add(list);
    nav.track(list);
    FakeObserver.last!.fire(paras.slice(0, 5));
    expect(stub.registry.has(`${HIGHLIGHT_PREFIX}person`)).toBe(false);
    nav.setDisplay({ kinds: ['person', 'place'] });
    expect(stub.registry.get(`${HIGHLIGHT_PREFIX}person`)!.size).toBe(5);
  });
});
