/**
 * The toolbar popup on the demo article: every name the reference article's README lists is in the
 * right group, most-mentioned first; on a site Backstory does not run on, the popup says so, and
 * after the toolbar button is pressed (activeTab) "Run on this page" marks the names and cards open.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OTHER_SITE, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { waitForAx } from './lib/ax';
import { hoverMark, readMarks, waitForMarks } from './lib/marks';
import { openPopup, popupGroups, pressToolbarButton } from './lib/popup';
import { waitFor } from './lib/wait';

const server = useServer();

/** From shared/seed/README.md: what a reader must be able to look up, by popup group. */
const EXPECTED: Record<string, Array<string | RegExp>> = {
  People: ['Jens Stoltenberg', 'Sergei Skripal'],
  Organisations: ['Nato', 'Nato-Russia Council', 'AFP'],
  Places: ['Russia', 'Moscow', 'Ukraine', 'Crimea', 'Europe', 'Salisbury'],
  // Events are named by the detector; any name that says what happened will do.
  Events: ['Cold War', /annexation of Crimea/i, /poisoning|Skripal/i, /expul/i, /mission/i, /summit/i],
};

describe('popup', () => {
  test('lists the demo article’s names under the right kind, most-mentioned first', {
    timeout: 60_000,
  }, async (t) => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      const popup = await openPopup(browser, page);
      const groups = await waitFor('entity groups in the popup', async () => {
        const found = await popupGroups(popup);
        return found.size > 0 ? found : null;
      });
      const shown = [...groups].map(([h, items]) => `${h}: ${items.map(([n, c]) => `${n} (${c})`).join(', ')}`);
      t.diagnostic(shown.join(' | '));
      const problems: string[] = [];
      for (const [heading, names] of Object.entries(EXPECTED)) {
        const listed = (groups.get(heading) ?? []).map(([name]) => name);
        for (const name of names) {
          // A card may spell a name its own way ("NATO" for the article's "Nato").
          const found = listed.some((l) =>
            typeof name === 'string' ? l.toLowerCase() === name.toLowerCase() : name.test(l),
          );
          if (!found) problems.push(`${name} not under "${heading}"`);
        }
      }
      for (const [heading, items] of groups) {
        const counts = items.map(([, c]) => c);
        if (counts.some((c, i) => i > 0 && c > (counts[i - 1] ?? c)))
          problems.push(`"${heading}" not most-mentioned first`);
      }
      assert.deepEqual(problems, [], `popup on the demo article:\n  ${shown.join('\n  ')}`);
      const stoltenberg = groups.get('People')?.find(([name]) => name === 'Jens Stoltenberg');
      assert.ok(
        (stoltenberg?.[1] ?? 0) >= 4,
        `"Mr Stoltenberg" and "Stoltenberg" should count as mentions of Jens Stoltenberg: ${stoltenberg}`,
      );
    });
  });

  test('"Stop running on this site" clears the open page\'s marks at once', { timeout: 60_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      const popup = await openPopup(browser, page);
      await popup.getByRole('button', { name: 'Stop running on this site' }).click();
      await popup.getByRole('status').filter({ hasText: 'Backstory is now off on' }).waitFor();
      await waitFor('the page without marks', async () => ((await readMarks(page)).length === 0 ? true : null));
    });
  });

  test('on a site Backstory does not run on, the toolbar button and "Run on this page" mark it once', {
    timeout: 90_000,
  }, async () => {
    await withBrowser({ toolbarButton: true }, async (browser) => {
      const page = await browser.context.newPage();
      const url = new URL(server.url(DEMO_PATH));
      url.hostname = OTHER_SITE;
      await page.goto(url.href);
      const popup = await openPopup(browser, page);
      await popup
        .getByText('Backstory is not running on this page.')
        .waitFor({ timeout: 10_000 })
        .catch(async () =>
          assert.fail(`popup does not say it is not running; it shows: ${(await popup.textContent('body')) ?? ''}`),
        );
      assert.deepEqual(await readMarks(page), [], 'names were marked on a site Backstory does not run on');

      // Without a click on the toolbar button the browser refuses to run it here (no activeTab).
      const run = popup.getByRole('button', { name: 'Run on this page' });
      await run.click();
      await popup
        .getByText(/did not let Backstory run here/)
        .waitFor({ timeout: 10_000 })
        .catch(async () =>
          assert.fail(`popup gives no reason for the refusal; it shows: ${(await popup.textContent('body')) ?? ''}`),
        );

      // The reader's click on the toolbar button grants activeTab; "Run on this page" now runs it.
      await pressToolbarButton(browser, page);
      await run.click();
      await waitForMarks(page, 5, { timeout: 20_000 });
      const groups = await waitFor('entity groups in the popup after the run', async () => {
        const found = await popupGroups(popup);
        return found.size > 0 ? found : null;
      });
      assert.ok(
        groups.get('People')?.some(([name]) => name === 'Jens Stoltenberg'),
        `popup does not list Jens Stoltenberg: ${JSON.stringify([...groups])}`,
      );
      await page.bringToFront();
      await hoverMark(page, 'Jens Stoltenberg');
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
    });
  });
});
