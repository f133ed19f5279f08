/**
 * The notebook and the options page, as a reader uses them: a note written in the popup is in
 * the notebook's list "Notes", found by searching as you type; the entity view shows where the
 * reader met the name; notes are edited in place, deleted and undeleted; the options page
 * exports a JSON file, refuses a malformed import with an alert (nothing lost), and imports the
 * export back.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { waitForMarks } from './lib/marks';
import { entityButtonName, openPopup } from './lib/popup';
import { waitFor } from './lib/wait';

const server = useServer();
const NOTE = 'Ask about the Nato-Russia Council channel he kept open in Brussels.';
const EDITED = 'Ask about the Nato-Russia Council and the Skripal poisoning fallout.';
const DEMO_TITLE = "Nato's relations with Russia at 'lowest point' since Cold War | The Northern Ledger";

/** The rows of the notebook's list "Notes", as their visible text. */
async function listedNotes(notebook: Page): Promise<string[]> {
  const list = notebook.getByRole('list', { name: 'Notes', exact: true });
  if ((await list.count()) === 0) return [];
  return (await list.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits until the list shows a note containing `text` (or, with `present` false, none). */
async function expectListed(notebook: Page, text: string, present = true): Promise<void> {
  let seen: string[] = [];
  await waitFor(`the notebook to ${present ? 'list' : 'no longer list'} "${text.slice(0, 30)}…"`, async () => {
    seen = await listedNotes(notebook);
    return seen.some((t) => t.includes(text)) === present;
  }).catch(() =>
    assert.fail(`notes list ${present ? 'lacks' : 'still has'} "${text}"; it shows: ${JSON.stringify(seen)}`),
  );
}

/** Text of the element's role="status" / role="alert" region after it says something. */
async function said(region: Locator, what: string): Promise<string> {
  return waitFor(`the ${what} to say something`, async () => {
    const text = (await region.first().textContent())?.trim() ?? '';
    return text || null;
  });
}

describe('notebook and options', () => {
  test('find, open, edit, delete and undo a note in the notebook; export and import it', {
    timeout: 120_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      const popup = await openPopup(browser, page);
      await popup.getByRole('heading', { level: 2, name: 'People' }).waitFor({ timeout: 15_000 });
      await popup.getByRole('button', { name: entityButtonName('Jens Stoltenberg') }).click();
      await popup.getByRole('button', { name: 'Add note' }).click();
      await popup.getByRole('textbox', { name: 'Note' }).fill(NOTE);
      await popup.getByRole('button', { name: 'Save note' }).click();
      await popup.getByRole('list', { name: 'Notes' }).getByText(NOTE).waitFor({ timeout: 5_000 });
      await popup.close();

      const notebook = await browser.context.newPage();
      notebook.on('dialog', (d) => void d.accept());
      await notebook.goto(`chrome-extension://${browser.extensionId}/notebook.html`);
      await expectListed(notebook, NOTE);

      // Search: results as you type, no submit.
      const search = notebook.getByRole('searchbox', { name: 'Search notes' });
      await search.pressSequentially('zeppelin', { delay: 20 });
      await expectListed(notebook, NOTE, false);
      await notebook
        .getByText(/No note matches/)
        .waitFor({ timeout: 3_000 })
        .catch(() => assert.fail('a search with no match does not say "No note matches"'));
      await search.fill('');
      await search.pressSequentially('Council', { delay: 20 });
      await expectListed(notebook, NOTE);
      await notebook
        .getByText(/1 of 1 notes match/)
        .waitFor({ timeout: 3_000 })
        .catch(() => assert.fail('the search does not report "1 of 1 notes match"'));

      // The entity view: card, notes, and where the reader met the name.
      await notebook.getByRole('link', { name: 'Jens Stoltenberg', exact: true }).click();
      await notebook.getByRole('heading', { level: 2, name: 'Jens Stoltenberg' }).waitFor({ timeout: 5_000 });
      const met = notebook.getByRole('table', { name: 'Where you met Jens Stoltenberg' });
      await met.waitFor({ timeout: 5_000 }).catch(() => assert.fail('no table "Where you met Jens Stoltenberg"'));
      const rows = (await met.getByRole('row').allInnerTexts()).join('\n');
      assert.ok(rows.includes(DEMO_TITLE), `the table does not name the demo page; it shows: ${rows}`);
      assert.match(rows, /127\.0\.0\.1/, `the table does not name the site; it shows: ${rows}`);
      await notebook.getByRole('button', { name: 'Back to notes' }).click();

      // Edit in place.
      await expectListed(notebook, NOTE);
      await notebook.getByRole('button', { name: /^Edit note: / }).click();
      await notebook.getByRole('textbox', { name: 'Note' }).fill(EDITED);
      await notebook.getByRole('button', { name: 'Save note' }).click();
      await expectListed(notebook, EDITED);
      await expectListed(notebook, NOTE, false);

      // Delete, then undo.
      await notebook.getByRole('button', { name: /^Delete note: / }).click();
      await expectListed(notebook, EDITED, false);
      await notebook.getByRole('button', { name: 'Undo delete' }).click();
      await expectListed(notebook, EDITED);

      // Options: export as JSON.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const [download] = await Promise.all([
        options.waitForEvent('download', { timeout: 10_000 }),
        options.getByRole('button', { name: 'Export as JSON' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.json$/, `export file name: ${download.suggestedFilename()}`);
      const saved = path.join(browser.profileDir, 'export.json');
      await download.saveAs(saved);
      const exported = readFileSync(saved, 'utf8');
      assert.ok(exported.includes(EDITED), 'the JSON export does not contain the note');
      assert.doesNotThrow(() => JSON.parse(exported), 'the export is not valid JSON');

      // A malformed file: an alert, nothing lost.
      const input = options.getByLabel('Import a JSON export');
      await input.setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"notes": ['),
      });
      const alert = await said(options.getByRole('alert'), 'alert after a malformed import').catch(() =>
        assert.fail('importing a malformed file shows no role="alert"'),
      );
      assert.ok(alert.length > 10, `the alert says too little: "${alert}"`);
      await notebook.reload();
      await expectListed(notebook, EDITED);

      // The export, imported back.
      await input.setInputFiles(saved);
      // The options page has several live regions (settings saved, import result): read them all.
      const statuses = async () => (await options.getByRole('status').allTextContents()).join(' | ');
      await waitFor('the import to report "Import done."', async () => /Import done\./.test(await statuses())).catch(
        async () => assert.fail(`status after importing the export: "${await statuses()}"`),
      );
      await notebook.reload();
      await expectListed(notebook, EDITED);
      assert.equal((await listedNotes(notebook)).length, 1, 'importing the export back duplicated the note');
    });
  });
});
