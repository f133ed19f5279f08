/**
 * Who appears with whom, in the browser (issue 8): after the demo article is read, the
 * notebook's entity view for Nato ranks the names met beside it with counts and links, draws
 * its weekly strip with a summary in words, and leads to the page view with the page's timeline.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { waitForMarks } from './lib/marks';
import { waitFor } from './lib/wait';

const server = useServer();

describe('co-mentions', () => {
  test('the entity view ranks companions, draws the strip and links to the page view', {
    timeout: 90_000,
  }, async (t) => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);

      const notebook = await browser.context.newPage();
      await notebook.goto(`chrome-extension://${browser.extensionId}/notebook.html#entity=nato`);
      const list = notebook.getByRole('list', { name: 'Names most often in the same articles as Nato' });
      const items = await waitFor('companions of Nato', async () => {
        if ((await list.count()) === 0) return null;
        const texts = (await list.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
        return texts.length > 0 ? texts : null;
      });
      t.diagnostic(items.join(' | '));
      assert.ok(
        items.some((s) => /^Crimea Place · 1 shared article$/.test(s)),
        `Crimea is listed with its kind and count: ${JSON.stringify(items)}`,
      );
      assert.ok(items.length <= 10, 'at most ten companions');
      const crimea = list.getByRole('link', { name: 'Crimea', exact: true });
      assert.equal(await crimea.getAttribute('href'), '#entity=crimea');

      const strip = notebook.getByRole('img', { name: 'Mentions of Nato per week, last 52 weeks' });
      await strip.waitFor({ timeout: 5_000 });
      const describedBy = await strip.getAttribute('aria-describedby');
      const caption = (await notebook.locator(`[id="${describedBy}"]`).textContent())?.trim() ?? '';
      assert.match(caption, /^1 mention in the last year, in the week of \d{1,2} [A-Z][a-z]{2} \d{4}\.$/);

      // Following a companion opens its own view.
      await crimea.click();
      await notebook.getByRole('heading', { level: 2, name: 'Crimea' }).waitFor({ timeout: 5_000 });
      await notebook
        .getByRole('list', { name: 'Names most often in the same articles as Crimea' })
        .getByRole('link', { name: 'Nato', exact: true })
        .waitFor({ timeout: 5_000 });

      // The page view keeps the article's timeline.
      await notebook
        .getByRole('link', { name: /^Notes and timeline of / })
        .first()
        .click();
      const timeline = notebook.getByRole('list', { name: 'Timeline' });
      const dates = await waitFor('the page timeline', async () => {
        if ((await timeline.count()) === 0) return null;
        const hs = await timeline.getByRole('heading', { level: 4 }).allInnerTexts();
        return hs.length >= 2 ? hs : null;
      });
      t.diagnostic(dates.join(' | '));
      assert.deepEqual(dates.slice(0, 2), ['2014', '2018']);
    });
  });
});
