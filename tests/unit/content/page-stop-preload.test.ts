/**
 * Nothing runs after the feature stops (the reader turns the site off, the extension context
 * goes away): the card's UI is not loaded into the page then.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPage } from '../../../entrypoints/article.content/page-controller';
import type { SendFn } from '../../../components/HoverCard';
import { installHighlights } from '../dom/highlight-stubs';
import { para } from './page-harness';

let uninstall = (): void => {};
afterEach(() => {
  uninstall();
  document.body.innerHTML = '';
});

describe('stopping', () => {
  it('does not load (inject) the card UI after the page was stopped', async () => {
    uninstall = installHighlights().uninstall;
    document.body.innerHTML = `<article>${para('Nato met.')}${para('Nato again.')}${para('Nothing.')}${para('Nothing more.')}</article>`;
    const send = (async (type: string, payload: { blocks: string[] }) => {
      if (type !== 'spotBlocks') return { ok: false, error: 'no' };
      const i = payload.blocks.findIndex((b) => b.startsWith('Nato'));
      return {
        ok: true,
        value: {
          entities: [{ key: 'organization:nato', name: 'Nato', kind: 'organization', aliases: [], count: 1 }],
          spans: [{ block: i, start: 0, end: 4, entityKey: 'organization:nato' }],
        },
      };
    }) as unknown as SendFn;
    const loadUi = vi.fn(() => new Promise<never>(() => {}));
    const ctl = new AbortController();
    const page = startPage(document, send, ctl.signal, { loadUi });
    await page.done;
    // The reader turns Backstory off on this site right after the first marks.
    ctl.abort();
    await new Promise((r) => setTimeout(r, 1100));
    // In the extension loadUi sends loadCardUi: the worker injects the card script into a page the reader turned off.
    expect(loadUi).not.toHaveBeenCalled();
  });
});
