/**
 * Marks after the page changes text that was already marked: a paragraph changed in part is read
 * whole again, its old marks dropped first, so a name is neither counted twice nor cut short.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESCAN_DELAY_MS, startPage } from '../../../entrypoints/article.content/page-controller';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { installHighlights } from '../dom/highlight-stubs';

const NAMES = [
  {
    key: 'person:jens stoltenberg',
    name: 'Jens Stoltenberg',
    kind: 'person',
    forms: ['Jens Stoltenberg', 'Stoltenberg'],
  },
  { key: 'organization:nato', name: 'Nato', kind: 'organization', forms: ['Nato'] },
] as const;

/** The same plain-search background as tests/unit/content/page-controller.test.ts. */
function fakeBackground() {
  const sent: { type: string; payload: any }[] = [];
  const send = (async (type: string, payload: any) => {
    sent.push({ type, payload });
    if (type !== 'spotBlocks') return { ok: false, error: 'not in this test' };
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
  }) as unknown as SendFn;
  return { send, sent };
}

const filler =
  ' The alliance met in Brussels this week to weigh what comes next for Europe, and ministers spoke at length about budgets, troops and the long winter ahead.';

let uninstall = (): void => {};
let ctl = new AbortController();
afterEach(() => {
  ctl.abort();
  uninstall();
  document.body.innerHTML = '';
});

async function start(html: string) {
  const stub = installHighlights();
  uninstall = stub.uninstall;
  document.body.innerHTML = html;
  const bg = fakeBackground();
  ctl = new AbortController();
  const page = startPage(document, bg.send, ctl.signal, { loadUi: () => new Promise(() => {}) });
  await page.done;
  const marked = () =>
    [...stub.registry.values()]
      .flatMap((h) => [...h])
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .sort();
  const counts = () => {
    const state = page.getPageState();
    return 'entities' in state ? state.entities.map((e) => `${e.name}:${e.count}`).sort() : [];
  };
  return { page, bg, marked, counts };
}

const settle = () => new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));

describe('text the page patches after it was marked', () => {
  it('does not mark and count a name twice when the page edits text AFTER it in the same text node', async () => {
    const { page, marked, counts } = await start(
      `<article id="story"><p>Nato allies agreed on Tuesday.${filler}</p><p>Jens Stoltenberg spoke.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    // A framework patches the paragraph's text node in place: a correction after the name.
    const t = document.querySelector('#story p')!.firstChild as Text;
    t.data = t.data.replace('on Tuesday', 'on Wednesday');
    await settle();
    // Still one "Nato" on the page.
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    expect(page.getArticleText().blocks.filter((b) => b.startsWith('Nato allies'))).toHaveLength(1);
  });

  it('keeps the whole mark of a name split across inline elements when the page re-renders one part', async () => {
    const { marked, counts } = await start(
      `<article id="story"><p>Nato chief Jens <b>Stoltenberg</b> said so.${filler}</p><p>Ministers agreed.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
    // Hydration (or an auto-linker) replaces the <b> with an identical one.
    const b = document.querySelector('#story b')!;
    b.replaceWith(b.cloneNode(true));
    await settle();
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:1']);
    // The reader still sees (and hovers) the full name, as before the re-render.
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  });

  it('keeps the whole mark of a split name when the page rewrites the text node holding its first part', async () => {
    const { marked } = await start(
      `<article id="story"><p>Nato chief Jens <b>Stoltenberg</b> said so.${filler}</p><p>Ministers agreed.${filler}</p><p>Nothing named here.${filler}</p></article>`,
    );
    const t = document.querySelector('#story p')!.firstChild as Text;
    t.data = `Updated: ${t.data}`;
    await settle();
    expect(marked()).toEqual(['Jens Stoltenberg', 'Nato']);
  });
});

describe('a live blog adding posts', () => {
  it('reads only the new post, even one in a custom element inside the feed, not the whole feed again', async () => {
    const post = (s: string) => `<live-post><p>${s}${filler}</p></live-post>`;
    const { bg, counts } = await start(
      `<article id="story"><h1>Live: the summit</h1><div class="feed">Latest from the summit: ${post('Nato met.')}${post('Jens Stoltenberg spoke.')}${post('Nothing named here.')}</div></article>`,
    );
    const before = bg.sent.filter((m) => m.type === 'spotBlocks').length;
    document.querySelector('.feed')!.insertAdjacentHTML('afterbegin', post('Nato again, this morning.'));
    await settle();
    const after = bg.sent.filter((m) => m.type === 'spotBlocks').slice(before);
    expect(after.flatMap((m) => m.payload.blocks as string[]).map((b) => b.slice(0, 25))).toEqual([
      'Nato again, this morning.',
    ]);
    expect(counts()).toEqual(['Jens Stoltenberg:1', 'Nato:2']);
  });
});
