/**
 * axe-core reports no violations on the popup (entity list, and an entity's card with notes: the
 * same CardView and NotesPanel the hover card uses), the options page, the notebook, and the open
 * hover card itself. The hover card lives in a CLOSED shadow root that axe (page world) cannot
 * enter, so for that one audit the test makes the content script's attachShadow open its root
 * (evaluated in the content script's own world, before the card's host exists); the card rendered
 * is otherwise exactly the one readers get. The card's notes part is an extension frame inside it
 * (so the page never sees a note); axe audits that frame's document on its own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { cdp, waitForAx } from './lib/ax';
import { describeViolations, runAxe } from './lib/axe';
import { type Browser, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { hoverMark, waitForMarks } from './lib/marks';
import { noteFrame } from './lib/note-frame';
import { entityButtonName, openPopup } from './lib/popup';

const server = useServer();

async function assertNoViolations(page: Page | Frame, what: string, selector?: string): Promise<void> {
  const violations = await runAxe(page, selector);
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    `axe on ${what}:\n  ${describeViolations(violations)}`,
  );
}

/** The demo article with a note on Jens Stoltenberg (written in the popup, which is left open on his card). */
async function articleWithNote(browser: Browser): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(server.url(DEMO_PATH));
  await waitForMarks(page);
  const popup = await openPopup(browser, page);
  await popup.getByRole('heading', { level: 2, name: 'People' }).waitFor({ timeout: 15_000 });
  return { page, popup };
}

/** Makes the content script's shadow roots open, in its isolated world (see the file comment). */
async function openShadowRootsForAudit(page: Page): Promise<void> {
  const session = await cdp(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }> = [];
  session.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) =>
    contexts.push(e.context),
  );
  await session.send('Runtime.enable'); // replays the contexts that already exist
  const world = contexts.find((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.isDefault === false);
  assert.ok(world, `no content script world found: ${JSON.stringify(contexts.map((c) => c.origin))}`);
  await session.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `(() => { const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); }; })()`,
  });
}

describe('accessibility (axe-core)', () => {
  test('popup: entity list, and a card with notes (the hover card’s components)', { timeout: 90_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const { popup } = await articleWithNote(browser);
      await assertNoViolations(popup, 'the popup entity list');
      await popup.getByRole('button', { name: entityButtonName('Jens Stoltenberg') }).click();
      await popup.getByRole('button', { name: 'Add note' }).click();
      await popup.getByRole('textbox', { name: 'Note' }).fill('Chaired the Nato-Russia Council in 2019.');
      await assertNoViolations(popup, 'the popup card with the note editor open');
      await popup.getByRole('button', { name: 'Save note' }).click();
      await popup.getByRole('button', { name: /^Edit note/ }).waitFor();
      await assertNoViolations(popup, 'the popup card with a note');
    });
  });

  test('options page and notebook', { timeout: 90_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const { popup } = await articleWithNote(browser);
      await popup.getByRole('button', { name: entityButtonName('Jens Stoltenberg') }).click();
      await popup.getByRole('button', { name: 'Add note' }).click();
      await popup.getByRole('textbox', { name: 'Note' }).fill('A note so the notebook has something to list.');
      await popup.getByRole('button', { name: 'Save note' }).click();
      await popup.getByRole('button', { name: /^Edit note/ }).waitFor();

      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByRole('heading', { level: 1 }).waitFor();
      await options.getByLabel('Hover delay (milliseconds)').waitFor();
      await assertNoViolations(options, 'the options page');
      await options.getByRole('button', { name: 'Delete everything…' }).click();
      await options.getByRole('dialog', { name: 'Delete everything?' }).waitFor();
      await assertNoViolations(options, 'the options page with the "Delete everything?" dialog open');
      await options.keyboard.press('Escape');

      const onboarding = await browser.context.newPage();
      await onboarding.goto(`chrome-extension://${browser.extensionId}/onboarding.html`);
      await onboarding.getByRole('checkbox', { name: 'Look up names on Wikipedia' }).waitFor();
      await assertNoViolations(onboarding, 'the onboarding page');

      const notebook = await browser.context.newPage();
      await notebook.goto(`chrome-extension://${browser.extensionId}/notebook.html`);
      await notebook.getByRole('heading', { level: 1 }).waitFor();
      await notebook.getByText('A note so the notebook has something to list.').first().waitFor({ timeout: 10_000 });
      await assertNoViolations(notebook, 'the notebook');
    });
  });

  test('the open hover card', { timeout: 90_000 }, async () => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);
      await openShadowRootsForAudit(page);
      await hoverMark(page, 'Jens Stoltenberg');
      await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      const frame = await noteFrame(page);
      const open = await page.evaluate(
        () => !!document.querySelector('backstory-host')?.shadowRoot?.querySelector('[role="dialog"] h2'),
      );
      assert.ok(open, 'the audit could not open the card’s shadow root');
      await assertNoViolations(page, 'the hover card', 'backstory-host');
      // The card's notes part is an extension frame (the page never sees a note): audited in its own
      // document, as a part of the card like the card above (whole-page rules do not apply to a part).
      await assertNoViolations(frame, 'the hover card’s notes (its note frame)', '#app');
      await frame.getByRole('button', { name: 'Add note' }).click();
      await frame.getByRole('textbox', { name: 'Note' }).fill('Chaired the Nato-Russia Council in 2019.');
      await assertNoViolations(frame, 'the hover card’s note editor', '#app');
      await frame.getByRole('button', { name: 'Save note' }).click();
      await frame.getByRole('button', { name: /^Edit note/ }).waitFor();
      await assertNoViolations(frame, 'the hover card’s notes with a note', '#app');

      // prefers-reduced-motion: nothing in the card moves, even a transition set on an element's own style.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const moving = await page.evaluate(() => {
        const root = document.querySelector('backstory-host')?.shadowRoot;
        const probe = document.createElement('span');
        probe.style.transition = 'opacity 2s';
        probe.style.animation = 'spin 2s infinite';
        root?.querySelector('[role="dialog"]')?.append(probe);
        const all = [...(root?.querySelectorAll('*') ?? [])];
        const out = all
          .map((el) => getComputedStyle(el))
          .filter(
            (cs) => cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || cs.animationName !== 'none',
          ).length;
        probe.remove();
        return { reduce: matchMedia('(prefers-reduced-motion: reduce)').matches, moving: out, checked: all.length };
      });
      assert.ok(moving.reduce && moving.checked > 5, `reduced motion not emulated: ${JSON.stringify(moving)}`);
      assert.equal(moving.moving, 0, 'elements of the card still transition or animate under reduced motion');
    });
  });
});
