/**
 * Single-page navigations that replace <body> (Turbo Drive, pjax, `document.body = ...`): the new
 * article is read and the old marks go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESCAN_DELAY_MS, startPage } from '../../../entrypoints/article.content/page-controller';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { installHighlights } from '../dom/highlight-stubs';

function fakeBackground() {
  const sent: { type: string; payload: any }[] = [];
  const send = (async (type: string, payload: any) => {
    sent.push({ type, payload });
    if (type !== 'spotBlocks') return { ok: false, error: 'not in this test' };
    const spans: BlockSpan[] = [];
    let count = 0;
    (payload.blocks as string[]).forEach((text, block) => {
      for (const m of text.matchAll(/\bNato\b/g)) {
        spans.push({ block, start: m.index!, end: m.index! + 4, entityKey: 'organization:nato' });
        count++;
      }
    });
    const entities = count
      ? [{ key: 'organization:nato', name: 'Nato', kind: 'organization', aliases: ['Nato'], count }]
      : [];
    return { ok: true, value: { entities, spans } };
  }) as unknown as SendFn;
  return { send, sent };
}

const para = (s: string) =>
  `<p>${s} The alliance met in Brussels this week to weigh what comes next for Europe, and ministers spoke at length about budgets, troops and the long winter ahead.</p>`;

let uninstall = (): void => {};
let ctl = new AbortController();
const originalBody = document.body;
afterEach(() => {
  ctl.abort();
  uninstall();
  if (document.body !== originalBody) document.documentElement.replaceChild(originalBody, document.body);
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('a navigation that swaps <body>', () => {
  it('reads the new article after pushState and a new <body> (Turbo Drive)', async () => {
    const stub = installHighlights();
    uninstall = stub.uninstall;
    history.replaceState(null, '', '/story-1');
    document.body.innerHTML = `<article>${para('Nato met.')}${para('Nato again.')}${para('Nothing.')}${para('Nothing more.')}</article>`;
    const bg = fakeBackground();
    ctl = new AbortController();
    const page = startPage(document, bg.send, ctl.signal, { loadUi: () => new Promise(() => {}) });
    await page.done;
    expect(page.getPageState()).toMatchObject({ marks: 2 });
    // Turbo Drive: pushState, then the fetched page's <body> replaces the current one.
    history.pushState(null, '', '/story-2');
    const next = document.createElement('body');
    next.innerHTML = `<article>${para('Nato ministers met in Vilnius.')}${para('More text here.')}${para('Nothing.')}${para('Nothing more.')}</article>`;
    document.documentElement.replaceChild(next, document.body);
    next.querySelector('article')!.insertAdjacentHTML('beforeend', para('A late paragraph about Nato.'));
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS * 2 + 300));
    // The new article is read, and the old article's marks (on detached text) are gone.
    expect(bg.sent.filter((m) => m.type === 'spotBlocks').length).toBe(2);
    const state = page.getPageState();
    expect(state).toMatchObject({ url: expect.stringContaining('/story-2'), marks: 2 });
  });
});
