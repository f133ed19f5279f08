/**
 * The article timeline on the demo article (issue 8): the popup's Timeline lists the reference
 * article's dates oldest first, with the right names on each, and following an entry scrolls the
 * page to its sentence and flashes it with the `backstory-flash` highlight.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { waitForMarks } from './lib/marks';
import { openPopup } from './lib/popup';
import { waitFor } from './lib/wait';

const server = useServer();

/** What the reference article's timeline must show, in this order (shared/seed/README.md). */
const EXPECTED: Array<{ date: RegExp; names: RegExp[] }> = [
  { date: /^2014$/, names: [/^Moscow$/, /^Crimea$/, /annex/i] },
  { date: /^2018$/, names: [/^Sergei Skripal$/, /^Salisbury$/] },
  { date: /^Early October 2021$/, names: [/^Nato$/i, /expul/i] },
  { date: /^Monday 18 October 2021$/, names: [/^Russia$/, /^Nato$/i] },
  { date: /^Week of 18 October 2021$/, names: [/summit/i] },
];

describe('timeline', () => {
  test('lists the demo article’s dates in order and leads to their passages', { timeout: 90_000 }, async (t) => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      const popup = await openPopup(browser, page);
      await popup.getByRole('button', { name: 'Timeline', exact: true }).click({ timeout: 15_000 });
      const list = popup.getByRole('list', { name: 'Timeline' });
      await list.waitFor({ timeout: 15_000 });
      const items = list.locator(':scope > li');
      const shown = await waitFor('timeline entries', async () => {
        const rows = await items.evaluateAll((lis) =>
          lis.map((li) => ({
            date: li.querySelector('h3')?.textContent?.trim() ?? '',
            entry: li.querySelector('button')?.getAttribute('aria-label') ?? '',
            names: [...li.querySelectorAll('ul button')].map((b) => b.textContent?.trim() ?? ''),
          })),
        );
        return rows.length >= EXPECTED.length ? rows : null;
      });
      t.diagnostic(
        shown.map((r) => `${r.date}: ${r.entry.replace(/^[^:]*: /, '')} [${r.names.join(', ')}]`).join(' | '),
      );
      const entries = shown.filter((r) => r.entry !== '');
      const marker = shown.find((r) => r.entry === '');
      assert.equal(marker?.date, 'Wednesday 20 October 2021', 'the article’s own date is marked');
      assert.deepEqual(
        entries.map((r) => r.date),
        entries.map((r, i) => (EXPECTED[i]?.date.test(r.date) ? r.date : `≠ ${EXPECTED[i]?.date}`)),
        'entries in order',
      );
      assert.equal(entries.length, EXPECTED.length, 'one entry per date of the article');
      for (const [i, want] of EXPECTED.entries())
        for (const name of want.names)
          assert.ok(
            entries[i]?.names.some((n) => name.test(n)),
            `${entries[i]?.date} lacks a name matching ${name}`,
          );

      // Follow the 2014 entry to its sentence on the page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await popup.getByRole('button', { name: /^2014: / }).click();
      await popup.getByText('Shown on the page.').waitFor({ timeout: 10_000 });
      const flashed = await waitFor('the backstory-flash highlight', () =>
        page.evaluate(() => {
          const h = CSS.highlights.get('backstory-flash');
          const r = h ? [...h][0] : undefined;
          if (!r) return null;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getBoundingClientRect();
          return { text: range.toString(), visible: box.top >= 0 && box.bottom <= window.innerHeight };
        }),
      );
      assert.match(flashed.text, /since 2014 when Moscow annexed Ukraine’s Crimea region/);
      assert.ok(flashed.visible, 'the passage is scrolled into view');
      // The flash is brief: it goes away by itself.
      await waitFor('the flash to end', () => page.evaluate(() => !CSS.highlights.has('backstory-flash')), {
        timeout: 5_000,
      });

      // An entity chip opens that entity's card in the popup.
      await popup.getByRole('button', { name: 'Open card: Sergei Skripal' }).click();
      await popup.getByRole('heading', { level: 2, name: 'Sergei Skripal' }).waitFor({ timeout: 10_000 });
    });
  });
});
