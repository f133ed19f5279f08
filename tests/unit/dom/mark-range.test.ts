import { afterEach, describe, expect, it } from 'vitest';
import { boxOf, compareStarts, measurable, rectsOf, staticRange } from '../../../lib/dom/mark-range';
import { FakeStaticRange } from './highlight-stubs';

const win = window as unknown as { StaticRange?: unknown };
afterEach(() => {
  delete win.StaticRange;
  document.body.innerHTML = '';
});

function text(html: string): Text[] {
  document.body.innerHTML = html;
  const out: Text[] = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) out.push(n as Text);
  return out;
}

describe('mark ranges', () => {
  it('are static where the browser has StaticRange, and live ranges elsewhere', () => {
    const [t] = text('<p>Jens Stoltenberg spoke.</p>');
    const live = staticRange(document, { node: t!, offset: 0 }, { node: t!, offset: 4 });
    expect(live).toBeInstanceOf(Range);
    win.StaticRange = FakeStaticRange;
    const fixed = staticRange(document, { node: t!, offset: 5 }, { node: t!, offset: 16 });
    expect(fixed).toBeInstanceOf(FakeStaticRange);
    expect([fixed.startOffset, fixed.endOffset]).toEqual([5, 16]);
  });

  it('measures a static range through a live one set to it, clamped to text the page shortened', () => {
    win.StaticRange = FakeStaticRange;
    const [t] = text('<p>Jens Stoltenberg spoke.</p>');
    const r = staticRange(document, { node: t!, offset: 5 }, { node: t!, offset: 16 });
    const live = measurable(r)!;
    expect(live.toString()).toBe('Stoltenberg');
    t!.data = 'Jens Stolt';
    expect(measurable(r)!.toString()).toBe('Stolt');
    expect(rectsOf(r)).toBeInstanceOf(Array);
    t!.parentElement!.remove();
    expect(measurable(r)).toBeNull();
    expect(rectsOf(r)).toEqual([]);
    expect(boxOf(r)).toBeNull();
  });

  it('orders ranges by where they start in the document; another tree sorts after', () => {
    win.StaticRange = FakeStaticRange;
    const [a, b] = text('<p>Nato met.</p><p>Russia left.</p>');
    const at = (node: Text, offset: number) => staticRange(document, { node, offset }, { node, offset: offset + 1 });
    expect(compareStarts(at(a!, 0), at(a!, 5))).toBe(-1);
    expect(compareStarts(at(a!, 5), at(a!, 0))).toBe(1);
    expect(compareStarts(at(a!, 2), at(a!, 2))).toBe(0);
    expect(compareStarts(at(a!, 8), at(b!, 0))).toBe(-1);
    expect(compareStarts(at(b!, 0), at(a!, 8))).toBe(1);
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Kyiv</p>';
    const inShadow = shadow.querySelector('p')!.firstChild as Text;
    expect(compareStarts(at(inShadow, 0), at(a!, 0))).toBe(1);
  });
});
