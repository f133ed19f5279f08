/**
 * Wikipedia look-ups as a reader meets them, against a local stand-in for Wikipedia
 * (lib/wiki-server.ts): hovering a name with no starter card shows what "Wikipedia" says about
 * it; every request names Backstory in Api-User-Agent; a 429 with Retry-After makes Backstory
 * wait as asked and then succeed; an ambiguous name offers "Choose one" in the popup, and the
 * reader's choice becomes the card, on the popup and on the page; a card the reader deleted is
 * not fetched again by the next hover, only by "Look up again".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axTree, describeRoles, findAll, textOf, waitForAx, waitForNoAx } from './lib/ax';
import { type Browser, launch } from './lib/browser';
import { useServer } from './lib/fixtures';
import { hoverMark, moveAway, waitForMarks } from './lib/marks';
import { entityButtonName, openPopup } from './lib/popup';
import { waitFor } from './lib/wait';
import { startWikiServer, type WikiServer } from './lib/wiki-server';

const server = useServer();
const ARTICLE = '/wiki/article.html';
const SUMMARY = '/api/rest_v1/page/summary/';
/** Seconds the stand-in asks Backstory to wait after its 429. */
const RETRY_AFTER_S = 2;

/** Closes any open card (Escape, pointer away), so the next hover is not caught by it. */
async function closeCards(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await moveAway(page);
  await waitForNoAx(page, { role: 'dialog' }, { timeout: 3_000 });
}

/** Hovers `name` and waits until its card's text matches `expected`; returns that text. */
async function cardText(page: Page, name: string, expected: RegExp): Promise<string> {
  await closeCards(page);
  await hoverMark(page, name);
  let text = `(no dialog "${name}")`;
  try {
    return await waitFor(
      `the card of ${name} to show ${expected}`,
      async () => {
        const { tree, node } = await waitForAx(page, { role: 'dialog', name });
        text = textOf(tree, node);
        return expected.test(text) ? text : null;
      },
      { timeout: 20_000 },
    );
  } catch {
    const seen = describeRoles(await axTree(page), ['dialog']);
    assert.fail(`the hover card of ${name} never showed ${expected}; card text: ${text}; open: ${seen}`);
  }
}

