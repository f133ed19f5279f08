import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_PREFIX, highlightCss } from '../../../lib/dom/highlight-css';
import { highlightApi } from '../../../lib/dom/highlight-api';
import { Marks, type Mark } from '../../../lib/dom/highlights';
import { piecesFor, rangeFor } from '../../../lib/dom/block-ranges';
import { scanBlocks } from '../../../lib/dom/text-blocks';
import { installHighlights } from './highlight-stubs';

let uninstall = (): void => {};
afterEach(() => {
  uninstall();
  document.adoptedStyleSheets = [];
});

async function marksFor(
  html: string,
  spans: [string, 'person' | 'organization' | 'place' | 'event', string][],
): Promise<Mark[]> {
  document.body.innerHTML = `<article id="a">${html}</article>`;
  const blocks = await scanBlocks(document.getElementById('a')!);
  const out: Mark[] = [];
  for (const [needle, kind, key] of spans)
    blocks.forEach((b) => {
      const s = b.text.indexOf(needle);
      if (s >= 0)
        out.push({ key, kind, range: rangeFor(b, s, s + needle.length)!, pieces: piecesFor(b, s, s + needle.length) });
    });
  return out;
}

describe('Marks', () => {
  it('registers one highlight per kind and one adopted stylesheet, without touching the DOM', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    const list = await marksFor('<p>Jens <b>Stoltenberg</b> of Nato met Putin in Moscow.</p>', [
      ['Jens Stoltenberg', 'person', 'person:jens stoltenberg'],
      ['Putin', 'person', 'person:putin'],
      ['Nato', 'organization', 'organization:nato'],
      ['Moscow', 'place', 'place:moscow'],
    ]);
    const before = document.body.innerHTML;
    // happy-dom's CSS parser drops ::highlight() rules, so the sheet's source text is checked instead.
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const marks = new Marks(document);
    marks.add(list);
    expect(document.body.innerHTML).toBe(before);
    expect([...stub.registry.keys()].sort()).toEqual([
      `${HIGHLIGHT_PREFIX}organization`,
      `${HIGHLIGHT_PREFIX}person`,
      `${HIGHLIGHT_PREFIX}place`,
    ]);
    expect(stub.registry.get('backstory-person')!.size).toBe(2);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(replaceSync).toHaveBeenCalledOnce();
    expect(String(replaceSync.mock.calls[0]![0])).toContain('::highlight(backstory-person)');
    replaceSync.mockRestore();
    marks.add([]);
    expect(document.adoptedStyleSheets).toHaveLength(1);

    // Hit lookup by text position, across the <b> boundary.
    const bold = document.querySelector('b')!.firstChild!;
    expect(marks.at(bold, 3).map((m) => m.key)).toEqual(['person:jens stoltenberg']);
    expect(marks.byKey('place:moscow')).toHaveLength(1);

    marks.clear();
    expect(stub.registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(marks.at(bold, 3)).toEqual([]);
  });

  it('adopts its stylesheet again when the page replaced the adopted stylesheets', async () => {
    uninstall = installHighlights().uninstall;
    const marks = new Marks(document);
    marks.prepare(); // at document_start
    const ours = document.adoptedStyleSheets[0];
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs]; // a page script, while the page parses
    marks.add(await marksFor('<p>Nato met.</p>', [['Nato', 'organization', 'organization:nato']]));
    expect(document.adoptedStyleSheets).toEqual([theirs, ours]);
  });

  it('styles open shadow roots that hold marks', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    document.body.innerHTML = '<article id="a"><p>Intro paragraph.</p><x-box id="x"></x-box></article>';
    const shadow = document.getElementById('x')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nato in a shadow root.</p>';
    const blocks = await scanBlocks(document.getElementById('a')!);
    const b = blocks[1]!;
    new Marks(document).add([
      { key: 'organization:nato', kind: 'organization', range: rangeFor(b, 0, 4)!, pieces: piecesFor(b, 0, 4) },
    ]);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
  });

  it('does nothing, and throws nothing, where the Highlight API is missing', async () => {
    expect(highlightApi()).toBeNull();
    const list = await marksFor('<p>Nato</p>', [['Nato', 'organization', 'organization:nato']]);
    const marks = new Marks(document);
    expect(() => marks.add(list)).not.toThrow();
    expect(marks.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(() => marks.clear()).not.toThrow();
  });

  it('uses underline decorations for every kind', () => {
    const css = highlightCss();
    for (const k of ['person', 'organization', 'place', 'event'])
      expect(css).toMatch(new RegExp(`::highlight\\(backstory-${k}\\)\\{text-decoration-line:underline`));
    expect(css).not.toMatch(/rem\b/);
  });
});
