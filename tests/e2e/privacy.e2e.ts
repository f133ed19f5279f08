/**
 * Private by construction: a script in the news page's own world (added before the page loads, as
 * a hostile or nosy page could) watches every DOM mutation, reads every element's text, attributes
 * and form values (open shadow roots included) and listens to keyboard and input events on window in
 * the capture phase. While the reader opens a card with notes and types a new note into it, none of
 * the notes' words may reach anything that script can read from the DOM.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { clickAx, findAll, textOf, waitForAx } from './lib/ax';
import { withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { hoverMark, waitForMarks } from './lib/marks';
import { entityButtonName, openPopup } from './lib/popup';
import { waitFor } from './lib/wait';

const server = useServer();

// Words that appear nowhere else: in the saved note, and in the note typed on the card.
const SAVED_WORD = 'Quorblexity';
const TYPED_WORD = 'Zyntharowl';

/** Runs in the page's world from document start: records all the page can see into window.__spy. */
const SPY = `(() => {
  const dom = [];
  const keys = {};
  const seen = { dom, keys, innerTargets: 0 };
  Object.defineProperty(window, '__spy', { value: seen });
  const readNode = (node) => {
    if (!node) return;
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) { dom.push(node.data); return; }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const walk = (root) => {
      const all = root.querySelectorAll ? [root, ...root.querySelectorAll('*')] : [];
      for (const el of all) {
        if (!el.attributes) continue;
        for (const a of el.attributes) dom.push(a.name + '=' + a.value);
        if ('value' in el && typeof el.value === 'string') dom.push(el.value);
        if (el.shadowRoot) walk(el.shadowRoot); // open shadow roots only: a closed one is null here
      }
      dom.push(root.textContent || '');
    };
    walk(node);
  };
  seen.scan = () => readNode(document.documentElement);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      readNode(r.target);
      r.addedNodes.forEach(readNode);
      if (r.oldValue) dom.push(r.oldValue);
    }
  });
  const start = () => observer.observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true,
  });
  start();
  for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'compositionend', 'paste']) {
    window.addEventListener(type, (e) => {
      const v = e.key ?? e.data ?? '';
      keys[type] = (keys[type] || '') + (v.length === 1 ? v : '');
      const t = e.target;
      if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT')) { seen.innerTargets++; dom.push(t.value); }
    }, true);
  }
})();`;

interface Seen {
  dom: string;
  /** Per event type, the printable keys (e.key) or inserted text (e.data) in order. */
  keys: Record<string, string>;
  innerTargets: number;
}

async function whatThePageSaw(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const s = (window as unknown as { __spy: { dom: string[]; keys: Record<string, string>; scan(): void } & Seen })
      .__spy;
    s.scan();
    return { dom: s.dom.join('\n'), keys: s.keys, innerTargets: s.innerTargets };
  });
}

describe('privacy', () => {
  test('a page script never sees a word of a note, saved or being typed', { timeout: 150_000 }, async (t) => {
    await withBrowser({}, async (browser) => {
      const page = await browser.context.newPage();
      await page.addInitScript({ content: SPY });
      await page.goto(server.url(DEMO_PATH));
      await waitForMarks(page);

      // A note saved from the popup (an extension page), so the card has notes to show.
      const popup = await openPopup(browser, page);
      await popup.getByRole('button', { name: entityButtonName('Jens Stoltenberg') }).click({ timeout: 15_000 });
      await popup.getByRole('button', { name: 'Add note' }).click();
      await popup.getByRole('textbox', { name: 'Note' }).fill(`Private: ${SAVED_WORD} met him in Oslo.`);
      await popup.getByRole('button', { name: 'Save note' }).click();
      await popup.getByRole('list', { name: 'Notes' }).getByText(SAVED_WORD).waitFor({ timeout: 5_000 });
      await popup.close();

      // The card on the page shows the saved note (the reader sees it; the accessibility tree proves it).
      await page.bringToFront();
      await hoverMark(page, 'Jens Stoltenberg');
      await waitFor('the hover card to show the saved note', async () => {
        const { tree, node } = await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
        return textOf(tree, node).includes(SAVED_WORD);
      });

      // The reader types a new note into the card.
      const { tree, node: card } = await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      const add = findAll(tree, { role: 'button', name: 'Add note' }, card)[0];
      assert.ok(add, `the card has no "Add note" button; card text: ${textOf(tree, card)}`);
      await clickAx(page, add);
      const { node: box } = await waitForAx(page, { role: 'textbox', name: 'Note' });
      await clickAx(page, box);
      await page.keyboard.type(`Typed here: ${TYPED_WORD} again.`);
      const { node: save } = await waitForAx(page, { role: 'button', name: 'Save note' });
      await clickAx(page, save);
      await waitFor('the card to list the typed note', async () => {
        const { tree: t2, node: c } = await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
        return textOf(t2, c).includes(TYPED_WORD);
      });

      const seen = await whatThePageSaw(page);
      assert.ok(seen.dom.length > 1000, 'the spy read the page (sanity check)');
      assert.ok(seen.dom.includes('Stoltenberg'), 'the spy read the article text (sanity check)');
      for (const word of [SAVED_WORD, TYPED_WORD])
        assert.ok(!seen.dom.includes(word), `the page's DOM (mutations, text, attributes, values) showed "${word}"`);
      // Key events cross the closed shadow root retargeted to its host: the page never gets the
      // text box itself, so it cannot read what is in it.
      assert.equal(seen.innerTargets, 0, 'a key or input event reached the page with the note box as its target');
      // What a capture-phase key logger on window can still do: rebuild the typed word from e.key.
      const leaked = Object.entries(seen.keys).filter(([, typed]) => typed.includes(TYPED_WORD));
      t.diagnostic(
        `keystrokes typed in the card visible to a page key logger: ${leaked.length ? `yes, through ${leaked.map(([type]) => type).join(', ')}` : 'no'}`,
      );
    });
  });
});