describe('Wikipedia look-ups (local stand-in)', () => {
  let wiki: WikiServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async () => {
    wiki = await startWikiServer();
    // Tomas Brandt's summary is answered "429, come back in 2 s" the first time.
    wiki.throttleOnce((r) => r.method === 'GET' && r.path === `${SUMMARY}Tomas_Brandt`, String(RETRY_AFTER_S));
    browser = await launch();
    const base = wiki.url;
    await browser.worker?.evaluate(async (lookupBaseUrl) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
        .chrome;
      await api.storage.local.set({ lookups: true, lookupBaseUrl });
    }, base);
    page = await browser.context.newPage();
    await page.goto(server.url(ARTICLE));
    await waitForMarks(page, 3);
  });
  after(async () => {
    await browser?.close();
    await wiki?.close();
  });

  test('a name without a starter card shows the description the server gave', { timeout: 60_000 }, async () => {
    if (!page || !wiki) throw new Error('setup failed');
    const text = await cardText(page, 'Ingrid Halvorsen', /harbour commissioner/);
    assert.match(text, /Person/, `the card does not say "Person": ${text}`);
    assert.match(text, /served as harbour commissioner of Tromsø since 2018/, `no summary on the card: ${text}`);

    const gets = wiki.requests.filter((r) => r.method === 'GET');
    assert.ok(gets.length > 0, 'the Wikipedia stand-in received no request');
    const unnamed = gets.filter((r) => !/^Backstory\/\d+\.\d+\.\d+ \(.+\)$/.test(String(r.headers['api-user-agent'])));
    assert.deepEqual(
      unnamed.map((r) => `${r.path} api-user-agent=${r.headers['api-user-agent']}`),
      [],
      'requests without an Api-User-Agent header naming Backstory and its version',
    );
    const asked = gets.some(
      (r) => r.path === `${SUMMARY}Ingrid_Halvorsen` || (r.params.titles ?? '').split('|').includes('Ingrid Halvorsen'),
    );
    assert.ok(asked, `Backstory never asked about Ingrid Halvorsen: ${gets.map((r) => r.path).join(', ')}`);
  });

  test('a 429 with Retry-After delays the look-up as asked, then it succeeds', { timeout: 60_000 }, async (t) => {
    if (!page || !wiki) throw new Error('setup failed');
    await cardText(page, 'Tomas Brandt', /civil servant and diplomat/);
    const tries = wiki.requests.filter((r) => r.method === 'GET' && r.path === `${SUMMARY}Tomas_Brandt`);
    assert.deepEqual(
      tries.map((r) => r.status).slice(0, 2),
      [429, 200],
      `expected a 429 then a 200 for Tomas Brandt's summary, got ${tries.map((r) => r.status).join(', ')}`,
    );
    const [first, second] = tries as [(typeof tries)[0], (typeof tries)[0]];
    const waited = second.at - first.at;
    t.diagnostic(`retried ${waited} ms after the 429 (Retry-After: ${RETRY_AFTER_S})`);
    // 100 ms of slack for timer granularity; the default back-off without the header is 1 s.
    assert.ok(
      waited >= RETRY_AFTER_S * 1000 - 100,
      `Backstory retried after ${waited} ms, sooner than Retry-After: ${RETRY_AFTER_S}`,
    );
    // The pause is shared: nothing else went out during it.
    const during = wiki.requests.filter((r) => r.method === 'GET' && r.at > first.at && r.at < second.at);
    assert.deepEqual(
      during.map((r) => r.path),
      [],
      'requests went out while Wikipedia had asked Backstory to wait',
    );
  });

  test('an ambiguous name offers "Choose one" in the popup; the choice becomes the card', {
    timeout: 60_000,
  }, async () => {
    if (!page || !wiki || !browser) throw new Error('setup failed');
    await closeCards(page);
    const popup = await openPopup(browser, page);
    await popup.getByRole('heading', { level: 2, name: 'People' }).waitFor({ timeout: 15_000 });
    await popup.getByRole('button', { name: entityButtonName('Daniel Weiss') }).click();
    await popup
      .getByText(/Choose one/)
      .waitFor({ timeout: 20_000 })
      .catch(async () =>
        assert.fail(
          `no "Choose one" for Daniel Weiss; popup says: ${(await popup.locator('body').innerText()).slice(0, 600)}`,
        ),
      );
    const list = popup.getByRole('list', { name: 'Candidate articles' });
    const offered = (await list.getByRole('button').allInnerTexts()).map((s) => s.trim());
    for (const title of ['Daniel Weiss (politician)', 'Daniel Weiss (footballer)'])
      assert.ok(offered.includes(title), `"${title}" is not offered; candidates: ${offered.join(' | ')}`);
    assert.ok(!offered.includes('Daniel Weiss'), 'the disambiguation page itself is offered as a candidate');

    // Not the top-ranked one: the reader's choice must be what sticks.
    await list.getByRole('button', { name: 'Daniel Weiss (footballer)' }).click();
    // The candidate list already shows the description: the article's summary only shows on a card.
    const body = popup.locator('body');
    await waitFor('the popup to show the chosen article as the card', async () => {
      const shown = await body.innerText();
      return /plays as a midfielder/.test(shown) && !/No card yet/.test(shown);
    }).catch(async () => assert.fail(`after choosing, the popup says: ${JSON.stringify(await body.innerText())}`));
    const headings = (await popup.getByRole('heading', { level: 2 }).allInnerTexts()).map((h) => h.trim());
    assert.ok(
      headings.includes('Daniel Weiss'),
      `no card heading "Daniel Weiss" (without the "(footballer)" qualifier); headings: ${headings.join(' | ')}`,
    );
    assert.match(await body.innerText(), /German footballer \(born 1994\)/, 'the card lacks the chosen description');
    assert.equal(
      await popup.getByText(/Choose one/).count(),
      0,
      `"Choose one" is still shown after choosing; popup says: ${JSON.stringify(await popup.locator('body').innerText())}`,
    );
    assert.ok(
      wiki.requests.some((r) => r.path === `${SUMMARY}Daniel_Weiss_(footballer)` && r.status === 200),
      'the chosen article was never fetched',
    );
    await popup.close();

    // The hover card on the page now shows the chosen article too.
    await page.bringToFront();
    const text = await cardText(page, 'Daniel Weiss', /plays as a midfielder/);
    const { tree, node } = await waitForAx(page, { role: 'dialog', name: 'Daniel Weiss' });
    assert.ok(
      findAll(tree, { role: 'heading', name: 'Daniel Weiss' }, node).length > 0,
      `the hover card has no heading "Daniel Weiss": ${text}`,
    );
  });

  test('a deleted Wikipedia card stays deleted on the next hover; "Look up again" brings it back', {
    timeout: 60_000,
  }, async () => {
    if (!page || !wiki || !browser) throw new Error('setup failed');
    await cardText(page, 'Ingrid Halvorsen', /harbour commissioner/);
    await closeCards(page);
    const popup = await openPopup(browser, page);
    await popup.getByRole('heading', { level: 2, name: 'People' }).waitFor({ timeout: 15_000 });
    await popup.getByRole('button', { name: entityButtonName('Ingrid Halvorsen') }).click();
    await popup.getByRole('button', { name: 'Delete card' }).click({ timeout: 15_000 });
    await popup.getByRole('button', { name: 'Yes, delete card' }).click();
    await popup.getByText(/You deleted the card for this name/).waitFor({ timeout: 10_000 });
    const asked = () => wiki!.requests.filter((r) => r.path === `${SUMMARY}Ingrid_Halvorsen`).length;
    const before = asked();

    // The next hover does not fetch it again: the card says it was deleted.
    await page.bringToFront();
    const text = await cardText(page, 'Ingrid Halvorsen', /You deleted the card/);
    assert.doesNotMatch(text, /harbour commissioner/, 'the deleted card came back by itself');
    assert.equal(asked(), before, 'Backstory asked Wikipedia again after the reader deleted the card');

    // Asking explicitly fetches it again.
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Look up again' }).click();
    await popup
      .getByText(/harbour commissioner/)
      .first()
      .waitFor({ timeout: 15_000 });
    await popup.close();
  });
});
