/**
 * Real news pages from ../shared/pages (served offline from 127.0.0.1): Backstory marks names, the
 * popup lists them grouped and most-mentioned first, and the page reports no error it would not
 * report without the extension.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, collectErrors, launch } from './lib/browser';
import { useServer } from './lib/fixtures';
import { waitForMarks } from './lib/marks';
import { openPopup, popupEntityLists } from './lib/popup';
import { sleep, waitFor } from './lib/wait';

const server = useServer();
const PAGES = ['bbc-1', 'guardian-1', 'nytimes-1'];
const KIND_HEADINGS = /^(People|Organisations|Places|Events)$/;
/** Time given to a page's own scripts to run (and fail, offline) before errors are compared. */
const SETTLE_MS = 2_000;

/** Loads a page and returns the errors it reported after settling. */
async function loadAndSettle(page: Page, url: string): Promise<string[]> {
  const errors = await collectErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await sleep(SETTLE_MS);
  return errors;
}

describe('real news pages', () => {
  let plain: Browser | undefined;
  let withExtension: Browser | undefined;
  before(async () => {
    plain = await launch({ extension: false });
    withExtension = await launch();
  });
  after(async () => {
    await plain?.close();
    await withExtension?.close();
  });

  for (const name of PAGES) {
    test(`${name}: marks names, lists them in the popup, adds no page errors`, {
      timeout: 90_000,
    }, async (t) => {
      if (!plain || !withExtension) throw new Error('browsers did not launch');
      const url = server.url(`/pages/${name}/source.html`);

      const plainPage = await plain.context.newPage();
      const baseline = new Set(await loadAndSettle(plainPage, url));
      await plainPage.close();

      const page = await withExtension.context.newPage();
      const errors = await loadAndSettle(page, url);
      const marks = await waitForMarks(page);
      t.diagnostic(`${marks.length} marks; ${baseline.size} page errors without the extension`);
      assert.ok(marks.length > 0, `${name}: no CSS.highlights ranges`);

      const popup = await openPopup(withExtension, page);
      await popup
        .getByRole('heading', { level: 2, name: KIND_HEADINGS })
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => assert.fail(`${name}: the popup shows no People/Organisations/Places/Events heading`));
      const lists = await waitFor(`${name}: entity buttons in the popup`, async () => {
        const found = await popupEntityLists(popup);
        return found.length > 0 ? found : null;
      });
      for (const list of lists) {
        const counts = list.map(([, count]) => count);
        const sorted = [...counts].sort((a, b) => b - a);
        assert.deepEqual(counts, sorted, `${name}: popup list not most-mentioned first: ${JSON.stringify(list)}`);
      }
      await popup.close();

      const added = errors.filter((e) => !baseline.has(e));
      assert.deepEqual(
        added,
        [],
        `${name}: errors with the extension that the page does not report without it:\n  ${added.join('\n  ')}`,
      );
      await page.close();
    });
  }
});
