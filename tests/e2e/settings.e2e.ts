/**
 * The reader's settings, changed on the options page, are honoured by the content script: kinds
 * left unmarked disappear from an open article at once; "off until hover" hides every mark yet a
 * hovered name still opens its card; a site turned off gets no marks after a reload.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForAx } from './lib/ax';
import { type Browser, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { readMarks, waitForMarks } from './lib/marks';
import { sleep, waitFor } from './lib/wait';

const server = useServer();

async function openOptions(browser: Browser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel('Hover delay (milliseconds)').waitFor({ timeout: 10_000 });
  return options;
}

const highlightNames = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k !== 'backstory-focus').sort());

describe('settings', () => {
  test('unmarked kinds and "off until hover" apply to an open article at once', { timeout: 90_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page, 10);
      assert.ok((await highlightNames(page)).includes('backstory-place'), 'places should be marked by default');

      const options = await openOptions(browser);
      await options.getByRole('checkbox', { name: 'Places' }).uncheck();
      await options.getByRole('status').getByText('Places will not be marked.').waitFor();
      await waitFor('place marks to go', async () => !(await highlightNames(page)).includes('backstory-place'));
      assert.ok((await highlightNames(page)).includes('backstory-person'), 'people should still be marked');

      await options.getByRole('radio', { name: 'Off until hover' }).check();
      await waitFor('every mark to go', async () => (await highlightNames(page)).length === 0);
      await page.bringToFront();
      // The marks are invisible, so point at the words themselves (first occurrence in the article).
      const point = await page.evaluate(() => {
        const walker = document.createTreeWalker(
          document.querySelector('article') ?? document.body,
          NodeFilter.SHOW_TEXT,
        );
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent?.indexOf('Jens Stoltenberg') ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 'Jens Stoltenberg'.length);
          n.parentElement?.scrollIntoView({ block: 'center' });
          const r = range.getClientRects()[0];
          if (r) return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
        }
        return null;
      });
      assert.ok(point, 'the name is not on the page');
      await page.mouse.move(5, 5);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
    });
  });

  test('a site turned off gets no marks after a reload, and marks again when turned back on', {
    timeout: 90_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page, 10);

      const options = await openOptions(browser);
      await options.getByLabel('Turn Backstory off on a site').fill(new URL(page.url()).hostname);
      await options.getByRole('button', { name: 'Add site' }).click();
      await options.getByRole('button', { name: 'Remove 127.0.0.1' }).waitFor();

      await page.reload();
      await sleep(4000); // marks normally appear well within this time
      assert.deepEqual(await readMarks(page), [], 'marks on a site the reader turned off');
      assert.equal(await page.evaluate(() => document.querySelector('backstory-host')), null);

      await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
      await options.getByText('Backstory runs on 127.0.0.1 again.').waitFor();
      await page.reload();
      await waitForMarks(page, 10);
    });
  });
});
