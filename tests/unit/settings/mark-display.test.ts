import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOCUS_HIGHLIGHT } from '@/lib/dom/highlight-css';
import { type Mark, Marks } from '@/lib/dom/highlights';
import { MarkNavigator } from '@/lib/dom/keyboard-nav';
import type { EntityKind } from '@/lib/entity';
import { installHighlights } from '../dom/highlight-stubs';

let stubs: ReturnType<typeof installHighlights>;
beforeEach(() => {
  stubs = installHighlights();
  document.body.replaceChildren();
});
afterEach(() => stubs.uninstall());

/** One mark per word of a paragraph, with the kind given for each. */
function marksFor(words: Array<[string, EntityKind]>): Mark[] {
  const p = document.createElement('p');
  p.textContent = words.map(([w]) => w).join(' ');
  document.body.append(p);
  const text = p.firstChild as Text;
  let at = 0;
  return words.map(([w, kind]) => {
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + w.length);
    const piece = { node: text, start: at, end: at + w.length };
    at += w.length + 1;
    return { key: `${kind}:${w.toLowerCase()}`, kind, range, pieces: [piece] } as Mark;
  });
}

describe('mark display (settings and the toggle command)', () => {
  it('hides unchosen kinds and gives the same highlight back, with marks added meanwhile', () => {
    const marks = new Marks(document);
    const nav = new MarkNavigator(document, (kind) => marks.highlightFor(kind));
    const [nato, russia, jens] = marksFor([
      ['Nato', 'organization'],
      ['Russia', 'place'],
      ['Jens', 'person'],
    ]);
    marks.add([nato!, russia!]);
    nav.track([nato!, russia!]);
    const places = stubs.registry.get('backstory-place');
    nav.setDisplay({ kinds: ['person', 'organization'] });
    expect([...stubs.registry.keys()].sort()).toEqual(['backstory-organization']);
    expect(nav.kindShown('place')).toBe(false);
    marks.add([jens!]);
    nav.track([jens!]);
    nav.setDisplay({ kinds: ['person', 'organization', 'place'] });
    expect(stubs.registry.get('backstory-place')).toBe(places);
    expect([...stubs.registry.keys()].sort()).toEqual([
      'backstory-organization',
      'backstory-person',
      'backstory-place',
    ]);
  });

  it('toggles every mark off and on, and "off until hover" shows none until a card opens', () => {
    const marks = new Marks(document);
    const nav = new MarkNavigator(document, (kind) => marks.highlightFor(kind));
    const all = marksFor([
      ['Nato', 'organization'],
      ['Jens', 'person'],
    ]);
    marks.add(all);
    nav.track(all);
    nav.setDisplay({ shown: false });
    expect(stubs.registry.size).toBe(0);
    nav.setDisplay({ shown: true });
    expect(stubs.registry.size).toBe(2);
    nav.setDisplay({ markStyle: 'hover' });
    expect(stubs.registry.size).toBe(0);
    nav.focus(all[1]!);
    expect([...stubs.registry.keys()]).toEqual([FOCUS_HIGHLIGHT]);
    expect([...(stubs.registry.get(FOCUS_HIGHLIGHT) ?? [])]).toEqual([all[1]!.range]);
    nav.focus(null);
    expect(stubs.registry.size).toBe(0);
  });

  it("rewrites the ring's stylesheet only when the look changes (each rewrite restyles the page)", () => {
    document.adoptedStyleSheets = [];
    const nav = new MarkNavigator(document, () => undefined);
    nav.prepare();
    const [sheet] = document.adoptedStyleSheets;
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    nav.setDisplay({ markStyle: 'underline', kinds: ['person'] }); // same look: settings read at start
    expect(replaceSync).not.toHaveBeenCalled();
    nav.setDisplay({ markStyle: 'background' });
    expect(replaceSync).toHaveBeenCalledOnce();
    expect(String(replaceSync.mock.calls[0]![0])).toContain('::highlight(backstory-person)');
    expect(document.adoptedStyleSheets).toEqual([sheet]);
    replaceSync.mockRestore();
    // A page script that assigns its own list drops the sheet: the next marks adopt it again.
    document.adoptedStyleSheets = [];
    nav.track(marksFor([['Nato', 'organization']]));
    expect(document.adoptedStyleSheets).toEqual([sheet]);
    nav.dispose();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
