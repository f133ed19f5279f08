/**
 * The hover card's note frame from the keyboard and against a meddling page: Tab goes from the card
 * into the frame and back out, the focus ring shows, the card stays open while focus is in the frame
 * (wherever the pointer goes), Escape in the editor cancels it and Escape again closes the card and
 * gives focus back; a first note on a name without a card creates the card and the same frame goes on;
 * a page cannot steer the card's frame (and a navigated frame would be dropped); a note left
 * unsaved when the card closed is in the editor again when the card reopens.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { axTree, findAll, waitForAx, waitForNoAx } from './lib/ax';
import { type Browser, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { hoverMark, moveAway, waitForMarks } from './lib/marks';
import { escapeFromNoteFrame, isNoteFrameUrl, noteFrame } from './lib/note-frame';
import { tabIdOf } from './lib/popup';
import { sleep, waitFor } from './lib/wait';

const server = useServer();

/** Opens the next name's card the way the keyboard command does (focus moves to its heading). */
async function nextName(browser: Browser, page: Page): Promise<string> {
  const tabId = await tabIdOf(browser, page);
  const reply = await browser.worker?.evaluate(
    ([id]) =>
      (
        globalThis as unknown as { backstoryCommand(c: string, t: number): Promise<{ value?: { name?: string } }> }
      ).backstoryCommand('next-name', id),
    [tabId] as const,
  );
  const name = reply?.value?.name;
  assert.ok(name, `next-name opened no card: ${JSON.stringify(reply)}`);
  return name;
}

/** The focused element in the frame (its text and outline), or null when focus is elsewhere. */
function focusIn(frame: Frame): Promise<{ text: string; outline: string } | null> {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!document.hasFocus() || !el || el === document.body) return null;
    return { text: (el.textContent ?? '').trim(), outline: getComputedStyle(el).outlineStyle };
  });
}

/**
 * Opens the card of a person with no starter card, on the local test article, under the pointer
 * (offline, Wikipedia cannot be asked: the card offers "Create card").
 */
async function openIngridsCard(browser: Browser) {
  const page = await browser.context.newPage();
  await page.goto(server.url('/wiki/article.html'));
  await waitForMarks(page);
  await hoverMark(page, 'Ingrid Halvorsen');
  const { node: card } = await waitForAx(page, { role: 'dialog', name: 'Ingrid Halvorsen' });
  return { page, card };
}

