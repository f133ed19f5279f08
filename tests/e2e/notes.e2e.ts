/**
 * Notes, as a reader keeps them: added in the popup, seen on the hover card after a reload, still
 * there after a browser restart with the same profile; added from the hover card too; bad notes
 * (empty, over 100,000 characters) get a clear message and nothing saved is lost.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForAx, waitForNoAx } from './lib/ax';
import { freshProfileDir, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { hoverMark, waitForMarks } from './lib/marks';
import { escapeFromNoteFrame, noteFrame } from './lib/note-frame';
import { entityButtonName, openPopup } from './lib/popup';
import { waitFor } from './lib/wait';

const server = useServer();

/** Opens the hover card on Jens Stoltenberg and waits until its notes (in the card's note frame) list `expected`. */
async function cardNotesContaining(page: Page, expected: string): Promise<void> {
  await waitForMarks(page);
  await hoverMark(page, 'Jens Stoltenberg');
  await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
  const frame = await noteFrame(page);
  let text = '';
  try {
    await waitFor(`the card to show "${expected.slice(0, 40)}"`, async () => {
      text = ((await frame.getByRole('list', { name: 'Notes' }).textContent()) ?? '').replace(/\s+/g, ' ');
      return text.includes(expected);
    });
  } catch {
    assert.fail(`the hover card on Jens Stoltenberg does not show the note "${expected}"; its notes: ${text}`);
  }
}

/** In the popup: choose Jens Stoltenberg and wait for his notes panel. */
async function chooseJens(popup: Page): Promise<void> {
  await popup.getByRole('heading', { level: 2, name: 'People' }).waitFor({ timeout: 15_000 });
  await popup.getByRole('button', { name: entityButtonName('Jens Stoltenberg') }).click();
  await popup.getByRole('button', { name: 'Add note' }).waitFor();
}

/** The note bodies listed in the popup's notes panel (items that have an "Edit note" button). */
async function popupNotes(popup: Page): Promise<string[]> {
  const items = popup
    .getByRole('list', { name: 'Notes' })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('button', { name: /^Edit note/ }) });
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function writeNote(popup: Page, body: string): Promise<void> {
  await popup.getByRole('button', { name: 'Add note' }).click();
  await popup.getByRole('textbox', { name: 'Note' }).fill(body);
  await popup.getByRole('button', { name: 'Save note' }).click();
}

describe('notes', () => {
  test('a note added in the popup shows on the card after reload and after a restart', {
    timeout: 120_000,
  }, async () => {
    const profileDir = freshProfileDir();
    const note = 'Spoke at the Brussels press conference; ask about the Nato-Russia Council.';
    try {
      await withBrowser({ profileDir }, async (browser) => {
        const page = await browser.context.newPage();
        await page.goto(server.url(DEMO_PATH));
        await waitForMarks(page);
        const popup = await openPopup(browser, page);
        await chooseJens(popup);
        await writeNote(popup, note);
        await popup
          .getByRole('list', { name: 'Notes' })
          .getByText(note)
          .waitFor({ timeout: 5_000 })
          .catch(() => assert.fail(`the saved note does not appear in the popup's "Notes" list`));
        await popup.close();

        await page.reload();
        await cardNotesContaining(page, note);
      });
      await withBrowser({ profileDir }, async (browser) => {
        const page = await browser.context.newPage();
        await page.goto(server.url(DEMO_PATH));
        await cardNotesContaining(page, note);
      });
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  test('a note added on the hover card is listed in the popup', { timeout: 90_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      await hoverMark(page, 'Jens Stoltenberg');
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      // The notes part of the card is an extension frame inside it (keys typed there never reach the page).
      const frame = await noteFrame(page);
      await frame.getByRole('button', { name: 'Add note' }).click();
      const note = 'Written on the card: check his 2021 summit remarks.';
      await frame.getByRole('textbox', { name: 'Note' }).pressSequentially(note);
      await frame.getByRole('button', { name: 'Save note' }).click();
      await frame
        .getByRole('list', { name: 'Notes' })
        .getByText(note)
        .waitFor({ timeout: 5_000 })
        .catch(() => assert.fail('the card does not list the note just saved'));
      // Saved while the pointer rested on the card: it is still open, and Escape in the frame closes it.
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      await frame.getByRole('button', { name: 'Add note' }).focus();
      await escapeFromNoteFrame(page);
      await waitForNoAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });

      const popup = await openPopup(browser, page);
      await chooseJens(popup);
      await waitFor('the popup to list the note written on the card', async () =>
        (await popupNotes(popup)).some((t) => t.includes(note)),
      );
    });
  });

  test('empty and over-long notes are refused with an alert; saved notes are kept', {
    timeout: 90_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      const popup = await openPopup(browser, page);
      await chooseJens(popup);
      const kept = 'A note that must survive the bad ones.';
      await writeNote(popup, kept);
      await waitFor('the valid note to be listed', async () => (await popupNotes(popup)).length === 1);

      await writeNote(popup, '   ');
      const empty = popup.getByRole('alert');
      await empty.waitFor({ timeout: 5_000 }).catch(() => assert.fail('an empty note shows no role="alert" message'));
      assert.match((await empty.textContent()) ?? '', /empty/i, 'the alert for an empty note does not say it is empty');
      await popup.getByRole('button', { name: 'Cancel' }).click();

      await writeNote(popup, 'x'.repeat(100_001));
      const long = popup.getByRole('alert');
      await long.waitFor({ timeout: 5_000 }).catch(() => assert.fail('a 100,001-char note shows no role="alert"'));
      assert.match(
        (await long.textContent()) ?? '',
        /100,000/,
        'the alert for a long note does not name the 100,000 limit',
      );
      await popup.getByRole('button', { name: 'Cancel' }).click();

      // Edit and delete from the popup, then check what the database kept after a fresh popup.
      await popup.getByRole('button', { name: /^Edit note/ }).click();
      await popup.getByRole('textbox', { name: 'Note' }).fill(`${kept} Edited.`);
      await popup.getByRole('button', { name: 'Save note' }).click();
      await waitFor('the edited note to be listed', async () =>
        (await popupNotes(popup)).some((t) => t.includes(`${kept} Edited.`)),
      );
      await popup.reload();
      await chooseJens(popup);
      const notes = await waitFor('the notes panel to load', async () => {
        const listed = await popupNotes(popup);
        return listed.length > 0 ? listed : null;
      });
      assert.equal(notes.length, 1, `expected exactly the one valid note after reload, got: ${JSON.stringify(notes)}`);
      assert.ok(notes[0]?.includes(`${kept} Edited.`), `the saved note was lost or not edited: ${notes[0]}`);

      await popup.getByRole('button', { name: /^Delete note/ }).click();
      await waitFor('the deleted note to leave the list', async () => (await popupNotes(popup)).length === 0);
    });
  });
});
