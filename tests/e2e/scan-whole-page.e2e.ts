/**
 * Issue 6: a page without an article is left alone, the popup says so and offers "Scan the whole
 * page"; clicking it scans the page's body and marks the names in it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Browser, launch } from './lib/browser';
import { useServer } from './lib/fixtures';
import { readMarks, waitForMarks } from './lib/marks';
import { openPopup, popupEntityLists } from './lib/popup';
import { sleep, waitFor } from './lib/wait';

const server = useServer();

describe('scan the whole page', () => {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a front page gets no marks until the reader asks, then its names are marked', { timeout: 60_000 }, async () => {
    if (!browser) throw new Error('browser did not launch');
    const page = await browser.context.newPage();
    await page.goto(server.url('/dynamic/front-page.html'), { waitUntil: 'load' });
    await sleep(1_500);
    assert.deepEqual(await readMarks(page), [], 'a page without an article got marks');

    const popup = await openPopup(browser, page);
    await popup.getByText('No article found on this page.').waitFor({ timeout: 15_000 });
    await popup.getByRole('button', { name: 'Scan the whole page' }).click();

    const marks = await waitForMarks(page, 2, { timeout: 20_000 });
    const texts = marks.map((m) => m.text);
    for (const name of ['Jens Stoltenberg', 'Vladimir Putin'])
      assert.ok(
        texts.some((t) => t.includes(name)),
        `${name} not marked after the scan: ${texts.join(' | ')}`,
      );
    // The popup now lists the names it found instead of "no article".
    const lists = await waitFor('entity lists in the popup after the scan', async () => {
      const found = await popupEntityLists(popup);
      return found.length > 0 ? found : null;
    });
    assert.ok(
      lists.flat().some(([name]) => name === 'Jens Stoltenberg'),
      `popup lists: ${JSON.stringify(lists)}`,
    );
    await popup.close();
    await page.close();
  });
});
