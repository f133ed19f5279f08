/**
 * Issue 6: open shadow roots inside the article are scanned. An article whose web component renders
 * paragraphs in an open shadow root gets those names marked, and a hover there opens the card: the
 * hit test has to name the shadow root to caretPositionFromPoint, or it only ever sees the host.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForAx } from './lib/ax';
import { collectErrors, withBrowser } from './lib/browser';
import { useServer } from './lib/fixtures';
import { hoverMark, waitForMarks } from './lib/marks';

const server = useServer();

describe('open shadow roots in the article', () => {
  test('names inside them are marked, and a hover there opens the card', { timeout: 60_000 }, async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      const errors = await collectErrors(page);
      await page.goto(server.url('/dynamic/shadow-article.html'));
      const marks = await waitForMarks(page, 3);
      const inShadow = await shadowMarks(page);
      assert.ok(
        inShadow.some((t) => t.includes('Stoltenberg')),
        `no mark inside the shadow root; marked: ${marks.map((m) => m.text).join(' | ')}`,
      );
      await hoverMark(page, 'Jens Stoltenberg');
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      assert.deepEqual(errors, [], 'the page reported errors');
    });
  });

  test('a web component defined after the scan is read once it is upgraded', { timeout: 60_000 }, async () => {
    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      const errors = await collectErrors(page);
      await page.goto(server.url('/dynamic/late-component.html'));
      await waitForMarks(page, 1);
      // Defined 1.5 s after load: nothing in a shadow root before, its names marked after.
      assert.deepEqual(await shadowMarks(page), [], 'marked inside a shadow root before the component was defined');
      const start = Date.now();
      let inShadow: string[] = [];
      while (!inShadow.some((t) => t.includes('Stoltenberg')) && Date.now() - start < 10_000) {
        await page.waitForTimeout(100);
        inShadow = await shadowMarks(page);
      }
      assert.ok(
        inShadow.some((t) => t.includes('Stoltenberg')),
        'the upgraded component was not read',
      );
      await hoverMark(page, 'Jens Stoltenberg');
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      assert.deepEqual(errors, [], 'the page reported errors');
    });
  });
});

/** The text under each of Backstory's highlight ranges that lies in a shadow root. */
function shadowMarks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const [name, set] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const r of set) {
        if (!(r.startContainer.getRootNode() instanceof ShadowRoot)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        texts.push(range.toString());
      }
    }
    return texts;
  });
}
