/**
 * The keyboard path to the cards: the "next name" / "previous name" commands move a focus ring
 * (the `backstory-focus` CSS highlight) through the marked names in reading order and open each
 * name's card with focus on its heading; Escape closes the card and gives focus back; "toggle marks"
 * hides and shows every mark. Browser shortcuts cannot be pressed through Playwright, so the test
 * runs the worker's own command handler (`backstoryCommand`, what chrome.commands.onCommand calls).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForAx, waitForNoAx } from './lib/ax';
import { type Browser, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { waitForMarks } from './lib/marks';
import { tabIdOf } from './lib/popup';
import { waitFor } from './lib/wait';

const server = useServer();

type Reply = { ok: true; value: { done: boolean; name?: string; marksShown?: boolean } } | { ok: false; error: string };

/** Runs a manifest command the way chrome.commands.onCommand would, for `page`'s tab. */
async function command(browser: Browser, page: Page, name: string): Promise<Reply> {
  const tabId = await tabIdOf(browser, page);
  const worker = browser.worker;
  if (!worker) throw new Error('no extension worker');
  return worker.evaluate(
    ([cmd, id]) =>
      (globalThis as unknown as { backstoryCommand(c: string, t: number): Promise<Reply> }).backstoryCommand(cmd, id),
    [name, tabId] as const,
  );
}

/** The focus ring as the page world sees it: its text and where it starts in the document. */
async function ring(page: Page): Promise<{ text: string; order: number } | null> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('backstory-focus');
    const r = h ? [...h][0] : undefined;
    if (!r) return null;
    // Position in reading order: how many marked ranges (of any kind) start before it.
    let order = 0;
    for (const [name, set] of CSS.highlights) {
      if (name === 'backstory-focus') continue;
      for (const m of set) {
        const a = document.createRange();
        a.setStart(m.startContainer, m.startOffset);
        const b = document.createRange();
        b.setStart(r.startContainer, r.startOffset);
        if (a.compareBoundaryPoints(Range.START_TO_START, b) < 0) order++;
      }
    }
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return { text: range.toString().replace(/\s+/g, ' ').trim(), order };
  });
}

const kindHighlights = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k !== 'backstory-focus').sort());

describe('keyboard', () => {
  test('next/previous name move a focus ring in reading order and open the card with focus in it; Escape returns focus', {
    timeout: 90_000,
  }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page, 10);
      // Where the reader's focus was before: the page's skip link.
      await page.focus('a.skip');

      const first = await command(browser, page, 'next-name');
      assert.ok(first.ok && first.value.done && first.value.name, `next-name did nothing: ${JSON.stringify(first)}`);
      const ring1 = await ring(page);
      assert.ok(ring1, 'no backstory-focus highlight after next-name');
      assert.equal(
        ring1.order,
        0,
        `the first step should land on the first marked name in reading order, got "${ring1.text}" at ${ring1.order}`,
      );
      await waitForAx(page, { role: 'dialog', name: first.value.name });
      // Focus is inside Backstory's (closed) UI: the page only sees its host element.
      await waitFor('focus to move into the card', () =>
        page.evaluate(() => document.activeElement?.tagName.toLowerCase() === 'backstory-host'),
      );

      const second = await command(browser, page, 'next-name');
      assert.ok(second.ok && second.value.done, `second next-name failed: ${JSON.stringify(second)}`);
      const ring2 = await ring(page);
      assert.ok(ring2 && ring2.order > ring1.order, `the ring did not move forward: ${JSON.stringify([ring1, ring2])}`);
      await waitForAx(page, { role: 'dialog', name: second.value.name });

      const back = await command(browser, page, 'previous-name');
      assert.ok(back.ok && back.value.done, `previous-name failed: ${JSON.stringify(back)}`);
      assert.deepEqual(await ring(page), ring1, 'previous-name should go back to the first name');
      const { node } = await waitForAx(page, { role: 'dialog', name: back.value.name });

      await page.keyboard.press('Escape');
      await waitForNoAx(page, { role: 'dialog', name: node.name });
      const focused = await page.evaluate(() => document.activeElement?.className);
      assert.equal(focused, 'skip', 'Escape should return focus to where it was before the card opened');
    });
  });

  test('toggle marks hides every mark and shows them again', { timeout: 60_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page, 10);
      const before = await kindHighlights(page);
      assert.ok(before.length >= 3, `expected several kinds marked: ${before}`);
      const off = await command(browser, page, 'toggle-marks');
      assert.deepEqual(off, { ok: true, value: { done: true, marksShown: false } });
      assert.deepEqual(await kindHighlights(page), [], 'marks still registered after toggling them off');
      const on = await command(browser, page, 'toggle-marks');
      assert.deepEqual(on, { ok: true, value: { done: true, marksShown: true } });
      assert.deepEqual(await kindHighlights(page), before);
    });
  });

  test('the commands are declared in the manifest with their shortcuts', { timeout: 30_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const commands = await browser.worker?.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } };
          }
        ).chrome.commands.getAll(),
      );
      const byName = Object.fromEntries((commands ?? []).map((c) => [c.name, c.shortcut]));
      for (const name of ['next-name', 'previous-name', 'toggle-marks', '_execute_action'])
        assert.ok(name in byName, `command ${name} missing: ${JSON.stringify(commands)}`);
    });
  });
});