describe('note frame', () => {
  test('Tab goes into the frame and out; focus keeps the card open; Escape cancels, then closes and returns focus', {
    timeout: 120_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page, 5);
      await page.focus('a.skip');
      const name = await nextName(browser, page);
      await waitForAx(page, { role: 'dialog', name });
      const frame = await noteFrame(page);

      let inside: Awaited<ReturnType<typeof focusIn>> = null;
      for (let i = 0; i < 12 && !inside; i++) {
        await page.keyboard.press('Tab');
        inside = await focusIn(frame);
      }
      assert.equal(inside?.text, 'Add note', 'Tab from the card never reached the notes’ "Add note" button');
      assert.equal(inside?.outline, 'solid', 'the focused "Add note" button shows no focus ring');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusIn(frame), null, 'Shift+Tab did not leave the frame');
      assert.equal(
        await page.evaluate(() => document.activeElement?.localName),
        'backstory-host',
        'Shift+Tab out of the frame should land back in the card',
      );
      await page.keyboard.press('Tab');
      assert.equal((await focusIn(frame))?.text, 'Add note', 'Tab did not go back into the frame');

      // Open the editor from the keyboard and type; the pointer wanders off; the card stays.
      await page.keyboard.press('Enter');
      await frame.getByRole('textbox', { name: 'Note' }).waitFor();
      await page.keyboard.type('Half a thought');
      await moveAway(page);
      await sleep(1_000);
      await waitForAx(page, { role: 'dialog', name }, { timeout: 1_000 }).catch(() =>
        assert.fail('the card closed under a note being written when the pointer moved away'),
      );
      await page.keyboard.press('Escape'); // cancels the editor only
      await frame.getByRole('button', { name: 'Add note' }).waitFor();
      await waitFor('focus back on "Add note"', async () => (await focusIn(frame))?.text === 'Add note');
      await waitForAx(page, { role: 'dialog', name }, { timeout: 1_000 });
      await escapeFromNoteFrame(page); // closes the card
      await waitForNoAx(page, { role: 'dialog', name });
      await waitFor('focus to return to the skip link', () =>
        page.evaluate(() => document.activeElement?.className === 'skip'),
      );
    });
  });

  test('a first note on a name without a card creates it; the frame stays and lists the note', {
    timeout: 90_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const { page, card } = await openIngridsCard(browser);
      await waitForAx(page, { role: 'button', name: 'Create card' }, { timeout: 20_000 });
      const frame = await noteFrame(page);
      await frame.getByRole('button', { name: 'Add note' }).click();
      await frame.getByRole('textbox', { name: 'Note' }).pressSequentially('Ask about the quota deadline.');
      await frame.getByRole('button', { name: 'Save note' }).click();
      await frame
        .getByRole('list', { name: 'Notes' })
        .getByText('Ask about the quota deadline.')
        .waitFor({ timeout: 5_000 });
      // The card reloaded (it has a card now); the frame stayed the same document (no reload, not dropped).
      await waitForNoAx(page, { role: 'button', name: 'Create card' });
      await sleep(500);
      const tree = await axTree(page);
      assert.equal(findAll(tree, { role: 'alert' }).length, 0, 'the card dropped its note frame');
      assert.ok(!frame.isDetached(), 'the note frame was replaced');
      assert.ok(findAll(tree, { role: 'dialog', name: card.name }).length > 0, 'the card closed');
    });
  });

  test('a note left unsaved when the card closes is back in the editor the next time the card opens', {
    timeout: 90_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const { page } = await openIngridsCard(browser);
      const frame = await noteFrame(page);
      await frame.getByRole('button', { name: 'Add note' }).click();
      await frame.getByRole('textbox', { name: 'Note' }).pressSequentially('Ask about the quota');
      // The reader clicks back into the article, then the pointer leaves the card: it closes.
      await page.mouse.click(5, 5);
      await moveAway(page);
      await waitForNoAx(page, { role: 'dialog', name: 'Ingrid Halvorsen' }, { timeout: 10_000 });

      await hoverMark(page, 'Ingrid Halvorsen');
      await waitForAx(page, { role: 'dialog', name: 'Ingrid Halvorsen' });
      const again = await waitFor('a new note frame', () =>
        page.frames().find((f) => f !== frame && isNoteFrameUrl(f.url()) && !f.isDetached()),
      );
      const box = again.getByRole('textbox', { name: 'Note' });
      await box.waitFor({ timeout: 10_000 });
      assert.equal(await box.inputValue(), 'Ask about the quota');
      // Opening under the pointer does not take the page's focus.
      assert.equal(await again.evaluate(() => document.hasFocus()), false, 'the reopened draft took focus');
      await box.pressSequentially(' deadline.');
      await again.getByRole('button', { name: 'Save note' }).click();
      await again.getByRole('list', { name: 'Notes' }).getByText('Ask about the quota deadline.').waitFor();
      await again.getByRole('button', { name: 'Add note' }).waitFor();
    });
  });

  test('a page cannot steer the card’s frame to a look-alike editor (and a navigated frame is dropped)', {
    timeout: 90_000,
  }, async (t) => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      await hoverMark(page, 'Jens Stoltenberg');
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      await noteFrame(page);
      // What a hostile page could try: point every frame it can reach at a look-alike of its own.
      const reached = await page.evaluate((url) => {
        let n = 0;
        for (let i = 0; i < window.frames.length; i++) {
          try {
            const frame = window.frames[i];
            if (!frame) continue;
            frame.location.href = url;
            n++;
          } catch {
            /* not reachable */
          }
        }
        return n;
      }, server.url('/fake-editor.html'));
      t.diagnostic(`frames the page could navigate: ${reached}`);
      if (reached > 0)
        await waitForAx(page, { role: 'alert', name: /notes were closed/ }).catch(() =>
          assert.fail('the card kept a frame the page navigated away from the note editor'),
        );
      await waitFor('no page-controlled frame in the card', () =>
        page.frames().every((f) => f === page.mainFrame() || isNoteFrameUrl(f.url()) || f.isDetached()),
      );
      assert.ok(
        page.frames().every((f) => !f.url().includes('fake-editor')),
        'a page-controlled frame remains in the card',
      );

      // A page (framework) that removes Backstory's host: the card puts it back, and the frame, reloaded
      // with it, is Backstory's own page again, not a stranger to drop.
      await page.evaluate(() => document.querySelector('backstory-host')?.remove());
      await waitFor('the card’s host to be put back', () =>
        page.evaluate(() => !!document.querySelector('html > backstory-host')),
      );
      await noteFrame(page);
      await sleep(300);
      assert.equal(findAll(await axTree(page), { role: 'alert' }).length, 0, 'the card dropped its own reloaded frame');
    });
  });
});
