/**
 * The hover card is neither closed nor replaced while the reader is in it (writing a note).
 * Set-up as in page-controller.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPage } from '../../../entrypoints/article.content/page-controller';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { FakeStaticRange, installHighlights } from '../dom/highlight-stubs';

const loadUi = vi.fn(() => import('../../../components/card-ui').then((m) => m.cardUi));

const NAMES = [
  {
    key: 'person:jens stoltenberg',
    name: 'Jens Stoltenberg',
    kind: 'person',
    forms: ['Jens Stoltenberg', 'Stoltenberg'],
  },
  { key: 'organization:nato', name: 'Nato', kind: 'organization', forms: ['Nato'] },
] as const;

function fakeBackground() {
  const send = (async (type: string, payload: any) => {
    if (type === 'spotBlocks') {
      const spans: BlockSpan[] = [];
      const counts = new Map<string, number>();
      (payload.blocks as string[]).forEach((text, block) => {
        for (const n of NAMES)
          for (const m of text.matchAll(new RegExp(`\\b(${n.forms.join('|')})\\b`, 'g'))) {
            spans.push({ block, start: m.index!, end: m.index! + m[0].length, entityKey: n.key });
            counts.set(n.key, (counts.get(n.key) ?? 0) + 1);
          }
      });
      const entities = NAMES.filter((n) => counts.has(n.key)).map((n) => ({
        key: n.key,
        name: n.name,
        kind: n.kind,
        aliases: [...n.forms],
        count: counts.get(n.key)!,
      }));
      return { ok: true, value: { entities, spans } };
    }
    if (type === 'getCard') return { ok: true, value: { card: null, notes: [], seenIn: 0 } };
    return { ok: false, error: 'not in this test' };
  }) as unknown as SendFn;
  return { send };
}

const para = (s: string) =>
  `<p>${s} The alliance met in Brussels this week to weigh what comes next for Europe, and ministers spoke at length about budgets, troops and the long winter ahead.</p>`;
const ARTICLE = `<article id="story">${para('Jens Stoltenberg said Nato is ready.')}${para('Mr Stoltenberg added more.')}${para('Nato allies agreed.')}${para('Nothing named here at all.')}</article>`;

const win = window as unknown as { StaticRange?: unknown };
let uninstall = (): void => {};
let ctl = new AbortController();
afterEach(() => {
  ctl.abort();
  uninstall();
  delete win.StaticRange;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function captureShadowRoots(): ShadowRoot[] {
  const shadows: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const s = attach.call(this, init);
    shadows.push(s);
    return s;
  });
  return shadows;
}

async function start() {
  uninstall = installHighlights().uninstall;
  // Static ranges, as in Chromium: a mark whose text left the page has no box any more.
  win.StaticRange = FakeStaticRange;
  // happy-dom has no layout: every range has one box.
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 10, 40, 16)] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 10, 40, 16));
  document.body.innerHTML = ARTICLE;
  ctl = new AbortController();
  const page = startPage(document, fakeBackground().send, ctl.signal, { loadUi });
  await page.done;
  return page;
}

describe('the card stays while the reader writes in it', () => {
  it('does not close under the reader when the page re-renders the name and the reader then scrolls', async () => {
    const shadows = captureShadowRoots();
    const page = await start();
    expect(page.revealEntity('organization:nato')).toEqual({ revealed: true });
    const dialog = () => shadows[0]?.querySelector('[role="dialog"]');
    await vi.waitFor(() => expect(dialog()?.querySelector('iframe')).toBeTruthy());
    // The reader is in the card's notes (writing a note in the frame).
    const frame = dialog()!.querySelector('iframe')!;
    frame.tabIndex = 0;
    frame.focus();
    expect(document.activeElement).toBe(shadows[0]!.host);
    // A live blog re-renders the article (same text, new nodes); page-watch waits for the reader...
    const story = document.getElementById('story')!;
    const html = story.innerHTML;
    story.innerHTML = html;
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog()).toBeTruthy(); // still open: nothing placed the card since
    // ...but the reader scrolls the page to re-read a line: the card follows its (gone) name and closes.
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog()).toBeTruthy(); // closing would take the draft in the frame with it
  });

  it('"next name" does not replace the card while the reader is in its note frame', async () => {
    const shadows = captureShadowRoots();
    const page = await start();
    expect(page.pageCommand('next-name')).toMatchObject({ done: true, name: 'Jens Stoltenberg' });
    const dialog = () => shadows[0]?.querySelector('[role="dialog"]');
    await vi.waitFor(() => expect(dialog()?.querySelector('iframe')).toBeTruthy());
    const frame = dialog()!.querySelector('iframe')!;
    frame.tabIndex = 0;
    frame.focus(); // the reader tabbed into the notes and is typing a note
    expect(document.activeElement).toBe(shadows[0]!.host);
    // Alt+Shift+N again (the browser delivers it even with focus in the frame): the next mark is Nato's.
    page.pageCommand('next-name');
    await new Promise((r) => setTimeout(r, 50));
    // The card, and with it the frame holding the draft, must still be Jens Stoltenberg's.
    expect(dialog()?.getAttribute('aria-label')).toBe('Jens Stoltenberg');
    expect(dialog()?.querySelector('iframe')).toBe(frame);
  });
});
