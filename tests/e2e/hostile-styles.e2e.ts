/**
 * A page that styles everything it can reach. The hover card must look the same as on a plain page
 * (the page's CSS, inherited values included, never gets into the card), and neither marking the
 * names nor opening the card may move anything on the page: every element's box is where it is
 * when the extension is not installed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type AxNode, cdp, waitForAx } from './lib/ax';
import { launch, withBrowser } from './lib/browser';
import { DEMO_PATH, useServer } from './lib/fixtures';
import { hoverMark, waitForMarks } from './lib/marks';
import { sleep, waitFor } from './lib/wait';

const server = useServer();

/**
 * Rules a careless or hostile stylesheet might hold: inherited text properties on everything
 * (these reach a shadow tree through its host unless the host resets them), rules aimed at any
 * extra child of <html>, at dialogs and at custom elements, and a highlight restyle.
 */
const HOSTILE_CSS = `
  *, *::before, *::after { font-size: 31px !important; line-height: 3 !important; letter-spacing: 4px !important;
    font-family: serif !important; color: #c00 !important; text-transform: uppercase !important; box-sizing: content-box !important; }
  html > :not(head):not(body), body ~ *, [role="dialog"], dialog { display: none !important; }
  :not(:defined), *:is(backstory-host) { display: none !important; visibility: hidden !important; opacity: 0 !important; }
  iframe { width: 3px !important; height: 3px !important; }
  html { zoom: 1 !important; padding-top: 17px !important; }
`;

/** Serves the demo article with HOSTILE_CSS appended to its head. */
async function serveHostile(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === DEMO_PATH,
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</head>', `<style>${HOSTILE_CSS}</style></head>`);
      await route.fulfill({ response, body: html });
    },
  );
}

/** Every element of the page's body with its box in page coordinates (rounded to 0.1 px), plus the scroll size. */
function pageLayout(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const round = (n: number) => Math.round(n * 10) / 10;
    const out = [`scroll ${document.documentElement.scrollWidth}x${document.documentElement.scrollHeight}`];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      out.push(
        `${el.tagName} ${round(r.left + scrollX)},${round(r.top + scrollY)} ${round(r.width)}x${round(r.height)}`,
      );
    }
    return out;
  });
}

/** Boxes that differ between two layouts (the first few), for a readable failure. */
function moved(before: string[], after: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length) && out.length < 6; i++)
    if (before[i] !== after[i]) out.push(`#${i}: ${before[i] ?? '(none)'} -> ${after[i] ?? '(none)'}`);
  return out;
}

/** Width and height of an accessibility node's box (CSS px), read through CDP. */
async function axSize(page: Page, node: AxNode): Promise<{ width: number; height: number }> {
  const session = await cdp(page);
  const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as {
    model: { width: number; height: number };
  };
  return { width: model.width, height: model.height };
}

/** Opens Jens Stoltenberg's card and returns the sizes of the card and its heading once they stop changing. */
async function openCardSizes(page: Page): Promise<{ card: string; heading: string }> {
  await waitForMarks(page);
  await hoverMark(page, 'Jens Stoltenberg');
  let last = '';
  return waitFor(
    'the card to settle (the same size twice, 300 ms apart, with his description)',
    async () => {
      const { tree, node } = await waitForAx(page, { role: 'dialog', name: 'Jens Stoltenberg' });
      const heading = [...tree.nodes.values()].find((n) => n.role === 'heading' && n.name === 'Jens Stoltenberg');
      if (!heading) return null;
      const size = (s: { width: number; height: number }) => `${Math.round(s.width)}x${Math.round(s.height)}`;
      const now = { card: size(await axSize(page, node)), heading: size(await axSize(page, heading)) };
      const key = JSON.stringify(now);
      const settled = key === last;
      last = key;
      await sleep(300);
      return settled ? now : null;
    },
    { timeout: 15_000 },
  );
}

describe('hostile page styles', () => {
  test("the page's CSS does not reach the card; marks and the open card move nothing on the page", {
    timeout: 120_000,
  }, async () => {
    const url = server.url(DEMO_PATH);
    const plainCard = await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(url);
      return openCardSizes(page);
    });

    // The page as it lays out without Backstory installed.
    const bare = await launch({ extension: false });
    let without: string[];
    try {
      const page = await bare.context.newPage();
      await serveHostile(page);
      await page.goto(url, { waitUntil: 'load' });
      await sleep(500);
      without = await pageLayout(page);
    } finally {
      await bare.close();
    }

    await withBrowser({}, async ({ context }) => {
      const page = await context.newPage();
      await serveHostile(page);
      await page.goto(url, { waitUntil: 'load' });
      await waitForMarks(page, 5);
      const marked = await pageLayout(page);
      assert.deepEqual(moved(without, marked), [], 'marking the names moved boxes on the page');

      const hostileCard = await openCardSizes(page);
      assert.deepEqual(hostileCard, plainCard, "the page's styles changed the card's size (card and heading, px)");
      const open = await pageLayout(page);
      assert.deepEqual(moved(without, open), [], 'opening the card moved boxes on the page');
    });
  });
});
