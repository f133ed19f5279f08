/**
 * A page with more marks than lib/dom/mark-window's limit: every name is marked (the content
 * script says so), but only those near the viewport are in CSS.highlights; scrolling to the end
 * paints the names there, and a name painted that way opens its card like any other.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { projectRoot, type StaticServer, startStaticServer } from '../../scripts/lib/static-server';
import { writeLongArticle } from '../fixtures/bench/long-article';
import { markedState } from '../fixtures/bench/page-state';
import { WINDOW_ABOVE, WINDOW_MARGIN_PX } from '../../lib/dom/mark-window';
import { waitForAx } from './lib/ax';
import { type Browser, launch } from './lib/browser';
import { hoverMark } from './lib/marks';
import { waitFor } from './lib/wait';

/** Painted ranges: their text and where they are against the viewport (px, the viewport's own coordinates). */
function painted(page: Page): Promise<{ text: string; top: number; bottom: number; viewport: number }[]> {
  return page.evaluate(() => {
    const out: { text: string; top: number; bottom: number; viewport: number }[] = [];
    for (const [name, set] of CSS.highlights) {
      if (name === 'backstory-focus' || name === 'backstory-flash') continue;
      for (const r of set) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getBoundingClientRect();
        out.push({ text: range.toString().trim(), top: box.top, bottom: box.bottom, viewport: innerHeight });
      }
    }
    return out;
  });
}

describe('a page with thousands of marks', () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-long-'));
  before(async () => {
    writeLongArticle(dir, path.join(projectRoot, 'public/starter-cards.json'), { targetWords: 25_000 });
    server = await startStaticServer({ mounts: { '/long/': dir } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('paints only the names near the viewport, and more as the reader scrolls', { timeout: 90_000 }, async () => {
    if (!browser?.worker || !server) throw new Error('browser or server did not start');
    const worker = browser.worker;
    const page = await browser.context.newPage();
    await page.bringToFront(); // markedState asks the active tab
    await page.goto(`${server.url}/long/long-article.html`);
    const state = await waitFor(
      'every name on the page marked',
      async () => {
        const s = await markedState(worker);
        if (!s || s.marks <= WINDOW_ABOVE) return null;
        // Done when no mark was added for 1.5 s (the page's clock, which the content script shares).
        return (await page.evaluate(() => performance.now())) - s.markedAt > 1_500 ? s : null;
      },
      { timeout: 60_000 },
    );
    const top = await waitFor('names painted at the top', async () => {
      const p = await painted(page);
      return p.length > 0 ? p : null;
    });
    assert.ok(top.length < state.marks, `${top.length} painted of ${state.marks} marked: all were painted`);
    const slack = 200; // a paragraph near the edge of the window is painted whole
    for (const r of top)
      assert.ok(
        r.bottom > -WINDOW_MARGIN_PX - slack && r.top < r.viewport + WINDOW_MARGIN_PX + slack,
        `"${r.text}" painted at ${Math.round(r.top)} px, far outside the viewport`,
      );

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const inView = await waitFor('names painted at the end of the article', async () => {
      const p = (await painted(page)).filter((r) => r.top >= 40 && r.bottom <= r.viewport - 40);
      return p.length > 0 && p.every((r) => r.top > 0) ? p : null;
    });
    assert.ok(
      (await painted(page)).every((r) => r.bottom > -WINDOW_MARGIN_PX - slack),
      'names at the top stayed painted after scrolling away',
    );
    const name = inView[0]!.text;
    await hoverMark(page, name);
    await waitForAx(page, { role: 'dialog' });
    await page.close();
  });
});
