/**
 * Article text the page shows later by changing an attribute ("Read more" / "Show full article"
 * buttons that toggle a class, `hidden` or an inline display) is read once shown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESCAN_DELAY_MS, startPage } from '../../../entrypoints/article.content/page-controller';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { installHighlights } from '../dom/highlight-stubs';

function fakeBackground(): SendFn {
  return (async (type: string, payload: any) => {
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
}

const para = (s: string) =>
  `<p>${s} The alliance met in Brussels this week to weigh what comes next for Europe, and ministers spoke at length about budgets, troops and the long winter ahead.</p>`;

let uninstall = (): void => {};
let ctl = new AbortController();
afterEach(() => {
  ctl.abort();
  uninstall();
  document.body.innerHTML = '';
  document.getElementById('review-style')?.remove();
});

async function start(html: string) {
  const stub = installHighlights();
  uninstall = stub.uninstall;
  document.body.innerHTML = html;
  ctl = new AbortController();
  const page = startPage(document, fakeBackground(), ctl.signal, { loadUi: () => new Promise(() => {}) });
  await page.done;
  const nato = () => {
    const s = page.getPageState();
    return 'entities' in s ? (s.entities.find((e) => e.name === 'Nato')?.count ?? 0) : 0;
  };
  return { page, nato };
}

const visible = `${para('Nato met.')}${para('Nothing.')}${para('Nothing more.')}${para('Still nothing.')}`;

describe('article text revealed by "Read more"', () => {
  it('reads paragraphs shown by removing the `hidden` attribute', async () => {
    const { nato } = await start(
      `<article>${visible}<div id="rest" hidden>${para('Nato leaders spoke later.')}</div></article>`,
    );
    expect(nato()).toBe(1);
    document.getElementById('rest')!.removeAttribute('hidden'); // the reader pressed "Read more"
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
    expect(nato()).toBe(2);
  });

  it('reads paragraphs shown by a class change that a stylesheet hid', async () => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<style id="review-style">.collapsed .rest { display: none }</style>',
    );
    const { nato } = await start(
      `<article class="collapsed">${visible}<div class="rest">${para('Nato leaders spoke later.')}</div></article>`,
    );
    expect(nato()).toBe(1);
    document.querySelector('article')!.classList.remove('collapsed');
    await new Promise((r) => setTimeout(r, RESCAN_DELAY_MS + 300));
    expect(nato()).toBe(2);
  });
});
