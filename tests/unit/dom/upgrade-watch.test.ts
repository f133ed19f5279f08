import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUndefinedCustom, UpgradeWatch } from '../../../lib/dom/upgrade-watch';
import { scanBlocks } from '../../../lib/dom/text-blocks';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

let tagNo = 0;
/** A fresh custom element name (a name can be defined once per document). */
const freshTag = () => `late-part-${++tagNo}`;

/** Defines `tag` as a component that renders `html` into an open shadow root when upgraded. */
function define(tag: string, html: string, mode: ShadowRootMode = 'open'): void {
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback() {
        if (!this.shadowRoot) this.attachShadow({ mode }).innerHTML = html;
      }
    },
  );
}

describe('UpgradeWatch', () => {
  // happy-dom has no :defined (it matches nothing): an upgrade is seen by its open shadow root here;
  // Chromium's :defined is covered end to end (shadow-article.e2e.ts).
  it('tells a custom element not defined yet from an upgraded one and from a plain element', () => {
    const tag = freshTag();
    document.body.innerHTML = `<${tag}></${tag}><p>x</p>`;
    const el = document.querySelector(tag)!;
    expect(isUndefinedCustom(el)).toBe(true);
    expect(isUndefinedCustom(document.querySelector('p')!)).toBe(false);
    define(tag, '<p>y</p>');
    expect(isUndefinedCustom(el)).toBe(false);
  });

  it('reports an element once it is defined with an open shadow root, and stops looking', async () => {
    vi.useFakeTimers();
    const tag = freshTag();
    document.body.innerHTML = `<article><${tag}></${tag}></article>`;
    const el = document.querySelector(tag)!;
    const seen: Element[][] = [];
    const watch = new UpgradeWatch((els) => seen.push(els), new AbortController().signal);
    watch.add(el);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([]);
    define(tag, '<p>Jens Stoltenberg spoke.</p>');
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([[el]]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen).toHaveLength(1);
  });

  it('gives up after about 16 s, forgets elements that left the page, and never reports a closed root', async () => {
    vi.useFakeTimers();
    const [never, gone, closed] = [freshTag(), freshTag(), freshTag()];
    document.body.innerHTML = `<${never}></${never}><${gone}></${gone}><${closed}></${closed}>`;
    const seen: Element[][] = [];
    const watch = new UpgradeWatch((els) => seen.push(els), new AbortController().signal);
    for (const tag of [never, gone, closed]) watch.add(document.querySelector(tag)!);
    document.querySelector(gone)!.remove();
    define(closed, '<p>Private.</p>', 'closed');
    await vi.advanceTimersByTimeAsync(16_000);
    define(never, '<p>Too late.</p>');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toEqual([]);
  });

  it('does not start the looks over for an element a rescan meets again', async () => {
    vi.useFakeTimers();
    const [never, late] = [freshTag(), freshTag()];
    document.body.innerHTML = `<${never}></${never}><${late}></${late}>`;
    const seen: Element[][] = [];
    const watch = new UpgradeWatch((els) => seen.push(els), new AbortController().signal);
    const again = document.querySelector(never)!;
    watch.add(again);
    // Rescans keep meeting the element a page never defines: the looks still end after ~16 s.
    for (let s = 0; s < 15; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      watch.add(again);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(vi.getTimerCount()).toBe(0);
    define(late, '<p>Defined once the looks are over.</p>');
    watch.add(document.querySelector(late)!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([[document.querySelector(late)]]);
  });

  it('stops when its signal aborts', async () => {
    vi.useFakeTimers();
    const tag = freshTag();
    document.body.innerHTML = `<${tag}></${tag}>`;
    const stop = new AbortController();
    const seen: Element[][] = [];
    new UpgradeWatch((els) => seen.push(els), stop.signal).add(document.querySelector(tag)!);
    stop.abort();
    define(tag, '<p>After the abort.</p>');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(seen).toEqual([]);
  });
});

describe('scanBlocks and web components', () => {
  it('names each custom element it meets undefined, and reads an upgraded one through its shadow tree', async () => {
    const tag = freshTag();
    document.body.innerHTML = `<article><p>Nato met.</p><${tag}><span slot="by">By Anna Lee</span></${tag}></article>`;
    const el = document.querySelector(tag)!;
    const undefinedOnes: Element[] = [];
    const first = await scanBlocks(document.querySelector('article')!, undefined, {
      onUndefined: (e) => undefinedOnes.push(e),
    });
    expect(undefinedOnes).toEqual([el]);
    expect(first.map((b) => b.text)).toEqual(['Nato met.', 'By Anna Lee']);
    define(tag, '<p>Jens Stoltenberg spoke.</p><slot name="by"></slot>');
    const shadows: ShadowRoot[] = [];
    const again = await scanBlocks(el, undefined, { onShadowRoot: (s) => shadows.push(s) });
    expect(again.map((b) => b.text)).toEqual(['Jens Stoltenberg spoke.', 'By Anna Lee']);
    expect(shadows).toEqual([el.shadowRoot]);
  });
});
